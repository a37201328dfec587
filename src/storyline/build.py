"""Building a dossier: read inputs, run the pipeline, store the facts, then the
cross-article stages. Library function behind `storyline build` and the web upload."""

from __future__ import annotations

import functools
import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, Unpack

from storyline.ingest.readers import DEFAULT_MAX_BYTES
from storyline.records import Article, RawDocument, Skipped

if TYPE_CHECKING:
    from storyline.store import Store

# Articles per stored batch (one transaction each). A kill loses at most the
# batch in flight; 64 articles keep commits cheap relative to parsing
# (a commit is ~10 ms; parsing 64 news articles takes seconds).
CHUNK_SIZE = 64


@dataclass
class BuildReport:
    read: int = 0
    stored: int = 0  # articles stored for the first time
    already: int = 0  # stored by an earlier run with this pipeline version, or seen twice in this one
    reextracted: int = 0  # stored by another pipeline version (or --reextract): extracted again, replaced
    stale: int = 0  # stored articles, not among these inputs, that another pipeline version extracted
    skipped: list[Skipped] = field(default_factory=list)
    failures: int = 0
    seconds: float = 0.0
    words: int = 0
    crossdoc: dict[str, str] = field(default_factory=dict)  # stage -> "ok" or the reason it failed

    @property
    def ok(self) -> bool:
        return not self.skipped


Progress = Callable[[int], None]


@dataclass(frozen=True)
class RunOptions:
    """How :func:`build` and :func:`refresh` run the map and the store; both take these fields
    as keyword arguments (:class:`RunKeywords`) and hand them on as one value."""

    engine: str = "local"  # "local" (a loop, or a process pool with workers > 1) or "dask"
    workers: int = 1
    scheduler: str | None = None  # the address of a running dask scheduler (engine "dask")
    chunk_size: int = CHUNK_SIZE  # articles per stored batch (one transaction each)
    progress: Progress | None = None  # called with the number of articles of each stored chunk
    crossdoc: bool = True  # run the cross-article stages after the map
    parquet: str | Path | None = None  # write each chunk there as a Parquet partition, then load it
    aliases: str | Path | None = None  # a user's YAML alias file, read on top of the bundled one


class RunKeywords(TypedDict, total=False):
    """The fields of :class:`RunOptions` as keyword arguments (mypy checks each call, and that
    every key here is a field there)."""

    engine: str
    workers: int
    scheduler: str | None
    chunk_size: int
    progress: Progress | None
    crossdoc: bool
    parquet: str | Path | None
    aliases: str | Path | None


def _articles(
    paths: Sequence[str | Path],
    max_bytes: int,
    report: BuildReport,
    known: dict[str, str | None],
    version: str | None = None,
    reextract: bool = False,
) -> Iterator[Article]:
    """The clean articles to extract: those not stored yet, those stored by another pipeline
    version than ``version`` (``known`` maps stored ids to theirs), and with ``reextract`` all."""
    from storyline.ingest.clean import clean_or_skip
    from storyline.ingest.readers import read_inputs

    seen: set[str] = set()
    for item in read_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        report.read += 1
        try:
            article = clean_or_skip(item)
        except Exception as exc:  # a cleaner bug must cost one input, not the run
            report.skipped.append(Skipped(item.source, "malformed", f"could not clean: {exc}"))
            continue
        if isinstance(article, Skipped):  # a site page (sign-up form, edition chooser), not an article
            report.skipped.append(article)
            continue
        if not article.text.strip():
            report.skipped.append(Skipped(item.source, "empty", "no article text left after cleaning"))
            continue
        if article.id in seen or (article.id in known and not reextract and known[article.id] == version):
            report.already += 1
            continue
        seen.add(article.id)
        yield article


def chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def build(
    paths: Sequence[str | Path],
    db: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    reextract: bool = False,
    **options: Unpack[RunKeywords],
) -> BuildReport:
    """Add the articles under ``paths`` to the dossier ``db`` (created if needed).

    Idempotent and resumable: articles already stored (same clean text) by the
    same pipeline version (:mod:`storyline.pipeline_version`) are skipped before
    parsing; those stored by another version (storyline, its lexicons, its model
    or the user's alias file changed since) are extracted again and their facts
    replaced; with ``reextract`` every input article is. Each chunk is committed
    in one transaction; the cross-article stages then run over every stored
    article, so they see the new facts.
    With ``parquet`` (a folder), each chunk is written there as a Parquet
    partition and loaded from it (see :mod:`storyline.store.parquet`).
    ``aliases`` is a user's YAML alias file, read on top of the bundled one; the other
    ``options`` are those of :class:`RunOptions`.
    """
    return _extract_and_store(
        lambda store, version, report: _articles(
            paths, max_bytes, report, store.article_versions(), version, reextract
        ),
        db,
        RunOptions(**options),
        replace=reextract,
    )


