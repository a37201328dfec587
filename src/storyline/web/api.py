"""The JSON API under /api/: every page's data, paginated (limit/offset) and filterable, plus downloads.

FastAPI describes it at /api/openapi.json. Lists answer ``{total, limit, offset, items}``.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, File, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import Response

from storyline.store.timeline import actor_names, actor_suggestions
from storyline.web import exports, queries
from storyline.web.app import get_db
from storyline.web.ingest import MAX_TOTAL_BYTES, UploadError, pasted_document
from storyline.web.pages import check_token

router = APIRouter(prefix="/api", tags=["dossier"])
Db = Annotated[duckdb.DuckDBPyConnection, Depends(get_db)]
Limit = Annotated[int, Query(ge=0, le=queries.MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]
Json = dict[str, Any]


@router.get("/overview", summary="Counts, outlets, date range, top actors, stories")
def overview(db: Db) -> Json:
    o = queries.overview(db)
    return {
        "articles": o.articles, "words": o.words, "outlets": [{"outlet": n, "articles": c} for n, c in o.outlets],
        "date_from": o.date_from, "date_to": o.date_to, "counts": o.counts,
        "top_actors": [asdict(a) for a in o.top_actors], "stories": o.stories,
    }  # fmt: skip


@router.get("/articles", summary="Articles, oldest first")
def articles(db: Db, outlet: str | None = None, date_from: str | None = None, date_to: str | None = None,
             story: str | None = None, limit: Limit = 50, offset: Offset = 0) -> Json:  # fmt: skip
    return queries.list_articles(
        db, outlet=outlet, date_from=date_from, date_to=date_to, story=story, limit=limit, offset=offset
    ).to_json()


@router.get("/articles/{article_id}", summary="One article: text, sentences and every fact pointing into it")
def article(db: Db, article_id: str) -> Json:
    found = queries.get_article(db, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} in this dossier")
    row, text = found
    everything = queries.MAX_LIMIT
    return {
        **asdict(row),
        "text": text,
        "sentences": [asdict(s) for s in queries.article_sentences(db, article_id)],
        "mentions": [asdict(m) for m in queries.article_mentions(db, article_id)],
        "quotes": queries.list_quotes(db, article_id=article_id, limit=everything).to_json()["items"],
        "timexes": [asdict(t) for t in queries.article_timexes(db, article_id)],
        "events": queries.list_events(db, article_id=article_id, limit=everything).to_json()["items"],
        "claims": queries.list_claims(db, article_id=article_id, limit=everything).to_json()["items"],
        "framing": queries.list_framing(db, article_id=article_id, limit=everything).to_json()["items"],
    }


@router.get("/actors", summary="Actors by number of mentions")
def actors(db: Db, q: str | None = Query(None, description="part of the name"), type: str | None = None,
           limit: Limit = 50, offset: Offset = 0) -> Json:  # fmt: skip
    return queries.list_actors(db, q=q, type=type, limit=limit, offset=offset).to_json()


@router.get("/actors/{name:path}", summary="One actor: names and labels per outlet, statements, events")
def actor(db: Db, name: str, limit: Limit = 50, offset: Offset = 0) -> Json:
    """``name`` is any name of the actor, as ``/api/events?actor=`` reads it
    (store.timeline.actor_names: its name, an alias, a variant such as "al-Assad"); a name several
    actors share answers the most mentioned one, and ``actors`` lists all it stood for. A name no
    actor carries is a 404 with the hint of ``/api/events``."""
    found = queries.find_actor(db, name)
    if found is None:
        raise HTTPException(404, unknown_actor_api_message(db, name))
    canonical = found.actor.name
    return {
        **asdict(found.actor),
        "actors": found.actors,
        "by_outlet": queries.actor_names_by_outlet(db, canonical),
        "quotes": queries.list_quotes(db, speaker=canonical, limit=limit, offset=offset).to_json(),
        "events": queries.list_events(db, actors=found.event_names, limit=queries.MAX_LIMIT).to_json()[
            "items"
        ],
    }


@router.get("/quotes", summary="Attributions: who said what, with the speaker resolved to an actor")
def quotes(db: Db, speaker: str | None = None, outlet: str | None = None, article_id: str | None = None,
           type: Literal["direct", "indirect", "mixed"] | None = None, limit: Limit = 50, offset: Offset = 0) -> Json:  # fmt: skip
    return queries.list_quotes(
        db, speaker=speaker, outlet=outlet, article_id=article_id, type=type, limit=limit, offset=offset
    ).to_json()


@router.get("/events", summary="Dated events, in time order")
def events(db: Db, actor: str | None = Query(None, description="any name of an actor or place named in the event "
                                                "(Assad, al-Assad, Bashar al-Assad); an unknown one is a 404"),
           outlet: str | None = None, article_id: str | None = None, date_from: str | None = None,
           date_to: str | None = None, limit: Limit = 50, offset: Offset = 0) -> Json:  # fmt: skip
    """``actor`` reads any name of an actor or place, as ``storyline timeline --actor`` and the web
    timeline do (store.timeline.actor_names: its name, an alias, a name events carry); the answer
    then says which actors it stood for (``actors``). A name nobody carries is a 404 whose detail
    says what to do."""
    named = None
    if actor:
        named = actor_names(db, actor)
        if named is None:
            raise HTTPException(404, unknown_actor_api_message(db, actor))
    out = queries.list_events(
        db, actors=sorted(named.names) if named else None, outlet=outlet, article_id=article_id,
        date_from=date_from, date_to=date_to, limit=limit, offset=offset,
    ).to_json()  # fmt: skip
    if named is not None:
        out["actors"] = named.actors
    return out


def unknown_actor_api_message(db: duckdb.DuckDBPyConnection, name: str) -> str:
    """The 404 detail for a name no actor, alias or event carries: the CLI's hint (actors whose name
    holds it), pointing to the API's list of actors."""
    hint = actor_suggestions(db, name)
    also = f" (did you mean: {', '.join(hint)}?)" if hint else ""
    return f"no actor or place named {name!r} in this dossier{also}; list them with GET /api/actors?q=..."


