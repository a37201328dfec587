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
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import numpy as np

from storyline.crossdoc.storyconfig import DEFAULT_CONFIG, StoryConfig
from storyline.crossdoc.storycountries import country_counts, profile_cosine, title_countries
from storyline.records import Mention, Story

if TYPE_CHECKING:
    from storyline.embeddings import Embedder
    from storyline.records import ArticleFacts


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """What story grouping reads of one article."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    mentions: tuple[Mention, ...] = ()
    dates: tuple[str, ...] = ()  # TimeML values of dates it reports (timexes, events)

    @classmethod
    def from_facts(cls, facts: ArticleFacts) -> StoryArticle:
        published = facts.published.date if facts.published else facts.article.published
        return cls(
            id=facts.article.id,
            text=facts.article.text,
            title=facts.article.title,
            published=published,
            mentions=facts.mentions,
            dates=tuple(t.value for t in facts.timexes if t.type == "DATE"),
        )


TITLE_CHARS = 120

_WORD = re.compile(r"[^\W\d_]{3,}")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NAME_JUNK = re.compile(r"[^\w\s-]")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
# A dot or a new line ends the first sentence used as a title when an article has none.
_FIRST_SENTENCE = re.compile(r"(.+?[.!?])(\s|$)", re.DOTALL)
# The lead (about the first two sentences) says who and where; its mentions count extra.
LEAD_CHARS = 400
LEAD_BONUS = 1.0
TITLE_BONUS = 2.0
# The publication date counts as this many dates named in the text.
PUBLISHED_DATE_WEIGHT = 3.0
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WRITTEN_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?|(?P<dm>\d{{1,2}})\s+(?P<m2>{_MONTH}),?)\s+(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


_STOP: frozenset[str] | None = None


def word_counts(text: str) -> Counter[str]:
    """Content words (letters only, three or more, not stop words), lower-cased."""
    global _STOP
    if _STOP is None:
        _STOP = _stop_words()
    stop = _STOP
    return Counter(w for w in (m.lower() for m in _WORD.findall(text)) if w not in stop)


def name_text_key(name: str) -> str:
    """A name as entity keys write it: no leading "the", no possessive, punctuation to spaces,
    lower case ("The U.S.'s" -> "u s")."""
    name = _LEADING_THE.sub("", name.strip())
    name = _POSSESSIVE.sub("", name)
    return " ".join(_NAME_JUNK.sub(" ", name).lower().split())


def entity_key(mention: Mention) -> str | None:
    """The name a mention is matched on: its actor, else its text; a person by surname.

    A person's resolved actor name is cut to its surname too, so that an article
    that names "Susilo Bambang Yudhoyono" and one that only says "Yudhoyono"
    (each resolved within its own article) share the key.
    """
    name = name_text_key(mention.actor or mention.text)
    if not name:
        return None
    if mention.label == "PERSON":
        name = name.split()[-1]
    return name


def entity_counts(mentions: Iterable[Mention], title: str | None = None) -> dict[str, float]:
    """Entity keys, ``p:surname`` for people and ``e:name`` for other actors and places,
    and ``l:surname`` for the people the lead or the title names (the story's protagonists).

    News puts who and where first: a mention in the lead counts
    ``1 + LEAD_BONUS`` times, and a name the title also holds gets ``TITLE_BONUS`` more.
    """
    counts: dict[str, float] = {}
    for mention in mentions:
        key = entity_key(mention)
        if key:
            lead = mention.start < LEAD_CHARS
            weight = 1.0 + (LEAD_BONUS if lead else 0.0)
            full = ("p:" if mention.label == "PERSON" else "e:") + key
            counts[full] = counts.get(full, 0.0) + weight
            if lead and mention.label == "PERSON":
                counts["l:" + key] = counts.get("l:" + key, 0.0) + 1.0
    if title:
        lowered = " ".join(_NAME_JUNK.sub(" ", title).lower().split())
        for key in [k for k in counts if not k.startswith("l:")]:
            if _word_pattern(key[2:]).search(lowered):
                counts[key] += TITLE_BONUS
                if key.startswith("p:"):
                    counts["l:" + key[2:]] = counts.get("l:" + key[2:], 0.0) + TITLE_BONUS
    return counts


@functools.lru_cache(maxsize=1 << 16)
def _word_pattern(name: str) -> re.Pattern[str]:
    """``name`` as a whole word (compiled once: re's own cache holds 512 and a dossier has more names)."""
    return re.compile(r"\b" + re.escape(name) + r"\b")


def date_counts(published: str | None, dates: Iterable[str], text: str) -> dict[str, float]:
    """When an article is: its publication date and the dates it names, as year, month and ISO-week keys.

    Two articles of one year share only the year key; of one week, all three.
    ``dates`` are TimeML values (from the time stage); without them, dates
    written out in the text ("May 3, 2013", "3 May 2013") and bare years count.
    """
    counts: dict[str, float] = {}

    def add(value: str, weight: float) -> None:
        for key in _date_keys(value):
            counts[key] = counts.get(key, 0.0) + weight

    if published:
        add(published, PUBLISHED_DATE_WEIGHT)
    if dates:
        for value in dates:
            add(value, 1.0)
        return counts
    for match in _WRITTEN_DATE.finditer(text):
        month_day, day_month, year = match.group("md"), match.group("dm"), match.group("y")
        day_text = month_day or day_month
        month = _MONTHS[match.group("m1" if month_day else "m2")[:3].lower()]
        add(f"{year}-{month:02d}-{int(day_text):02d}", 1.0)
    for year in _YEAR.findall(text):
        add(year, 1.0)
    return counts


def _date_keys(value: str) -> list[str]:
    """``2013-05-03`` -> year, month and week keys; ``2013-05`` -> year and month; ``2013`` -> year."""
    if not _YEAR.match(value[:4]):
        return []
    keys = [value[:4]]
    if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
        keys.append(value[:7])
        if len(value) >= 10 and value[7] == "-" and value[8:10].isdigit():
            try:
                year, week, _ = datetime.date.fromisoformat(value[:10]).isocalendar()
            except ValueError:
                return keys
            keys.append(f"{year}-W{week:02d}")
    return keys


def title_only(article: StoryArticle) -> bool:
    """Whether the article's text is its title alone (the JSONL reader makes such a one-line
    article of a line whose text is empty)."""
    title = (article.title or "").strip()
    return bool(title) and title == article.text.strip()


def document_text(article: StoryArticle) -> str:
    """What is embedded of an article: its title, then its text (once when the text is the title)."""
    title = (article.title or "").strip()
    if not title or title_only(article):
        return article.text
    return f"{title}. {article.text}"


@dataclass(frozen=True, slots=True)
class ArticleCounts:
    """What the features of an article are made of, before IDF weighting: its content words,
    entity keys (:func:`entity_counts`) and date keys (:func:`date_counts`). A dossier stores
    them, so restoring its stories reads them instead of running the regexes again."""

    words: dict[str, float]
    entities: dict[str, float]
    dates: dict[str, float]

    @classmethod
    def of(cls, article: StoryArticle) -> ArticleCounts:
        """The counts of ``article``; a title-only article (:func:`title_only`) has no entity keys.

        The weights were tuned on ECB+ with its 51 title-only lines holding no mentions (their
        text was empty). Keyed by their headline's names, they cost ECB+ dev end to end 1.4 points
        of BCubed F1 (all dev 90.35 with the keys, 91.76 without; tuning half 89.12 and 90.10), and
        the library as much (tuning half 93.49 with, 94.51 without), where re-tuning picked the same
        weights: one headline's one or two names, often mislabelled ("jewel thieves" or "Avenue
        Montaigne" as people), weigh as much as a whole article's (BENCHMARKS.md, "End to end").
        """
        entities = {} if title_only(article) else entity_counts(article.mentions, article.title)
        return cls(
            dict(word_counts(document_text(article))),
            entities,
            date_counts(article.published, article.dates, f"{article.title or ''}\n{article.text}"),
        )

    def to_json(self) -> str:
        import json

        return json.dumps({"w": self.words, "e": self.entities, "d": self.dates}, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> ArticleCounts:
        import json

        data = json.loads(text)
        return cls(data["w"], data["e"], data["d"])


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


def _sparse_dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


def _add_into(total: dict[str, float], part: dict[str, float]) -> None:
    for k, v in part.items():
        total[k] = total.get(k, 0.0) + v


@dataclass(slots=True)
class _Cluster:
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
    def of(cls, idx: int, p: _Profile) -> _Cluster:
        """The group of the one article at position ``idx``."""
        return cls([idx], p.dense.copy(), dict(p.sparse), p.flags.copy(), dict(p.countries), mass=p.mass)

    def absorb(self, other: _Cluster) -> None:
        """Fold ``other``'s members and summed features into this group."""
        self.members.extend(other.members)
        self.dense = self.dense + other.dense
        _add_into(self.sparse, other.sparse)
        self.flags = self.flags + other.flags
        _add_into(self.countries, other.countries)
        self.mass += other.mass
        self.frozen = self.frozen or other.frozen


@dataclass(slots=True)
class _Profile:
    article: StoryArticle
    dense: np.ndarray  # sqrt(w_text) * embedding
    sparse: dict[str, float]  # sqrt(w) * unit TF-IDF vectors of words, people, entities and years
    entity_weights: dict[str, float] = field(default_factory=dict)
    flags: np.ndarray = field(default_factory=lambda: np.zeros(2))  # (has a year profile, names lead people)
    countries: dict[str, float] = field(default_factory=dict)  # country code -> weight (storycountries)
    mass: float = 0.0  # the sum of ``countries``


class StoryIndex:
    """Stories over a growing set of articles (see the module docstring)."""

    def __init__(self, embedder: Embedder | None = None, config: StoryConfig = DEFAULT_CONFIG) -> None:
        self.config = config
        self._embedder = embedder
        self._profiles: list[_Profile] = []
        self._position: dict[str, int] = {}
        self._df: Counter[str] = Counter()
        self._postings: dict[str, list[int]] = {}
        self._vocab: dict[str, int] = {}  # sparse feature key -> column
        self._cluster_of: list[int] = []
        self._clusters: dict[int, _Cluster] = {}
        # what a pair loses when both articles have a year profile, and when both name lead people
        self._penalty = np.array([config.undated, config.lead_both])
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
        for cluster in self._clusters.values():
            cluster.frozen = True
        for idx in range(first, len(self._profiles)):
            key = idx
            self._cluster_of.append(key)
            self._clusters[key] = _Cluster.of(idx, self._profiles[idx])
        edges = self._candidate_edges(range(first, len(self._profiles)))
        self._agglomerate(edges)
        for cluster in self._clusters.values():
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
        self._cluster_of.extend([0] * (len(self._profiles) - first))
        for story, members in by_story.items():
            key = members[0]
            cluster = _Cluster.of(key, self._profiles[key])
            for m in members[1:]:
                cluster.absorb(_Cluster.of(m, self._profiles[m]))
            cluster.frozen, cluster.story = True, story
            for m in members:
                self._cluster_of[m] = key
            self._clusters[key] = cluster

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
            self._profiles.append(self._profile(article, vec, count, total))
        return first

    def _profile(self, article: StoryArticle, vec: np.ndarray, counts: ArticleCounts, n: int) -> _Profile:
        c = self.config
        words, ents, when = counts.words, counts.entities, counts.dates
        word_vec = _tfidf({f"w:{k}": v for k, v in words.items()}, self._df, n)
        people_vec = _tfidf({k: v for k, v in ents.items() if k.startswith("p:")}, self._df, n)
        ent_vec = _tfidf({k: v for k, v in ents.items() if k.startswith("e:")}, self._df, n)
        lead_vec = _tfidf({k: v for k, v in ents.items() if k.startswith("l:")}, self._df, n)
        year_vec = _unit({f"y:{k}": v for k, v in when.items()})
        sparse: dict[str, float] = {}
        components = (
            (word_vec, c.words),
            (people_vec, c.people),
            (ent_vec, c.entities),
            (year_vec, c.dates),
            (lead_vec, c.lead_people),
        )
        for vector, weight in components:
            scale = math.sqrt(weight)
            for k, v in vector.items():
                sparse[k] = v * scale
        flags = np.array([1.0 if year_vec else 0.0, 1.0 if lead_vec else 0.0])
        blocking = {**people_vec, **ent_vec}
        dense = (vec * math.sqrt(c.text)).astype(np.float32)
        if c.normalize:
            norm = math.sqrt(float(dense @ dense) + sum(v * v for v in sparse.values()))
            if norm > 0:
                dense = dense / norm
                sparse = {k: v / norm for k, v in sparse.items()}
                flags = flags / norm
        places = country_counts(ents) if c.country_guard else {}
        return _Profile(article, dense, sparse, blocking, flags, places, sum(places.values()))

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
        flags = np.vstack([p.flags for p in self._profiles]) * self._penalty
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

    # -- average-link clustering over candidate edges -------------------------------------------

    def _dot(self, a: _Cluster, b: _Cluster) -> float:
        """The sum of the pairwise similarities between the members of two groups."""
        return (
            float(a.dense @ b.dense)
            + _sparse_dot(a.sparse, b.sparse)
            - float(a.flags @ (self._penalty * b.flags))
        )

    def _score(self, a: _Cluster, b: _Cluster) -> float:
        return self._dot(a, b) / (len(a.members) * len(b.members))

    def _same_countries(self, a: _Cluster, b: _Cluster, b_mass: float | None = None) -> bool:
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

    def _with_title_countries(self, group: _Cluster) -> _Cluster:
        """A copy of ``group`` whose country profile adds the countries its members' titles name
        (:func:`~storyline.crossdoc.storycountries.title_countries`); the guard reads only that."""
        countries = dict(group.countries)
        for m in group.members:
            _add_into(countries, title_countries(self._profiles[m].article.title))
        return replace(group, countries=countries, mass=sum(countries.values()))

    def _agglomerate(self, edges: list[tuple[float, int, int]]) -> None:
        clusters = self._clusters
        neighbours: dict[int, set[int]] = {}
        # Sums of pairwise similarities between groups (keyed by the smaller key first): a merged
        # group's sum with a third is the sum of its parts' sums (exact, as for average link).
        sums: dict[tuple[int, int], float] = {}
        for s, i, j in edges:
            a, b = self._cluster_of[i], self._cluster_of[j]
            if a != b and not (clusters[a].frozen and clusters[b].frozen):
                neighbours.setdefault(a, set()).add(b)
                neighbours.setdefault(b, set()).add(a)
                if len(clusters[a].members) == 1 and len(clusters[b].members) == 1:
                    sums[(a, b) if a < b else (b, a)] = s

        def pair_sum(x: int, y: int) -> float:
            key = (x, y) if x < y else (y, x)
            value = sums.get(key)
            if value is None:
                value = sums[key] = self._dot(clusters[x], clusters[y])
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
            if not self._same_countries(clusters[keep], clusters[gone]):
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
                self._cluster_of[m] = keep
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
        clusters = self._clusters
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
            if self._same_countries(clusters[best[1]], self._with_title_countries(small), c.attach_mass):
                moves.append((key, best[1]))
        for key, target in moves:
            source = clusters.pop(key)
            clusters[target].absorb(source)
            for m in source.members:
                self._cluster_of[m] = target

    # -- reading --------------------------------------------------------------------------------

    def story_of(self, article_id: str) -> str:
        story = self._clusters[self._cluster_of[self._position[article_id]]].story
        assert story is not None
        return story

    def stories(self) -> list[Story]:
        """Every story, largest first, its articles in publication order, titled by its most central article."""
        out = []
        for cluster in self._clusters.values():
            assert cluster.story is not None
            central = max(
                cluster.members,
                key=lambda i: (
                    float(self._profiles[i].dense @ cluster.dense)
                    + _sparse_dot(self._profiles[i].sparse, cluster.sparse)
                    - float(self._profiles[i].flags @ (self._penalty * cluster.flags)),
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


def _tfidf(counts: dict[str, float], df: Counter[str], n: int) -> dict[str, float]:
    weights = {
        k: (1.0 + math.log(v)) * (math.log((n + 1) / (df.get(k, 0) + 1)) + 1.0)
        for k, v in counts.items()
        if v > 0
    }
    return _unit(weights)


def _unit(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in weights.values()))
    return {k: v / norm for k, v in weights.items()} if norm else {}
