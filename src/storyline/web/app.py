"""The web application: server-rendered pages and a JSON API over one dossier.

Safe by default: the dossier is opened read-only unless writes are allowed,
every template is autoescaped, every response carries a Content-Security-Policy
that allows no inline script or style, the two static files are served from
memory (no request path is ever joined to a file-system path), and adding
articles is off unless ``allow_writes``, then guarded by a token.
"""

from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

import duckdb
from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from storyline.web.ingest import MAX_TOTAL_BYTES, Jobs
from storyline.web.search import SearchIndex

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
INDEX_WAIT_S = 60  # how long a search waits for the index being built at start-up
STATIC_TYPES = {"style.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}


class Dossier:
    """The open dossier: one DuckDB connection, a cursor per request, and its search index."""

    def __init__(self, path: Path, *, writable: bool) -> None:
        from storyline.store import connect

        self.path = path
        # With writes allowed, the connection is opened as the store's writer opens it (same file, same
        # configuration), so the upload builder in this process shares the database instead of being refused.
        self._con = connect(path, read_only=not writable)  # an older dossier is migrated first
        # The search index is built in the background, so a large dossier's pages are served at once;
        # a search waits for it (the t17 corpus takes 5-15 s on 2 busy cores).
        self._index: SearchIndex | None = None
        self._index_error: str | None = None
        self._index_ready = threading.Event()
        threading.Thread(target=self._build_index, name="storyline-search-index", daemon=True).start()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def _build_index(self) -> None:
        try:
            with self.cursor() as cur:
                index = SearchIndex(cur)
            self._index, self._index_error = index, None
        except Exception as exc:  # search fails with the reason; every other page still works
            self._index_error = f"{type(exc).__name__}: {exc}".splitlines()[0]
        finally:
            self._index_ready.set()

    @property
    def search(self) -> SearchIndex:
        if not self._index_ready.wait(timeout=INDEX_WAIT_S):
            raise StarletteHTTPException(503, "the search index is still being built; retry in a few seconds")
        if self._index is None:
            raise StarletteHTTPException(503, f"search is unavailable: {self._index_error}")
        return self._index

    def refresh(self) -> None:
        """Rebuild the search index after articles were added (the old one serves until the new one is ready)."""
        self._build_index()

    def close(self) -> None:
        self._con.close()


def _static_files() -> dict[str, bytes]:
    base = resources.files("storyline.web") / "static"
    return {name: (base / name).read_bytes() for name in STATIC_TYPES}


def article_url(article_id: str, sentence: int | None = None) -> str:
    url = "/articles/" + quote(article_id, safe="")
    return url if sentence is None else f"{url}#s-{sentence}"


def actor_url(name: str) -> str:
    return "/actors/" + quote(name, safe="")


def thousands(n: object) -> object:
    """13000 -> '13,000'; 0.5 (half the population) -> '0.5'."""
    if not isinstance(n, int | float):
        return n
    return f"{n:,.0f}" if float(n).is_integer() else f"{n:,.3f}".rstrip("0")


def _templates() -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("storyline.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(article_url=article_url, actor_url=actor_url, quote=lambda s: quote(str(s), safe=""))
    env.filters["slug"] = lambda s: re.sub(r"[^a-z0-9]+", "-", str(s).lower()).strip("-") or "x"
    env.filters["thousands"] = thousands
    return Jinja2Templates(env=env)


def create_app(
    db_path: str | Path,
    allow_writes: bool = False,
    token: str | None = None,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The app for the dossier at ``db_path``; with ``allow_writes``, uploads need ``token`` (made up if None).

    ``allowed_hosts`` (the Host headers to answer) guards a loopback server against DNS rebinding:
    `storyline serve` passes its own address and localhost.
    """
    from storyline.web import api, pages

    db_path = Path(db_path)
    if not allow_writes and not db_path.exists():
        raise FileNotFoundError(
            f"no dossier at {db_path}: build one with `storyline build PATH --db {db_path}`"
        )
    if allow_writes and not db_path.exists():
        from storyline.store import Store

        Store(db_path).close()  # an empty dossier to add articles to
    dossier = Dossier(db_path, writable=allow_writes)

    app = FastAPI(
        title="storyline",
        description="A sourced dossier of a news story: actors, attributions, time, claims, framing. "
        "Every fact points at (article_id, start, end) in the article's text.",
        version="1",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.dossier = dossier
    app.state.allow_writes = allow_writes
    app.state.token = (token or secrets.token_urlsafe(18)) if allow_writes else None
    app.state.jobs = Jobs(db_path, on_done=dossier.refresh) if allow_writes else None
    app.state.templates = _templates()
    app.state.static = _static_files()

    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    @app.middleware("http")
    async def security(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if request.method in ("POST", "PUT", "PATCH") and not (length and length.isdigit()):
            # A body of unstated length could not be refused before it is spooled; browsers always state it.
            response: Response = JSONResponse(
                {"detail": "send a Content-Length with the request body"}, status_code=411
            )
        elif length and length.isdigit() and int(length) > MAX_TOTAL_BYTES + 64 * 1024:
            response = JSONResponse(
                {"detail": f"request too large: the limit is {MAX_TOTAL_BYTES:,} bytes per upload"},
                status_code=413,
            )
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        # The API docs page loads its script from a CDN; everything else keeps the strict policy.
        if request.url.path == "/api/docs":
            del response.headers["Content-Security-Policy"]
            response.headers["Content-Security-Policy"] = CSP.replace(
                "script-src 'self'", "script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net"
            ).replace("style-src 'self'", "style-src 'self' https://cdn.jsdelivr.net")
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page(request, "error.html", {"status": exc.status_code, "detail": exc.detail}, exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        errors = [f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors()]
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": errors}, status_code=422)
        return page(request, "error.html", {"status": 422, "detail": "; ".join(errors)}, 422)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        body = app.state.static.get(name)
        if body is None:
            raise StarletteHTTPException(404, f"no static file {name!r}")
        return Response(body, media_type=STATIC_TYPES[name], headers={"Cache-Control": "max-age=300"})

    app.include_router(pages.router)
    app.include_router(api.router)
    return app


def page(request: Request, template: str, context: dict[str, Any], status: int = 200) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    context = {"allow_writes": request.app.state.allow_writes, **context}
    return templates.TemplateResponse(request, template, context, status_code=status)


def get_db(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on the dossier for one request (FastAPI dependency)."""
    with request.app.state.dossier.cursor() as cur:
        yield cur
