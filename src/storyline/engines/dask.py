"""The Dask engine: the same per-article pipeline, mapped over a cluster.

``DaskEngine(pipeline, scheduler=ADDRESS)`` connects a ``distributed.Client``
to a running scheduler (``dask scheduler`` + ``dask worker`` processes), or,
with ``scheduler=None``, starts a local cluster of worker processes on
127.0.0.1.

- **The pipeline ships once per worker** as a worker plugin: the scheduler
  hands it to every worker, including workers that join later or that a nanny
  restarts after a crash, and each loads spaCy once, on its first chunk.
  Tasks then carry only their chunk of articles.
- **Chunks come back in input order** with at most ``max_in_flight`` chunks
  submitted and not yet yielded (backpressure): the input is read lazily, so
  the driver's memory stays flat however large the corpus.
- **Failures cost one article.** A stage or parser error inside an article is
  already caught on the worker (:func:`~storyline.engines.local.process_chunk`).
  What reaches the driver is the loss of the task itself (a worker killed by a
  segfault or the OOM killer, a lost connection): the chunk is submitted once
  more, and if that fails too every article of it runs as its own task (twice
  at most), so a poisoned article ends as a ``pipeline`` :class:`StageFailure`
  naming the worker's death and its neighbours are processed normally.

On the local cluster the scheduler gives up on a task after its first worker
death (``allowed-failures`` 0) so that these retries, not the scheduler's, decide
how many workers a poisoned article may kill (four at most). On an external
cluster the scheduler's own ``distributed.scheduler.allowed-failures`` applies
first; start it with ``DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=0`` for the
same behaviour.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from storyline.engines.local import poisoned, process_chunk
from storyline.pipeline import ArticlePipeline
from storyline.records import Article, ArticleFacts

log = logging.getLogger(__name__)

# Chunks in flight per worker thread: one running, one queued, so a worker
# never waits on the driver, and no more, so memory stays bounded.
IN_FLIGHT_PER_THREAD = 2
# Attempts of a single article once its chunk has failed twice: a second try
# spares an innocent article that shared a dying worker with the poisoned one.
ARTICLE_ATTEMPTS = 2
# How long a local cluster waits for a crashed worker's replacement before giving up on it.
LOST_WORKER_TIMEOUT = "10 minutes"


def local_cluster(n_workers: int | None = None, memory_limit: str | int = "auto") -> Any:
    """A cluster of ``n_workers`` single-threaded worker processes on 127.0.0.1
    (scheduler in this process, no dashboard), each restarted by its nanny if it dies."""
    import dask
    from distributed import LocalCluster

    # A local cluster closes a nanny for good when its restarted worker is not back within
    # lost-worker-timeout (15 s by default; read when a worker is lost, so set for the
    # process): spawning a worker and importing spaCy takes longer than that on a loaded machine.
    dask.config.set({"distributed.deploy.lost-worker-timeout": LOST_WORKER_TIMEOUT})
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        return LocalCluster(
            n_workers=n_workers or os.cpu_count() or 1,
            threads_per_worker=1,  # spaCy parses in one thread; a process per core
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            memory_limit=memory_limit,
        )


def _plugin_class() -> type:
    from distributed.diagnostics.plugin import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):
        """Holds the pipeline on each worker. Its model loads on the worker's first chunk (in a
        task thread): loading it in ``setup`` would block the worker's start, and on a loaded
        machine a nanny restarting a dead worker may give up waiting for it."""

        def __init__(self, pipeline: ArticlePipeline, name: str) -> None:
            self.pipeline = pipeline
            self.name = name

    return PipelinePlugin


def _warm(dask_worker: Any, plugin_name: str) -> None:
    _ = dask_worker.plugins[plugin_name].pipeline.nlp


def _run_chunk(plugin_name: str, chunk: list[Article]) -> list[ArticleFacts]:
    """On a worker: the facts of a chunk, with the pipeline its plugin holds."""
    from distributed import get_worker

    pipeline = get_worker().plugins[plugin_name].pipeline  # type: ignore[attr-defined]
    return process_chunk(pipeline, chunk)


class DaskEngine:
    """Maps chunks of articles over a Dask cluster; see the module docstring."""

    def __init__(
        self,
        pipeline: ArticlePipeline,
        scheduler: str | None = None,
        *,
        workers: int | None = None,
        max_in_flight: int | None = None,
        connect_timeout: float = 30,
    ) -> None:
        from distributed import Client

        self.cluster = local_cluster(workers) if scheduler is None else None
        try:
            self.client = Client(
                self.cluster if self.cluster is not None else scheduler, timeout=connect_timeout
            )
        except OSError as exc:
            if self.cluster is not None:
                self.cluster.close()
            raise RuntimeError(
                f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with `dask scheduler` "
                "and workers with `dask worker ADDRESS`, or leave out --scheduler for a local cluster"
            ) from exc
        if scheduler is not None:
            self.client.wait_for_workers(1, timeout=60)
        self.plugin_name = f"storyline-pipeline-{uuid.uuid4().hex[:12]}"
        self.client.register_plugin(_plugin_class()(pipeline, self.plugin_name), name=self.plugin_name)
        threads = sum(self.client.nthreads().values()) or 1
        self.max_in_flight = max_in_flight or max(2, IN_FLIGHT_PER_THREAD * threads)
        self.retried_chunks = 0  # chunks whose task was lost at least once (for reports and tests)

    def warm(self) -> None:
        """Load the model on every worker now (benchmarks call this before timing)."""
        self.client.run(_warm, plugin_name=self.plugin_name)

    def _submit(self, chunk: list[Article]) -> Any:
        return self.client.submit(_run_chunk, self.plugin_name, chunk, pure=False, retries=0)

    def map_chunks(self, chunks: Iterable[list[Article]]) -> Iterator[list[ArticleFacts]]:
        pending: deque[_InFlight] = deque()
        for chunk in chunks:
            pending.append(_InFlight(chunk, self._submit(chunk)))
            if len(pending) >= self.max_in_flight:
                yield self._next_in_order(pending)
        while pending:
            yield self._next_in_order(pending)

    def _next_in_order(self, pending: deque[_InFlight]) -> list[ArticleFacts]:
        """The head chunk's facts. Results that finish out of order are fetched to the driver at
        once (at most ``max_in_flight`` of them): a result left on a worker would be lost, and
        computed again, if that worker died while the driver waits for an earlier chunk."""
        from distributed import wait

        head = pending[0]
        while head.result is None and head.future.status == "pending":
            waiting = [e.future for e in pending if e.result is None and e.future.status == "pending"]
            wait(waiting, return_when="FIRST_COMPLETED")
            for entry in pending:
                if entry.result is None and entry.future.status == "finished":
                    with contextlib.suppress(Exception):  # lost meanwhile: _collect retries it
                        entry.result = entry.future.result()
                        entry.future = None  # released: the cluster need not keep (or recompute) it
        pending.popleft()
        return head.result if head.result is not None else self._collect(head.chunk, head.future)

    def _collect(self, chunk: list[Article], future: Any) -> list[ArticleFacts]:
        """The chunk's facts; lost tasks are retried as described in the module docstring."""
        try:
            return future.result()  # type: ignore[no-any-return]
        except Exception as exc:
            self.retried_chunks += 1
            log.warning("chunk of %d articles lost (%s); retrying it once", len(chunk), _reason(exc))
        try:
            return self._submit(chunk).result()  # type: ignore[no-any-return]
        except Exception as exc:
            log.warning("chunk lost twice (%s); running its articles one by one", _reason(exc))
        return self._one_by_one(chunk)

    def _one_by_one(self, chunk: list[Article]) -> list[ArticleFacts]:
        futures = [self._submit([a]) for a in chunk]
        results: list[ArticleFacts] = []
        for article, future in zip(chunk, futures, strict=True):
            for attempt in range(ARTICLE_ATTEMPTS):
                try:
                    results.extend(future.result())
                    break
                except Exception as exc:
                    if attempt + 1 < ARTICLE_ATTEMPTS:
                        future = self._submit([article])
                        continue
                    results.append(poisoned(article, WorkerLost(_reason(exc))))
        return results

    def close(self) -> None:
        with contextlib.suppress(Exception):  # the cluster may be gone already; nothing to clean then
            self.client.unregister_worker_plugin(self.plugin_name)
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


class _InFlight:
    """A submitted chunk: its future, and its facts once fetched."""

    __slots__ = ("chunk", "future", "result")

    def __init__(self, chunk: list[Article], future: Any) -> None:
        self.chunk = chunk
        self.future = future
        self.result: list[ArticleFacts] | None = None


class WorkerLost(RuntimeError):
    """The task of an article was lost with its worker (crash, OOM kill, lost connection)."""


def _reason(exc: BaseException) -> str:
    return f"worker lost while processing it: {type(exc).__name__}: {exc}".splitlines()[0][:250]
