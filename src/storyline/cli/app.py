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
DbOption = Annotated[Path, typer.Option("--db", help="The dossier file (DuckDB).", show_default=True)]


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
