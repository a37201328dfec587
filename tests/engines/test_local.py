"""Local engines: a process pool gives the same facts, in the same order, as a loop."""

from __future__ import annotations

from pathlib import Path

from storyline.build import chunked
from storyline.engines.local import LoopEngine, PoolEngine, process_chunk
from storyline.pipeline import ArticlePipeline
from tests.engines.helpers import POISON, FragilePipeline, marked_article, seed_articles


def test_pool_of_two_equals_loop(seeds_dir: Path) -> None:
    articles = seed_articles(seeds_dir)
    pipeline = ArticlePipeline()
    loop = LoopEngine(pipeline)
    expected = [f for chunk in loop.map_chunks(chunked(articles, 1)) for f in chunk]
    pool = PoolEngine(pipeline, 2)
    try:
        got = [f for chunk in pool.map_chunks(chunked(articles, 1)) for f in chunk]
    finally:
        pool.close()
    assert [f.article.id for f in got] == [a.id for a in articles]
    assert got == expected
    assert all(f.mentions and not f.failures for f in got)


def test_parser_failure_costs_only_the_poisoned_article(seeds_dir: Path) -> None:
    articles = seed_articles(seeds_dir)[:2]
    chunk = [articles[0], marked_article(POISON), articles[1]]
    facts = process_chunk(FragilePipeline(), chunk)
    assert [f.article.id for f in facts] == [a.id for a in chunk]
    assert [(x.stage, x.reason) for x in facts[1].failures] == [
        ("pipeline", "ValueError: parser broke on a poisoned article")
    ]
    assert facts[0].mentions and not facts[0].failures
    assert facts[2].mentions and not facts[2].failures
