"""Time commands: the dossier's timeline, its summary timeline, TimelineJS export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from storyline.cli.app import DEFAULT_DB, DbOption, app, fail, lines_format, open_db, short_id
from storyline.crossdoc.timeline import summarize, timeline_from_events
from storyline.records import Event
from storyline.store.timeline import events_from_db, sentences_from_db, timelinejs_from_db


@app.command()
def timeline(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Only events naming this actor or place.")] = None,
    summary: Annotated[
        int | None, typer.Option(help="Pick the N dates that matter most, with 1-2 sentences each.")
    ] = None,
    format: Annotated[str, typer.Option("--format", help="text or jsonl (json: the same).")] = "text",
) -> None:
    """The dossier's dated events in date order, or a summary timeline of N dates.

    Example: storyline timeline --actor Assad; storyline timeline --summary 10 --format jsonl
    """
    format = lines_format(format)
    if summary is not None and summary < 1:
        raise fail("--summary needs a positive number of dates")
    con = open_db(db)
    try:
        if summary is not None:
            entries = summarize(sentences_from_db(con, actor), summary)
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
            return
        events = timeline_from_events(events_from_db(con), actor)
        texts = dict(
            con.execute(
                "SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))",
                [sorted({e.article_id for e in events})],
            ).fetchall()
        )
        if not events:
            typer.echo("no dated events" + (f" naming {actor!r}" if actor else ""), err=True)
        for e in events:
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
                        },
                        ensure_ascii=False,
                    )
                )
            else:
                who = ", ".join((*e.actors[:3], *e.places[:2]))
                # the words the date was read from and the article, so each date can be checked
                # ("2017-W01" from "the last week" of "the last week of January")
                source = f"  \u2190 \u201c{_anchor(texts, e)}\u201d, {short_id(e.article_id)}"
                typer.echo(f"{e.date:<10}  {e.description}" + (f"  [{who}]" if who else "") + source)
    finally:
        con.close()


def _anchor(texts: dict[str, str], e: Event) -> str:
    """The time expression an event is dated by, as the article writes it."""
    return " ".join(texts.get(e.article_id, "")[e.timex_start : e.timex_end].split())


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
    con = open_db(db)
    try:
        data = timelinejs_from_db(con, actor, title)
    finally:
        con.close()
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    typer.echo(f"{len(data['events'])} events -> {out}")
