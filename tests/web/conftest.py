"""Fixtures for the web tests: a hand-made dossier with every fact table filled, one with none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.web.app import create_app
from tests.web import dossier


@pytest.fixture(scope="session")
def facts_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dossier.build(tmp_path_factory.mktemp("web") / "facts.duckdb")


@pytest.fixture(scope="session")
def bare_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Articles only: every fact table empty, as before the later stages land."""
    return dossier.build(tmp_path_factory.mktemp("web") / "bare.duckdb", facts=False)


@pytest.fixture(scope="session")
def client(facts_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(facts_db)) as c:
        yield c
