"""Average-link clustering of an index's articles into stories, over candidate edges.

Each group keeps the sums of its members' features (:class:`Cluster`), so the
average similarity of two groups is one dot product of sums divided by the
product of their sizes: :meth:`Clustering.agglomerate` runs exact average link
with a heap, only over the pairs of groups that a candidate edge joins (the
index's blocking proposes the edges). Two checks sit on top of it: the country
guard (:meth:`Clustering.same_countries`, see
:mod:`storyline.crossdoc.storycountries`) vetoes merges of groups about
different countries, and when average link stops a small new group that is
left over joins its closest large story (``StoryConfig.attach_size``). Groups
that existed before an ``add`` are frozen: never merged with one another, so
story ids stay stable. Kept apart from :mod:`storyline.crossdoc.stories`, which
builds the profiles and the candidate edges and names the stories.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from storyline.crossdoc.storyconfig import StoryConfig
from storyline.crossdoc.storycountries import profile_cosine, title_countries
from storyline.crossdoc.storyfeatures import Profile


def sparse_dot(a: dict[str, float], b: dict[str, float]) -> float:
    """The dot product of two sparse vectors (walks the shorter)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


def add_into(total: dict[str, float], part: dict[str, float]) -> None:
    """Add ``part`` into ``total`` in place, key by key."""
    for k, v in part.items():
        total[k] = total.get(k, 0.0) + v


@dataclass(slots=True)
class Cluster:
    """A group of articles: their positions in the index and the sums of their features."""

    members: list[int]
    dense: np.ndarray
    sparse: dict[str, float]
    flags: (
        np.ndarray
    )  # summed over the members: (has a year profile, names lead people), scaled like the features
    countries: dict[str, float] = field(default_factory=dict)  # summed country profiles of the members
    frozen: bool = False  # existed before the current ``add``: never merged with another frozen one
    story: str | None = None
    mass: float = 0.0  # summed country mentions of the members (the guard's confidence)

    @classmethod
    def of(cls, idx: int, p: Profile) -> Cluster:
        """The group of the one article at position ``idx``."""
        return cls([idx], p.dense.copy(), dict(p.sparse), p.flags.copy(), dict(p.countries), mass=p.mass)

    def absorb(self, other: Cluster) -> None:
        """Fold ``other``'s members and summed features into this group."""
        self.members.extend(other.members)
        self.dense = self.dense + other.dense
        add_into(self.sparse, other.sparse)
        self.flags = self.flags + other.flags
        add_into(self.countries, other.countries)
        self.mass += other.mass
        self.frozen = self.frozen or other.frozen


