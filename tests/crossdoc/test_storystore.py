"""Stories and wire copy over a built dossier, and the `storyline stories` / `wire` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_stories import TEXTS  # tests/crossdoc is on sys.path (rootdir-relative import mode)
from test_wirecopy import DISPATCH, EDITS
from typer.testing import CliRunner

from storyline.cli import app


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storyline.build import build
    from storyline.crossdoc.storystore import build_stories, build_wire_copies
    from storyline.store import connect

    folder = tmp_path_factory.mktemp("stories")
    source = folder / "articles.jsonl"
    with source.open("w", encoding="utf-8") as f:
        for key, (date, text) in TEXTS.items():
            f.write(json.dumps({"id": key, "text": text, "date": date}) + "\n")
        f.write(json.dumps({"id": "afp", "text": DISPATCH, "date": "2010-01-14", "publisher": "AFP"}) + "\n")
        for key, text in EDITS.items():
            f.write(json.dumps({"id": key, "text": text, "date": "2010-01-15", "publisher": key}) + "\n")
    db = folder / "d.duckdb"
    build([source], db, crossdoc=False)
    con = connect(db, read_only=False)
    try:
        build_stories(con)
        build_wire_copies(con)
    finally:
        con.close()
    return db


def test_tables_hold_stories_and_copies(dossier: Path) -> None:
    from storyline.store import connect

    con = connect(dossier)
    try:
        n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert con.execute("SELECT count(*) FROM story_articles").fetchone()[0] == n_articles
        sizes = sorted(r[0] for r in con.execute("SELECT size FROM stories").fetchall())
        assert sizes == [2, 3, 3, 4]
        copies = con.execute(
            "SELECT a.input_id, o.input_id FROM wire_copies w JOIN articles a ON a.id = w.article_id"
            " JOIN articles o ON o.id = w.original_id ORDER BY 1"
        ).fetchall()
        assert copies == [("outlet-a", "afp"), ("outlet-b", "afp"), ("outlet-c", "afp")]
    finally:
        con.close()


def test_rebuild_is_idempotent(dossier: Path) -> None:
    from storyline.crossdoc.storystore import build_stories, stored_stories
    from storyline.store import connect

    con = connect(dossier, read_only=False)
    try:
        before = stored_stories(con)
        build_stories(con)
        assert stored_stories(con) == before
    finally:
        con.close()


def test_stories_jsonl_uses_input_ids(dossier: Path) -> None:
    result = CliRunner().invoke(app, ["stories", "--format", "jsonl", "--db", str(dossier)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    story = {d["id"]: d["story"] for d in lines}
    assert set(story) == set(TEXTS) | {"afp"} | set(EDITS)
    assert story["chile-1"] == story["chile-2"] == story["chile-3"] != story["sumatra-1"]
    assert story["afp"] == story["outlet-a"]


def test_wire_text_lists_copies_with_diff(dossier: Path) -> None:
    result = CliRunner().invoke(app, ["wire", "--diff", "--db", str(dossier)])
    assert result.exit_code == 0, result.output
    assert result.output.count("  copy ") == 3
    assert "+ Survivors pulled from Haiti hotel rubble" in result.output


def test_bad_format_and_missing_db_say_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["stories", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0
    assert "storyline build" in result.output
    result = CliRunner().invoke(app, ["stories", "--format", "xml", "--db", str(tmp_path / "none.duckdb")])
    assert "use text or jsonl" in result.output


def test_story_articles_read_timex_dates_only_when_asked(dossier: Path) -> None:
    from storyline.crossdoc.storystore import load_story_articles
    from storyline.store import connect

    con = connect(dossier)
    try:
        plain = load_story_articles(con)
        with_timexes = load_story_articles(con, timex_dates=True)
    finally:
        con.close()
    assert len(plain) == len(TEXTS) + 1 + len(EDITS)
    assert all(a.dates == () for a in plain)
    assert all(a.mentions for a in plain)
    assert any(a.dates for a in with_timexes)
    assert {a.published for a in plain} >= {"2010-02-27", "2009-09-30", "2011-05-14"}
