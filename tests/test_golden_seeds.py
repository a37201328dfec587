"""Golden tests on the four real seed articles, built end to end into a dossier."""

from __future__ import annotations

from pathlib import Path

from storyline.api import Dossier
from tests.conftest import seed_path


def _article_by_source(d: Dossier, prefix: str) -> dict:
    (row,) = d.query("SELECT * FROM articles WHERE source = ?", [str(seed_path(prefix))])
    return row


def test_four_articles_stored(seed_db: Path) -> None:
    with Dossier(seed_db) as d:
        assert d.query("SELECT count(*) AS n FROM articles")[0]["n"] == 4
        assert d.query("SELECT count(*) AS n FROM skipped")[0]["n"] == 0


def test_seed_000_id_line_and_caption_gone(seed_db: Path) -> None:
    with Dossier(seed_db) as d:
        a = _article_by_source(d, "000")
    assert "1.1979709-4116316550" in a["raw"] and "1.1979709-4116316550" not in a["text"]
    assert "Image Credit" in a["raw"] and "Image Credit" not in a["text"]
    assert a["text"].startswith("Paris: President Bashar Al-Assad")


def test_seed_001_apostrophes_repaired(seed_db: Path) -> None:
    with Dossier(seed_db) as d:
        a = _article_by_source(d, "001")
    assert "Syria\u00a0s" in a["raw"]
    assert "Syria's rebel movement" in a["text"]
    assert "We don't consider it" in a["text"]
    assert "Assad's term" in a["text"]
    assert "\u00a0" not in a["text"]


def test_seed_002_repeated_title_caption_and_read_more_gone(seed_db: Path) -> None:
    with Dossier(seed_db) as d:
        a = _article_by_source(d, "002")
    title = "France rules out cooperation with Syria against Islamic State"
    assert a["raw"].count(title) == 2 and a["text"].count(title) == 1
    assert a["title"] == title
    assert "photo credit" not in a["text"]
    assert "read more" in a["raw"] and "read more" not in a["text"]
    assert a["text"].rstrip().endswith("terrorism will spread to all this region.\u201d")


def test_seed_001_wire_credit_and_000_paris_dateline(seed_db: Path) -> None:
    with Dossier(seed_db) as d:
        a1 = _article_by_source(d, "001")
        a0 = _article_by_source(d, "000")
    assert a1["wire"] == "AFP" and a1["dateline_place"] == "PARIS"
    assert a1["text"][a1["dateline_start"] : a1["dateline_end"]].startswith("PARIS (AFP)")
    assert a0["dateline_place"] == "Paris" and a0["wire"] is None
    assert a0["text"][a0["dateline_start"] : a0["dateline_end"]].startswith("Paris:")


def test_assad_mentioned_in_three_of_four(seed_db: Path) -> None:
    with Dossier(seed_db) as d:
        rows = d.query(
            "SELECT DISTINCT article_id FROM mentions WHERE label = 'PERSON' AND text ILIKE '%assad%'"
        )
    assert len(rows) == 3


def test_every_span_points_into_the_stored_text(seed_db: Path) -> None:
    with Dossier(seed_db) as d:
        rows = d.query(
            "SELECT m.start_, m.end_, m.text AS mention, a.text FROM mentions m JOIN articles a ON a.id = m.article_id"
        )
        assert rows
        for r in rows:
            assert r["text"][r["start_"] : r["end_"]] == r["mention"]
        # and back to the raw text
        for prefix in ("000", "001", "002", "003"):
            article = d.article_record(_article_by_source(d, prefix)["id"])
            assert article is not None
            for r in d.query("SELECT start_, end_, text FROM mentions WHERE article_id = ?", [article.id]):
                rs, re_ = article.to_raw(r["start_"], r["end_"])
                assert article.raw[rs:re_].replace("\u00a0", "'") == r["text"]