class Clustering:
    """The groups of an index's articles (``clusters`` by key, and ``cluster_of`` each
    article position's key) and the average-link merges over them."""

    def __init__(self, config: StoryConfig, profiles: Sequence[Profile]) -> None:
        self.config = config
        self.profiles = profiles  # the index's own list of article profiles, by position
        self.cluster_of: list[int] = []
        self.clusters: dict[int, Cluster] = {}
        # what a pair loses when both articles have a year profile, and when both name lead people
        self.penalty = np.array([config.undated, config.lead_both])

    def dot(self, a: Cluster, b: Cluster) -> float:
        """The sum of the pairwise similarities between the members of two groups."""
        return (
            float(a.dense @ b.dense)
            + sparse_dot(a.sparse, b.sparse)
            - float(a.flags @ (self.penalty * b.flags))
        )

    def score(self, a: Cluster, b: Cluster) -> float:
        """The average similarity of the members of two groups."""
        return self.dot(a, b) / (len(a.members) * len(b.members))

    def same_countries(self, a: Cluster, b: Cluster, b_mass: float | None = None) -> bool:
        """False when both groups say clearly which countries they are about, and those differ
        (the uprising in Egypt and the one in Libya, the same weeks): such groups are never merged.
        ``b_mass``: how many country mentions ``b`` needs to count as clear (default ``country_mass``)."""
        c = self.config
        if (
            not c.country_guard
            or a.mass < c.country_mass
            or b.mass < (c.country_mass if b_mass is None else b_mass)
        ):
            return True
        return profile_cosine(a.countries, b.countries) >= c.country_guard

    def _with_title_countries(self, group: Cluster) -> Cluster:
        """A copy of ``group`` whose country profile adds the countries its members' titles name
        (:func:`~storyline.crossdoc.storycountries.title_countries`); the guard reads only that."""
        countries = dict(group.countries)
        for m in group.members:
            add_into(countries, title_countries(self.profiles[m].article.title))
        return replace(group, countries=countries, mass=sum(countries.values()))

    def agglomerate(self, edges: list[tuple[float, int, int]]) -> None:
        """Merge the groups that ``edges`` (``(similarity, new, other)`` article positions) join, by
        average link while the best pair reaches ``threshold``; then attach the leftovers."""
        clusters = self.clusters
        neighbours: dict[int, set[int]] = {}
        # Sums of pairwise similarities between groups (keyed by the smaller key first): a merged
        # group's sum with a third is the sum of its parts' sums (exact, as for average link).
        sums: dict[tuple[int, int], float] = {}
        for s, i, j in edges:
            a, b = self.cluster_of[i], self.cluster_of[j]
            if a != b and not (clusters[a].frozen and clusters[b].frozen):
                neighbours.setdefault(a, set()).add(b)
                neighbours.setdefault(b, set()).add(a)
                if len(clusters[a].members) == 1 and len(clusters[b].members) == 1:
                    sums[(a, b) if a < b else (b, a)] = s

        def pair_sum(x: int, y: int) -> float:
            key = (x, y) if x < y else (y, x)
            value = sums.get(key)
            if value is None:
                value = sums[key] = self.dot(clusters[x], clusters[y])
            return value

        def score(x: int, y: int) -> float:
            return pair_sum(x, y) / (len(clusters[x].members) * len(clusters[y].members))

        version: dict[int, int] = dict.fromkeys(neighbours, 0)
        heap: list[tuple[float, int, int, int, int]] = []
        for a, others in neighbours.items():
            for b in others:
                if a < b:
                    heap.append((-score(a, b), a, b, 0, 0))
        heapq.heapify(heap)
        threshold = self.config.threshold
        while heap:
            neg, a, b, va, vb = heapq.heappop(heap)
            if -neg < threshold:
                break
            if version.get(a) != va or version.get(b) != vb:
                continue
            keep, gone = (
                (b, a)
                if clusters[b].frozen or len(clusters[b].members) > len(clusters[a].members)
                else (a, b)
            )
            if clusters[keep].frozen and clusters[gone].frozen:
                continue
            if not self.same_countries(clusters[keep], clusters[gone]):
                continue
            others = (neighbours.pop(gone) | neighbours[keep]) - {keep, gone}
            merged = {o: pair_sum(keep, o) + pair_sum(gone, o) for o in others}
            for o in neighbours[keep] | {gone}:
                sums.pop((keep, o) if keep < o else (o, keep), None)
            for o in others | {keep}:
                sums.pop((gone, o) if gone < o else (o, gone), None)
            target, source = clusters[keep], clusters.pop(gone)
            target.absorb(source)
            for m in source.members:
                self.cluster_of[m] = keep
            neighbours[keep] = others
            del version[gone]
            version[keep] += 1
            for o in others:
                sums[(keep, o) if keep < o else (o, keep)] = merged[o]
                neighbours[o].discard(gone)
                neighbours[o].add(keep)
                if target.frozen and clusters[o].frozen:
                    continue
                x, y = (keep, o) if keep < o else (o, keep)
                heapq.heappush(heap, (-score(x, y), x, y, version[x], version[y]))
        self._attach_leftovers(neighbours, score)

    def _attach_leftovers(self, neighbours: dict[int, set[int]], score: Callable[[int, int], float]) -> None:
        """Move each new group of at most ``attach_size`` articles into its closest neighbour of at
        least ``attach_target`` articles (``StoryConfig.attach_size``). Only small groups move and
        only into larger ones, so the moves do not depend on one another."""
        c = self.config
        if c.attach_size <= 0:
            return
        clusters = self.clusters
        moves: list[tuple[int, int]] = []
        for key, others in neighbours.items():
            small = clusters[key]
            if small.frozen or len(small.members) > c.attach_size:
                continue
            best: tuple[float, int] | None = None
            for o in sorted(others):
                if len(clusters[o].members) < max(c.attach_target, c.attach_size + 1):
                    continue
                s = score(key, o)
                if best is None or s > best[0]:
                    best = (s, o)
            # the closest story must be close enough, and of the same countries: a leftover whose
            # closest story is about other countries stays alone (not moved to the next closest).
            # The leftover's countries include those its title alone names (a photo caption's text
            # is often only its credit line: "... off the coast of Somalia" is in the title).
            if best is None or best[0] < c.attach_threshold:
                continue
            if self.same_countries(clusters[best[1]], self._with_title_countries(small), c.attach_mass):
                moves.append((key, best[1]))
        for key, target in moves:
            source = clusters.pop(key)
            clusters[target].absorb(source)
            for m in source.members:
                self.cluster_of[m] = target
