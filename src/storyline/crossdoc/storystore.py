"""Stories and wire copy over a dossier: read the stored articles, write the cross-article tables.

The build calls :func:`build_stories` and :func:`build_wire_copies` after the
per-article map, each with a writable DuckDB connection; each rewrites its
tables in one transaction, so a crash leaves the previous result whole.
Stories are incremental: each article's document vector is stored
(``article_vectors``), and a later build embeds and assigns only the articles
no story holds yet; ``storyline stories --rebuild`` regroups from scratch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np

from storyline.crossdoc.stories import StoryIndex, group_stories
from storyline.crossdoc.storyconfig import DEFAULT_CONFIG, StoryConfig
from storyline.crossdoc.storyfeatures import ArticleCounts, StoryArticle, document_text
from storyline.crossdoc.wirecopy import WireArticle, WireCopy, WireIndex
from storyline.records import Mention, Story
from storyline.store import registered, transaction, write_vector_counts, write_vectors

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
        StoryArticle(
            article_id, text, title, published, tuple(mentions[article_id]), tuple(dates[article_id])
        )
        for article_id, text, title, published in con.execute(
            "SELECT id, text, title, CAST(published AS VARCHAR) FROM articles ORDER BY id"
        ).fetchall()
    ]


def compute_stories(
    articles: list[StoryArticle],
    embedder: Embedder | None = None,
    config: StoryConfig = DEFAULT_CONFIG,
    vectors: np.ndarray | None = None,
) -> list[Story]:
    """Stories over ``articles`` from scratch (embedded in batches unless ``vectors`` are given),
    without touching any database."""
    if vectors is None:
        embedder = embedder or _default_embedder()
        vectors = np.zeros((len(articles), _dimension()), dtype=np.float32)
        for lo, part in _embedded_batches(embedder, articles):
            vectors[lo : lo + len(part)] = part
    return group_stories(articles, embedder, config, vectors)


def _default_embedder() -> Embedder:
    from storyline.embeddings import Embedder

    return Embedder()


def _embedded_batches(embedder: Embedder, articles: list[StoryArticle]) -> Iterator[tuple[int, np.ndarray]]:
    """The articles' document vectors, EMBED_BATCH articles at a time: (offset, vectors)."""
    for lo in range(0, len(articles), EMBED_BATCH):
        yield lo, embedder.encode_documents([document_text(a) for a in articles[lo : lo + EMBED_BATCH]])


def stored_vectors(con: Any) -> dict[str, np.ndarray]:
    """The document vectors a dossier holds (those of the current :data:`DOCUMENT_MODEL`), by article id."""
    from storyline.embeddings import DOCUMENT_MODEL

    table = con.execute(
        "SELECT article_id, vector FROM article_vectors WHERE model = ?", [DOCUMENT_MODEL]
    ).to_arrow_table()
    if not table.num_rows:
        return {}
    ids = table.column("article_id").to_pylist()
    matrix = table.column("vector").combine_chunks().values.to_numpy(zero_copy_only=False)
    matrix = matrix.astype(np.float32).reshape(len(ids), -1)
    return dict(zip(ids, matrix, strict=True))


def article_vectors(con: Any, articles: list[StoryArticle], embedder: Embedder | None = None) -> np.ndarray:
    """Each article's document vector, one row per article: the stored ones read back, the others
    embedded (in batches, each stored as soon as it is made, so a killed build keeps them)."""
    have = stored_vectors(con)
    out = np.zeros((len(articles), _dimension()), dtype=np.float32)
    missing = []
    for i, article in enumerate(articles):
        vector = have.get(article.id)
        if vector is None:
            missing.append(i)
        else:
            out[i] = vector
    if missing:
        embedder = embedder or _default_embedder()
        for lo, vectors in _embedded_batches(embedder, [articles[i] for i in missing]):
            part = missing[lo : lo + len(vectors)]
            out[part] = vectors
            write_vectors(con, [articles[i].id for i in part], vectors)
    return out


