"""Read queries behind every page and API route: plain typed records, no HTML.

Each function takes an open DuckDB connection (a cursor per request) and only
reads. Every table may be empty (later stages fill them); the functions then
return empty lists, never fail. Fact records carry ``sentence_start``: the
start of the sentence that holds the fact, which is the ``#s-<start>`` anchor
of the article page (the fact's own start when no sentence covers it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Generic, TypeVar

import duckdb

T = TypeVar("T")

MAX_LIMIT = 500  # the largest page the API serves; exports have no limit
UNKNOWN_OUTLET = "(unknown)"  # how pages list, and filters name, articles with no outlet
OUTLET = f"coalesce(outlet, '{UNKNOWN_OUTLET}')"


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "items": [asdict(i) if hasattr(i, "__dataclass_fields__") else i for i in self.items],  # type: ignore[call-overload]
        }


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    published_how: str
    words: int
    wire: str | None
    story_id: str | None = None
    copy_of: str | None = None  # the article this one republishes (wire copy), if any
    similarity: float | None = None
    # where no day is known, the range the text bounds it to (either end may be open)
    published_earliest: str | None = None
    published_latest: str | None = None
    published_confidence: float | None = None
    published_evidence: str | None = None

    def when(self) -> str:
        """The publication day, else its range ("2014-07-07 to 2014-09-05", "from 2014-01-01",
        "until 1990-12-31"), else ""."""
        if self.published:
            return self.published
        first, last = self.published_earliest, self.published_latest
        if first and last:
            return f"{first} to {last}"
        return f"from {first}" if first else f"until {last}" if last else ""


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class MentionRow:
    article_id: str
    start: int
    end: int
    label: str
    text: str
    actor: str | None
    sentence_start: int


@dataclass(frozen=True, slots=True)
class QuoteRow:
    article_id: str
    idx: int
    type: str
    speaker: str | None
    speaker_text: str | None  # how the article names the speaker at this quote
    speaker_start: int | None
    speaker_end: int | None
    cue_start: int | None
    cue_end: int | None
    content: list[list[int]]
    start: int  # hull of the content spans
    end: int
    text: str  # the text of the hull
    confidence: float
    outlet: str | None
    title: str | None
    published: str | None
    sentence_start: int


@dataclass(frozen=True, slots=True)
class TimexRow:
    article_id: str
    start: int
    end: int
    type: str
    value: str
    text: str
    sentence_start: int


@dataclass(frozen=True, slots=True)
class EventRow:
    article_id: str
    start: int
    end: int
    date: str
    earliest: str | None
    latest: str | None
    description: str
    actors: list[str]
    places: list[str]
    outlet: str | None
    title: str | None
    sentence_start: int
    # the article's report date: its day, else the range it was inferred in ("2014-07-07..2014-09-05")
    reported: str | None = None
    reported_how: str | None = None  # given | metadata | inferred | unknown
    after_report: bool = False  # dated wholly after the report (a plan, a schedule, a misread date)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    article_id: str
    start: int
    end: int
    value: float
    qualifier: str | None
    counts: str | None
    claimant: str | None
    as_of: str | None
    text: str
    outlet: str | None
    published: str | None
    sentence_start: int
    sentence: str | None  # the text of the sentence that states it, when sentences are stored


@dataclass(frozen=True, slots=True)
class FramingRow:
    article_id: str
    start: int
    end: int
    kind: str
    term: str
    actor: str | None
    category: str | None
    text: str
    outlet: str | None
    sentence_start: int


@dataclass(frozen=True, slots=True)
class ActorRow:
    name: str
    type: str
    aliases: list[str]
    country: str | None
    lat: float | None
    lon: float | None
    mentions: int
    articles: int


@dataclass(frozen=True, slots=True)
class Overview:
    articles: int
    words: int
    outlets: list[tuple[str, int]]
    date_from: str | None
    date_to: str | None
    counts: dict[str, int]
    top_actors: list[ActorRow]
    stories: list[dict[str, Any]] = field(default_factory=list)


def _iso(value: Any) -> str | None:
    return None if value is None else str(value)


def _json_list(value: str | None) -> list[Any]:
    if not value:
        return []
    try:
        parsed = json.loads(value)
    except ValueError:
        return []
    return parsed if isinstance(parsed, list) else []


def _limit(limit: int) -> int:
    return max(0, min(limit, MAX_LIMIT))


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _where(conditions: list[str]) -> str:
    return ("WHERE " + " AND ".join(conditions)) if conditions else ""


def _filters(*clauses: tuple[str, Any]) -> tuple[list[str], list[Any]]:
    """The conditions of the filters that are set (a value that is not empty), with their
    parameters: each ``?`` of a condition takes its value."""
    conditions: list[str] = []
    params: list[Any] = []
    for condition, value in clauses:
        if value:
            conditions.append(condition)
            params += [value] * condition.count("?")
    return conditions, params


# The start of the sentence that holds fact alias `f` (its own start when none does).
def _sentence(alias: str, start: str = "start_") -> str:
    pos = f"{alias}.{start}"
    return (
        f"coalesce((SELECT max(s.start_) FROM sentences s WHERE s.article_id = {alias}.article_id "
        f"AND s.start_ <= {pos} AND {pos} < s.end_), {pos})"
    )


def _paged(
    con: duckdb.DuckDBPyConnection,
    base: str,
    conditions: list[str],
    params: list[Any],
    order: str,
    limit: int,
    offset: int,
) -> tuple[list[dict[str, Any]], int]:
    where = _where(conditions)
    total = con.execute(f"SELECT count(*) FROM ({base}) q {where}", params).fetchone()
    rows = _rows(
        con,
        f"SELECT * FROM ({base}) q {where} ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, _limit(limit), max(0, offset)],
    )
    return rows, int(total[0]) if total else 0


# -- articles --------------------------------------------------------------------------------------

_ARTICLE_COLS = (
    "id, title, outlet, url, published, published_how, words, wire, story_id, copy_of, similarity, "
    "published_earliest, published_latest, published_confidence, published_evidence"
)
# Articles with their story and, for republished wire copy, the article they copy.
_ARTICLES = """
SELECT a.*, sa.story_id, w.original_id AS copy_of, w.similarity
FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id LEFT JOIN wire_copies w ON w.article_id = a.id
"""


def _article(row: dict[str, Any]) -> ArticleRow:
    return ArticleRow(
        id=row["id"], title=row["title"], outlet=row["outlet"], url=row["url"], published=_iso(row["published"]),
        published_how=row["published_how"], words=int(row["words"]), wire=row["wire"], story_id=row["story_id"],
        copy_of=row["copy_of"], similarity=row["similarity"],
        published_earliest=_iso(row["published_earliest"]), published_latest=_iso(row["published_latest"]),
        published_confidence=row["published_confidence"], published_evidence=row["published_evidence"],
    )  # fmt: skip


def list_articles(
    con: duckdb.DuckDBPyConnection, *, outlet: str | None = None, date_from: str | None = None,
    date_to: str | None = None, story: str | None = None, limit: int = 50, offset: int = 0,
) -> Page[ArticleRow]:  # fmt: skip
    conditions, params = _filters(
        ("story_id = ?", story),
        (f"{OUTLET} = ?", outlet),
        ("published >= CAST(? AS DATE)", date_from),
        ("published <= CAST(? AS DATE)", date_to),
    )
    rows, total = _paged(
        con,
        f"SELECT {_ARTICLE_COLS} FROM ({_ARTICLES})",
        conditions,
        params,
        "published NULLS LAST, title, id",
        limit,
        offset,
    )
    return Page([_article(r) for r in rows], total, _limit(limit), offset)


def story_title(con: duckdb.DuckDBPyConnection, story_id: str) -> str | None:
    row = con.execute("SELECT title FROM stories WHERE id = ?", [story_id]).fetchone()
    return str(row[0]) if row else None


def get_article(con: duckdb.DuckDBPyConnection, article_id: str) -> tuple[ArticleRow, str] | None:
    rows = _rows(con, f"SELECT {_ARTICLE_COLS}, text FROM ({_ARTICLES}) WHERE id = ?", [article_id])
    return (_article(rows[0]), rows[0]["text"]) if rows else None


def article_sentences(con: duckdb.DuckDBPyConnection, article_id: str) -> list[Span]:
    rows = con.execute(
        "SELECT start_, end_ FROM sentences WHERE article_id = ? ORDER BY start_", [article_id]
    ).fetchall()
    return [Span(int(a), int(b)) for a, b in rows]


def article_mentions(con: duckdb.DuckDBPyConnection, article_id: str) -> list[MentionRow]:
    rows = _rows(
        con,
        f"SELECT article_id, start_, end_, label, text, actor, {_sentence('m')} AS sent "
        "FROM mentions m WHERE article_id = ? ORDER BY start_",
        [article_id],
    )
    return [
        MentionRow(r["article_id"], r["start_"], r["end_"], r["label"], r["text"], r["actor"], r["sent"])
        for r in rows
    ]


# -- overview --------------------------------------------------------------------------------------


def overview(con: duckdb.DuckDBPyConnection, top: int = 12) -> Overview:
    n, words, first, last = con.execute(
        "SELECT count(*), coalesce(sum(words), 0), min(published), max(published) FROM articles"
    ).fetchone() or (0, 0, None, None)
    outlets = con.execute(
        "SELECT coalesce(outlet, '(unknown)') o, count(*) n FROM articles GROUP BY o ORDER BY n DESC, o"
    ).fetchall()
    counts = {}
    for table in ("mentions", "attributions", "timexes", "events", "claims", "framing", "actors", "stories"):
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        counts[table] = int(row[0]) if row else 0
    stories = _rows(con, "SELECT id, title, size FROM stories ORDER BY size DESC, title LIMIT 20", [])
    return Overview(
        articles=int(n), words=int(words), outlets=[(o, int(c)) for o, c in outlets], date_from=_iso(first),
        date_to=_iso(last), counts=counts, top_actors=list_actors(con, limit=top).items, stories=stories,
    )  # fmt: skip


# -- actors ----------------------------------------------------------------------------------------

# Actors come from the actors table joined to their mentions. A mention not (yet) resolved to an actor
# stands for an actor named by its own text, so a dossier built before actor resolution still has actor
# pages ("Assad", "Syria"), and one built after it shows what resolution left out.
MENTION_ACTOR = "coalesce(actor, text)"
_ACTORS = f"""
WITH m AS (
    SELECT {MENTION_ACTOR} AS actor, count(*) AS n, count(DISTINCT article_id) AS a, mode(label) AS label
    FROM mentions GROUP BY 1
)
SELECT coalesce(x.name, m.actor) AS name, coalesce(x.type, lower(m.label), 'other') AS type, x.aliases, x.country,
       x.lat, x.lon, coalesce(m.n, x.mentions, 0) AS mentions, coalesce(m.a, 0) AS articles
