"""Core commands: build, refresh, articles, show, mentions, export, extract."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from storyline.cli.app import (
    DEFAULT_DB,
    NO_TIMELINEJS_EVENTS,
    DbOption,
    app,
    clip,
    fail,
    outlet_or_wire,
    short_id,
)

if TYPE_CHECKING:
    from storyline.build import BuildReport

console = Console()
# the title column of `storyline articles`, in characters (cut at a word, with "…")
TITLE_WIDTH = 70


EngineOption = Annotated[str, typer.Option(help="local (this machine) or dask (a cluster).")]
WorkersOption = Annotated[
    int,
    typer.Option(
        help="Worker processes for --engine local, or for the local Dask cluster of --engine dask without --scheduler."
    ),
]
SchedulerOption = Annotated[
    str | None, typer.Option(help="Dask scheduler address for --engine dask, e.g. tcp://127.0.0.1:8786.")
]
ParquetOption = Annotated[
    Path | None,
    typer.Option(
        help="Write each chunk's facts as a Parquet partition in this folder, then load it into the db."
    ),
]
AliasesOption = Annotated[
    Path | None,
    typer.Option(
        help="Your YAML alias file, read on top of the bundled one (format: lexicons/aliases.yaml)."
    ),
]


@app.command()
def build(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders of articles (txt, html, jsonl, json, warc, rss/atom)."),
    ],
    db: DbOption = DEFAULT_DB,
    engine: EngineOption = "local",
    workers: WorkersOption = 1,
    scheduler: SchedulerOption = None,
    max_mb: Annotated[float, typer.Option(help="Skip input files larger than this many MB.")] = 20.0,
    parquet: ParquetOption = None,
    aliases: AliasesOption = None,
    reextract: Annotated[
        bool,
        typer.Option(
            "--reextract",
            help="Extract every input article again and replace its stored facts, even those this "
            "version of storyline extracted (articles another version extracted always are).",
        ),
    ] = False,
) -> None:
    """Build (or extend) a dossier from articles.

    Example: storyline build ../shared/corpus/seeds --db storyline.duckdb
    """
    from storyline.build import build as run_build

    missing = [str(p) for p in [*paths, *([aliases] if aliases else [])] if not p.exists()]
    if missing:
        raise fail(f"no such file or folder: {', '.join(missing)}; check the path")
    report = _with_progress(
        lambda progress: run_build(
            [str(p) for p in paths],
            db,
            engine=engine,
            workers=workers,
            scheduler=scheduler,
            max_bytes=int(max_mb * 1024 * 1024),
            parquet=parquet,
            aliases=aliases,
            reextract=reextract,
            progress=progress,
        )
    )
    why = "--reextract" if reextract else "stored by another version of storyline or its alias file"
    reextracted = f"{report.reextracted} re-extracted ({why}), " if report.reextracted else ""
    console.print(
        f"[bold]{report.stored}[/] articles stored, {reextracted}"
        f"{report.already} already there, {len(report.skipped)} skipped, {report.failures} stage failures "
        f"({report.words:,} words in {report.seconds:.1f} s) -> {db}"
    )
    if report.stale:
        console.print(
            f"  [yellow]{report.stale} stored articles not among these inputs were extracted by another "
            f"version of storyline[/]: `storyline refresh --db {db}` extracts them again from their stored text",
            highlight=False,
        )
    for s in report.skipped:
        console.print(f"  skipped {s.source}: [yellow]{s.code}[/] {s.reason}", highlight=False)
    _close_report(report, db)


@app.command()
def refresh(
    db: DbOption = DEFAULT_DB,
    engine: EngineOption = "local",
    workers: WorkersOption = 1,
    scheduler: SchedulerOption = None,
    parquet: ParquetOption = None,
    aliases: AliasesOption = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Extract every stored article again, not only the stale ones.")
    ] = False,
) -> None:
    """Extract again, from the text the dossier holds, the articles another version of storyline
    (or another alias file) extracted, and rebuild the cross-article stages. No input files needed.

    Example: storyline refresh --db storyline.duckdb
    """
    from storyline.build import refresh as run_refresh

    if not db.exists():
        raise fail(f"no dossier at {db}; build one first with `storyline build FILES --db {db}`")
    if aliases and not aliases.exists():
        raise fail(f"no such file: {aliases}; check the path")
    report = _with_progress(
        lambda progress: run_refresh(
            db,
            engine=engine,
            workers=workers,
            scheduler=scheduler,
            parquet=parquet,
            aliases=aliases,
            everything=everything,
            progress=progress,
        )
    )
    why = "--all" if everything else "stored by another version of storyline or its alias file"
    console.print(
        f"[bold]{report.reextracted}[/] articles re-extracted ({why}), {report.failures} stage failures "
        f"({report.words:,} words in {report.seconds:.1f} s) -> {db}"
    )
    _close_report(report, db)


def _with_progress(run: Callable[[Callable[[int], None]], BuildReport]) -> BuildReport:
    """``run(progress)`` under a progress bar; a library RuntimeError becomes the one-line CLI error."""
    with Progress(
        TextColumn("[bold]building"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("build", total=None)
        try:
            return run(lambda n: bar.advance(task, n))
        except RuntimeError as exc:
            raise fail(str(exc)) from exc


def _close_report(report: BuildReport, db: Path) -> None:
    """The failed cross-article stages and the dossier summary; exit 1 when inputs were skipped."""
    for name, status in report.crossdoc.items():
        if status != "ok":
            console.print(f"  [red]{name} failed[/]: {status}")
    from storyline.api import Dossier

    with Dossier(db) as dossier:
        print_summary(dossier)
    if report.skipped:
        raise typer.Exit(1)


def print_summary(dossier: object) -> None:
    from storyline.api import Dossier

    assert isinstance(dossier, Dossier)
    summary = dossier.summary()
    table = Table(title=f"dossier {dossier.path}", show_header=False)
    for key, value in summary.items():
        table.add_row(key, str(value))
    console.print(table)


@app.command()
def summary(db: DbOption = DEFAULT_DB) -> None:
    """What a dossier holds.

    Example: storyline summary --db storyline.duckdb
    """
    with _open(db) as dossier:
        print_summary(dossier)


@app.command()
def articles(
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
) -> None:
    """List the articles of a dossier.

    Example: storyline articles --db storyline.duckdb
    """
    from storyline.stages.published import describe

    with _open(db) as dossier:
        table = Table("id", "published", "how", "outlet", "words", "title")
        for a in dossier.articles(limit=limit):
            table.add_row(
                short_id(a["id"]),  # a unique prefix, as `show` takes and the other views print
                describe(a["published"], a["published_earliest"], a["published_latest"]),
                a["published_how"],
                outlet_or_wire(a["outlet"], a.get("wire")),
                str(a["words"]),
                clip(a["title"] or "", TITLE_WIDTH),
            )
        console.print(table)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix of it).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Print an article with its facts highlighted (entities, quotes, dates, claims).

    Example: storyline show 0bdf4a6d --db storyline.duckdb
    """
    with _open(db) as dossier:
        article = dossier.article(article_id)
        if article is None:
            raise fail(f"no article {article_id!r} in {db}; list them with `storyline articles --db {db}`")
        text = Text(article["text"])
        styles = {
            "mention": "bold cyan",
            "quote": "green",
            "timex": "magenta",
            "claim": "bold yellow",
            "dateline": "dim",
        }
        for kind, start, end in dossier.highlights(article["id"]):
            text.stylize(styles.get(kind, "underline"), start, end)
        from storyline.stages.published import describe

        published = describe(article["published"], article["published_earliest"], article["published_latest"])
        outlet = outlet_or_wire(article["outlet"], article["wire"])
        console.print(
            f"[bold]{article['title'] or article['id']}[/]  {outlet} "
            f"{published.replace(chr(10), ' ') or 'undated'} ({article['published_how']})"
        )
        console.print(text)
        console.print("[dim]legend:[/] " + " ".join(f"[{s}]{k}[/]" for k, s in styles.items()))