def article_counts(con: Any, articles: list[StoryArticle], refresh: bool = False) -> list[ArticleCounts]:
    """Each article's :class:`ArticleCounts`: the stored ones read back, the others computed and
    stored (beside the article's vector, which :func:`article_vectors` stores first). With
    ``refresh`` every article's counts are computed again (the actors stage may have renamed
    the actors of its mentions since they were stored)."""
    have: dict[str, ArticleCounts] = {}
    if not refresh:
        rows = con.execute(
            "SELECT article_id, counts FROM article_vectors WHERE counts IS NOT NULL"
        ).fetchall()
        have = {article_id: ArticleCounts.from_json(text) for article_id, text in rows}
    fresh = {a.id: ArticleCounts.of(a) for a in articles if a.id not in have}
    write_vector_counts(con, {article_id: c.to_json() for article_id, c in fresh.items()})
    return [have.get(a.id) or fresh[a.id] for a in articles]


def unassigned_count(con: Any) -> int:
    """How many stored articles no story holds yet."""
    row = con.execute(
        "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles)"
    ).fetchone()
    return int(row[0]) if row else 0


def build_stories(
    con: Any, embedder: Embedder | None = None, config: StoryConfig = DEFAULT_CONFIG, rebuild: bool = False
) -> list[Story]:
    """Group the stored articles into stories; rewrite ``stories`` and ``story_articles``.

    Incremental unless ``rebuild``: the articles a story already holds stay in it
    (:meth:`StoryIndex.restore`, from their stored vectors and counts), and only the articles
    no story holds are embedded and assigned (:meth:`StoryIndex.add`): they join
    existing stories or open new ones; two existing stories are never merged.
    With nothing new, nothing is recomputed or written. ``rebuild`` regroups
    every article from scratch (stored vectors are reused: they depend on the
    text only; the feature counts are computed again from the current mentions).
    """
    assigned = dict(con.execute("SELECT article_id, story_id FROM story_articles").fetchall())
    if assigned and not rebuild and not unassigned_count(con):
        return stored_stories(con)
    articles = load_story_articles(con)
    vectors = article_vectors(con, articles, embedder)
    counts = article_counts(con, articles, refresh=rebuild)
    index = StoryIndex(embedder, config)
    previous: dict[str, Story] = {}
    if rebuild or not assigned:
        index.add(articles, vectors, counts)
    else:
        previous = {s.id: s for s in stored_stories(con)}
        old = [i for i, a in enumerate(articles) if a.id in assigned]
        new = [i for i, a in enumerate(articles) if a.id not in assigned]
        index.restore([articles[i] for i in old], vectors[old], assigned, [counts[i] for i in old])
        index.add([articles[i] for i in new], vectors[new], [counts[i] for i in new])
    stories = index.stories()
    # A story the new articles did not touch keeps its stored title.
    stories = [
        replace(s, title=previous[s.id].title)
        if s.id in previous and set(previous[s.id].article_ids) == set(s.article_ids)
        else s
        for s in stories
    ]
    _write_stories(con, stories)
    return stories


def _write_stories(con: Any, stories: list[Story]) -> None:
    """Replace the ``stories`` and ``story_articles`` tables in one transaction."""
    import pyarrow as pa

    story_rows = pa.table(
        {
            "id": [s.id for s in stories],
            "title": [s.title for s in stories],
            "size": pa.array([len(s.article_ids) for s in stories], pa.int32()),
        }
    )
    member_rows = pa.table(
        {
            "story_id": [s.id for s in stories for _ in s.article_ids],
            "article_id": [a for s in stories for a in s.article_ids],
        },
        schema=pa.schema([("story_id", pa.string()), ("article_id", pa.string())]),
    )
    with registered(con, _storyline_stories=story_rows, _storyline_members=member_rows), transaction(con):
        con.execute("DELETE FROM story_articles")
        con.execute("DELETE FROM stories")
        con.execute("INSERT INTO stories SELECT id, title, size FROM _storyline_stories")
        con.execute("INSERT INTO story_articles SELECT story_id, article_id FROM _storyline_members")


def compute_wire_copies(con: Any) -> list[WireCopy]:
    index = WireIndex()
    rows = con.execute("SELECT id, text, CAST(published AS VARCHAR) FROM articles ORDER BY id").fetchall()
    index.add([WireArticle(i, t, p) for i, t, p in rows])
    return index.copies()


def build_wire_copies(con: Any) -> list[WireCopy]:
    """Find republished copies among the stored articles; rewrite ``wire_copies``."""
    copies = compute_wire_copies(con)
    with transaction(con):
        con.execute("DELETE FROM wire_copies")
        if copies:  # DuckDB's executemany refuses an empty list
            con.executemany(
                "INSERT INTO wire_copies VALUES (?, ?, ?)",
                [(c.article_id, c.original_id, c.similarity) for c in copies],
            )
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