FROM actors x FULL OUTER JOIN m ON m.actor = x.name
"""


def _actor(r: dict[str, Any]) -> ActorRow:
    return ActorRow(
        name=r["name"], type=r["type"], aliases=[str(a) for a in _json_list(r["aliases"])], country=r["country"],
        lat=r["lat"], lon=r["lon"], mentions=int(r["mentions"]), articles=int(r["articles"]),
    )  # fmt: skip


def list_actors(
    con: duckdb.DuckDBPyConnection,
    *,
    type: str | None = None,
    q: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[ActorRow]:
    conditions, params = _filters(("type = ?", type), ("name ILIKE ?", f"%{q}%" if q else None))
    rows, total = _paged(con, _ACTORS, conditions, params, "mentions DESC, name", limit, offset)
    return Page([_actor(r) for r in rows], total, _limit(limit), offset)


def get_actor(con: duckdb.DuckDBPyConnection, name: str) -> ActorRow | None:
    rows = _rows(con, f"SELECT * FROM ({_ACTORS}) q WHERE name = ?", [name])
    return _actor(rows[0]) if rows else None


@dataclass(frozen=True)
class FoundActor:
    """The actor a name asks for (:func:`find_actor`): its row, every actor the name stood for,
    and the names its events carry for it."""

    actor: ActorRow
    actors: list[str]
    event_names: list[str]


def find_actor(con: duckdb.DuckDBPyConnection, name: str) -> FoundActor | None:
    """The actor ``name`` names, as ``storyline timeline --actor`` reads it (store.timeline.actor_names:
    its stored name, an alias, a variant such as "al-Assad"); a name several actors share gives the
    most mentioned one. The stored name is tried first (a name only mentions carry, "AC/DC", has no
    actors row to alias). None when nothing is so called."""
    from storyline.store.timeline import actor_names

    named = actor_names(con, name)
    found = get_actor(con, name)
    if found is None and named is not None:
        found = next((a for n in named.actors if (a := get_actor(con, n))), None)
    if found is None:
        return None
    own = actor_names(con, found.name)  # its events under any name they carry for it
    return FoundActor(
        found, named.actors if named else [found.name], sorted(own.names) if own else [found.name]
    )


NAMES_PER_OUTLET = 20


def actor_names_by_outlet(con: duckdb.DuckDBPyConnection, name: str) -> list[dict[str, Any]]:
    """How each outlet names the actor: surface forms with counts, and the labels it attaches."""
    names = _rows(
        con,
        "SELECT coalesce(a.outlet, '(unknown)') outlet, m.text, count(*) n FROM mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE coalesce(m.actor, m.text) = ? "
        "GROUP BY ALL ORDER BY outlet, n DESC, m.text",
        [name],
    )
    labels = _rows(
        con,
        "SELECT coalesce(a.outlet, '(unknown)') outlet, f.term, f.category, count(*) n FROM framing f "
        "JOIN articles a ON a.id = f.article_id WHERE f.actor = ? GROUP BY ALL ORDER BY outlet, n DESC, f.term",
        [name],
    )
    by_outlet: dict[str, dict[str, Any]] = {}
    for r in names:
        by_outlet.setdefault(r["outlet"], {"outlet": r["outlet"], "names": [], "labels": []})["names"].append(
            {"text": r["text"], "count": int(r["n"])}
        )
    for r in labels:
        by_outlet.setdefault(r["outlet"], {"outlet": r["outlet"], "names": [], "labels": []})[
            "labels"
        ].append({"term": r["term"], "category": r["category"], "count": int(r["n"])})
    for entry in by_outlet.values():  # the most used first; the long tail is counted, not listed
        for kind in ("names", "labels"):
            entry[f"more_{kind}"] = max(0, len(entry[kind]) - NAMES_PER_OUTLET)
            entry[kind] = entry[kind][:NAMES_PER_OUTLET]
    return [by_outlet[k] for k in sorted(by_outlet)]


# -- attributions ----------------------------------------------------------------------------------

_QUOTES = f"""
SELECT q.article_id, q.idx, q.type, q.speaker, q.speaker_start, q.speaker_end, q.cue_start, q.cue_end, q.content,
       q.content_start AS start_, q.content_end AS end_, q.confidence, a.outlet, a.title, a.published,
       substring(a.text, q.content_start + 1, q.content_end - q.content_start) AS text,
       CASE WHEN q.speaker_start IS NOT NULL
            THEN substring(a.text, q.speaker_start + 1, q.speaker_end - q.speaker_start) END AS speaker_text,
       {_sentence("q", "content_start")} AS sent
