"""Re-extraction after an upgrade: articles stored by another pipeline version are extracted again.

An upgrade is simulated by building with an "old" pipeline (a stage that finds nothing, and
a monkeypatched version stamp), then building the same inputs with the real one: the
dossier must then equal one built from scratch by the real pipeline, byte for byte.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline import pipeline_version as versions
from storyline.build import build, refresh, run_crossdoc
from storyline.embeddings import DIMENSION
from storyline.export import export_dossier
from storyline.ingest.clean import clean
from storyline.ingest.readers import read_inputs
from storyline.records import Article, ArticleFacts, Mention, PublicationDate, RawDocument, Span
from storyline.store import Store, connect, migration_files, schema_version
from storyline.store.parquet import load_partition, write_partition

OLD = "0.0.1+old-pipeline"
REPO = Path(__file__).resolve().parents[2]


def _old_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until undone: the version stamp is OLD and the claims stage finds nothing."""
    monkeypatch.setattr(versions, "code_version", lambda: OLD)
    monkeypatch.setattr("storyline.pipeline.extract_claims", lambda doc: [])


def _export(db: Path, out: Path) -> list[str]:
    con = connect(db)
    try:
        return sorted(p.name for p in export_dossier(con, out, "json"))
    finally:
        con.close()


def _same_dossier(db: Path, reference: Path, tmp_path: Path) -> None:
    names = _export(reference, tmp_path / "reference")
    assert _export(db, tmp_path / "got") == names
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "reference", tmp_path / "got", names, shallow=False)
    assert (mismatch, errors) == ([], [])


def _one(db: Path, sql: str) -> object:
    con = connect(db)
    try:
        row = con.execute(sql).fetchone()
        return row[0] if row else None
    finally:
        con.close()


