"""Group articles into stories across outlets and days.

Each article becomes one feature vector whose dot product with another's is
their similarity: a weighted sum of

- **text**: the cosine of their MiniLM embeddings (title and first paragraphs);
- **words**: the cosine of their TF-IDF vectors over content words;
- **people** and **entities**: the cosines of their TF-IDF vectors over the
  people they name (by surname) and over the other actors and places ("the"
  and possessives dropped), which is what tells two earthquakes or two arrests
  of one kind apart;
- **dates**: the cosine of their year profiles (publication year and the years
  the text mentions), which keeps this year's story apart from last year's;
- **lead people**: the cosine of their TF-IDF vectors over the people the title
  and the lead name, the protagonists (two DUI arrests of two players of one team).

Two penalties are subtracted when both articles have a year profile, and when
both name lead people: agreement on when and on whom must earn them back.

When average link stops, an article left alone joins the story (of a few articles at least) it
is most similar to on average, if that reaches a lower threshold and the country guard allows it
(``StoryConfig.attach_size``).

A country guard vetoes merges: two groups that both name countries (and their
cities, and demonyms) often enough, but whose country profiles point elsewhere,
are not one story however similar their words (Egypt's and Libya's uprisings in
one February). See :mod:`storyline.crossdoc.storycountries`.

Because the similarity is a dot product, the average similarity between two
groups of articles is the dot product of their feature sums divided by the
product of their sizes. Average-link clustering therefore runs on group sums,
exactly, and only for pairs of groups that share a candidate edge: blocking
(a shared rare entity or a shared random-hyperplane hash of the embedding)
proposes the candidates, so the work grows with the number of articles times
a bounded number of candidates, not with all pairs.

:class:`StoryIndex` is incremental: ``add`` puts new articles into existing
stories or opens new ones, and never merges or splits stories it already had,
so story ids stay stable. IDF weights are those of the index when an article
is added. Pure over records: no I/O, no database.

This module keeps the index (profiles, blocking, candidate edges) and names the
stories; its parts live beside it: the settings and their calibration in
:mod:`~storyline.crossdoc.storyconfig`, the article and its features in
:mod:`~storyline.crossdoc.storyfeatures`, average link with the country guard and
leftover attachment in :mod:`~storyline.crossdoc.storyclusters`. Wire copies
(republished text) are :mod:`storyline.crossdoc.wirecopy`.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from storyline.crossdoc.storyclusters import Cluster, Clustering, sparse_dot
from storyline.crossdoc.storyconfig import DEFAULT_CONFIG, StoryConfig
from storyline.crossdoc.storyfeatures import (
    ArticleCounts,
    Profile,
    StoryArticle,
    article_profile,
    document_text,
)
from storyline.records import Story

if TYPE_CHECKING:
    from storyline.embeddings import Embedder


TITLE_CHARS = 120
# A dot or a new line ends the first sentence used as a title when an article has none.
_FIRST_SENTENCE = re.compile(r"(.+?[.!?])(\s|$)", re.DOTALL)


def story_title(article: StoryArticle) -> str:
    """An article's title, else its first sentence, cut to a line."""
    title = (article.title or "").strip()
    if not title:
        text = article.text.strip()
        match = _FIRST_SENTENCE.match(text)
        title = (match.group(1) if match else text).split("\n")[0].strip()
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return title or "(untitled)"


def story_id(founder_id: str) -> str:
    """A story's id: stable, derived from the article that opened it."""
    return "story-" + hashlib.sha1(founder_id.encode("utf-8")).hexdigest()[:12]