FROM attributions q JOIN articles a ON a.id = q.article_id
"""


def _quote(r: dict[str, Any]) -> QuoteRow:
    return QuoteRow(
        article_id=r["article_id"], idx=int(r["idx"]), type=r["type"], speaker=r["speaker"],
        speaker_text=r["speaker_text"], speaker_start=r["speaker_start"], speaker_end=r["speaker_end"],
        cue_start=r["cue_start"], cue_end=r["cue_end"], content=[list(map(int, s)) for s in _json_list(r["content"])],
        start=int(r["start_"]), end=int(r["end_"]), text=r["text"], confidence=float(r["confidence"]),
        outlet=r["outlet"], title=r["title"], published=_iso(r["published"]), sentence_start=int(r["sent"]),
    )  # fmt: skip


def list_quotes(
    con: duckdb.DuckDBPyConnection, *, speaker: str | None = None, outlet: str | None = None,
    article_id: str | None = None, type: str | None = None, limit: int = 50, offset: int = 0,
) -> Page[QuoteRow]:  # fmt: skip
    conditions, params = _filters(
        ("speaker = ?", speaker),
        (f"{OUTLET} = ?", outlet),
        ("article_id = ?", article_id),
        ("type = ?", type),
    )
    rows, total = _paged(
        con, _QUOTES, conditions, params, "published NULLS LAST, article_id, idx", limit, offset
    )
    return Page([_quote(r) for r in rows], total, _limit(limit), offset)


# -- time ------------------------------------------------------------------------------------------


def article_timexes(con: duckdb.DuckDBPyConnection, article_id: str) -> list[TimexRow]:
    rows = _rows(
        con,
        f"SELECT t.*, {_sentence('t')} AS sent FROM timexes t WHERE article_id = ? ORDER BY start_",
        [article_id],
    )
    return [
        TimexRow(r["article_id"], r["start_"], r["end_"], r["type"], r["value"], r["text"], r["sent"])
        for r in rows
    ]


_EVENTS = f"""
SELECT e.article_id, e.start_, e.end_, e.date, e.earliest, e.latest, e.description, e.actors, e.places,
       a.outlet, a.title, {_sentence("e")} AS sent, a.published, a.published_earliest, a.published_latest,
       a.published_how
