"""TIMEX3 temporal expressions of an article, normalized against its publication date."""

from __future__ import annotations

from datetime import date

from storyline.records import Timex
from storyline.stages.document import ArticleDoc
from storyline.temporal import DocState, resolve


def anchor_date(doc: ArticleDoc) -> date | None:
    """The date relative expressions are read against: the (given or inferred) publication date."""
    value = doc.published.date if doc.published else doc.article.published
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_timexes(doc: ArticleDoc) -> list[Timex]:
    """Every date, time, duration and set expression of the article with its TimeML value."""
    anchor = anchor_date(doc)
    state = DocState()
    timexes = []
    for cand, tense in doc.timex_candidates():
        resolved = resolve(cand, anchor, tense, state)
        if resolved is None:
            continue
        timexes.append(Timex(doc.id, cand.start, cand.end, resolved.type, resolved.value, cand.text))  # type: ignore[arg-type]
    return timexes