@router.get("/claims", summary="Numeric claims")
def claims(db: Db, counts: str | None = None, claimant: str | None = None, outlet: str | None = None,
           article_id: str | None = None, limit: Limit = 50, offset: Offset = 0) -> Json:  # fmt: skip
    return queries.list_claims(
        db, counts=counts, claimant=claimant, outlet=outlet, article_id=article_id, limit=limit, offset=offset
    ).to_json()


@router.get("/claims/ledger", summary="The claims ledger of `storyline claims`; conflicts first")
def ledger(db: Db, conflicts: bool = False, group: str | None = None) -> list[Json]:
    """Each group is one quantity (a measure in a country); ``group`` (a group's key) gives that group
    with every source of each value, not only the first few."""
    per_value = None if group else queries.SOURCES_PER_VALUE
    return [
        {**g, "values": [{**v, "claims": [asdict(c) for c in v["claims"]]} for v in g["values"]]}
        for g in queries.claim_groups(db, conflicts_only=conflicts, group=group, per_value=per_value)
    ]


@router.get("/framing", summary="Labels and hedges, each a span of an article")
def framing(db: Db, outlet: str | None = None, actor: str | None = None,
            kind: Literal["label", "hedge", "scare_quote"] | None = None, article_id: str | None = None,
            limit: Limit = 50, offset: Offset = 0) -> Json:  # fmt: skip
    return queries.list_framing(
        db, outlet=outlet, actor=actor, kind=kind, article_id=article_id, limit=limit, offset=offset
    ).to_json()


@router.get("/framing/matrix", summary="Outlets against actors: the terms each outlet uses for each actor")
def framing_matrix(db: Db) -> Json:
    return queries.framing_matrix(db)


@router.get("/search", summary="Full-text search over articles and quotes (BM25)")
def search(request: Request, q: str = Query(..., min_length=1), kind: Literal["article", "quote"] | None = None,
           limit: Limit = 20, offset: Offset = 0) -> Json:  # fmt: skip
    hits, total = request.app.state.dossier.search.search(q, kind=kind, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": [asdict(h) for h in hits]}


@router.get("/export/{fmt}", summary="Download: json|csv|parquet (a zip, or ?table=), timelinejs, geojson")
def export(request: Request, db: Db, fmt: Literal["json", "csv", "parquet", "timelinejs", "geojson"],
           table: str | None = Query(None, description="one table instead of a zip of all")) -> Response:  # fmt: skip
    base = str(request.base_url).rstrip("/")
    if fmt in ("timelinejs", "geojson"):
        doc = exports.timelinejs(db, base) if fmt == "timelinejs" else exports.geojson(db, base)
        body, name, media = (
            json.dumps(doc, ensure_ascii=False, indent=1).encode(),
            f"storyline-{fmt}.json",
            str(fmt),
        )
    else:
        try:
            body, name = exports.table_export(db, fmt, table)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc
        media = str(fmt) if table else "zip"
    return Response(body, media_type=exports.MEDIA_TYPES[media],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})  # fmt: skip


@router.post(
    "/jobs",
    status_code=202,
    summary="Add articles (files or a pasted text); needs --allow-writes and the token",
)
async def add(
    request: Request, x_storyline_token: Annotated[str | None, Header()] = None,
    files: Annotated[list[UploadFile] | None, File()] = None, text: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "", outlet: Annotated[str, Form()] = "", date: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "", token: Annotated[str, Form()] = "",
) -> Json:  # fmt: skip
    check_token(request, x_storyline_token or token)
    try:
        uploads = [(f.filename or "", await f.read(MAX_TOTAL_BYTES + 1)) for f in files or [] if f.filename]
        if text.strip():
            uploads.append(("pasted.jsonl", pasted_document(text, title, outlet, date, url)))
        job = request.app.state.jobs.submit(uploads)
    except UploadError as exc:
        raise HTTPException(400, str(exc)) from exc
    return job.to_json()


@router.get("/jobs/{job_id}", summary="Progress of an upload job")
def job(request: Request, job_id: str) -> Json:
    found = request.app.state.jobs.get(job_id) if request.app.state.jobs else None
    if found is None:
        raise HTTPException(404, f"no upload job {job_id!r}")
    return found.to_json()
