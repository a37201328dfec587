"""Building a dossier: read inputs, run the pipeline, store the facts, then the
cross-article stages. Library function behind `storyline build` and the web upload."""

from __future__ import annotations

import functools
import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storyline.ingest.readers import DEFAULT_MAX_BYTES
from storyline.records import Article, RawDocument, Skipped

# Articles per stored batch (one transaction each). A kill loses at most the
# batch in flight; 64 articles keep commits cheap relative to parsing
# (a commit is ~10 ms; parsing 64 news articles takes seconds).
CHUNK_SIZE = 64


@dataclass
class BuildReport:
    read: int = 0
    stored: int = 0
    already: int = 0  # stored by an earlier run or seen twice in this one
    skipped: list[Skipped] = field(default_factory=list)
    failures: int = 0
    seconds: float = 0.0
    words: int = 0
    crossdoc: dict[str, str] = field(default_factory=dict)  # stage -> "ok" or the reason it failed

    @property
    def ok(self) -> bool:
        return not self.skipped


Progress = Callable[[int], None]


def _articles(
    paths: Sequence[str | Path], max_bytes: int, report: BuildReport, known: set[str]
) -> Iterator[Article]:
    from storyline.ingest.clean import clean
    from storyline.ingest.readers import read_inputs

    for item in read_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        report.read += 1
        try:
            article = clean(item)
        except Exception as exc:  # a cleaner bug must cost one input, not the run
            report.skipped.append(Skipped(item.source, "malformed", f"could not clean: {exc}"))
            continue
        if not article.text.strip():
            report.skipped.append(Skipped(item.source, "empty", "no article text left after cleaning"))
            continue
        if article.id in known:
            report.already += 1
            continue
        known.add(article.id)
        yield article


def chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def build(
    paths: Sequence[str | Path],
    db: str | Path,
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    chunk_size: int = CHUNK_SIZE,
    progress: Progress | None = None,
    crossdoc: bool = True,
    parquet: str | Path | None = None,
    aliases: str | Path | None = None,
) -> BuildReport:
    """Add the articles under ``paths`` to the dossier ``db`` (created if needed).

    Idempotent and resumable: articles already stored (same clean text) are
    skipped before parsing; each chunk is committed in one transaction.
    With ``parquet`` (a folder), each chunk is written there as a Parquet
    partition and loaded from it (see :mod:`storyline.store.parquet`).
    ``aliases`` is a user's YAML alias file, read on top of the bundled one.
    """
    from storyline.pipeline import ArticlePipeline
    from storyline.store import Store

    report = BuildReport()
    started = time.perf_counter()
    alias_file = str(aliases) if aliases else None
    pipeline = ArticlePipeline(aliases=alias_file)
    with Store(db) as store:
        if parquet is not None:
            from storyline.store.parquet import load_pending

            load_pending(store, parquet)  # partitions a killed build mapped but did not load
        known = store.article_ids()
        runner = make_engine(engine, pipeline, workers=workers, scheduler=scheduler)
        try:
            chunks = chunked(_articles(paths, max_bytes, report, known), chunk_size)
            flushed = 0  # skipped inputs already written
            for facts in runner.map_chunks(chunks):
                if parquet is None:
                    store.write(facts, skipped=report.skipped[flushed:])
                else:
                    from storyline.store.parquet import load_partition, write_partition

                    load_partition(store, write_partition(facts, parquet), skipped=report.skipped[flushed:])
                flushed = len(report.skipped)
                report.stored += len(facts)
                report.failures += sum(len(f.failures) for f in facts)
                report.words += sum(len(f.article.text.split()) for f in facts)
                if progress:
                    progress(len(facts))
        finally:
            runner.close()
        store.write([], skipped=report.skipped[flushed:])
        if crossdoc:
            report.crossdoc = run_crossdoc(store, alias_file)
    report.seconds = time.perf_counter() - started
    return report


def make_engine(engine: str, pipeline: object, *, workers: int = 1, scheduler: str | None = None):  # type: ignore[no-untyped-def]
    from storyline.engines.local import LoopEngine, PoolEngine
    from storyline.pipeline import ArticlePipeline

    assert isinstance(pipeline, ArticlePipeline)
    if engine == "local":
        return PoolEngine(pipeline, workers) if workers > 1 else LoopEngine(pipeline)
    if engine == "dask":
        from storyline.engines.dask import DaskEngine

        return DaskEngine(pipeline, scheduler=scheduler, workers=workers)
    raise ValueError(f"unknown engine {engine!r}: use local or dask")


def crossdoc_stages(aliases: str | None = None) -> list[tuple[str, Callable[..., object]]]:
    """Stages over all articles, run after the per-article map (each takes a writable connection)."""
    from storyline.crossdoc.actors import build_actors
    from storyline.crossdoc.storystore import build_stories, build_wire_copies

    return [
        ("actors", functools.partial(build_actors, user_aliases=aliases)),
        ("stories", build_stories),
        ("wire copies", build_wire_copies),
    ]


def run_crossdoc(store: object, aliases: str | None = None) -> dict[str, str]:
    """Run each cross-article stage; a failing one is reported, the others still run."""
    results: dict[str, str] = {}
    con = store.con  # type: ignore[attr-defined]
    for name, stage in crossdoc_stages(aliases):
        try:
            stage(con)
            results[name] = "ok"
        except Exception as exc:
            results[name] = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    return results


def raw_documents_from_text(text: str, title: str | None = None, source: str = "pasted") -> RawDocument:
    """A pasted text as a raw document (web upload, notebooks)."""
    return RawDocument(text=text, source=source, title=title, title_in_text=title is None)
