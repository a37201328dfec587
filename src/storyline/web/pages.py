"""Server-rendered pages. Routes stay thin: a query, then a template."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from storyline.web import queries, timeline
from storyline.web.app import actor_url, get_db, page
from storyline.web.highlight import Mark, render
from storyline.web.ingest import MAX_FILES, MAX_TOTAL_BYTES, UploadError, pasted_document

router = APIRouter(include_in_schema=False)
Db = Annotated[duckdb.DuckDBPyConnection, Depends(get_db)]
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0)]
SPEAKER_COLOURS = 8
UNRESOLVED_SPEAKER = "(unresolved)"  # the ?speaker= value that picks quotes with no resolved speaker


@router.get("/")
def overview(request: Request, db: Db) -> Response:
    data = queries.overview(db)
    outlets = [o for o, _ in data.outlets]
    events = queries.list_events(db, limit=queries.MAX_LIMIT).items
    return page(request, "overview.html", {"o": data, "tl": timeline.layout(events, outlets)})


@router.get("/articles")
def articles(
    request: Request,
    db: Db,
    outlet: str | None = None,
    story: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    found = queries.list_articles(db, outlet=outlet or None, story=story or None, limit=limit, offset=offset)
    return page(request, "articles.html", {
        "page": found, "outlet": outlet or "", "story": story or "",
        "story_title": queries.story_title(db, story) if story else None,
    })  # fmt: skip


def _article_marks(
    sentences: list[queries.Span], mentions: list[queries.MentionRow], quotes: list[queries.QuoteRow],
    timexes: list[queries.TimexRow], claims: list[queries.ClaimRow], framing: list[queries.FramingRow],
    speakers: dict[str, int], only: str | None = None,
) -> list[Mark]:  # fmt: skip
    """The highlights of one article; with ``only``, the quotes of other speakers are dimmed."""
    marks = [Mark(s.start, s.end, "sent", id=f"s-{s.start}") for s in sentences]
    anchored = {s.start for s in sentences}
    facts: list[Any] = [*mentions, *quotes, *timexes, *claims, *framing]
    for start in sorted({f.sentence_start for f in facts} - anchored):  # facts outside any stored sentence
        marks.append(Mark(start, start, "anchor", id=f"s-{start}"))
    for m in mentions:
        marks.append(Mark(
            m.start, m.end, f"ent ent-{m.label.lower()}" + ("" if m.actor else " unresolved"),
            href=actor_url(m.actor or m.text), title=f"{m.label}: {m.actor or m.text + ' (not resolved to an actor)'}",
        ))  # fmt: skip
    for q in quotes:
        colour = f"spk-{speakers.get(q.speaker or '', 0) % SPEAKER_COLOURS}"
        if only and (q.speaker or UNRESOLVED_SPEAKER) != only:
            colour += " dim"
        who = q.speaker or "unresolved speaker"
        for i, (start, end) in enumerate(q.content or [[q.start, q.end]]):
            marks.append(Mark(
                start, end, f"quote {colour} q-{q.type}", title=f"{who} ({q.type} quote)",
                id=f"q-{q.idx}" if i == 0 else None, marker=who if i == 0 else None,
                marker_href=f"#quote-{q.idx}" if i == 0 else None,
            ))  # fmt: skip
        if q.speaker_start is not None and q.speaker_end is not None:
            href = actor_url(q.speaker) if q.speaker else f"#quote-{q.idx}"
            marks.append(
                Mark(q.speaker_start, q.speaker_end, f"speaker {colour}", href=href, title=f"speaker: {who}")
            )
        if q.cue_start is not None and q.cue_end is not None:
            marks.append(Mark(q.cue_start, q.cue_end, "cue", title=f"attribution cue ({q.type})"))
    for t in timexes:
        marks.append(Mark(t.start, t.end, "timex", href=f"#t-{t.start}", title=f"{t.type} = {t.value}"))
    for c in claims:
        what = " ".join(x for x in (c.qualifier, f"{c.value:,.0f}", c.counts) if x)
        marks.append(Mark(c.start, c.end, "claim", href=f"#c-{c.start}", title=f"claim: {what}"))
    for f in framing:
        marks.append(Mark(
            f.start, f.end, f"frame frame-{(f.category or 'other').lower()}", href=f"#f-{f.start}",
            title=f"{f.kind}: {f.term}" + (f" ({f.actor})" if f.actor else ""),
        ))  # fmt: skip
    return marks


@router.get("/articles/{article_id}")
def article(request: Request, db: Db, article_id: str, speaker: str | None = None) -> Response:
    found = queries.get_article(db, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} in this dossier")
    row, text = found
    mentions = queries.article_mentions(db, article_id)
    quotes = queries.list_quotes(db, article_id=article_id, limit=queries.MAX_LIMIT).items
    timexes = queries.article_timexes(db, article_id)
    claims = queries.list_claims(db, article_id=article_id, limit=queries.MAX_LIMIT).items
    framing = queries.list_framing(db, article_id=article_id, limit=queries.MAX_LIMIT).items
    events = queries.list_events(db, article_id=article_id, limit=queries.MAX_LIMIT).items
    speakers: dict[str, int] = {}
    for q in quotes:
        speakers.setdefault(q.speaker or "", len(speakers))
    marks = _article_marks(
        queries.article_sentences(db, article_id),
        mentions,
        quotes,
        timexes,
        claims,
        framing,
        speakers,
        speaker,
    )
    actors: dict[str, int] = {}
    for m in mentions:
        actors[m.actor or m.text] = actors.get(m.actor or m.text, 0) + 1
    return page(request, "article.html", {
        "a": row, "body": render(text, marks), "quotes": quotes, "timexes": timexes, "claims": claims,
        "framing": framing, "events": events, "speakers": speakers, "colours": SPEAKER_COLOURS,
        "actors": sorted(actors.items(), key=lambda kv: (-kv[1], kv[0])),
        "unresolved": sorted({m.text for m in mentions if not m.actor}), "only": speaker or "",
        "unresolved_speaker": UNRESOLVED_SPEAKER,
    })  # fmt: skip


@router.get("/actors")
def actors(request: Request, db: Db, q: str | None = None, type: str | None = None,
           limit: Limit = 100, offset: Offset = 0) -> Response:  # fmt: skip
    found = queries.list_actors(db, q=q or None, type=type or None, limit=limit, offset=offset)
    return page(request, "actors.html", {"page": found, "q": q or "", "type": type or ""})


@router.get("/actors/{name:path}")
def actor(request: Request, db: Db, name: str, limit: Limit = 50, offset: Offset = 0) -> Response:
    # any name of the actor ("Assad", "al-Assad"), as /api/actors/{name} and /timeline?actor= read it
    found = queries.find_actor(db, name)
    if found is None:
        raise HTTPException(404, f"no actor named {name!r} in this dossier; search for it on /actors?q=")
    canonical = found.actor.name
    quotes = queries.list_quotes(db, speaker=canonical, limit=limit, offset=offset)
    by_outlet: dict[str, list[queries.QuoteRow]] = {}
    for q in quotes.items:
        by_outlet.setdefault(q.outlet or "(unknown)", []).append(q)
    events = queries.list_events(db, actors=found.event_names, limit=queries.MAX_LIMIT).items
    return page(request, "actor.html", {
        "actor": found.actor, "quotes": quotes, "by_outlet": by_outlet,
        "names": queries.actor_names_by_outlet(db, canonical), "events": events,
    })  # fmt: skip


@router.get("/timeline")
def timeline_page(request: Request, db: Db, actor: str | None = None, outlet: str | None = None) -> Response:
    from storyline.store.timeline import actor_names as resolve_actor

    # any name of an actor or place ("Assad", "al-Assad"), as `storyline timeline --actor` reads it
    named = resolve_actor(db, actor) if actor else None
    events = queries.list_events(
        db, actors=sorted(named.names) if named else None, outlet=outlet or None, limit=queries.MAX_LIMIT
    )
    if actor and named is None:  # nobody so called: no events, and the page says so
        events = queries.Page([], 0, queries.MAX_LIMIT, 0)
    outlets = [o for o, _ in queries.overview(db, top=0).outlets]
    actor_names = [a.name for a in queries.list_actors(db, limit=queries.MAX_LIMIT).items]
    return page(request, "timeline.html", {
        "events": events, "tl": timeline.layout(events.items, outlets), "outlets": outlets, "actor_names": actor_names,
        "actor": actor or "", "outlet": outlet or "", "named": named.actors if named else [],
        "unknown_actor": bool(actor) and named is None,
    })  # fmt: skip


@router.get("/claims")
def claims(request: Request, db: Db, conflicts: bool = False) -> Response:
    groups = queries.claim_groups(db, conflicts_only=conflicts)
    # a group of one claim is a row of its own in one table, by measure; the others are boxes
    return page(request, "claims.html", {"groups": [g for g in groups if g["total"] > 1],
                                         "singles": [g for g in groups if g["total"] <= 1],
                                         "conflicts": conflicts})  # fmt: skip


@router.get("/framing")
def framing(request: Request, db: Db, limit: Limit = 200, offset: Offset = 0) -> Response:
    rows = queries.list_framing(db, limit=limit, offset=offset)
    return page(request, "framing.html", {"m": queries.framing_matrix(db), "page": rows})


@router.get("/search")
def search(
    request: Request, q: str = "", kind: str | None = None, limit: Limit = 20, offset: Offset = 0
) -> Response:
    if kind not in (None, "", "article", "quote"):
        raise HTTPException(422, "kind must be article or quote")
    hits, total = request.app.state.dossier.search.search(q, kind=kind or None, limit=limit, offset=offset)
    return page(request, "search.html", {"q": q, "kind": kind or "", "hits": hits, "total": total,
                                         "limit": limit, "offset": offset})  # fmt: skip


# -- adding articles -------------------------------------------------------------------------------


def check_token(request: Request, given: str | None) -> None:
    """Writes must be allowed at start-up, and the request must carry the server's token."""
    if not request.app.state.allow_writes:
        raise HTTPException(403, "adding articles is off: restart with `storyline serve --allow-writes`")
    expected: str = request.app.state.token
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(403, "wrong or missing token: use the token `storyline serve` printed")


