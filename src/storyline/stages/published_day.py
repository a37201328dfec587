"""The publication day inferred from the day scores: the best day, its range and a confidence.

The years searched come from conflict durations, else from the latest year written; every day
of them is scored (``published_scoring``). Too low a best score, or a year no dated evidence
fixes, gives ``unknown`` with at most a lower bound (the latest past date mentioned). Otherwise
the days scoring within a margin of the best make the range, and the confidence grows with the
best day's lead over the runner-up and the amount of evidence, and shrinks with the range.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from storyline.records import PublicationDate
from storyline.stages.published_evidence import Evidence
from storyline.stages.published_scoring import score_days
from storyline.temporal import calendar as cal

# Days within this margin of the best score make up the reported range (calibrated on the
# four seed articles: one point is one agreeing month-day or weekday).
RANGE_MARGIN = 0.3
# Below this best score the evidence is too thin for a date: "unknown".
MIN_SCORE = 1.5
# Ranges wider than this many days are reported with their bounds but no confident date.
MAX_CONFIDENT_RANGE_DAYS = 14
# The search covers at most this many years.
MAX_YEARS = 3


def infer_day(evidence: list[Evidence], as_of: date | None = None) -> PublicationDate:
    """The day the evidence points at, else a range or bound; ``as_of`` is the day the text is
    read on (see ``_lower_bound``), None when the caller does not know it."""
    years = _year_range(evidence)
    if years is None:
        return PublicationDate(None, None, None, "unknown", 0.0, "no year can be known from the text")
    if not any(
        e.kind in ("month_day", "weekday", "full_date", "month", "dateline", "weekday_date") for e in evidence
    ):
        bound = _lower_bound(evidence, as_of)
        return PublicationDate(
            None, cal.iso(bound) if bound else None, None, "unknown", 0.0, "only years mentioned"
        )
    first, last = years
    days = [
        date(first, 1, 1) + timedelta(days=i)
        for i in range((date(last, 12, 31) - date(first, 1, 1)).days + 1)
    ]
    scores = list(zip(score_days(days, evidence), days, strict=True))
    best_score, best = max(scores, key=lambda s: (s[0], -abs((s[1] - days[len(days) // 2]).days)))
    if best_score < MIN_SCORE:
        low: str | None = None
        high: str | None = None
        if _since_agree(evidence):
            low, high = cal.iso(days[0]), cal.iso(days[-1])
        elif bound := _lower_bound(evidence, as_of):
            low = cal.iso(bound)
        return PublicationDate(None, low, high, "unknown", 0.0, "too little dated evidence for a day")
    if not _year_is_anchored(best, evidence):
        bound = _lower_bound(evidence, as_of)
        return PublicationDate(
            None,
            cal.iso(bound) if bound else None,
            None,
            "unknown",
            0.0,
            "no dated evidence fixes the year; not before the latest past date mentioned",
        )
    close = [d for s, d in scores if s >= best_score - RANGE_MARGIN]
    earliest, latest = min(close), max(close)
    width = (latest - earliest).days + 1
    runner_up = max((s for s, d in scores if abs((d - best).days) > 1), default=0.0)
    margin = best_score - runner_up
    confidence = round(
        min(0.95, (1 - math.exp(-margin)) * min(1.0, len(evidence) / 4) * (2 / (1 + width))), 2
    )
    confidence = max(confidence, 0.05)
    reason = "; ".join(sorted({e.text for e in evidence if e.kind not in ("office", "rule_years")})[:8])
    if width > MAX_CONFIDENT_RANGE_DAYS:
        return PublicationDate(
            None, cal.iso(earliest), cal.iso(latest), "inferred", confidence, f"range from: {reason}"
        )
    return PublicationDate(
        cal.iso(best), cal.iso(earliest), cal.iso(latest), "inferred", confidence, f"from: {reason}"
    )


def _year_is_anchored(best: date, evidence: list[Evidence]) -> bool:
    """A year is known from a conflict's duration or a dated dateline. A full date in the body
    does not fix it: news style writes the year only for dates of other years, so "March 26,
    1996" says the article is later, not when (measured: on TempEval-3 train every date anchored
    that way was wrong)."""
    if _since_agree(evidence) or any(e.kind == "dateline" and e.year for e in evidence):
        return True
    # A weekday written with its month-day repeats only every five to eleven years, so one
    # that agrees within the searched years (at most three) names the year.
    return any(e.kind == "weekday_date" and _weekday_agrees(e, best) for e in evidence)


def _weekday_agrees(e: Evidence, d: date) -> bool:
    resolved = cal.month_day_year(e.month, e.dom, d, e.tense)
    return resolved is not None and resolved.isoweekday() == e.weekday


def _lower_bound(evidence: list[Evidence], as_of: date | None) -> date | None:
    """The latest date reported as past in a clause with no look ahead ("due", "until", "by"):
    the article cannot be older. No article is written after the day it is read on (``as_of``),
    so a "past" date after that day is no date but a number misread as a year: a live report's
    time ("2032 Gen Douglas Fraser says"), a count ("ComRes interviewed 2028 British adults").
    With no ``as_of`` every such date is kept."""
    bounds = [
        e.day for e in evidence if e.kind == "full_date" and e.day and e.tense == "past" and not e.ahead
    ]
    # "since September 2015" is past whatever the clause's tense ("has been offering ... since")
    bounds += [
        date(e.year, e.month or 1, 1)
        for e in evidence
        if e.kind == "year" and (e.tense == "past" or e.before == "since") and not e.ahead
    ]
    if as_of is not None:
        bounds = [b for b in bounds if b <= as_of]
    return max(bounds) if bounds else None


def _since_agree(evidence: list[Evidence]) -> bool:
    """There are conflict durations and the years they allow overlap (so they, not the years
    written, set the years searched)."""
    since = [e for e in evidence if e.kind == "years_since" and e.earliest and e.latest]
    return bool(since) and max(e.earliest.year for e in since if e.earliest) <= min(
        e.latest.year for e in since if e.latest
    )


def _year_range(evidence: list[Evidence]) -> tuple[int, int] | None:
    """The years worth searching: bounded by conflict durations, else by the latest year written."""
    since = [e for e in evidence if e.kind == "years_since"]
    if since:
        low = max(e.earliest.year for e in since if e.earliest)
        high = min(e.latest.year for e in since if e.latest)
        if low <= high:
            return low, min(high, low + MAX_YEARS - 1)
    written = [e.year for e in evidence if e.kind in ("year", "dateline") and e.year and e.tense != "future"]
    written += [e.day.year for e in evidence if e.kind == "full_date" and e.day]
    if not written:
        return None
    latest = max(written)
    return latest, latest + 1
