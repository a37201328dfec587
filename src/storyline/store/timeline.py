"""Reading the dossier's time facts back as records: events, dated sentences, TimelineJS."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from storyline.crossdoc.timeline import (
    DatedSentence,
    dated_sentences,
    timeline_from_events,
    timelinejs,
)
from storyline.names import name_key, name_tokens
from storyline.records import Event

# How many actors an error's "did you mean" lists.
SUGGESTIONS = 3


@dataclass(frozen=True, slots=True)
class ActorNames:
    """What a name given on the command line or in a URL stands for in a dossier.

    ``actors``: the canonical actors and places it names, most mentioned first; ``names``: every
    name an event or a mention may carry for them (the canonical names, and the names of events
    that no actor row holds); ``surfaces``: the same with every alias, for mentions the actors
    stage left unresolved."""

    actors: list[str]
    names: frozenset[str]
    surfaces: frozenset[str]


def actor_names(con: Any, name: str) -> ActorNames | None:
    """The actors and places of the dossier that ``name`` names, or None when none is so called.

    Names compare by ``names.name_key`` (case, hyphens and "al"/"el"/"the" set aside, so "Assad",
    "al-Assad" and "Al Assad" are one name). An actor's own name first, then any of its aliases
    (all the actors that share it: "Assad" is Bashar and Hafez al-Assad), then the names events
    carry; failing all those, the actors whose name or alias holds every word of ``name``
    ("Hollande" is "Francois Hollande"; "US" is no longer "Damascus", as a substring was)."""
    words = name_tokens(name)
    if not words:
        return None
    key = " ".join(words)
    rows = con.execute("SELECT name, aliases, mentions FROM actors ORDER BY mentions DESC, name").fetchall()
    aliases = {r[0]: [str(a) for a in json.loads(r[1] or "[]")] for r in rows}
    canonical = set(aliases)
    event_names = {
        str(r[0])
        for column in ("actors", "places")
        for r in con.execute(f"SELECT DISTINCT unnest(CAST({column} AS VARCHAR[])) FROM events").fetchall()
        if r[0]
    } - canonical
    wanted = set(words)
    tiers: list[list[str]] = [
        [n for n in aliases if name_key(n) == key],
        [n for n, al in aliases.items() if any(name_key(a) == key for a in al)],
        sorted(n for n in event_names if name_key(n) == key),
        [n for n, al in aliases.items() if any(wanted <= set(name_tokens(x)) for x in (n, *al))],
        sorted(n for n in event_names if wanted <= set(name_tokens(n))),
    ]
    found = next((tier for tier in tiers if tier), None)
    if found is None:
        return None
    surfaces = set(found) | {a for n in found for a in aliases.get(n, [])}
    keys = {name_key(x) for x in surfaces} | {key}
    strays = {n for n in event_names if name_key(n) in keys}  # event names no actor row holds
    return ActorNames(found, frozenset(set(found) | strays), frozenset(surfaces | strays))


def actor_suggestions(con: Any, name: str) -> list[str]:
    """Actors whose name holds ``name`` as written, most mentioned first, for an error's hint."""
    rows = con.execute(
        "SELECT name FROM actors WHERE lower(name) LIKE ? ORDER BY mentions DESC, name LIMIT ?",
        [f"%{name.lower()}%", SUGGESTIONS],
    ).fetchall()
    return [r[0] for r in rows]


def unknown_actor_message(con: Any, name: str) -> str:
    """The one-line error for a name that no actor, alias or event of the dossier carries."""
    hint = actor_suggestions(con, name)
    also = f" (did you mean: {', '.join(hint)}?)" if hint else ""
    return f"no actor or place named {name!r} in this dossier{also}; list them with `storyline actors`"


def events_from_db(con: Any) -> list[Event]:
    """Every stored event as a record."""
    rows = con.execute(
        "SELECT article_id, start_, end_, date, CAST(earliest AS VARCHAR), CAST(latest AS VARCHAR), description,"
        " timex_start, timex_end, actors, places FROM events"
    ).fetchall()
    return [
        Event(
            article_id=r[0],
            start=r[1],
            end=r[2],
            date=r[3],
            earliest=r[4] or "",
            latest=r[5] or "",
            description=r[6],
            timex_start=r[7] or 0,
            timex_end=r[8] or 0,
            actors=tuple(json.loads(r[9] or "[]")),
            places=tuple(json.loads(r[10] or "[]")),
        )
        for r in rows
    ]


