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
        build_stories(con, rebuild=True)  # from scratch, from the stored vectors
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


class CountingEmbedder:
    """The real embedder, counting the documents it is asked to embed."""

    def __init__(self) -> None:
        from storyline.embeddings import Embedder

        self.inner = Embedder()
        self.embedded: list[str] = []

    def encode_documents(self, texts: list[str]):  # type: ignore[no-untyped-def]
        self.embedded.extend(texts)
        return self.inner.encode_documents(texts)


def _write_jsonl(path: Path, keys: list[str]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for key in keys:
            date, text = TEXTS[key]
            f.write(json.dumps({"id": key, "text": text, "date": date}) + "\n")
    return path


def _groups(con) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    from storyline.crossdoc.storystore import stored_stories

    input_id = dict(con.execute("SELECT id, input_id FROM articles").fetchall())
    return {frozenset(input_id[a] for a in s.article_ids) for s in stored_stories(con)}


def _forget_map_vectors(con, expected: int) -> None:  # type: ignore[no-untyped-def]
    """Drop the vectors the map just made (those no stories stage has counted yet), as a dossier
    built before the map made them lacks them: the stories stage must then embed on the driver."""
    assert con.execute("SELECT count(*) FROM article_vectors WHERE counts IS NULL").fetchone()[0] == expected
    con.execute("DELETE FROM article_vectors WHERE counts IS NULL")


FIRST = ["chile-1", "chile-2", "sumatra-1", "sumatra-2", "arrest-1"]
LATER = ["chile-3", "sumatra-3", "arrest-2"]  # each published after the first of its story


def test_build_assigns_only_new_articles_and_matches_a_rebuild(tmp_path: Path) -> None:
    from storyline.build import build
    from storyline.crossdoc.storyfeatures import ArticleCounts
    from storyline.crossdoc.storystore import build_stories, stored_stories
    from storyline.store import connect

    db = tmp_path / "d.duckdb"
    build([_write_jsonl(tmp_path / "first.jsonl", FIRST)], db, crossdoc=False)
    embedder = CountingEmbedder()
    con = connect(db, read_only=False)
    try:
        _forget_map_vectors(con, len(FIRST))
        first = {s.id: set(s.article_ids) for s in build_stories(con, embedder)}
        assert len(embedder.embedded) == len(FIRST)
        assert con.execute("SELECT count(*) FROM article_vectors").fetchone()[0] == len(FIRST)
    finally:
        con.close()

    build([_write_jsonl(tmp_path / "later.jsonl", LATER)], db, crossdoc=False)
    con = connect(db, read_only=False)
    _forget_map_vectors(con, len(LATER))
    computed: list[str] = []
    original = ArticleCounts.of.__func__  # type: ignore[attr-defined]

    def counting(cls, article):  # type: ignore[no-untyped-def]
        computed.append(article.id)
        return original(cls, article)

    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(ArticleCounts, "of", classmethod(counting))
            build_stories(con, embedder)
        # only the three new articles were embedded and counted; the old ones came from article_vectors
        assert len(embedder.embedded) == len(FIRST) + len(LATER)
        assert len(computed) == len(LATER)
        assert con.execute("SELECT count(counts) FROM article_vectors").fetchone()[0] == len(FIRST + LATER)
        incremental = stored_stories(con)
        for story in incremental:  # existing stories kept their ids and their articles
            if story.id in first:
                assert first[story.id] <= set(story.article_ids)
        assert _groups(con) == {
            frozenset({"chile-1", "chile-2", "chile-3"}),
            frozenset({"sumatra-1", "sumatra-2", "sumatra-3"}),
            frozenset({"arrest-1", "arrest-2"}),
        }
        computed.clear()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(ArticleCounts, "of", classmethod(counting))
            scratch = build_stories(con, embedder, rebuild=True)
        assert len(embedder.embedded) == len(FIRST) + len(LATER)  # a rebuild reuses the stored vectors
        assert len(computed) == len(FIRST) + len(LATER)  # and counts every article again
        assert [(s.id, set(s.article_ids)) for s in scratch] == [
            (s.id, set(s.article_ids)) for s in incremental
        ]
    finally:
        con.close()


def test_second_build_of_the_same_input_changes_nothing(tmp_path: Path) -> None:
    from storyline.build import build
    from storyline.store import connect

    db = tmp_path / "d.duckdb"
    source = _write_jsonl(tmp_path / "in.jsonl", FIRST + LATER)
    first = build([source], db)
    assert first.crossdoc["stories"] == "ok"

    def snapshot() -> tuple[list[tuple], list[tuple], list[tuple]]:
        con = connect(db)
        try:
            return (
                con.execute("SELECT * FROM stories ORDER BY id").fetchall(),
                con.execute("SELECT * FROM story_articles ORDER BY article_id").fetchall(),
                con.execute(
                    "SELECT article_id, model, vector, counts FROM article_vectors ORDER BY 1"
                ).fetchall(),
            )
        finally:
            con.close()

    before = snapshot()
    assert len(before[1]) == len(before[2]) == len(FIRST + LATER)
    second = build([source], db)
    assert second.stored == 0 and second.crossdoc["stories"] == "ok"
    assert snapshot() == before


def test_vectors_of_another_model_are_computed_again(tmp_path: Path) -> None:
    import numpy as np

    from storyline.crossdoc.storystore import article_vectors, load_story_articles, stored_vectors
    from storyline.embeddings import DOCUMENT_MODEL
    from storyline.store import Store

    db = tmp_path / "d.duckdb"
    from storyline.build import build

    build([_write_jsonl(tmp_path / "in.jsonl", ["chile-1", "arrest-1"])], db, crossdoc=False)
    with Store(db) as store:
        con = store.con
        _forget_map_vectors(con, 2)
        articles = load_story_articles(con)
        embedder = CountingEmbedder()
        vectors = article_vectors(con, articles, embedder)
        assert len(embedder.embedded) == 2
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
        stored = stored_vectors(con)
        assert all(np.array_equal(stored[a.id], v) for a, v in zip(articles, vectors, strict=True))
        con.execute(
            "UPDATE article_vectors SET model = 'an older model' WHERE article_id = ?", [articles[0].id]
        )
        assert set(stored_vectors(con)) == {articles[1].id}
        again = article_vectors(con, articles, embedder)
        assert embedder.embedded[2:] == [embedder.embedded[0]]  # only the stale one
        assert np.allclose(again, vectors, atol=1e-6)
        assert (
            con.execute("SELECT count(*) FROM article_vectors WHERE model = ?", [DOCUMENT_MODEL]).fetchone()[
                0
            ]
            == 2
        )


def test_article_counts_survive_json() -> None:
    from test_stories import story_article

    from storyline.crossdoc.storyfeatures import ArticleCounts

    date, text = TEXTS["chile-1"]
    counts = ArticleCounts.of(story_article("chile-1", date, text))
    assert counts.words and counts.entities and counts.dates
    assert ArticleCounts.from_json(counts.to_json()) == counts
