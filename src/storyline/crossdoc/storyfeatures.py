"""What story grouping reads of an article, and the similarity features made of it.

:class:`StoryArticle` is the input record. Its features are counted once
(:class:`ArticleCounts`: content words, entity keys with the lead and the title
counting extra, year/month/week date keys) and a dossier stores the counts, so
that restoring stories needs no regexes. :func:`article_profile` weights the
counts by the index's document frequencies (TF-IDF) and the config's weights into
a :class:`Profile` whose dot product with another is the pair's similarity (see
:mod:`storyline.crossdoc.stories` for the components). Kept apart from the
clustering so that the embedding stage and the store read these without it.
"""

from __future__ import annotations

import datetime
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from storyline.crossdoc.storyconfig import StoryConfig
from storyline.crossdoc.storycountries import country_counts
from storyline.records import Mention

if TYPE_CHECKING:
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


_WORD = re.compile(r"[^\W\d_]{3,}")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_NAME_JUNK = re.compile(r"[^\w\s-]")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
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


@dataclass(slots=True)
class Profile:
    """An article as the index compares it: its features weighted (TF-IDF, then the config's
    weights) so that the dot product of two profiles is their similarity."""

    article: StoryArticle
    dense: np.ndarray  # sqrt(w_text) * embedding
    sparse: dict[str, float]  # sqrt(w) * unit TF-IDF vectors of words, people, entities and years
    entity_weights: dict[str, float] = field(default_factory=dict)
    flags: np.ndarray = field(default_factory=lambda: np.zeros(2))  # (has a year profile, names lead people)
    countries: dict[str, float] = field(default_factory=dict)  # country code -> weight (storycountries)
    mass: float = 0.0  # the sum of ``countries``


def article_profile(
    article: StoryArticle,
    vec: np.ndarray,
    counts: ArticleCounts,
    df: Counter[str],
    n: int,
    config: StoryConfig,
) -> Profile:
    """The profile of ``article``: ``vec`` its document embedding, ``counts`` its counts, ``df`` the
    document frequencies of the index of ``n`` articles it joins."""
    c = config
    words, ents, when = counts.words, counts.entities, counts.dates
    word_vec = _tfidf({f"w:{k}": v for k, v in words.items()}, df, n)
    people_vec = _tfidf({k: v for k, v in ents.items() if k.startswith("p:")}, df, n)
    ent_vec = _tfidf({k: v for k, v in ents.items() if k.startswith("e:")}, df, n)
    lead_vec = _tfidf({k: v for k, v in ents.items() if k.startswith("l:")}, df, n)
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
    return Profile(article, dense, sparse, blocking, flags, places, sum(places.values()))


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