@dataclass(frozen=True, slots=True)
class ReportDate:
    """When an article was published, as the dossier knows it: the day (None unless one day is
    known), the range it lies in, how it was found (given, metadata, inferred, unknown) and the
    confidence of that finding."""

    date: str | None
    earliest: str | None
    latest: str | None
    how: str
    confidence: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "earliest": self.earliest,
            "latest": self.latest,
            "how": self.how,
            "confidence": self.confidence,
        }

    def label(self) -> str:
        """What the timeline prints: "reported 2017-02-16", "reported 2014-07-07..2014-09-05
        (inferred)", "report date unknown, not before 2015-09-01", "report date unknown"."""
        how = "" if self.how == "given" else f" ({self.how})"
        if self.date:
            return f"reported {self.date}{how}"
        if self.earliest and self.latest:
            return f"reported {self.earliest}..{self.latest}{how}"
        if self.earliest:  # a lower bound only: the latest date the article names
            return f"report date unknown, not before {self.earliest}"
        return "report date unknown"


def report_dates(con: Any, article_ids: Collection[str]) -> dict[str, ReportDate]:
    """The report date of each of ``article_ids``: an event's date is not its report's date."""
    rows = con.execute(
        "SELECT id, CAST(published AS VARCHAR), CAST(published_earliest AS VARCHAR),"
        " CAST(published_latest AS VARCHAR), published_how, published_confidence"
        " FROM articles WHERE id IN (SELECT unnest(?))",
        [sorted(article_ids)],
    ).fetchall()
    return {r[0]: ReportDate(r[1], r[2], r[3], r[4], r[5]) for r in rows}


def after_report(event: Event, report: ReportDate | None) -> bool:
    """Whether the event is dated wholly after the day its article was published (a plan, a
    schedule, a forecast, or a misread date); never for a report date that is not known."""
    last = (report.date or report.latest) if report else None
    return bool(last and event.earliest and event.earliest > last)


def sentences_from_db(con: Any, actor: ActorNames | None = None) -> list[DatedSentence]:
    """Dated sentences of the stored articles (optionally those that mention ``actor``), read with
    the same finder the Timeline17 evaluation uses."""
    query = "SELECT id, text, CAST(published AS VARCHAR) FROM articles"
    params: list[Any] = []
    if actor is not None:
        # a mention of the actor: resolved to it, or unresolved and written as one of its names
        query += (
            " WHERE id IN (SELECT article_id FROM mentions WHERE actor IN (SELECT unnest(?))"
            " OR (actor IS NULL AND lower(text) IN (SELECT lower(unnest(?)))))"
        )
        params = [sorted(actor.names), sorted(actor.surfaces)]
    out: list[DatedSentence] = []
    for article_id, text, published in con.execute(query, params).fetchall():
        out.extend(dated_sentences(article_id, text, published))
    return out


def timelinejs_from_db(
    con: Any,
    actor: ActorNames | None = None,
    title: str = "storyline timeline",
    link: Callable[[Event], str] | None = None,
) -> dict[str, Any]:
    """Knight Lab TimelineJS JSON of the dossier's dated events, a row per outlet; ``link`` (the
    web passes one) turns each slide's source line into a link to the article."""
    # an article without outlet metadata is credited to the wire agency of its dateline, as the
    # framing and claims views credit it (the AFP seed: "PARIS (AFP) –"), not grouped by a place
    articles = con.execute("SELECT id, coalesce(outlet, wire), title FROM articles").fetchall()
    sources = {r[0]: " · ".join(x for x in (r[1], r[2]) if x) for r in articles}
    outlets = {r[0]: r[1] for r in articles if r[1]}
    events = timeline_from_events(events_from_db(con), names=actor.names if actor else None)
    return timelinejs(events, title=title, texts=sources, groups=outlets, link=link)
