"""Time commands: the dossier's timeline, its summary timeline, TimelineJS export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from storyline.cli.app import (
    DEFAULT_DB,
    NO_TIMELINEJS_EVENTS,
    DbOption,
    app,
    fail,
    lines_format,
    open_db,
    short_id,
)
from storyline.crossdoc.timeline import summarize, timeline_from_events
from storyline.records import Event
from storyline.store.timeline import (
    ActorNames,
    actor_names,
    after_report,
    events_from_db,
    report_dates,
    sentences_from_db,
    timelinejs_from_db,
    unknown_actor_message,
)

ActorOption = Annotated[
    str | None,
    typer.Option(help="Only events naming this actor or place (any of its names: Assad, al-Assad)."),
]


@app.command()
def timeline(
    db: DbOption = DEFAULT_DB,
    actor: ActorOption = None,
    summary: Annotated[
        int | None, typer.Option(help="Pick the N dates that matter most, with 1-2 sentences each.")
    ] = None,
    format: Annotated[str, typer.Option("--format", help="text or jsonl (json: the same).")] = "text",
) -> None:
    """The dossier's dated events in date order, or a summary timeline of N dates.

    Each event names the words it was dated by, its article and the article's report date (an
    event may lie after it: a plan or a schedule).

    Example: storyline timeline --actor Assad; storyline timeline --summary 10 --format jsonl
    """
    format = lines_format(format)
    if summary is not None and summary < 1:
        raise fail("--summary needs a positive number of dates")
    con = open_db(db)
    try:
        who = _actor(con, actor)
        if summary is not None:
            _summary(con, who, summary, format)
            return
        events = timeline_from_events(events_from_db(con), names=who.names if who else None)
        ids = sorted({e.article_id for e in events})
        texts = dict(
            con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        )
        reports = report_dates(con, ids)
        if not events:
            typer.echo("no dated events" + (f" naming {', '.join(who.actors)}" if who else ""), err=True)
        for e in events:
            report = reports.get(e.article_id)
            if format == "jsonl":
                typer.echo(
                    json.dumps(
                        {
                            "date": e.date,
                            "earliest": e.earliest,
                            "latest": e.latest,
                            "description": e.description,
                            "actors": list(e.actors),
                            "places": list(e.places),
                            "article_id": e.article_id,
                            "span": [e.start, e.end],
                            "timex_span": [e.timex_start, e.timex_end],
                            "timex_text": _anchor(texts, e),
                            "reported": report.to_json() if report else None,
                            "after_report": after_report(e, report),
                        },
                        ensure_ascii=False,
                    )
                )
            else:
                names = ", ".join((*e.actors[:3], *e.places[:2]))
                # the words the date was read from, the article and its report date, so each date
                # can be checked ("2017-W01" from "the last week" of "the last week of January")
                when = report.label() if report else "report date unknown"
                if after_report(e, report):
                    when += ", before the event"
                source = f"  \u2190 \u201c{_anchor(texts, e)}\u201d, {short_id(e.article_id)}, {when}"
                typer.echo(f"{e.date:<10}  {e.description}" + (f"  [{names}]" if names else "") + source)
    finally:
        con.close()


def _actor(con: Any, actor: str | None) -> ActorNames | None:
    """What ``--actor`` names, or a one-line error when nothing in the dossier is so called; the
    actors it stands for are said on stderr when it stands for several."""
    if actor is None:
        return None
    found = actor_names(con, actor)
    if found is None:
        raise fail(unknown_actor_message(con, actor))
    if len(found.actors) > 1:
        typer.echo(f"{actor!r} names {', '.join(found.actors)}: give a full name for one", err=True)
    return found


def _summary(con: Any, who: ActorNames | None, n: int, format: str) -> None:
    sentences = sentences_from_db(con, who)
    entries = summarize(sentences, n)
    if len(entries) < n:
        # only days inside the publication window of the dated articles count (crossdoc.timeline)
        days = sorted({s.published[:10] for s in sentences if s.published})
        window = f"{days[0]}..{days[-1]}" if days else "none: no article has a publication date"
        typer.echo(
            f"{len(entries)} of the {n} dates asked for: only days within the reports' dates count ({window})",
            err=True,
        )
    for entry in entries:
        if format == "jsonl":
            typer.echo(json.dumps(entry, ensure_ascii=False))
        else:
            note = (
                ""
                if entry["named"]
                else "  (no sentence names this day: what the reports published the day after say)"
            )
            typer.echo(entry["date"] + note)
            for sentence in entry["summary"]:
                typer.echo(f"    {sentence}")


def _anchor(texts: dict[str, str], e: Event) -> str:
    """The time expression an event is dated by, as the article writes it."""
    return " ".join(texts.get(e.article_id, "")[e.timex_start : e.timex_end].split())


@app.command("timelinejs")
def timelinejs_command(
    out: Annotated[Path, typer.Option("--out", help="Where to write the TimelineJS JSON.")],
    db: DbOption = DEFAULT_DB,
    actor: ActorOption = None,
    title: Annotated[str, typer.Option(help="The timeline's title slide.")] = "storyline timeline",
) -> None:
    """Write the dossier's dated events as Knight Lab TimelineJS JSON.

    Example: storyline timelinejs --out timeline.json
    """
    con = open_db(db)
    try:
        data = timelinejs_from_db(con, _actor(con, actor), title)
    finally:
        con.close()
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    typer.echo(f"{len(data['events'])} events -> {out}")
    if not data["events"]:
        typer.echo(NO_TIMELINEJS_EVENTS, err=True)
