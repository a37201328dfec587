"""Engines run the per-article pipeline over chunks of articles: in this process,
in a process pool, or on a Dask cluster. They all map the same picklable
:class:`~storyline.pipeline.ArticlePipeline` and yield facts chunk by chunk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from storyline.records import Article, ArticleFacts


class Engine(Protocol):
    def map_chunks(self, chunks: Iterable[list[Article]]) -> Iterator[list[ArticleFacts]]: ...

    def close(self) -> None: ...
