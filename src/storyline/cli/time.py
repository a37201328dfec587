"""Time commands: the dossier's timeline, its summary timeline, TimelineJS export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from storyline.cli.app import DEFAULT_DB, DbOption, app, fail
from storyline.crossdoc.timeline import (
    DatedSentence,
    dated_sentences,
    summarize,
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
            article_id=r[0], start=r[1], end=r[2], date=r[3], earliest=r[4] or "", latest=r[5] or "",
            description=r[6], timex_start=r[7] or 0, timex_end=r[8] or 0,
            actors=tuple(json.loads(r[9] or "[]")), places=tuple(json.loads(r[10] or "[]")),
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


def timelinejs_from_db(con: Any, actor: str | None = None, title: str = "storyline timeline") -> dict[str, Any]:
    """Knight Lab TimelineJS JSON of the dossier's dated events."""
    sources = {
        r[0]: " · ".join(x for x in (r[1], r[2]) if x)
        for r in con.execute("SELECT id, outlet, title FROM articles").fetchall()
    }
    return timelinejs(timeline_from_events(events_from_db(con), actor), title=title, texts=sources)


def _connect(db: Path) -> Any:
    from storyline.store import connect

    try:
        return connect(db)
    except FileNotFoundError as exc:
        raise fail(str(exc)) from exc


@app.command()
def timeline(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Only events naming this actor or place.")] = None,
    summary: Annotated[
        int | None, typer.Option(help="Pick the N dates that matter most, with 1-2 sentences each.")
    ] = None,
    format: Annotated[str, typer.Option("--format", help="text or jsonl.")] = "text",
) -> None:
    """The dossier's dated events in date order, or a summary timeline of N dates.

    Example: storyline timeline --actor Assad; storyline timeline --summary 10 --format jsonl
    """
    if format not in ("text", "jsonl"):
        raise fail(f"unknown --format {format!r}: use text or jsonl")
    if summary is not None and summary < 1:
        raise fail("--summary needs a positive number of dates")
    con = _connect(db)
    try:
        if summary is not None:
            entries = summarize(sentences_from_db(con, actor), summary)
            for entry in entries:
                if format == "jsonl":
                    typer.echo(json.dumps(entry, ensure_ascii=False))
                else:
                    typer.echo(entry["date"])
                    for sentence in entry["summary"]:
                        typer.echo(f"    {sentence}")
            return
        events = timeline_from_events(events_from_db(con), actor)
        if not events:
            typer.echo("no dated events" + (f" naming {actor!r}" if actor else ""), err=True)
        for e in events:
            if format == "jsonl":
                typer.echo(json.dumps({
                    "date": e.date, "earliest": e.earliest, "latest": e.latest, "description": e.description,
                    "actors": list(e.actors), "places": list(e.places), "article_id": e.article_id,
                    "span": [e.start, e.end], "timex_span": [e.timex_start, e.timex_end],
                }, ensure_ascii=False))
            else:
                who = ", ".join((*e.actors[:3], *e.places[:2]))
                typer.echo(f"{e.date:<10}  {e.description}" + (f"  [{who}]" if who else ""))
    finally:
        con.close()


@app.command("timelinejs")
def timelinejs_command(
    out: Annotated[Path, typer.Option("--out", help="Where to write the TimelineJS JSON.")],
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Only events naming this actor or place.")] = None,
    title: Annotated[str, typer.Option(help="The timeline's title slide.")] = "storyline timeline",
) -> None:
    """Write the dossier's dated events as Knight Lab TimelineJS JSON.

    Example: storyline timelinejs --out timeline.json
    """
    con = _connect(db)
    try:
        data = timelinejs_from_db(con, actor, title)
    finally:
        con.close()
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    typer.echo(f"{len(data['events'])} events -> {out}")
