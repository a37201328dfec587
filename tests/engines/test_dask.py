"""The Dask engine on a real local cluster: a scheduler and two worker processes on 127.0.0.1."""

from __future__ import annotations

import filecmp
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline.build import build, chunked
from storyline.engines.dask import DaskEngine, local_cluster
from storyline.export import export_dossier
from storyline.pipeline import ArticlePipeline, Stage
from storyline.records import Article
from storyline.store import connect
from tests.engines.helpers import (
    KILL,
    POISON,
    FragilePipeline,
    find_nothing,
    killing_pipeline,
    marked_article,
    raise_on_poison,
    seed_articles,
)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    cluster = local_cluster(2)
    try:
        assert len(cluster.workers) == 2
        yield cluster.scheduler_address
    finally:
        cluster.close()


def _export(db: Path, out: Path) -> Path:
    con = connect(db)
    try:
        export_dossier(con, out, "json")
    finally:
        con.close()
    return out


def _same_files(a: Path, b: Path) -> None:
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir()) and "articles.json" in names
    match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    assert (mismatch, errors) == ([], [])


def test_cluster_build_exports_the_same_dossier_as_a_local_build(
    scheduler: str, seeds_dir: Path, seed_db: Path, tmp_path: Path
) -> None:
    local = _export(seed_db, tmp_path / "local")
    # One article per chunk, so both workers get work and chunks can finish out of order.
    plain = build(
        [str(seeds_dir)], tmp_path / "dask.duckdb", engine="dask", scheduler=scheduler, chunk_size=1
    )
    assert plain.stored == 4 and plain.failures == 0
    _same_files(local, _export(tmp_path / "dask.duckdb", tmp_path / "dask"))
    # Through partitioned Parquet: same dossier, one partition per chunk, each marked loaded.
    parts = tmp_path / "parquet"
    build(
        [str(seeds_dir)],
        tmp_path / "pq.duckdb",
        engine="dask",
        scheduler=scheduler,
        chunk_size=1,
        parquet=parts,
    )
    _same_files(local, _export(tmp_path / "pq.duckdb", tmp_path / "pq"))
    partitions = sorted(parts.glob("chunk=*"))
    assert len(partitions) == 4 and all((p / "_LOADED").exists() for p in partitions)


def test_an_upgrade_reextracts_on_the_cluster_and_the_dossier_equals_a_local_build(
    scheduler: str, seeds_dir: Path, seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline import pipeline_version

    db = tmp_path / "d.duckdb"
    with monkeypatch.context() as old:  # an older storyline: another stamp, and no claims found
        old.setattr(pipeline_version, "code_version", lambda: "0.0.1+old")
        old.setattr("storyline.pipeline.extract_claims", find_nothing)  # the workers unpickle it too
        first = build([str(seeds_dir)], db, engine="dask", scheduler=scheduler, chunk_size=2, crossdoc=False)
    assert first.stored == 4
    con = connect(db)
    try:
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    finally:
        con.close()
    report = build([str(seeds_dir)], db, engine="dask", scheduler=scheduler, chunk_size=2)
    assert (report.stored, report.reextracted, report.already) == (0, 4, 0)
    _same_files(_export(seed_db, tmp_path / "local"), _export(db, tmp_path / "dask"))


def test_results_in_input_order_with_bounded_work_in_flight(scheduler: str, seeds_dir: Path) -> None:
    articles = seed_articles(seeds_dir)
    chunk = [articles[0], marked_article(POISON), articles[1]]
    chunks = [chunk, *chunked(articles, 1)]
    pulled: list[int] = []

    def feed() -> Iterator[list[Article]]:
        for i, c in enumerate(chunks):
            pulled.append(i)
            yield c

    engine = DaskEngine(FragilePipeline(), scheduler=scheduler, max_in_flight=2)
    try:
        seen = []
        for facts in engine.map_chunks(feed()):
            # Never more than max_in_flight chunks submitted ahead of what was yielded.
            assert len(pulled) <= len(seen) + 2
            seen.append(facts)
    finally:
        engine.close()
    assert [[f.article.id for f in facts] for facts in seen] == [[a.id for a in c] for c in chunks]
    poisoned = seen[0][1]
    assert [(x.stage, x.reason) for x in poisoned.failures] == [
        ("pipeline", "ValueError: parser broke on a poisoned article")
    ]
    assert all(f.mentions and not f.failures for facts in seen for f in facts if f is not poisoned)


def test_poisoned_stage_in_a_build_costs_only_that_stage_of_that_article(
    scheduler: str, seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline import pipeline as pipeline_module

    stages = [*pipeline_module.default_stages(), Stage("poison", "attributions", raise_on_poison)]
    monkeypatch.setattr(
        pipeline_module, "default_stages", lambda aliases=None, embed=False, as_of=None: stages
    )  # build() makes its own pipeline
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "poisoned.txt").write_text(marked_article(POISON).text, encoding="utf-8")
    report = build(
        [str(seeds_dir), str(tmp_path / "in")],
        tmp_path / "d.duckdb",
        engine="dask",
        scheduler=scheduler,
        chunk_size=2,
    )
    assert report.stored == 5 and report.failures == 1
    con = connect(tmp_path / "d.duckdb")
    try:
        failures = con.execute(
            "SELECT a.source, f.stage, f.reason FROM failures f JOIN articles a ON a.id = f.article_id"
        ).fetchall()
        with_mentions = con.execute("SELECT count(DISTINCT article_id) FROM mentions").fetchone()[0]
    finally:
        con.close()
    assert [(Path(s).name, stage, reason) for s, stage, reason in failures] == [
        ("poisoned.txt", "poison", "ValueError: poisoned on purpose")
    ]
    assert with_mentions == 5


@pytest.mark.slow  # four worker deaths and restarts: ~20 s on an idle machine, minutes on a loaded one
def test_dead_worker_costs_only_the_article_that_killed_it(scheduler: str, seeds_dir: Path) -> None:
    articles = seed_articles(seeds_dir)[:2]
    killer = marked_article(KILL)
    chunks = [[articles[0], killer, articles[1]], [articles[1]]]
    engine = DaskEngine(killing_pipeline(), scheduler=scheduler)
    try:
        results = list(engine.map_chunks(chunks))
    finally:
        engine.close()
    assert [[f.article.id for f in facts] for facts in results] == [[a.id for a in c] for c in chunks]
    (dead,) = [f for f in results[0] if f.article.id == killer.id]
    assert [x.stage for x in dead.failures] == ["pipeline"]
    assert "worker lost while processing it" in dead.failures[0].reason
    survivors = [f for facts in results for f in facts if f is not dead]
    assert all(f.mentions and not f.failures for f in survivors)
    assert engine.retried_chunks == 1


def test_unreachable_scheduler_is_one_clear_error() -> None:
    with pytest.raises(RuntimeError, match="cannot reach the Dask scheduler"):
        DaskEngine(ArticlePipeline(), scheduler="tcp://127.0.0.1:9", connect_timeout=2)
