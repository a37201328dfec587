"""Local engines: a plain loop in this process, or a pool of worker processes."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator

from storyline.pipeline import ArticlePipeline
from storyline.records import Article, ArticleFacts, StageFailure

_worker_pipeline: ArticlePipeline | None = None


def process_chunk(pipeline: ArticlePipeline, chunk: list[Article]) -> list[ArticleFacts]:
    """Facts of a chunk; an article that breaks the parser itself costs only that article."""
    try:
        return list(pipeline.process(chunk))
    except Exception:
        results = []
        for article in chunk:
            try:
                results.append(pipeline(article))
            except Exception as exc:
                results.append(poisoned(article, exc))
        return results


def poisoned(article: Article, exc: BaseException) -> ArticleFacts:
    """The record of an article the pipeline could not process at all."""
    reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    return ArticleFacts(article=article, failures=(StageFailure(article.id, "pipeline", reason),))


class LoopEngine:
    """Runs the pipeline in this process."""

    def __init__(self, pipeline: ArticlePipeline) -> None:
        self.pipeline = pipeline

    def map_chunks(self, chunks: Iterable[list[Article]]) -> Iterator[list[ArticleFacts]]:
        for chunk in chunks:
            yield process_chunk(self.pipeline, chunk)

    def close(self) -> None:
        pass


def _init_worker(pipeline: ArticlePipeline) -> None:
    global _worker_pipeline
    _worker_pipeline = pipeline
    _ = pipeline.nlp  # load the model once per worker, before the first chunk


def _run_in_worker(chunk: list[Article]) -> list[ArticleFacts]:
    assert _worker_pipeline is not None
    return process_chunk(_worker_pipeline, chunk)


class PoolEngine:
    """Runs the pipeline in ``workers`` processes; chunks come back in input order."""

    def __init__(self, pipeline: ArticlePipeline, workers: int) -> None:
        ctx = mp.get_context("spawn")  # fork after loading native libraries is fragile
        self.pool = ctx.Pool(workers, initializer=_init_worker, initargs=(pipeline,))

    def map_chunks(self, chunks: Iterable[list[Article]]) -> Iterator[list[ArticleFacts]]:
        yield from self.pool.imap(_run_in_worker, chunks)

    def close(self) -> None:
        self.pool.close()
        self.pool.join()
