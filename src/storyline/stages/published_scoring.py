"""How well publication on a given day agrees with the dated evidence of the text.

Each evidence item adds to a day's score by its kind and the tense of its clause: a date reported
in the past should lie before the day, one announced after it; month-days and weekdays should
lie near it, as news style names the last week's days by weekday and older ones by month and day.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from storyline.stages.published_evidence import Evidence
from storyline.temporal import calendar as cal

# News reports refer to the last seven days by weekday and older dates by month and day.
WEEKDAY_HORIZON = 6
# Agreement of a month-day decays with its distance from publication on this scale, in days
# (news mostly reports recent events; 30 puts seed 001 on 2017-01-08, a week later scores 0.3 less).
RECENT_DAYS = 30


def score_day(d: date, evidence: list[Evidence]) -> float:
    """How well publication on day ``d`` agrees with the evidence (higher is better)."""
    return score_days([d], evidence)[0]


def score_days(days: list[date], evidence: list[Evidence]) -> list[float]:
    """:func:`score_day` of each day. Items that differ only in their wording ("Tuesday" twice)
    score alike, so each distinct one is scored once per day, a weekday once per day of the
    week (``cal.weekday_date`` reads only the weekday of its anchor) and a year once per year."""
    scores = [0.0] * len(days)
    past_months: list[set[tuple[int, int]]] | None = None
    if any(e.kind == "last_month" for e in evidence):
        past_months = [set() for _ in days]
    columns: dict[tuple[Any, ...], list[float]] = {}
    for e in evidence:
        key = (e.kind, e.tense, e.day, e.month, e.dom, e.weekday, e.year, e.earliest, e.latest)
        column = columns.get(key)
        if column is None:
            if e.kind == "weekday":
                week: dict[int, float] = {}
                column = [
                    week[wd] if wd in week else week.setdefault(wd, _item_score(d, e))
                    for d in days
                    for wd in (d.isoweekday(),)
                ]
            elif e.kind == "year":  # reads only the year of the day
                years: dict[int, float] = {}
                column = [
                    years[d.year] if d.year in years else years.setdefault(d.year, _item_score(d, e))
                    for d in days
                ]
            else:
                column = [_item_score(d, e) for d in days]
            columns[key] = column
        scores = [s + add for s, add in zip(scores, column, strict=True)]
        if past_months is not None and e.kind == "month_day" and e.tense == "past":
            for months, d in zip(past_months, days, strict=True):
                resolved = cal.month_day_year(e.month, e.dom, d, e.tense)
                if resolved and resolved <= d:
                    months.add((resolved.year, resolved.month))
    if past_months is not None:
        for i, (d, months) in enumerate(zip(days, past_months, strict=True)):
            if months:
                scores[i] += 1.5 if cal.add_months(d.year, d.month, -1) in months else 0.0
    return scores


def _item_score(d: date, e: Evidence) -> float:
    """What one evidence item adds to the score of publication on day ``d``."""
    if e.kind == "full_date" and e.day:
        return _dated(d, e.day, e.tense)
    if e.kind == "month_day":
        resolved = cal.month_day_year(e.month, e.dom, d, e.tense)
        return _dated(d, resolved, e.tense) if resolved else 0.0
    if e.kind == "weekday_date":
        resolved = cal.month_day_year(e.month, e.dom, d, e.tense)
        return (
            _dated(d, resolved, e.tense) + (1.5 if resolved.isoweekday() == e.weekday else -3.0)
            if resolved
            else 0.0
        )
    if e.kind == "dateline":
        if e.day:
            return 3.0 if 0 <= (d - e.day).days <= 1 else -3.0
        resolved = cal.month_day_year(e.month, e.dom, d, "past")
        return 3.0 if resolved and 0 <= (d - resolved).days <= 1 else -1.0
    if e.kind == "weekday":
        resolved = cal.weekday_date(e.weekday, d, e.tense)
        return _weekday_fit(abs((d - resolved).days), e.tense)
    if e.kind == "year":
        # a year in a future clause may be past already
        return -3.0 if e.tense != "future" and d.year < e.year else 0.0
    if e.kind == "month":
        # articles name their own month ("later this month", "in January")
        return 0.3 if e.month == d.month and cal.month_year(e.month, d, e.tense) == d.year else 0.0
    if e.kind == "years_since" and e.earliest and e.latest:
        return 0.5 if e.earliest <= d <= e.latest else -3.0
    return 0.0


def _dated(d: date, mentioned: date, tense: str | None) -> float:
    """Agreement of a mentioned date with publication on ``d``, given the clause's tense."""
    delta = (d - mentioned).days  # > 0: the mention lies before publication
    if tense == "future":
        delta = -delta
    elif tense is None:
        delta = abs(delta)
    if delta < 0:
        return -2.0
    if delta <= WEEKDAY_HORIZON:
        return 0.3  # news style would have named the weekday
    return max(0.1, math.exp(-(delta - WEEKDAY_HORIZON) / RECENT_DAYS))


def _weekday_fit(days_away: int, tense: str | None) -> float:
    """Weekdays in news point at publication day itself or the day just before (or after)."""
    if tense == "future":
        return (0.6, 1.0, 0.4, 0.3, 0.2, 0.2, 0.2)[days_away]
    return (1.0, 0.8, 0.4, 0.2, 0.2, 0.2, 0.2)[days_away]