FROM events e JOIN articles a ON a.id = e.article_id
"""


def _reported(r: dict[str, Any]) -> tuple[str | None, bool]:
    """An event's report date as a label, and whether the event lies wholly after it."""
    day, first, last = _iso(r["published"]), _iso(r["published_earliest"]), _iso(r["published_latest"])
    label = day
    if label is None and first and last:  # an inferred range; a lower bound alone says too little
        label = first if first == last else f"{first}..{last}"
    bound = day or last
    earliest = _iso(r["earliest"])
    return label, bool(bound and earliest and earliest[:10] > bound[:10])


def list_events(
    con: duckdb.DuckDBPyConnection, *, actor: str | None = None, outlet: str | None = None,
    article_id: str | None = None, date_from: str | None = None, date_to: str | None = None,
    limit: int = 50, offset: int = 0, actors: Sequence[str] | None = None,
) -> Page[EventRow]:  # fmt: skip
    """Events in time order; ``actor`` one name as events carry it, ``actors`` any of several (what
    ``store.timeline.actor_names`` resolves a name to: "Assad" names Bashar and Hafez al-Assad)."""
    conditions, params = _filters(
        # actors and places are JSON lists of names
        (
            "(list_contains(CAST(actors AS VARCHAR[]), ?) OR list_contains(CAST(places AS VARCHAR[]), ?))",
            actor,
        ),
        (
            "(list_has_any(CAST(actors AS VARCHAR[]), ?) OR list_has_any(CAST(places AS VARCHAR[]), ?))",
            sorted(actors) if actors else None,
        ),
        (f"{OUTLET} = ?", outlet),
        ("article_id = ?", article_id),
        ("coalesce(latest, earliest) >= CAST(? AS DATE)", date_from),
        ("earliest <= CAST(? AS DATE)", date_to),
    )
    rows, total = _paged(
        con, _EVENTS, conditions, params, "earliest NULLS LAST, date, article_id, start_", limit, offset
    )
    events = [
        EventRow(
            article_id=r["article_id"],
            start=r["start_"],
            end=r["end_"],
            date=r["date"],
            earliest=_iso(r["earliest"]),
            latest=_iso(r["latest"]),
            description=r["description"],
            actors=[str(x) for x in _json_list(r["actors"])],
            places=[str(x) for x in _json_list(r["places"])],
            outlet=r["outlet"],
            title=r["title"],
            sentence_start=int(r["sent"]),
            reported=_reported(r)[0],
            reported_how=r["published_how"],
            after_report=_reported(r)[1],
        )  # fmt: skip
        for r in rows
    ]
    return Page(events, total, _limit(limit), offset)


