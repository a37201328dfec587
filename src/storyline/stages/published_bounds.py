"""Bounds for a publication date the day scoring left ``unknown``, with their confidence.

An answer with no day is given a range (never a day) by the terms of the office holders the
text names with their title, by the length of a ruler's rule, and an upper bound by a year the
text plans for ("will be completed in 1991"). Each kind of bound has its own confidence, set from
how often such ranges held the true date (the constants below).
"""

from __future__ import annotations

from datetime import date, timedelta

from storyline.records import PublicationDate
from storyline.stages.published_evidence import Evidence
from storyline.temporal import calendar as cal

# Office holders named with their title ("President Obama") place the article in their term,
# widened by this many days at each end (the title lingers in reports of the days after a
# departure, and is used by some just before an inauguration).
TERM_GRACE_DAYS = 31
# A term named only in past clauses may be told of as past ("protests toppled President Hosni
# Mubarak"): its end counts this many days later. On the Timeline17 sample such mentions came
# 38 and 73 days after the end (two misses with 31 days); 120 held all, 365 is kept for margin.
PAST_TERM_GRACE_DAYS = 365
# The confidence of a range closed by office terms: ranges closed by a term named in a present
# or future clause held the true date 42 of 42 times on TimeBank train and two Timeline17
# samples (every 19th article from rows 0 and 9), the others (a past-clause term with the longer
# grace, a rule's length, a planned year) 92 of 93 (BENCHMARKS.md, Time); the figures are set
# below those shares, since samples this small cannot show better than ~95%.
TERM_CONFIDENCE = 0.9
PAST_TERM_CONFIDENCE = 0.8
# The confidence of a range closed by a ruler's "N-year rule" (counted either way by a year).
RULE_CONFIDENCE = 0.8
# Words before a year in a future clause that say it is planned for ("in", "by", "until") or is
# part of a plan's name ("fiscal 1991"); "since 1974" and the like say nothing of the future.
_PLANNED_BEFORE = frozenset(
    {"in", "by", "until", "till", "through", "before", "of", "fiscal", "early", "late", "mid"}
)
# The confidence of a range closed by a planned year: such ranges held 4 of 4 times on TimeBank
# train and the Timeline17 sample, the upper bound alone 9 of 9; an earlier rule taking any
# year in a future clause held only 3 of 6 times on Timeline17.
PLANNED_CONFIDENCE = 0.8


def before_planned_year(result: PublicationDate, evidence: list[Evidence]) -> PublicationDate:
    """An ``unknown`` answer bounded above by the earliest year the text plans for ("will be
    completed in 1991", "by the end of 1990"): a year written in a future clause, introduced by
    a preposition that looks ahead, and not before any year written outside a future clause."""
    planned = [
        e.year or (e.day.year if e.day else 0)
        for e in evidence
        if e.kind in ("year", "full_date") and e.tense == "future" and e.before in _PLANNED_BEFORE
    ]
    told = [
        e.year or (e.day.year if e.day else 0)
        for e in evidence
        if e.kind in ("year", "full_date") and e.tense != "future"
    ]
    planned = [y for y in planned if y and y >= max(told, default=0)]
    if result.how != "unknown" or not planned:
        return result
    high = date(min(planned), 12, 31)
    if result.latest:
        high = min(high, date.fromisoformat(result.latest))
    if result.earliest and date.fromisoformat(result.earliest) > high:
        return result
    reason = f"not after {min(planned)}, planned for in a future clause"
    return PublicationDate(
        None,
        result.earliest,
        cal.iso(high),
        "inferred" if result.earliest else "unknown",
        PLANNED_CONFIDENCE if result.earliest else 0.0,
        f"{result.evidence}; {reason}" if result.earliest else reason,
    )


def within_terms(result: PublicationDate, evidence: list[Evidence]) -> PublicationDate:
    """An ``unknown`` answer, given bounds (or narrowed) by the terms of the office holders the
    text names with their title and by the length of a ruler's rule ("Gadhafi's nearly 42-year
    rule"). Bounds that contradict the answer's are left out. Answers from the day scoring are
    kept as they are."""
    if result.how != "unknown":
        return result
    low = date.fromisoformat(result.earliest) if result.earliest else None
    high = date.fromisoformat(result.latest) if result.latest else None
    reasons = [result.evidence] if result.earliest else []
    confidences: list[float] = []
    for bounds in (_term_bounds(evidence, low), _rule_bounds(evidence)):
        if bounds is None:
            continue
        b_low, b_high, confidence, reason = bounds
        new_low = max(low, b_low) if low else b_low
        new_high = min(high, b_high) if high and b_high else high or b_high
        if new_high is not None and new_low > new_high:
            continue
        low, high = new_low, new_high
        reasons.insert(len(confidences), reason)
        confidences.append(confidence)
    if not confidences or low is None:
        return result
    return PublicationDate(
        None,
        cal.iso(low),
        cal.iso(high) if high else None,
        "inferred" if high else "unknown",
        min(confidences) if high else 0.0,
        "; ".join(reasons),
    )


def _term_bounds(evidence: list[Evidence], floor: date | None) -> tuple[date, date | None, float, str] | None:
    """The latest start and earliest end of the terms named, each widened by a grace. A term
    that ended before ``floor`` (a date the text reports as past) is told of as past."""
    terms = [
        e
        for e in evidence
        if e.kind == "office" and e.earliest and not (floor and e.latest and _term_end(e) < floor)
    ]
    if not terms:
        return None
    latest_start = max(e.earliest for e in terms if e.earliest)
    # A term that ended before another began is told of as past ("under President George W.
    # Bush"); one named only in past clauses may be too ("protests toppled President Hosni
    # Mubarak" two months on), so its end counts later.
    ends = [(_term_end(e), e.tense != "past") for e in terms if e.latest and e.latest > latest_start]
    high, told_as_now = min(ends) if ends else (None, False)
    names = "; ".join(sorted({e.text for e in terms if not e.latest or e.latest > latest_start})[:4])
    confidence = TERM_CONFIDENCE if told_as_now else PAST_TERM_CONFIDENCE
    return (
        latest_start - timedelta(days=TERM_GRACE_DAYS),
        high,
        confidence,
        f"within the terms of office of: {names}",
    )


def _term_end(e: Evidence) -> date:
    assert e.latest is not None
    return e.latest + timedelta(days=TERM_GRACE_DAYS if e.tense != "past" else PAST_TERM_GRACE_DAYS)


def _rule_bounds(evidence: list[Evidence]) -> tuple[date, date | None, float, str] | None:
    rules = [e for e in evidence if e.kind == "rule_years" and e.earliest]
    if not rules:
        return None
    low = max(e.earliest for e in rules if e.earliest)
    high = min((e.latest for e in rules if e.latest), default=None)
    if high is not None and low > high:
        return None
    return low, high, RULE_CONFIDENCE, "; ".join(sorted({e.text for e in rules})[:3])