def test_an_upgrade_reextracts_every_article_and_the_dossier_equals_a_fresh_build(
    tmp_path: Path, seeds_dir: Path, seed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "d.duckdb"
    with monkeypatch.context() as old:
        _old_pipeline(old)
        first = build([str(seeds_dir)], db)
    assert first.stored == 4 and first.reextracted == 0
    assert _one(db, "SELECT count(*) FROM claims") == 0
    assert _one(
        db, "SELECT count(DISTINCT pipeline_version) || ':' || min(pipeline_version) FROM articles"
    ) == (f"1:{OLD}")

    upgraded = build([str(seeds_dir)], db)
    assert (upgraded.stored, upgraded.reextracted, upgraded.already, upgraded.stale) == (0, 4, 0, 0)
    assert all(status == "ok" for status in upgraded.crossdoc.values()), upgraded.crossdoc
    # The facts are the new code's (claims found), once each; actors, stories and wire copies too.
    assert _one(db, "SELECT count(*) FROM claims") == _one(seed_db, "SELECT count(*) FROM claims") > 0
    assert _one(db, "SELECT min(pipeline_version) FROM articles") == versions.pipeline_version()
    _same_dossier(db, seed_db, tmp_path)

    again = build([str(seeds_dir)], db)  # same version: nothing extracted
    assert (again.stored, again.reextracted, again.already) == (0, 0, 4)


def test_reextract_forces_every_input_article_and_duplicates_nothing(
    tmp_path: Path, seeds_dir: Path, seed_db: Path
) -> None:
    db = tmp_path / "d.duckdb"
    build([str(seeds_dir)], db, crossdoc=False)
    report = build([str(seeds_dir)], db, reextract=True)
    assert (report.stored, report.reextracted, report.already) == (0, 4, 0)
    _same_dossier(db, seed_db, tmp_path)


def test_articles_outside_the_inputs_are_counted_as_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder_a, folder_b = tmp_path / "a", tmp_path / "b"
    folder_a.mkdir()
    folder_b.mkdir()
    (folder_a / "a.txt").write_text("Talks\n\nThe minister said on Monday that talks in Geneva would resume.")
    (folder_b / "b.txt").write_text("Clashes\n\nOfficials said 12 people were killed in Aleppo on Sunday.")
    db = tmp_path / "d.duckdb"
    with monkeypatch.context() as old:
        _old_pipeline(old)
        build([str(folder_a), str(folder_b)], db, crossdoc=False)
    report = build([str(folder_a)], db, crossdoc=False)
    assert (report.reextracted, report.stale) == (1, 1)


def test_parquet_build_reextracts_into_new_partitions(
    tmp_path: Path, seeds_dir: Path, seed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, parts = tmp_path / "d.duckdb", tmp_path / "parquet"
    with monkeypatch.context() as old:
        _old_pipeline(old)
        build([str(seeds_dir)], db, parquet=parts, chunk_size=2, crossdoc=False)
    old_parts = sorted(parts.glob("chunk=*"))
    assert len(old_parts) == 2

    report = build([str(seeds_dir)], db, parquet=parts, chunk_size=2)
    assert (report.stored, report.reextracted, report.already) == (0, 4, 0)
    new_parts = sorted(set(parts.glob("chunk=*")) - set(old_parts))
    assert len(new_parts) == 2  # the chunk key holds the version: the old partitions are not reused
    _same_dossier(db, seed_db, tmp_path)

    with Store(db) as store:  # an old partition loaded again replaces nothing the new code stored
        assert [tuple(load_partition(store, p)) for p in old_parts] == [(0, 0), (0, 0)]
        assert [tuple(load_partition(store, p, replace=True)) for p in new_parts] == [(0, 2), (0, 2)]
        assert set(run_crossdoc(store).values()) == {"ok"}  # what a build runs after loading
    _same_dossier(db, seed_db, tmp_path / "after-loads")


def test_a_partition_written_before_stamps_loads_as_stale(tmp_path: Path) -> None:
    facts = [_facts(0, 1), _facts(1, 1)]
    part = write_partition(facts, tmp_path / "parquet", pipeline_version="v1")
    # What a partition of the previous release looks like: no pipeline_version column.
    import pyarrow.parquet as pq

    table = pq.read_table(part / "articles.parquet")
    pq.write_table(table.drop(["pipeline_version"]), part / "articles.parquet")
    with Store(tmp_path / "d.duckdb") as store:
        assert tuple(load_partition(store, part, pipeline_version="v1")) == (2, 0)
        assert store.article_versions() == {"a0": None, "a1": None}
        assert store.stale_count("v1") == 2


def test_a_version_3_dossier_gains_stamps_and_its_articles_are_extracted_again(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Talks resume\n\nThe minister said on Monday that talks in Geneva would resume."
    )
    (raw,) = [d for d in read_inputs([str(folder)]) if isinstance(d, RawDocument)]
    article = clean(raw)
    db = tmp_path / "v3.duckdb"
    con = duckdb.connect(str(db))
    con.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    for version, sql in migration_files():
        if version <= 3:
            con.execute(sql)
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
    # What an older storyline stored for this article: its row, a mention, a story.
    con.execute(
        "INSERT INTO articles (id, raw, text, segments, published_how, words) VALUES (?, ?, ?, '[]', 'unknown', 12)",
        [article.id, article.raw, article.text],
    )
    con.execute("INSERT INTO mentions VALUES (?, 0, 5, 'PERSON', 'Talks', 'Old Actor')", [article.id])
    con.execute("INSERT INTO stories VALUES ('story-old', 'Old', 1)")
    con.execute("INSERT INTO story_articles VALUES ('story-old', ?)", [article.id])
    con.close()

    with Store(db) as store:
        assert schema_version(store.con) == 4
        assert store.article_versions() == {article.id: None}  # NULL: extracted by an unknown version
    report = build([str(folder)], db)
    assert (report.stored, report.reextracted, report.already) == (0, 1, 0)
    assert all(status == "ok" for status in report.crossdoc.values()), report.crossdoc
    assert _one(db, "SELECT count(*) FROM mentions WHERE actor = 'Old Actor'") == 0
    assert _one(db, "SELECT count(*) FROM mentions WHERE text = 'Geneva'") == 1
    assert _one(db, "SELECT count(*) FROM sentences") == 2  # the headline ends at its blank line
    assert _one(db, "SELECT words FROM articles") == len(article.text.split())  # the row is rewritten too
    assert _one(db, "SELECT pipeline_version FROM articles") == versions.pipeline_version()
    assert _one(db, "SELECT count(*) FROM stories WHERE id = 'story-old'") == 0
    assert _one(db, "SELECT count(*) FROM story_articles") == 1  # placed again by this build


def test_a_replacing_write_killed_before_its_checkpoint_replays_from_the_write_ahead_log(
    tmp_path: Path,
) -> None:
    db = tmp_path / "wal.duckdb"
    with Store(db) as store:
        store.write([_facts(0, 1), _facts(1, 2)], pipeline_version="v1")
    # Another process replaces both articles (deleting and inserting the same keys in one
    # transaction) and dies before any checkpoint: the replace exists only in the WAL.
    script = (
        "import os; from storyline.store import Store; from tests.store.test_reextract import _facts; "
        f"s = Store({str(db)!r}); "
        "print(tuple(s.write([_facts(0, 3), _facts(1, 0), _facts(2, 1)], pipeline_version='v2'))); "
        "os._exit(0)"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO)
    assert run.stdout.strip() == "(1, 2)", run.stderr
    assert db.with_name(db.name + ".wal").exists()
    with Store(db) as store:
        assert store.article_versions() == {"a0": "v2", "a1": "v2", "a2": "v2"}
        rows = store.con.execute("SELECT article_id, label, count(*) FROM mentions GROUP BY ALL").fetchall()
    assert sorted(rows) == [("a0", "V3", 4), ("a1", "V0", 1), ("a2", "V1", 2)]


# Property: any sequence of writes leaves each article with the facts of its latest extraction
# that the store accepted, stored once.


def _facts(n: int, variant: int) -> ArticleFacts:
    head = f"Article {n}. "
    text = head + " ".join(f"Name{k}" for k in range(4))
    article = Article(id=f"a{n}", text=text, raw=text, title=f"Article {n}")
    mentions = tuple(  # variant v: the first v % 4 + 1 names, labelled Vv
        Mention(article.id, len(head) + 6 * k, len(head) + 6 * k + 5, f"V{variant}", f"Name{k}")
        for k in range(variant % 4 + 1)
    )
    vector = np.full(DIMENSION, n + variant / 8, dtype=np.float32)  # its story vector tells it apart too
    return ArticleFacts(article=article, mentions=mentions, vector=vector.tobytes())


_write = st.tuples(
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 5)), max_size=5),  # (article, variant)
    st.sampled_from(["v1", "v2"]),  # the pipeline version of the write
    st.booleans(),  # replace
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_write, min_size=1, max_size=6))
def test_writes_keep_the_latest_accepted_extraction_of_each_article(
    writes: list[tuple[list[tuple[int, int]], str, bool]],
) -> None:
    model: dict[str, tuple[str, int]] = {}  # article id -> (version, variant) it is stored with
    with Store(":memory:") as store:
        for batch, version, replace in writes:
            new = replaced = 0
            seen: set[str] = set()
            for n, variant in batch:
                key = f"a{n}"
                if key in seen:
                    continue  # the first of an id in a batch wins
                seen.add(key)
                if key not in model:
                    new += 1
                elif replace or model[key][0] != version:
                    replaced += 1
                else:
                    continue
                model[key] = (version, variant)
            facts = [_facts(n, variant) for n, variant in batch]
            assert tuple(store.write(facts, pipeline_version=version, replace=replace)) == (new, replaced)
        con = store.con
        assert store.article_versions() == {key: v for key, (v, _) in model.items()}
        rows = con.execute("SELECT article_id, label, count(*) FROM mentions GROUP BY ALL").fetchall()
        assert sorted(rows) == sorted((key, f"V{var}", var % 4 + 1) for key, (_, var) in model.items())
        vectors = con.execute("SELECT article_id, vector[1], vector[-1] FROM article_vectors").fetchall()
        assert sorted(vectors) == sorted(
            (key, int(key[1:]) + var / 8, int(key[1:]) + var / 8) for key, (_, var) in model.items()
        )


