"""Actor, claims and framing commands: actors, actor, actor-split, actor-join, claims, framing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from storyline.cli.app import DEFAULT_DB, DbOption, app, fail, lines_format, open_db, short_id

console = Console()
# characters of article text shown each side of a mention by `storyline actor`
CONTEXT_CHARS = 60
FormatOption = Annotated[str, typer.Option("--format", help="text or jsonl (json: the same).")]


@app.command("actors")
def actors_cmd(
    db: DbOption = DEFAULT_DB,
    type_: Annotated[
        str | None,
        typer.Option(
            "--type",
            help="person, organization, armed_group, government, country, place, nationality, other.",
        ),
    ] = None,
    limit: Annotated[int, typer.Option(help="How many actors to list.")] = 50,
    fmt: FormatOption = "text",
) -> None:
    """List the canonical actors, most mentioned first.

    Example: storyline actors --type person --db storyline.duckdb
    """
    fmt = lines_format(fmt)
    con = open_db(db)
    sql = "SELECT name, type, mentions, country, lat, lon, aliases FROM actors"
    params: list[Any] = []
    if type_:
        sql += " WHERE type = ?"
        params.append(type_)
    rows = con.execute(sql + " ORDER BY mentions DESC, name LIMIT ?", [*params, limit]).fetchall()
    if not rows and not con.execute("SELECT count(*) FROM actors").fetchone()[0]:
        raise fail("this dossier has no actors yet: run `storyline build` (it resolves actors at the end)")
    if fmt == "jsonl":
        keys = ("name", "type", "mentions", "country", "lat", "lon", "aliases")
        for r in rows:
            d = dict(zip(keys, r, strict=True))
            d["aliases"] = json.loads(d["aliases"] or "[]")
            typer.echo(json.dumps(d, ensure_ascii=False))
        return
    table = Table("actor", "type", "mentions", "country", "also called")
    for name, typ, n, country, _, _, aliases in rows:
        table.add_row(name, typ, str(n), country or "", ", ".join(json.loads(aliases or "[]")[:6]))
    console.print(table)


@app.command("actor")
def actor_cmd(
    name: Annotated[str, typer.Argument(help="An actor's name or any of its aliases.")],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="How many mentions to show.")] = 20,
) -> None:
    """Show one actor: its names, its mentions, and why each name was joined to it.

    Example: storyline actor Assad --db storyline.duckdb
    """
    from storyline.crossdoc.actors import resolve_store

    con = open_db(db)
    res, _ = resolve_store(con)
    canonical = res.canonical(name) or (name if name in res.actors else None)
    if canonical is None:
        matches = [a for a in res.actors if name.lower() in a.lower()][:5]
        hint = f" (did you mean: {', '.join(matches)}?)" if matches else ""
        raise fail(f"no actor named {name!r}{hint}; list them with `storyline actors`")
    actor = res.actors[canonical]
    console.print(f"[bold]{actor.name}[/bold]  {actor.type}  {res.counts[canonical]} mentions")
    if actor.country:
        where = (
            f"  at {actor.lat:.4f}, {actor.lon:.4f}"
            if actor.lat is not None and actor.lon is not None
            else ""
        )
        console.print(f"country: {actor.country}{where}")
    console.print("names: " + ", ".join(res.members[canonical]))
    console.print("also written: " + ", ".join(actor.aliases))
    joins = res.explain(canonical)
    if joins:
        console.print("[bold]why these names are one actor[/bold]")
        for j in joins:
            console.print(f"  {j.a}  +  {j.b}: {j.rule} ({j.detail})")
    for j in res.vetoed:
        if canonical in (res.canonical(j.a), res.canonical(j.b)):
            console.print(
                f"  kept apart by a hand split: {j.a} / {j.b} (rule {j.rule} would have joined them)"
            )
    rows = con.execute(
        "SELECT m.article_id, m.start_, m.end_, m.text, "
        "substr(a.text, greatest(m.start_ - ?, 0) + 1, m.end_ - greatest(m.start_ - ?, 0) + ?) "
        "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.actor = ? ORDER BY m.article_id, m.start_ LIMIT ?",
        [CONTEXT_CHARS, CONTEXT_CHARS, CONTEXT_CHARS, canonical, limit],
    ).fetchall()
    if rows:
        table = Table("article", "span", "as written", "context")
        for aid, s, e, text, ctx in rows:
            table.add_row(short_id(aid), f"{s}-{e}", text, _whole_words(ctx, s > CONTEXT_CHARS, True))
        console.print(table)


def _edit(db: Path, op: str, a: str, b: str | None) -> None:
    from storyline.crossdoc.actors import add_edit, build_actors

    con = open_db(db, write=True)
    try:
        add_edit(con, op, a, b)
        res = build_actors(con)
    except ValueError as exc:
        raise fail(str(exc)) from exc
    finally:
        con.close()
    ca, cb = res.canonical(a), res.canonical(b) if b else None
    console.print(f"{op} recorded; actors rebuilt: {a!r} -> {ca}" + (f", {b!r} -> {cb}" if b else ""))


@app.command("actor-split")
def actor_split(
    name: Annotated[str, typer.Argument(help="The name to split off.")],
    other: Annotated[
        str | None, typer.Argument(help="Keep it apart from this name only (default: from all).")
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Split a name off its actor by hand; every later build keeps the split.

    Example: storyline actor-split "Moamer Kadhafi" "Muammar Gaddafi" --db storyline.duckdb
    """
    _edit(db, "split", name, other)


