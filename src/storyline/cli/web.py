"""`storyline serve`: the dossier in the browser."""

from __future__ import annotations

import ipaddress
import secrets
from typing import Annotated

import typer

from storyline.cli.app import DEFAULT_DB, DbOption, app, fail


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to bind; anything but loopback exposes the dossier.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_writes: Annotated[
        bool,
        typer.Option("--allow-writes", help="Allow adding articles from the browser (guarded by a token)."),
    ] = False,
) -> None:
    """Open the dossier in the browser: pages, a JSON API under /api/, search and exports.

    Example: storyline serve --db storyline.duckdb   (then open http://127.0.0.1:8000/)
    """
    import uvicorn

    from storyline.web.app import create_app

    token = secrets.token_urlsafe(18) if allow_writes else None
    try:
        hosts = ["127.0.0.1", "localhost", "::1", "[::1]"] if _is_loopback(host) else None
        web = create_app(db, allow_writes=allow_writes, token=token, allowed_hosts=hosts)
    except FileNotFoundError as exc:
        raise fail(str(exc)) from exc
    except Exception as exc:  # e.g. the file is locked by a running build
        raise fail(f"cannot open {db}: {exc}".splitlines()[0]) from exc
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    if not _is_loopback(host):
        typer.secho(
            f"warning: binding {host} makes the dossier reachable from other machines", err=True, fg="yellow"
        )
    typer.echo(f"storyline: serving {db} at {url}  (Ctrl+C to stop)")
    if allow_writes:
        typer.echo(f"adding articles is ON; token: {token}")
        typer.echo(f"add articles at {url}add?token={token}")
    uvicorn.run(web, host=host, port=port, log_level="warning")
