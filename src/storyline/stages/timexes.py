"""TIMEX3 temporal expressions of an article, normalized against its publication date."""

from __future__ import annotations

from datetime import date

from storyline.records import Timex
from storyline.stages.document import ArticleDoc
from storyline.temporal import DocState, resolve
from storyline.temporal.calendar import value_range
from storyline.temporal.state import Resolved

# A publication date known only as a range (the published stage's earliest..latest with no day)
# is read at both of its ends when it spans at most this many days: a relative expression then
# covers the days between its reading at the first end and at the last ("rejected Thursday" in a
# report of 2014-07-07..2014-09-05 is a Thursday from 2014-07-03 to 2014-09-04). Calibration: the
# events stage keeps ranges of at most a quarter (events.MAX_RANGE_DAYS, 92 days); beyond this
# anchor even a weekday's span (the anchor's width + 6 days) exceeds it, and a month's (about the
# anchor's width + a month) does from about 60 days, so the readings would say nothing it keeps.
# Timeline17 with its dates hidden (450 articles, evaluation/timex_range_anchor.py): 179 closed
# ranges without a day, 5 of them at most 90 days wide (1 at most 60, 6 at most 180), all holding
# the true date; the rest span years and stay unread.
MAX_ANCHOR_RANGE_DAYS = 90


def anchor_date(doc: ArticleDoc) -> date | None:
    """The date relative expressions are read against: the (given or inferred) publication date."""
    value = doc.published.date if doc.published else doc.article.published
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def anchor_range(doc: ArticleDoc) -> tuple[date, date] | None:
    """The first and last day the article may have been written on, when no single day is known
    and the published stage bounds it on both sides within :data:`MAX_ANCHOR_RANGE_DAYS`."""
    if anchor_date(doc) is not None or doc.published is None:
        return None
    try:
        lo = date.fromisoformat((doc.published.earliest or "")[:10])
        hi = date.fromisoformat((doc.published.latest or "")[:10])
    except ValueError:
        return None
    if not lo <= hi or (hi - lo).days + 1 > MAX_ANCHOR_RANGE_DAYS:
        return None
    return lo, hi


def _readings(doc: ArticleDoc) -> list[tuple[Resolved | None, Resolved | None, Resolved | None]]:
    """Each candidate read with no anchor (as an undated article is), and at both ends of
    :func:`anchor_range` (empty readings there when it is None), each reading with its own state."""
    bounds = anchor_range(doc)
    anchor = anchor_date(doc)
    states = (DocState(), DocState(), DocState())
    out: list[tuple[Resolved | None, Resolved | None, Resolved | None]] = []
    for cand, tense in doc.timex_candidates():
        bare = resolve(cand, anchor, tense, states[0])
        if bounds is None:
            out.append((bare, None, None))
            continue
        out.append(
            (bare, resolve(cand, bounds[0], tense, states[1]), resolve(cand, bounds[1], tense, states[2]))
        )
    return out


def extract_timexes(doc: ArticleDoc) -> list[Timex]:
    """Every date, time, duration and set expression of the article with its TimeML value; with
    a publication range, the value both of its ends give where they agree ("this year")."""
    timexes = []
    for (cand, _), (resolved, low, high) in zip(doc.timex_candidates(), _readings(doc), strict=True):
        if resolved is None:
            continue
        if low is not None and low == high:
            resolved = low
        timexes.append(Timex(doc.id, cand.start, cand.end, resolved.type, resolved.value, cand.text))  # type: ignore[arg-type]
    return timexes


def timex_spans(doc: ArticleDoc) -> dict[tuple[int, int], tuple[date, date]]:
    """For an article dated by a range (:func:`anchor_range`), the days each DATE or TIME
    expression may cover, by its offsets: from the first day of its reading at the range's first
    end to the last day of its reading at the last end (both readings must be days, months,
    weeks ...). Empty for an article with a publication day."""
    if anchor_range(doc) is None:
        return {}
    spans = {}
    for (cand, _), (_, low, high) in zip(doc.timex_candidates(), _readings(doc), strict=True):
        if (
            low is None
            or high is None
            or low.type not in ("DATE", "TIME")
            or high.type not in ("DATE", "TIME")
        ):
            continue
        first, last = value_range(low.value), value_range(high.value)
        if first is None or last is None:
            continue
        spans[(cand.start, cand.end)] = (min(first[0], last[0]), max(first[1], last[1]))
    return spans