# -- claims ----------------------------------------------------------------------------------------

_CLAIMS = f"""
SELECT c.*, a.outlet, a.published, {_sentence("c")} AS sent,
       (SELECT substring(a.text, s.start_ + 1, s.end_ - s.start_) FROM sentences s WHERE s.article_id = c.article_id
        AND s.start_ <= c.start_ AND c.start_ < s.end_ LIMIT 1) AS sentence
FROM claims c JOIN articles a ON a.id = c.article_id
"""


def _claim(r: dict[str, Any]) -> ClaimRow:
    return ClaimRow(
        article_id=r["article_id"], start=r["start_"], end=r["end_"], value=float(r["value"]), qualifier=r["qualifier"],
        counts=r["counts"], claimant=r["claimant"], as_of=r["as_of"], text=r["text"], outlet=r["outlet"],
        published=_iso(r["published"]), sentence_start=int(r["sent"]), sentence=r["sentence"],
    )  # fmt: skip


def list_claims(
    con: duckdb.DuckDBPyConnection, *, counts: str | None = None, claimant: str | None = None,
    outlet: str | None = None, article_id: str | None = None, limit: int = 50, offset: int = 0,
) -> Page[ClaimRow]:  # fmt: skip
    conditions, params = _filters(
        ("counts = ?", counts),
        ("claimant = ?", claimant),
        (f"{OUTLET} = ?", outlet),
        ("article_id = ?", article_id),
    )
    rows, total = _paged(
        con, _CLAIMS, conditions, params, "counts NULLS LAST, value, article_id, start_", limit, offset
    )
    return Page([_claim(r) for r in rows], total, _limit(limit), offset)


