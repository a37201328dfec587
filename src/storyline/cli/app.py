"""The Typer application and the options every command shares."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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