@app.command()
def mentions(
    db: DbOption = DEFAULT_DB,
    label: Annotated[str | None, typer.Option(help="Only this entity label (PERSON, ORG, GPE, ...).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
) -> None:
    """List entity mentions with their canonical actor.

    Example: storyline mentions --label PERSON --db storyline.duckdb
    """
    with _open(db) as dossier:
        table = Table("article", "span", "label", "text", "actor")
        for m in dossier.mentions(label=label, limit=limit):
            table.add_row(
                m["article_id"][:10], f"{m['start_']}-{m['end_']}", m["label"], m["text"], m["actor"] or ""
            )
        console.print(table)


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the export files into.")],
    db: DbOption = DEFAULT_DB,
    format: Annotated[
        str, typer.Option("--format", help="json, csv, parquet (every table), timelinejs or geojson.")
    ] = "json",
) -> None:
    """Export a dossier: every table (json, csv, parquet), its timeline (timelinejs) or places (geojson).

    Example: storyline export --format csv --out export/ --db storyline.duckdb
    """
    from storyline.export import DOCUMENT_FORMATS, EXPORT_FORMATS, export_document, export_dossier

    if format not in EXPORT_FORMATS + DOCUMENT_FORMATS:
        raise fail(f"unknown format {format!r}: use one of {', '.join(EXPORT_FORMATS + DOCUMENT_FORMATS)}")
    with _open(db) as dossier:
        if format in DOCUMENT_FORMATS:
            written = [export_document(dossier.con, out, format)]
        else:
            written = export_dossier(dossier.con, out, format)
    for path in written:
        console.print(str(path))
    if format == "timelinejs" and not json.loads(written[0].read_text(encoding="utf-8"))["events"]:
        typer.echo(NO_TIMELINEJS_EVENTS, err=True)


@app.command()
def extract(
    input: Annotated[
        Path, typer.Argument(help="Input JSONL: one article a line (id, text, title, date|dct, ...).")
    ],
    out: Annotated[Path, typer.Option("--out", help="Predictions JSONL, one line per input line.")],
    aliases: AliasesOption = None,
) -> None:
    """Predictions in the evaluation format (../shared/eval/README.md), offsets into the input text.

    Example: storyline extract ../shared/eval/polnear_dev.jsonl --out pred.jsonl
    """
    from storyline.extract import extract as run_extract

    missing = [str(p) for p in [input, *([aliases] if aliases else [])] if not p.exists()]
    if missing:
        raise fail(f"no such file: {', '.join(missing)}; check the path")
    with Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("extract", total=None)
        n = run_extract(input, out, progress=lambda k: bar.advance(task, k), aliases=aliases)
    console.print(f"{n} predictions -> {out}")


def _open(db: Path):  # type: ignore[no-untyped-def]
    from storyline.api import Dossier

    try:
        return Dossier(db)
    except FileNotFoundError as exc:
        raise fail(str(exc)) from exc