SOURCES_PER_VALUE = 5  # sources shown under each distinct number; `group=` on the ledger API lists them all


def _group_key(label: str, lowest: float | None) -> str:
    """A group's stable, URL- and anchor-safe key: its label and its lowest value ("deaths-in-syria-12")."""
    low = "" if lowest is None else " " + f"{lowest:f}".rstrip("0").rstrip(".")
    return re.sub(r"[^a-z0-9.]+", "-", f"{label}{low}".lower()).strip("-") or "x"


def _by_value(claims: list[ClaimRow], per_value: int | None) -> list[dict[str, Any]]:
    """The distinct values of a group side by side, each with its sources oldest first."""
    by_value: dict[float, list[ClaimRow]] = {}
    for c in sorted(claims, key=lambda c: (c.published is None, c.published or "", c.article_id, c.start)):
        by_value.setdefault(c.value, []).append(c)
    return [
        {"value": v, "sources": len(cs), "claims": cs if per_value is None else cs[:per_value]}
        for v, cs in sorted(by_value.items())
    ]


def claim_groups(
    con: duckdb.DuckDBPyConnection, *, conflicts_only: bool = False, group: str | None = None,
    per_value: int | None = SOURCES_PER_VALUE,
) -> list[dict[str, Any]]:  # fmt: skip
    """The claims ledger of storyline.crossdoc.ledger (the one ``storyline claims`` prints), for the web.

    Each ledger group (one measure in one country, one magnitude) is one group, labelled as the CLI
    labels it ("deaths in Syria") and a conflict exactly when the ledger says so; its distinct values
    side by side, each with its first ``per_value`` sources (oldest first; None: all) and how many
    sources give it in all. Conflicts come first, then the ledger's order, which ends with the
    groups of one claim (``total`` 1), by measure. Every claim is in one group: a claim of a
    generic measure ("percent") or of none is a group of its own, never lumped with others.
    ``group`` keeps only the group of that key.
    """
    from storyline.crossdoc.ledger import ledger  # the gazetteer and claim lexicons load on first use

    rows = {(r["article_id"], r["start_"]): _claim(r) for r in _rows(con, _CLAIMS, [])}
    out: list[dict[str, Any]] = []
    keys: set[str] = set()
    for g in ledger(con, conflicts_only=conflicts_only):
        claims = [rows[k] for e in g.entries if (k := (e.claim.article_id, e.claim.start)) in rows]
        key = base = _group_key(g.label, min(g.values, default=None))
        n = 1
        while key in keys:  # two claims of no measure, one country and one value: two groups
            n += 1
            key = f"{base}-{n}"
        keys.add(key)
        out.append({
            "key": key, "label": g.label, "measure": g.measure, "country": g.country, "conflict": g.conflict,
            "values": _by_value(claims, per_value), "total": len(claims),
        })  # fmt: skip
    out.sort(key=lambda g: not g["conflict"])  # stable: the ledger's order within each
    return [g for g in out if group is None or g["key"] == group]


