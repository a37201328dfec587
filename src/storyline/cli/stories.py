"""Story commands: stories (articles grouped into stories), wire (republished copies)."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from storyline.cli.app import DEFAULT_DB, DbOption, app, fail, lines_format, open_db, outlet_or_wire, short_id

FormatOption = Annotated[str, typer.Option("--format", help="text or jsonl (json: the same).")]


def _article_info(con: Any) -> dict[str, tuple[str | None, str | None, str | None, str | None]]:
    """input id, publication (the day, else the range inferred: "2014-07-07 to 2014-09-05"),
    outlet (else the dateline's wire) and title of each article."""
    from storyline.stages.published import describe

    rows = con.execute(
        "SELECT id, input_id, published, published_earliest, published_latest, outlet, wire, title FROM articles"
    ).fetchall()
    return {
        r[0]: (
            r[1],
            describe(r[2], r[3], r[4]).replace("\n", " ") or None,
            outlet_or_wire(r[5], r[6]) or None,
            r[7],
        )
        for r in rows
    }


@app.command("stories")
def stories_cmd(
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = "text",
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="Regroup every stored article from scratch and store the stories "
            "(a build only assigns the articles it adds).",
        ),
    ] = False,
) -> None:
    """The dossier's articles grouped into stories, largest first, each with a title.

    jsonl prints {"id", "story"} a line, where id is the article's id in its input JSONL.
    Example: storyline stories --format jsonl --db storyline.duckdb
    """
    from storyline.crossdoc.storystore import (
        build_stories,
        compute_stories,
        load_story_articles,
        stored_stories,
    )

    fmt = lines_format(fmt)
    con = open_db(db, write=rebuild)
    try:
        if rebuild:
            stories = build_stories(con, rebuild=True)
        else:
            stories = stored_stories(con)
            if not stories and con.execute("SELECT count(*) FROM articles").fetchone()[0]:
                typer.secho(
                    "note: no stories stored yet; grouping now without storing (store them with --rebuild)",
                    err=True,
                )
                stories = compute_stories(load_story_articles(con))
        info = _article_info(con)
        copies = dict(con.execute("SELECT article_id, original_id FROM wire_copies").fetchall())
    finally:
        con.close()
    if not stories:
        raise fail(f"{db} holds no articles: build it first with `storyline build PATH --db {db}`")
    for story in stories:
        if fmt == "jsonl":
            for article_id in story.article_ids:
                input_id = info.get(article_id, (None,))[0]
                typer.echo(json.dumps({"id": input_id or article_id, "story": story.id}, ensure_ascii=False))
            continue
        typer.echo(f"{story.id}  {len(story.article_ids)} article(s)  {story.title}")
        for article_id in story.article_ids:
            input_id, published, outlet, title = info.get(article_id, (None, None, None, None))
            copy = f"  [copy of {short_id(copies[article_id])}]" if article_id in copies else ""
            label = title or input_id or short_id(article_id)
            typer.echo(f"    {published or 'undated':24}  {outlet or '-':20.20}  {label}{copy}")


@app.command("wire")
def wire_cmd(
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = "text",
    diff: Annotated[bool, typer.Option("--diff", help="Show the sentences where each copy differs.")] = False,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Find the copies again and store them.")] = False,
) -> None:
    """Republished copies of one dispatch: each original with its copies and their similarity.

    Example: storyline wire --diff --db storyline.duckdb
    """
    from storyline.crossdoc.storystore import build_wire_copies, compute_wire_copies
    from storyline.crossdoc.wirecopy import copy_diff

    fmt = lines_format(fmt)
    con = open_db(db, write=rebuild)
    try:
        if rebuild:
            copies = build_wire_copies(con)
        else:
            rows = con.execute(
                "SELECT article_id, original_id, similarity FROM wire_copies ORDER BY original_id, similarity DESC"
            ).fetchall()
            from storyline.crossdoc.wirecopy import WireCopy

            copies = [WireCopy(*r) for r in rows]
            if not copies and con.execute("SELECT count(*) FROM articles").fetchone()[0]:
                copies = compute_wire_copies(con)
        info = _article_info(con)
        ids = sorted({c.article_id for c in copies} | {c.original_id for c in copies})
        texts = (
            dict(
                con.execute("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
            )
            if diff and ids
            else {}
        )
    finally:
        con.close()

    def name(article_id: str) -> str:
        input_id, published, outlet, title = info.get(article_id, (None, None, None, None))
        return " · ".join(x for x in (published, outlet, title or input_id or short_id(article_id)) if x)

    if fmt == "jsonl":
        for c in copies:
            record: dict[str, Any] = {
                "id": info.get(c.article_id, (None,))[0] or c.article_id,
                "original": info.get(c.original_id, (None,))[0] or c.original_id,
                "similarity": c.similarity,
            }
            if diff:
                record["changes"] = [
                    {
                        "kind": ch.kind,
                        "original": [ch.original_start, ch.original_end],
                        "copy": [ch.copy_start, ch.copy_end],
                    }
                    for ch in copy_diff(texts[c.original_id], texts[c.article_id])
                ]
            typer.echo(json.dumps(record, ensure_ascii=False))
        return
    if not copies:
        typer.echo("no wire copies: every article is its own text")
        return
    current = None
    for c in copies:
        if c.original_id != current:
            current = c.original_id
            typer.echo(f"original  {name(c.original_id)}")
        typer.echo(f"  copy {c.similarity:.2f}  {name(c.article_id)}")
        if diff:
            original, copy = texts[c.original_id], texts[c.article_id]
            for ch in copy_diff(original, copy):
                if ch.kind in ("removed", "changed"):
                    typer.echo(f"      - {original[ch.original_start : ch.original_end]}")
                if ch.kind in ("added", "changed"):
                    typer.echo(f"      + {copy[ch.copy_start : ch.copy_end]}")
