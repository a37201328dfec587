"""The web timeline page on the seed dossier: any name of an actor filters it, a name nobody
carries says so, and each event shows its report date and whether it lies after it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.web.app import create_app


@pytest.fixture(scope="module")
def seed_client(seed_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(seed_db)) as c:
        yield c


def rows(html: str) -> list[str]:
    return re.findall(r'<tr><td class="nowrap">.*?</tr>', html, flags=re.S)


def test_name_variants_filter_the_timeline(seed_client: TestClient) -> None:
    """ "Assad" and "al-Assad" listed no event (the filter took only the stored name)."""
    full = rows(seed_client.get("/timeline", params={"actor": "Bashar al-Assad"}).text)
    assert full
    for variant in ("Assad", "al-Assad", "Al Assad"):
        page = seed_client.get("/timeline", params={"actor": variant})
        assert page.status_code == 200
        assert rows(page.text) == full, variant
        assert 'names <a href="/actors/Bashar%20al-Assad">Bashar al-Assad</a>' in page.text


def test_unknown_actor_says_so(seed_client: TestClient) -> None:
    """It said "No dated events matching the filters in this dossier yet (the time stage has not
    filled them)", as if the dossier were not built."""
    page = seed_client.get("/timeline", params={"actor": "Nobody"})
    assert page.status_code == 200 and not rows(page.text)
    assert "No actor or place is named &ldquo;Nobody&rdquo; in this dossier" in page.text
    assert "has not filled them" not in page.text


def test_events_show_their_report_date(seed_client: TestClient) -> None:
    html = seed_client.get("/timeline").text
    assert "<th>Reported</th>" in html
    (vote,) = [r for r in rows(html) if r.startswith('<tr><td class="nowrap">2017-04-23<')]
    assert (
        '2017-02-16 <span class="muted">(inferred)</span>' in vote and "the event is after the report" in vote
    )
    (azaz,) = [r for r in rows(html) if r.startswith('<tr><td class="nowrap">2017-01-07<')]
    assert "2017-01-09" in azaz and "after the report" not in azaz
