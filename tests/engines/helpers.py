"""Articles and deliberately fragile pipelines for the engine tests.

They live in an importable module so that pool and Dask worker processes can
unpickle them (functions and classes are pickled by reference)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.ingest.clean import clean
from storyline.pipeline import ArticlePipeline, Stage, default_stages
from storyline.records import Article, ArticleFacts, RawDocument

POISON = "STORYLINE-POISON-MARKER"
KILL = "STORYLINE-KILL-WORKER-MARKER"


def seed_articles(seeds_dir: Path) -> list[Article]:
    from storyline.ingest.readers import read_inputs

    docs = [d for d in read_inputs([str(seeds_dir)]) if isinstance(d, RawDocument)]
    return [clean(d) for d in docs]


def marked_article(marker: str, n: int = 0) -> Article:
    text = f"Marked article {n}\n\nThe minister said on Monday that talks in Geneva would resume. {marker}"
    return clean(RawDocument(text=text, source=f"marked-{n}"))


class FragilePipeline(ArticlePipeline):
    """Breaks in the parser itself (not in one stage) on any chunk holding the poison marker."""

    def process(self, items: Iterable[RawDocument | Article]) -> Iterator[ArticleFacts]:
        items = list(items)
        if any(POISON in i.text for i in items):
            raise ValueError("parser broke on a poisoned article")
        yield from super().process(items)


def _kill_on_marker(doc):  # type: ignore[no-untyped-def]
    if KILL in doc.article.text:
        os._exit(3)  # what a segfault or the OOM killer does to a worker
    return doc.attributions


def killing_pipeline() -> ArticlePipeline:
    """The default stages plus one that kills its worker process on the kill marker."""
    return ArticlePipeline(stages=[*default_stages(), Stage("killer", "attributions", _kill_on_marker)])


def raise_on_poison(doc):  # type: ignore[no-untyped-def]
    if POISON in doc.article.text:
        raise ValueError("poisoned on purpose")
    return doc.attributions


def find_nothing(doc):  # type: ignore[no-untyped-def]
    """A stage that finds nothing: an "older pipeline" in the re-extraction tests (importable, so
    that worker processes can unpickle a pipeline that uses it)."""
    return []
