"""The records storyline produces: small frozen dataclasses.

The article owns the text; every fact points into it with character offsets
``[start, end)`` into ``Article.text`` (the cleaned text that is stored), so the
evidence of a fact is ``article.text[start:end]``. ``Article.to_raw`` maps any
span back to the raw input text (what ``storyline extract`` reports).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PublishedHow = Literal["given", "metadata", "inferred", "unknown"]
AttributionType = Literal["direct", "indirect", "mixed"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
# "nationality": a people named by its demonym ("Syrian", "Iraqis"), with its country's code.
ActorType = Literal[
    "person", "organization", "armed_group", "government", "country", "place", "nationality", "other"
]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class OffsetSegment:
    """A piece of the clean text copied from ``raw[raw_start:raw_end]``.

    When both sides have the same length the mapping inside the piece is
    one-to-one; otherwise (a mojibake repair) inner offsets map to its edges.
    """

    clean_start: int
    clean_end: int
    raw_start: int
    raw_end: int


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as a reader found it, before cleaning.

    ``published`` comes with ``published_how``: ``given`` when the input states
    it as a field (JSONL ``date``/``dct``), ``metadata`` when read from HTML meta
    tags, JSON-LD, a URL pattern or a feed item date.
    """

    text: str
    source: str  # file path, plus "#member" for an item inside a file (JSONL line, WARC record, feed item)
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    input_id: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_how: PublishedHow = "unknown"
    title_in_text: bool = False  # plain text: the first meaningful line is the title
    # How the reader decoded the bytes: "utf-8" (also for JSON and feeds that
    # declare it), else the fallback or declared codec it used ("cp1252",
    # "latin-1", "utf-16", "windows-1251"), plus "+replaced" when a few bytes
    # could not be decoded and became U+FFFD. Anything but "utf-8" means re-decoded.
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # content hash of the clean text (see ingest.ids)
    text: str  # clean text: every span points here
    raw: str  # the text as read, before cleaning
    segments: tuple[OffsetSegment, ...] = ()
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    input_id: str | None = None  # the id the article had in its input (JSONL), if any
    source: str | None = None  # file path (and member) it was read from
    published: str | None = None  # ISO date YYYY-MM-DD when known
    published_how: PublishedHow = "unknown"
    dateline: Span | None = None  # "PARIS (AFP) –", "Paris:" as a span of text
    dateline_place: str | None = None
    wire: str | None = None  # wire agency credited in the dateline ("AFP")

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean-text span to the raw text it came from."""
        from storyline.ingest.offsets import clean_to_raw

        return clean_to_raw(self.segments, start, end, len(self.raw))


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention; ``actor`` is the canonical actor name once resolved."""

    article_id: str
    start: int
    end: int
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC, ...
    text: str
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str  # canonical name
    type: ActorType
    aliases: tuple[str, ...] = ()
    country: str | None = None  # ISO 3166 alpha-2 for places, countries and nationalities
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said, claimed or believes what.

    ``index`` is the attribution's position in its article; ``parent`` the index
    of the attribution that reports this one (the reporting chain), if nested.
    """

    article_id: str
    index: int
    type: AttributionType
    content: tuple[Span, ...]
    cue: Span | None = None
    speaker_span: Span | None = None
    speaker: str | None = None  # canonical actor name, None when unresolved
    parent: int | None = None
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class PublicationDate:
    date: str | None  # best single date YYYY-MM-DD, None when unknown
    earliest: str | None
    latest: str | None
    how: PublishedHow
    confidence: float
    evidence: str = ""  # short human-readable reason


@dataclass(frozen=True, slots=True)
class Timex:
    article_id: str
    start: int
    end: int
    type: TimexType
    value: str  # TimeML value: 2017-02-16, 2016-12, P4M, PRESENT_REF, ...
    text: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """Something reported as happening at a resolved time."""

    article_id: str
    start: int  # the sentence that reports it
    end: int
    date: str  # TimeML value of the event's time (day, month or year precision)
    earliest: str  # ISO date range it covers
    latest: str
    description: str
    timex_start: int
    timex_end: int
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    article_id: str
    start: int
    end: int
    value: float
    qualifier: str | None  # "more than", "at least", "nearly", ...
    counts: str | None  # "people killed", "troops", ...
    claimant: str | None = None
    as_of: str | None = None  # TimeML date the number refers to
    text: str = ""


@dataclass(frozen=True, slots=True)
class FramingLabel:
    """A label an article attaches to an actor, or a hedge it places around a statement."""

    article_id: str
    start: int
    end: int
    kind: Literal["label", "hedge", "scare_quote"]
    term: str  # normalized term from the lexicon ("terrorist", "so-called")
    actor: str | None = None
    category: str | None = None  # lexicon category ("pejorative", "neutral", "distancing")


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was not ingested, with a one-line reason."""

    source: str
    code: str  # stable short code: binary, empty, encoding, too_large, unreadable, malformed, not_article (a site page), ...
    reason: str


@dataclass(frozen=True, slots=True)
class StageFailure:
    """A stage that failed on one article; the other stages and articles go on."""

    article_id: str
    stage: str
    reason: str


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """Everything the per-article pipeline derives from one article."""

    article: Article
    published: PublicationDate | None = None
    mentions: tuple[Mention, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    labels: tuple[FramingLabel, ...] = ()
    failures: tuple[StageFailure, ...] = ()
    sentences: tuple[Span, ...] = field(default=())
    # The article's story vector (float32 bytes of storyline.embeddings.DOCUMENT_MODEL), made in
    # the map when the pipeline embeds (a build does), so the driver's story grouping embeds nothing.
    vector: bytes = b""
