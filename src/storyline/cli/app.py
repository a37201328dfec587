"""The Typer application and the options every command shares."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    name="storyline",
    help="Turn a pile of news articles into a sourced dossier.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)

DEFAULT_DB = Path("storyline.duckdb")
# Said by both TimelineJS writers (`timelinejs`, `export --format timelinejs`) for a document with
# no event: TimelineJS refuses it ("Timeline configuration has no events.")
NO_TIMELINEJS_EVENTS = "warning: no dated events to write, and TimelineJS shows nothing without one"
DbOption = Annotated[Path, typer.Option("--db", help="The dossier file (DuckDB).", show_default=True)]


def clip(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` characters at a word boundary, with "…" when cut
    (a title cut mid-word, "Raqqa is not a prior", reads as a different word)."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    head = text[: width - 1]
    if " " in head and not text[width - 1].isspace():
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-\u2013\u2014") + "\u2026"


# Listings print an article id as a prefix this long: unique in practice, and `show` takes it.
ID_CHARS = 12


def short_id(article_id: str) -> str:
    """An article id as the listings print it (its first ``ID_CHARS`` characters)."""
    return article_id[:ID_CHARS]


def outlet_or_wire(outlet: str | None, wire: str | None) -> str:
    """An article's outlet; without one, the wire agency its dateline credits ("AFP (wire)"),
    as the framing and claims views credit the article to it."""
    if outlet:
        return outlet
    return f"{wire} (wire)" if wire else ""


def lines_format(fmt: str) -> str:
    """``text``, or ``jsonl`` for either "json" or "jsonl": every listing command writes JSON as
    one object a line, and some said "json" and others "jsonl" for it (``claims --format jsonl``
    was an error)."""
    if fmt in ("json", "jsonl"):
        return "jsonl"
    if fmt != "text":
        raise fail(f"unknown --format {fmt!r}: use text or jsonl (json is the same)")
    return fmt


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error that says what to do, and return the exit to raise."""
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


def open_db(db: Path, write: bool = False) -> Any:
    """A connection to a dossier, or a one-line error that says what to do."""
    from storyline.store import connect

    try:
        return connect(db, read_only=not write)
    except FileNotFoundError as exc:
        raise fail(str(exc)) from exc
    except Exception as exc:  # duckdb.IOException: the file is locked by a build or the web server
        raise fail(f"cannot open {db} ({exc}); is a build or `storyline serve` using it?") from exc
