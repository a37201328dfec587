"""`storyline extract`: predictions in the evaluation format of ../shared/eval/README.md.

Every span is an offset into the input ``text`` exactly as given: facts point into
the clean text, and ``Article.to_raw`` maps them back.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.records import Article, ArticleFacts, RawDocument


def read_jsonl(path: str | Path) -> Iterator[tuple[str, RawDocument | None, str | None]]:
    """(id, raw document or None, error) for every line, in order."""
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text = row["text"]
                if not isinstance(text, str):
                    raise TypeError("text is not a string")
            except (ValueError, KeyError, TypeError) as exc:
                yield (f"line-{n}", None, f"line {n}: {exc}")
                continue
            date = row.get("date") or row.get("dct")
            doc = RawDocument(
                text=text,
                source=f"{path}#L{n}",
                title=row.get("title"),
                outlet=row.get("publisher") or row.get("outlet"),
                url=row.get("url"),
                input_id=str(row.get("id", f"line-{n}")),
                published=str(date)[:10] if date else None,
                published_how="given" if date else "unknown",
            )
            yield (doc.input_id or f"line-{n}", doc, None)


def _span(article: Article, start: int, end: int) -> list[int]:
    return list(article.to_raw(start, end))


def prediction(input_id: str, facts: ArticleFacts | None) -> dict[str, Any]:
    """One prediction line: published, quotes, timexes, mentions, claims."""
    if facts is None:
        return {
            "id": input_id,
            "published": _published(None),
            "quotes": [],
            "timexes": [],
            "mentions": [],
            "claims": [],
        }
    a = facts.article
    quotes = []
    for q in facts.attributions:
        quotes.append(
            {
                "speaker_span": [_span(a, q.speaker_span.start, q.speaker_span.end)]
                if q.speaker_span
                else None,
                "speaker": q.speaker,
                "cue_span": [_span(a, q.cue.start, q.cue.end)] if q.cue else None,
                "content_span": [_span(a, s.start, s.end) for s in q.content],
                "type": q.type,
                "confidence": round(q.confidence, 3),
            }
        )
    timexes = []
    for t in facts.timexes:
        start, end = a.to_raw(t.start, t.end)
        timexes.append({"start": start, "end": end, "type": t.type, "value": t.value})
    mentions = []
    for m in facts.mentions:
        start, end = a.to_raw(m.start, m.end)
        mentions.append({"start": start, "end": end, "label": m.label, "actor": m.actor})
    claims = []
    for c in facts.claims:
        start, end = a.to_raw(c.start, c.end)
        claims.append(
            {
                "start": start,
                "end": end,
                "value": c.value,
                "qualifier": c.qualifier,
                "counts": c.counts,
                "claimant": c.claimant,
            }
        )
    return {
        "id": input_id,
        "published": _published(facts),
        "quotes": quotes,
        "timexes": timexes,
        "mentions": mentions,
        "claims": claims,
    }


def _published(facts: ArticleFacts | None) -> dict[str, Any]:
    if facts is None:
        return {"date": None, "earliest": None, "latest": None, "how": "unknown", "confidence": 0.0}
    p = facts.published
    if p is None:
        a = facts.article
        how = a.published_how if a.published else "unknown"
        return {
            "date": a.published,
            "earliest": a.published,
            "latest": a.published,
            "how": how,
            "confidence": 1.0 if a.published else 0.0,
        }
    return {
        "date": p.date,
        "earliest": p.earliest,
        "latest": p.latest,
        "how": p.how,
        "confidence": round(p.confidence, 3),
    }


def extract(
    in_path: str | Path, out_path: str | Path, progress: Any = None, aliases: str | Path | None = None
) -> int:
    """Write one prediction line per input line, in input order; returns the count.

    ``aliases`` is a user's YAML alias file, read on top of the bundled one (actors and speakers).
    """
    from storyline.engines.local import process_chunk
    from storyline.ingest.clean import clean
    from storyline.pipeline import ArticlePipeline

    pipeline = ArticlePipeline(aliases=str(aliases) if aliases else None)
    rows = list(read_jsonl(in_path))
    articles: dict[int, Article] = {}
    for i, (_, doc, _) in enumerate(rows):
        if doc is not None:
            articles[i] = clean(doc)
    facts_by_row: dict[int, ArticleFacts] = {}
    order = list(articles)
    for chunk_rows in chunked_ids(order, 32):
        results = process_chunk(pipeline, [articles[i] for i in chunk_rows])
        facts_by_row.update(zip(chunk_rows, results, strict=True))
        if progress:
            progress(len(chunk_rows))
    Path(out_path).parent.mkdir(parents=True, exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as out:
        for i, (input_id, _, _) in enumerate(rows):
            out.write(json.dumps(prediction(input_id, facts_by_row.get(i)), ensure_ascii=False) + "\n")
    return len(rows)


def chunked_ids(ids: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]