def refresh(
    db: str | Path,
    *,
    everything: bool = False,
    **options: Unpack[RunKeywords],
) -> BuildReport:
    """Extract again, from the text the dossier ``db`` holds, the articles another pipeline
    version extracted (with ``everything``, all of them), so a dossier catches up with an
    upgrade of storyline or of the alias file without its input files. Each chunk's facts
    replace the old ones in one transaction, as in :func:`build`; the cross-article stages
    then run over every article. ``report.reextracted`` counts the articles done. ``options``
    are those of :class:`RunOptions`, as for :func:`build`."""
    run = RunOptions(**options)

    def stored(store: Store, version: str, report: BuildReport) -> Iterator[Article]:
        from storyline.store import read_articles

        ids = sorted(store.article_versions()) if everything else store.stale_ids(version)
        # A process pool pulls the articles on its feeder thread while this one writes: the
        # reader gets its own cursor (DuckDB's way to use one database from two threads).
        reader = store.con.cursor()

        def articles() -> Iterator[Article]:
            try:
                for start in range(0, len(ids), run.chunk_size):  # a chunk at a time: memory stays flat
                    chunk = read_articles(reader, ids[start : start + run.chunk_size])
                    report.read += len(chunk)
                    yield from chunk
            finally:
                reader.close()

        return articles()

    return _extract_and_store(stored, db, run, replace=everything)


def _extract_and_store(
    articles_of: Callable[[Store, str, BuildReport], Iterable[Article]],
    db: str | Path,
    run: RunOptions,
    *,
    replace: bool,
) -> BuildReport:
    """Map the articles ``articles_of(store, version, report)`` yields through the pipeline on
    ``run.engine``, store each chunk in one transaction (replacing stored ones with ``replace``),
    then run the cross-article stages."""
    from storyline.pipeline import ArticlePipeline
    from storyline.pipeline_version import pipeline_version
    from storyline.store import Store

    report = BuildReport()
    started = time.perf_counter()
    alias_file = str(run.aliases) if run.aliases else None
    version = pipeline_version(alias_file)
    # the story vectors are made in the map, on the workers (also when the cross-article stages
    # run later, apart: the stories stage then finds them stored)
    pipeline = ArticlePipeline(aliases=alias_file, embed=True)
    with Store(db) as store:
        if run.parquet is not None:
            from storyline.store.parquet import load_pending

            load_pending(store, run.parquet, pipeline_version=version)  # mapped by a killed build, not loaded
        runner = make_engine(run.engine, pipeline, workers=run.workers, scheduler=run.scheduler)
        try:
            chunks = chunked(articles_of(store, version, report), run.chunk_size)
            flushed = 0  # skipped inputs already written
            for facts in runner.map_chunks(chunks):
                skipped = report.skipped[flushed:]
                if run.parquet is None:
                    written = store.write(facts, skipped, pipeline_version=version, replace=replace)
                else:
                    from storyline.store.parquet import load_partition, write_partition

                    part = write_partition(facts, run.parquet, pipeline_version=version, overwrite=replace)
                    written = load_partition(store, part, skipped, pipeline_version=version, replace=replace)
                flushed = len(report.skipped)
                report.stored += written.new
                report.reextracted += written.replaced
                report.failures += sum(len(f.failures) for f in facts)
                report.words += sum(len(f.article.text.split()) for f in facts)
                if run.progress:
                    run.progress(len(facts))
        finally:
            runner.close()
        store.write([], skipped=report.skipped[flushed:])
        report.stale = store.stale_count(version)
        if run.crossdoc:
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
    for name, stage in crossdoc_stages(aliases):
        results.update(run_crossdoc_stage(store, name, stage))
    return results


def run_crossdoc_stage(store: object, name: str, stage: Callable[..., object]) -> dict[str, str]:
    """``{name: "ok"}``, or ``{name: reason}`` when the stage failed."""
    try:
        stage(store.con)  # type: ignore[attr-defined]
        return {name: "ok"}
    except Exception as exc:
        return {name: f"{type(exc).__name__}: {exc}".splitlines()[0][:300]}


def raw_documents_from_text(text: str, title: str | None = None, source: str = "pasted") -> RawDocument:
    """A pasted text as a raw document (web upload, notebooks)."""
    return RawDocument(text=text, source=source, title=title, title_in_text=title is None)
