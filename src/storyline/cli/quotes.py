"""`storyline quotes`: who said, claimed or believes what, from the attributions table."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from storyline.cli.app import DEFAULT_DB, DbOption, app, fail, lines_format, open_db, short_id

TYPES = ("direct", "indirect", "mixed")
# Content longer than this is cut in the text listing (the JSON output keeps it whole).
MAX_SHOWN_CHARS = 300


def query_quotes(con: Any, speaker: str | None = None, type_: str | None = None) -> list[dict[str, Any]]:
    """Attributions with their article's text cut out: speaker, cue, content, type, parent."""
    sql = (
        "SELECT a.article_id, a.idx, a.type, a.speaker, a.speaker_start, a.speaker_end, a.cue_start, a.cue_end,"
        " a.content, a.parent, a.confidence, r.text, r.title, r.input_id"
        " FROM attributions a JOIN articles r ON r.id = a.article_id"
    )
    where, params = [], []
    if speaker:
        where.append("lower(coalesce(a.speaker, '')) LIKE ?")
        params.append(f"%{speaker.lower()}%")
    if type_:
        where.append("a.type = ?")
        params.append(type_)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY a.article_id, a.idx"
    out = []
    for aid, idx, typ, spk, ss, se, cs, ce, content, parent, conf, text, title, input_id in con.execute(
        sql, params
    ).fetchall():
        spans = json.loads(content)
        out.append(
            {
                "article_id": aid,
                "input_id": input_id,
                "title": title,
                "index": idx,
                "type": typ,
                "speaker": spk,
                "speaker_text": text[ss:se] if ss is not None else None,
                "cue": text[cs:ce] if cs is not None else None,
                "content": " … ".join(text[s:e] for s, e in spans),
                "content_spans": spans,
                "parent": parent,
                "confidence": conf,
            }
        )
    return out


@app.command("quotes")
def quotes_cmd(
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only this speaker (part of the actor name).")
    ] = None,
    type_: Annotated[str | None, typer.Option("--type", help="direct, indirect or mixed.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text or jsonl (json: the same).")] = "text",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Who said, claimed or believes what: every attribution, with speaker, cue and content.

    Example: storyline quotes --speaker Assad --type direct --db storyline.duckdb
    """
    import duckdb

    if type_ is not None and type_ not in TYPES:
        raise fail(f"unknown --type {type_!r}: use direct, indirect or mixed")
    fmt = lines_format(fmt)
    con = open_db(db)
    try:
        rows = query_quotes(con, speaker, type_)
    except duckdb.Error as exc:
        raise fail(f"{db} has no attributions table ({exc}); rebuild it with `storyline build`") from exc
    finally:
        con.close()
    if not rows:
        what = " ".join(x for x in (type_, "attributions", f"by {speaker!r}" if speaker else "") if x)
        typer.echo(f"no {what} in {db}")
        return
    for r in rows:
        if fmt == "jsonl":
            typer.echo(json.dumps(r, ensure_ascii=False))
            continue
        who = r["speaker"] or (f"({r['speaker_text']})" if r["speaker_text"] else "(no source)")
        content = r["content"].replace("\n", " ")
        if len(content) > MAX_SHOWN_CHARS:
            content = content[: MAX_SHOWN_CHARS - 1] + "…"
        nested = f"  [reported in #{r['parent']}]" if r["parent"] is not None else ""
        typer.echo(
            f"{r['input_id'] or short_id(r['article_id'])}#{r['index']}  {r['type']:8} {who} — {r['cue'] or '(no cue)'}{nested}"
        )
        typer.echo(f"    {content}")