# -- framing ---------------------------------------------------------------------------------------

_FRAMING = f"""
SELECT f.*, a.outlet, substring(a.text, f.start_ + 1, f.end_ - f.start_) AS text, {_sentence("f")} AS sent
FROM framing f JOIN articles a ON a.id = f.article_id
"""


def _framing(r: dict[str, Any]) -> FramingRow:
    return FramingRow(
        article_id=r["article_id"], start=r["start_"], end=r["end_"], kind=r["kind"], term=r["term"], actor=r["actor"],
        category=r["category"], text=r["text"], outlet=r["outlet"], sentence_start=int(r["sent"]),
    )  # fmt: skip


def list_framing(
    con: duckdb.DuckDBPyConnection, *, outlet: str | None = None, actor: str | None = None,
    kind: str | None = None, article_id: str | None = None, limit: int = 50, offset: int = 0,
) -> Page[FramingRow]:  # fmt: skip
    conditions, params = _filters(
        (f"{OUTLET} = ?", outlet), ("actor = ?", actor), ("kind = ?", kind), ("article_id = ?", article_id)
    )
    rows, total = _paged(
        con, _FRAMING, conditions, params, "outlet NULLS LAST, actor NULLS LAST, term", limit, offset
    )
    return Page([_framing(r) for r in rows], total, _limit(limit), offset)


def framing_matrix(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Outlets against actors: in each cell the terms that outlet attaches to that actor, with counts."""
    rows = _rows(
        con,
        "SELECT coalesce(a.outlet, '(unknown)') outlet, coalesce(f.actor, '(no actor)') actor, f.term, f.category, "
        "f.kind, count(*) n FROM framing f JOIN articles a ON a.id = f.article_id GROUP BY ALL "
        "ORDER BY outlet, actor, n DESC, f.term",
        [],
    )
    outlets = sorted({r["outlet"] for r in rows})
    totals: dict[str, int] = {}
    for r in rows:
        totals[r["actor"]] = totals.get(r["actor"], 0) + int(r["n"])
    actors = sorted(totals, key=lambda a: (-totals[a], a))
    cells: dict[str, dict[str, list[dict[str, Any]]]] = {o: {} for o in outlets}
    for r in rows:
        cells[r["outlet"]].setdefault(r["actor"], []).append(
            {"term": r["term"], "category": r["category"], "kind": r["kind"], "count": int(r["n"])}
        )
    return {"outlets": outlets, "actors": actors, "cells": cells}