@router.get("/add")
def add_form(request: Request, token: str = "") -> Response:
    jobs = request.app.state.jobs.list() if request.app.state.jobs else []
    return page(request, "add.html", {"token": token, "jobs": jobs, "max_files": MAX_FILES,
                                      "max_bytes": MAX_TOTAL_BYTES, "error": None})  # fmt: skip


@router.post("/add")
async def add(
    request: Request, token: Annotated[str, Form()] = "", text: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "", outlet: Annotated[str, Form()] = "", date: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "", files: Annotated[list[UploadFile] | None, File()] = None,
) -> Response:  # fmt: skip
    check_token(request, token)
    try:
        uploads = [(f.filename or "", await f.read(MAX_TOTAL_BYTES + 1)) for f in files or [] if f.filename]
        if text.strip():
            uploads.append(("pasted.jsonl", pasted_document(text, title, outlet, date, url)))
        job = request.app.state.jobs.submit(uploads)
    except UploadError as exc:
        ctx = {"token": token, "jobs": request.app.state.jobs.list(), "max_files": MAX_FILES,
               "max_bytes": MAX_TOTAL_BYTES, "error": str(exc)}  # fmt: skip
        return page(request, "add.html", ctx, 400)
    return RedirectResponse(f"/add/jobs/{job.id}", status_code=303)


@router.get("/add/jobs/{job_id}")
def job_page(request: Request, job_id: str) -> Response:
    job = request.app.state.jobs.get(job_id) if request.app.state.jobs else None
    if job is None:
        raise HTTPException(404, f"no upload job {job_id!r} (jobs are forgotten when the server restarts)")
    return page(request, "job.html", {"job": job})