class StoryIndex:
    """Stories over a growing set of articles (see the module docstring)."""

    def __init__(self, embedder: Embedder | None = None, config: StoryConfig = DEFAULT_CONFIG) -> None:
        self.config = config
        self._embedder = embedder
        self._profiles: list[Profile] = []
        self._position: dict[str, int] = {}
        self._df: Counter[str] = Counter()
        self._postings: dict[str, list[int]] = {}
        self._vocab: dict[str, int] = {}  # sparse feature key -> column
        self._clustering = Clustering(config, self._profiles)
        rng = np.random.default_rng(config.seed)
        self._planes = rng.standard_normal((config.lsh_tables * config.lsh_bits, _dimension())).astype(
            np.float32
        )

    def __len__(self) -> int:
        return len(self._profiles)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from storyline.embeddings import Embedder

            self._embedder = Embedder()
        return self._embedder

    # -- adding ---------------------------------------------------------------------------------

    def add(
        self,
        articles: Sequence[StoryArticle],
        vectors: np.ndarray | None = None,
        counts: Sequence[ArticleCounts | None] | None = None,
    ) -> None:
        """Assign ``articles`` to existing stories or new ones.

        ``vectors`` are their document embeddings when already computed (unit
        vectors, one row per article); otherwise the embedder computes them.
        ``counts`` are their :class:`ArticleCounts` where already computed.
        Articles already in the index are ignored.
        """
        keep = [i for i, a in enumerate(articles) if a.id not in self._position]
        seen: set[str] = set()
        keep = [i for i in keep if not (articles[i].id in seen or seen.add(articles[i].id))]  # type: ignore[func-returns-value]
        if not keep:
            return
        new = [articles[i] for i in keep]
        if vectors is None:
            vecs = self.embedder.encode_documents([document_text(a) for a in new])
        else:
            vecs = np.asarray(vectors, dtype=np.float32)[keep]
        first = self._append_profiles(new, vecs, [counts[i] for i in keep] if counts is not None else None)
        for cluster in self._clustering.clusters.values():
            cluster.frozen = True
        for idx in range(first, len(self._profiles)):
            key = idx
            self._clustering.cluster_of.append(key)
            self._clustering.clusters[key] = Cluster.of(idx, self._profiles[idx])
        edges = self._candidate_edges(range(first, len(self._profiles)))
        self._clustering.agglomerate(edges)
        for cluster in self._clustering.clusters.values():
            if cluster.story is None:
                founder = min(cluster.members, key=self._founder_key)
                cluster.story = story_id(self._profiles[founder].article.id)

    def restore(
        self,
        articles: Sequence[StoryArticle],
        vectors: np.ndarray,
        stories: Mapping[str, str],
        counts: Sequence[ArticleCounts | None] | None = None,
    ) -> None:
        """Put back articles an earlier build grouped, each into its story ``stories[id]``, without clustering.

        Their profiles, IDF counts and blocking postings are rebuilt (cheap: no
        embedding, no pairwise work); each story becomes one group that a later
        ``add`` may extend but never merges with another. ``vectors`` are their
        stored document embeddings, one row per article; ``counts`` their stored
        :class:`ArticleCounts` (``None`` where not stored: computed then).
        """
        keep = [i for i, a in enumerate(articles) if a.id not in self._position and a.id in stories]
        if not keep:
            return
        new = [articles[i] for i in keep]
        known = [counts[i] for i in keep] if counts is not None else None
        first = self._append_profiles(new, np.asarray(vectors, dtype=np.float32)[keep], known)
        by_story: dict[str, list[int]] = {}
        for idx in range(first, len(self._profiles)):
            by_story.setdefault(stories[self._profiles[idx].article.id], []).append(idx)
            for block in self._block_keys(idx):
                self._postings.setdefault(block, []).append(idx)
        self._clustering.cluster_of.extend([0] * (len(self._profiles) - first))
        for story, members in by_story.items():
            key = members[0]
            cluster = Cluster.of(key, self._profiles[key])
            for m in members[1:]:
                cluster.absorb(Cluster.of(m, self._profiles[m]))
            cluster.frozen, cluster.story = True, story
            for m in members:
                self._clustering.cluster_of[m] = key
            self._clustering.clusters[key] = cluster

    def _append_profiles(
        self,
        new: Sequence[StoryArticle],
        vecs: np.ndarray,
        known: Sequence[ArticleCounts | None] | None = None,
    ) -> int:
        """Count the new articles into the IDF weights and append their profiles; returns the first new position."""
        counts = [
            c if c is not None else ArticleCounts.of(a)
            for a, c in zip(new, known or [None] * len(new), strict=True)
        ]
        for count in counts:
            self._df.update({f"w:{k}" for k in count.words})
            self._df.update(set(count.entities))
        first = len(self._profiles)
        total = first + len(new)
        for article, vec, count in zip(new, vecs, counts, strict=True):
            self._position[article.id] = len(self._profiles)
            self._profiles.append(article_profile(article, vec, count, self._df, total, self.config))
        return first

    def _founder_key(self, idx: int) -> tuple[str, str]:
        article = self._profiles[idx].article
        return (article.published or "9999", article.id)

    def _block_keys(self, idx: int) -> list[str]:
        c = self.config
        p = self._profiles[idx]
        rare = sorted(p.entity_weights, key=lambda k: -p.entity_weights[k])[: c.block_entities]
        keys = [f"b:{k}" for k in rare]
        if c.text > 0 and c.lsh_tables:
            bits = (self._planes @ p.dense) > 0
            for t in range(c.lsh_tables):
                chunk = bits[t * c.lsh_bits : (t + 1) * c.lsh_bits]
                keys.append(f"h{t}:" + "".join("1" if b else "0" for b in chunk))
        return keys

    def _candidate_edges(self, new: Iterable[int]) -> list[tuple[float, int, int]]:
        """For each new article, its best-scoring blocked candidates as ``(similarity, new, other)``.

        Candidates are scored in bulk: a sparse matrix of every article's features
        (rebuilt at each ``add``, linear in the index size) times the new article's row.
        """
        from scipy.sparse import csr_matrix

        c = self.config
        indptr, indices, data = [0], [], []
        for p in self._profiles:
            for k, v in p.sparse.items():
                indices.append(self._vocab.setdefault(k, len(self._vocab)))
                data.append(v)
            indptr.append(len(indices))
        matrix = csr_matrix(
            (
                np.array(data, dtype=np.float64),
                np.array(indices, dtype=np.int64),
                np.array(indptr, dtype=np.int64),
            ),
            shape=(len(self._profiles), max(len(self._vocab), 1)),
        )
        dense = np.vstack([p.dense for p in self._profiles])
        flags = np.vstack([p.flags for p in self._profiles]) * self._clustering.penalty
        edges: list[tuple[float, int, int]] = []
        for idx in new:
            candidates: set[int] = set()
            for key in self._block_keys(idx):
                posting = self._postings.setdefault(key, [])
                candidates.update(posting[-c.posting_cap :])
                posting.append(idx)
            if not candidates:
                continue
            others = np.array(sorted(candidates), dtype=np.int64)
            sims = dense[others] @ dense[idx] + (matrix[others] @ matrix[idx].T).toarray().ravel()
            sims = sims - flags[others] @ self._profiles[idx].flags
            scored = sorted(
                ((float(sv), int(j)) for sv, j in zip(sims, others, strict=True) if sv >= c.edge_min),
                reverse=True,
            )
            edges.extend((sv, idx, j) for sv, j in scored[: c.max_neighbours])
        return edges

    # -- reading --------------------------------------------------------------------------------

    def story_of(self, article_id: str) -> str:
        story = self._clustering.clusters[self._clustering.cluster_of[self._position[article_id]]].story
        assert story is not None
        return story

    def stories(self) -> list[Story]:
        """Every story, largest first, its articles in publication order, titled by its most central article."""
        out = []
        for cluster in self._clustering.clusters.values():
            assert cluster.story is not None
            central = max(
                cluster.members,
                key=lambda i: (
                    float(self._profiles[i].dense @ cluster.dense)
                    + sparse_dot(self._profiles[i].sparse, cluster.sparse)
                    - float(self._profiles[i].flags @ (self._clustering.penalty * cluster.flags)),
                    -i,
                ),
            )
            members = sorted(cluster.members, key=self._founder_key)
            out.append(
                Story(
                    id=cluster.story,
                    title=story_title(self._profiles[central].article),
                    article_ids=tuple(self._profiles[i].article.id for i in members),
                )
            )
        out.sort(key=lambda s: (-len(s.article_ids), s.id))
        return out


def group_stories(
    articles: Sequence[StoryArticle],
    embedder: Embedder | None = None,
    config: StoryConfig = DEFAULT_CONFIG,
    vectors: np.ndarray | None = None,
) -> list[Story]:
    """Stories over ``articles`` in one batch."""
    index = StoryIndex(embedder, config)
    index.add(articles, vectors)
    return index.stories()


def _dimension() -> int:
    from storyline.embeddings import DIMENSION

    return DIMENSION
