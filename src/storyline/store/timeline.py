"""Reading the dossier's time facts back as records: events, dated sentences, TimelineJS."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from storyline.crossdoc.timeline import (
    DatedSentence,
    dated_sentences,
    timeline_from_events,
    timelinejs,
)
from storyline.records import Event


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


def sentences_from_db(con: Any, actor: str | None = None) -> list[DatedSentence]:
    """Dated sentences of the stored articles (optionally those that mention ``actor``), read with
    the same finder the Timeline17 evaluation uses."""
    query = "SELECT id, text, CAST(published AS VARCHAR) FROM articles"
    params: list[Any] = []
    if actor:
        query += (
            " WHERE id IN (SELECT article_id FROM mentions"
            " WHERE lower(coalesce(actor, text)) LIKE ? OR lower(text) LIKE ?)"
        )
        params = [f"%{actor.lower()}%"] * 2
    out: list[DatedSentence] = []
    for article_id, text, published in con.execute(query, params).fetchall():
        out.extend(dated_sentences(article_id, text, published))
    return out


def timelinejs_from_db(
    con: Any,
    actor: str | None = None,
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
    events = timeline_from_events(events_from_db(con), actor)
    return timelinejs(events, title=title, texts=sources, groups=outlets, link=link)
