"""Stories and wire copy over a dossier: read the stored articles, write the cross-article tables.

The build calls :func:`build_stories` and :func:`build_wire_copies` after the
per-article map, each with a writable DuckDB connection; each rewrites its
tables in one transaction, so a crash leaves the previous result whole.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

import numpy as np

from storyline.crossdoc.stories import DEFAULT_CONFIG, StoryArticle, StoryConfig, StoryIndex
from storyline.crossdoc.wirecopy import WireArticle, WireCopy, WireIndex
from storyline.records import Mention, Story

if TYPE_CHECKING:
    from storyline.embeddings import Embedder

# Articles embedded per call: bounds the memory the chunks of one call hold.
EMBED_BATCH = 256


def load_story_articles(con: Any, timex_dates: bool = False) -> list[StoryArticle]:
    """Every stored article with its mentions, in id order.

    The date features come from the publication date and the dates written in
    the text, as they were calibrated; the time stage's DATE timexes are used
    only with ``timex_dates``: on ECB+ dev they lowered BCubed F1 end to end from
    88.09 to 86.59 (BENCHMARKS.md), as relative dates resolve against unknown
    publication dates.
    """
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for article_id, start, end, label, text, actor in con.execute(
        "SELECT article_id, start_, end_, label, text, actor FROM mentions ORDER BY article_id, start_"
    ).fetchall():
        mentions[article_id].append(Mention(article_id, start, end, label, text, actor))
    dates: dict[str, list[str]] = defaultdict(list)
    if timex_dates:
        for article_id, value in con.execute(
            "SELECT article_id, value FROM timexes WHERE type = 'DATE' ORDER BY article_id, start_"
        ).fetchall():
            dates[article_id].append(value)
    return [
        StoryArticle(article_id, text, title, published, tuple(mentions[article_id]), tuple(dates[article_id]))
        for article_id, text, title, published in con.execute(
            "SELECT id, text, title, CAST(published AS VARCHAR) FROM articles ORDER BY id"
        ).fetchall()
    ]


def compute_stories(
    articles: list[StoryArticle], embedder: Embedder | None = None, config: StoryConfig = DEFAULT_CONFIG
) -> list[Story]:
    """Stories over ``articles`` (embedded in batches), without touching any database."""
    index = StoryIndex(embedder, config)
    vectors = np.zeros((len(articles), _dimension()), dtype=np.float32)
    for lo in range(0, len(articles), EMBED_BATCH):
        part = articles[lo : lo + EMBED_BATCH]
        vectors[lo : lo + len(part)] = index.embedder.encode_documents(
            [f"{a.title}. {a.text}" if a.title else a.text for a in part]
        )
    index.add(articles, vectors)
    return index.stories()


def build_stories(con: Any, embedder: Embedder | None = None, config: StoryConfig = DEFAULT_CONFIG) -> list[Story]:
    """Group the stored articles into stories; rewrite ``stories`` and ``story_articles``."""
    stories = compute_stories(load_story_articles(con), embedder, config)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM story_articles")
        con.execute("DELETE FROM stories")
        if stories:  # DuckDB's executemany refuses an empty list
            con.executemany(
                "INSERT INTO stories VALUES (?, ?, ?)", [(s.id, s.title, len(s.article_ids)) for s in stories]
            )
            con.executemany(
                "INSERT INTO story_articles VALUES (?, ?)", [(s.id, a) for s in stories for a in s.article_ids]
            )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return stories


def compute_wire_copies(con: Any) -> list[WireCopy]:
    index = WireIndex()
    rows = con.execute("SELECT id, text, CAST(published AS VARCHAR) FROM articles ORDER BY id").fetchall()
    index.add([WireArticle(i, t, p) for i, t, p in rows])
    return index.copies()


def build_wire_copies(con: Any) -> list[WireCopy]:
    """Find republished copies among the stored articles; rewrite ``wire_copies``."""
    copies = compute_wire_copies(con)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM wire_copies")
        if copies:  # DuckDB's executemany refuses an empty list
            con.executemany(
                "INSERT INTO wire_copies VALUES (?, ?, ?)", [(c.article_id, c.original_id, c.similarity) for c in copies]
            )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return copies


def stored_stories(con: Any) -> list[Story]:
    """The stories a build stored, largest first, articles in publication order."""
    members: dict[str, list[str]] = defaultdict(list)
    for story_id, article_id in con.execute(
        "SELECT sa.story_id, sa.article_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
        " ORDER BY sa.story_id, coalesce(CAST(a.published AS VARCHAR), '9999'), a.id"
    ).fetchall():
        members[story_id].append(article_id)
    rows = con.execute("SELECT id, title FROM stories").fetchall()
    stories = [Story(i, t, tuple(members.get(i, ()))) for i, t in rows]
    return sorted(stories, key=lambda s: (-len(s.article_ids), s.id))


def _dimension() -> int:
    from storyline.embeddings import DIMENSION

    return DIMENSION