def test_refresh_reextracts_stale_articles_from_the_store_without_their_inputs(
    tmp_path: Path, seeds_dir: Path, seed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "d.duckdb"
    with monkeypatch.context() as old:
        _old_pipeline(old)
        build([str(seeds_dir)], db)
    assert _one(db, "SELECT count(*) FROM claims") == 0

    report = refresh(db)  # no input paths: the stored text is extracted again
    assert (report.read, report.reextracted, report.stored, report.stale) == (4, 4, 0, 0)
    assert all(status == "ok" for status in report.crossdoc.values()), report.crossdoc
    _same_dossier(db, seed_db, tmp_path)  # byte for byte what a fresh build of the inputs stores

    again = refresh(db)  # nothing is stale any more
    assert (again.read, again.reextracted) == (0, 0)
    forced = refresh(db, everything=True)
    assert (forced.read, forced.reextracted, forced.stored) == (4, 4, 0)
    _same_dossier(db, seed_db, tmp_path / "forced")


def test_stored_articles_are_the_clean_articles_that_were_extracted(tmp_path: Path) -> None:
    given = Article(id="g", text="Talks resumed.", raw="<p>Talks resumed.</p>", title="Talks",
                    outlet="AFP", url="https://example.org/a", input_id="7", source="in.jsonl",
                    published="2017-01-09", published_how="given", dateline=Span(0, 5),
                    dateline_place="Talks", wire="AFP")  # fmt: skip
    inferred = Article(id="i", text="It happened on Sunday.", raw="It happened on Sunday.")
    dated = ArticleFacts(
        article=inferred,
        published=PublicationDate(
            date="2017-01-08",
            earliest="2017-01-08",
            latest="2017-01-08",
            how="inferred",
            confidence=0.8,
            evidence="Sunday",
        ),  # fmt: skip
    )
    with Store(tmp_path / "d.duckdb") as store:
        store.write([ArticleFacts(article=given), dated], pipeline_version="v1")
        assert store.stale_ids("v1") == [] and store.stale_ids("v2") == ["g", "i"]
        # an inferred date is the pipeline's reading, not the article's: extraction infers it again
        assert store.stored_articles(["i", "g", "missing"]) == [inferred, given]
        assert store.stored_articles([]) == []


def test_cli_refresh_reextracts_what_an_upgrade_left_stale(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks\n\nThe minister said on Monday that talks in Geneva would resume.")
    db = tmp_path / "d.duckdb"
    cli = [sys.executable, "-m", "storyline"]
    env = {**os.environ, "COLUMNS": "300"}  # one line per message
    assert (
        subprocess.run([*cli, "build", str(folder), "--db", str(db)], capture_output=True, env=env).returncode
        == 0
    )
    con = duckdb.connect(str(db))
    con.execute("UPDATE articles SET pipeline_version = '0.0.1+older'")  # what an upgrade finds
    con.close()
    run = subprocess.run([*cli, "refresh", "--db", str(db)], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert "1 articles re-extracted (stored by another version" in run.stdout
    assert _one(db, "SELECT count(*) FROM articles WHERE pipeline_version = '0.0.1+older'") == 0
    run = subprocess.run(
        [*cli, "refresh", "--db", str(tmp_path / "none.duckdb")], capture_output=True, text=True, env=env
    )
    assert run.returncode != 0 and "no dossier at" in run.stderr + run.stdout
    assert not (tmp_path / "none.duckdb").exists()


def test_refresh_on_a_process_pool_reads_and_writes_the_dossier_from_two_threads(
    tmp_path: Path, seeds_dir: Path, seed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pool pulls the stored articles on its feeder thread while the store writes chunks of one."""
    db = tmp_path / "d.duckdb"
    with monkeypatch.context() as old:
        _old_pipeline(old)
        build([str(seeds_dir)], db, crossdoc=False)
    report = refresh(db, workers=2, chunk_size=1)
    assert (report.read, report.reextracted, report.failures) == (4, 4, 0)
    _same_dossier(db, seed_db, tmp_path)