@app.command("actor-join")
def actor_join(
    name: Annotated[str, typer.Argument(help="A name.")],
    other: Annotated[str, typer.Argument(help="A name of the same actor.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Join two names into one actor by hand; every later build keeps the join.

    Example: storyline actor-join "Abu Mohammad al-Julani" "Julani" --db storyline.duckdb
    """
    _edit(db, "join", name, other)


def _whole_words(context: str, cut_before: bool, cut_after: bool) -> str:
    """A mention's context on one line without the words cut at its ends ("every in", "asserting
    th"), with "…" where text was left out."""
    words = context.split()
    if cut_before and len(words) > 1 and not context[:1].isspace():
        words = ["\u2026", *words[1:]]
    if cut_after and len(words) > 1 and not context[-1:].isspace():
        words = [*words[:-1], "\u2026"]
    return " ".join(words)


def _num(v: float) -> str:
    return f"{v:,.0f}" if v >= 1 or v == 0 else f"{v:g}"


@app.command("claims")
def claims_cmd(
    db: DbOption = DEFAULT_DB,
    conflicts: Annotated[
        bool, typer.Option("--conflicts", help="Only quantities the sources disagree on.")
    ] = False,
    fmt: FormatOption = "text",
) -> None:
    """The claims ledger: numeric claims grouped by quantity, with who states them and when.

    Example: storyline claims --conflicts --db storyline.duckdb
    """
    from storyline.crossdoc.ledger import ledger

    fmt = lines_format(fmt)
    con = open_db(db)
    groups = ledger(con, conflicts_only=conflicts)
    if fmt == "jsonl":
        for g in groups:
            typer.echo(json.dumps(g.to_dict(), ensure_ascii=False))
        return
    if not groups:
        console.print("no conflicting claims" if conflicts else "no claims in this dossier")
        return
    # an article known only as a range ("2014-07-07 to 2014-09-05") shows the range, not a blank
    from storyline.stages.published import describe

    ranges = {
        aid: describe(None, lo, hi).replace("\n", " ")
        for aid, lo, hi in con.execute(
            "SELECT id, published_earliest, published_latest FROM articles WHERE published IS NULL"
        ).fetchall()
    }
    for g in groups:
        flag = "  [red]sources disagree[/red]" if g.conflict else ""
        console.print(f"[bold]{g.label}[/bold]{flag}")
        table = Table("value", "stated as", "claimant", "outlet", "published", "as of", "article")
        for e in g.entries:
            c = e.claim
            table.add_row(
                (c.qualifier + " " if c.qualifier else "") + _num(c.value),
                c.text,
                c.claimant or "(the outlet)",
                e.outlet or "",
                e.published or ranges.get(c.article_id) or "",
                c.as_of or "",
                short_id(c.article_id),
            )
        console.print(table)


@app.command("framing")
def framing_cmd(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Only this actor (any of its names).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    fmt: FormatOption = "text",
) -> None:
    """How each outlet labels each actor, hedges around it, and how often it quotes it.

    Example: storyline framing --actor "Islamic State" --db storyline.duckdb
    """
    from storyline.crossdoc.framing import framing, outlet_facts

    fmt = lines_format(fmt)
    con = open_db(db)
    rows = framing(con, actor=actor, outlet=outlet)
    if fmt == "jsonl":
        for r in rows:
            d = r.to_dict()
            d["outlet_facts"] = outlet_facts(r.outlet)
            typer.echo(json.dumps(d, ensure_ascii=False))
        return
    if not rows:
        console.print("no framing found for that selection")
        return
    table = Table(
        "outlet", "actor", "labels (own voice)", "hedges", "scare quotes", "labels in quotes", "quoted"
    )
    for r in rows:

        def fmt_counter(c: Any) -> str:
            return ", ".join(f"{k} x{v}" for k, v in c.most_common())

        table.add_row(
            r.outlet,
            r.actor,
            fmt_counter(r.labels),
            fmt_counter(r.hedges),
            fmt_counter(r.scare_quotes),
            fmt_counter(r.quoted_labels),
            str(r.quoted),
        )
    console.print(table)
    shown = sorted({r.outlet for r in rows})
    for name in shown:
        facts = outlet_facts(name)
        if facts:
            console.print(
                f"{name}: {facts.get('type')}, {facts.get('country')}, owner: {facts.get('owner')} "
                f"({facts.get('state_relation')}); source: {facts.get('source')}"
            )
