"""Shared fixtures: paths to ../shared and a built dossier of the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
SEEDS = SHARED / "corpus" / "seeds"


def seed_path(prefix: str) -> Path:
    """The seed article whose file name starts with ``prefix`` ("000" ... "003")."""
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return path


def speaker_of(text: str, span_text: str, occurrence: int = 0) -> str | None:
    """The canonical speaker the resolver gives the ``occurrence``-th ``span_text`` of ``text``."""
    from storyline.stages.speakers import SpeakerResolver
    from storyline.testing import article_doc

    doc = article_doc(text)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(span_text, start + 1)
    return SpeakerResolver(doc).resolve(start, start + len(span_text))


def single_timex(text: str, anchor: str | None, tense: str | None) -> tuple[str, str, str]:
    """The longest timex found in ``text``, resolved against ``anchor`` (ISO date) in ``tense``:
    its span text, type and value (the table tests of time expressions run through this)."""
    from datetime import date

    from storyline.temporal import DocState, find_candidates, resolve

    cands = find_candidates(text)
    assert cands, f"no timex in {text!r}"
    cand = max(cands, key=lambda c: c.end - c.start)
    resolved = resolve(cand, date.fromisoformat(anchor) if anchor else None, tense, DocState())
    assert resolved is not None, f"{cand.text!r} was rejected"
    return cand.text, resolved.type, resolved.value


def resolved_timexes(text: str, anchor: str, tense: str | None) -> list[tuple[str, str, str]]:
    """Every timex of ``text`` in order (span text, type, value), resolved against ``anchor`` (ISO
    date) in ``tense`` with one document state, as the time stage reads an article."""
    from datetime import date

    from storyline.temporal import DocState, find_candidates, resolve

    state = DocState()
    out = []
    for cand in find_candidates(text):
        resolved = resolve(cand, date.fromisoformat(anchor), tense, state)
        if resolved is not None:
            out.append((cand.text, resolved.type, resolved.value))
    return out


def parsed_timex_values(text: str, published: str | None) -> dict[str, str]:
    """Each timex of ``text`` (span text -> value), through the parse and the time stage, the
    article published on ``published``."""
    from storyline.stages.timexes import extract_timexes
    from storyline.testing import article_doc

    return {t.text: t.value for t in extract_timexes(article_doc(text, published=published))}


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"seed articles not found at {SEEDS}: ../shared must sit beside the repository")
    return SEEDS


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """A dossier built once from the four seed articles (read-only for tests)."""
    from storyline.build import build

    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    report = build([str(seeds_dir)], db)
    assert report.stored == 4, report
    assert report.crossdoc and all(status == "ok" for status in report.crossdoc.values()), report.crossdoc
    return db
