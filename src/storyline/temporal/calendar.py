"""Calendar arithmetic on anchor dates, and TimeML value strings at each granularity."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from storyline.temporal.finder import time_words

# A month-day without a year is placed in the year that agrees with the clause's tense if
# that date lies within this many days of the anchor; beyond it the nearest year wins
# (calibrated on TempEval-3 train: 240-300 days score alike, 270 loses "In January, X brought
# in ..." ten months back, 335 or more lose cases whose tense was misread).
TENSE_WINDOW_DAYS = 300

# A bare month in a past-tense clause takes the past reading up to this many days back (15th to
# 15th): ten months back is the past one ("In January, ..." in a November report, 304 days, was
# read as next January), eleven months back (334) is more often a plan reported in the past for
# the month ahead ("told oil companies of a cutback in September" in August). Calibrated on
# TempEval-3 train: 305-333 score alike (+1 value over 300, "changed to a calendar year in
# December" read in October), 334 loses two such reported plans.
MONTH_PAST_WINDOW_DAYS = 320


def iso(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def add_quarters(year: int, quarter: int, quarters: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + quarters
    return index // 4, index % 4 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def _pick(candidates: list[date], anchor: date, tense: str | None, window: int = TENSE_WINDOW_DAYS) -> date:
    """The candidate that agrees with the tense if one is near enough, else the nearest."""
    nearest = min(candidates, key=lambda d: (abs((d - anchor).days), d > anchor))
    if tense in ("past", None):  # news reports mostly look back
        agreeing = [d for d in candidates if d <= anchor]
        best = max(agreeing) if agreeing else None
    elif tense == "future":
        agreeing = [d for d in candidates if d >= anchor]
        best = min(agreeing) if agreeing else None
    else:
        return nearest
    if best is not None and abs((best - anchor).days) <= window:
        return best
    return nearest


def month_day_year(month: int, day: int, anchor: date, tense: str | None) -> date | None:
    """The year of a month-day with no year: a December date in a January article is last year's."""
    candidates = [
        d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := safe_date(y, month, day))
    ]
    return _pick(candidates, anchor, tense) if candidates else None


def month_year(month: int, anchor: date, tense: str | None, done: bool = False) -> int:
    """The year of a bare month name ("in December"), its 15th standing for the month. ``done``:
    the month dates a past verb itself ("the uprising began in March"), so it is the last one
    before the report however far back, not a plan reported in the past ("a cutback in
    September"), which ``MONTH_PAST_WINDOW_DAYS`` lets point ahead."""
    if month == anchor.month:
        return anchor.year
    if done:
        return anchor.year if month < anchor.month else anchor.year - 1
    candidates = [date(y, month, 15) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    window = MONTH_PAST_WINDOW_DAYS if tense == "past" else TENSE_WINDOW_DAYS
    return _pick(candidates, date(anchor.year, anchor.month, 15), tense, window).year


def weekday_date(weekday: int, anchor: date, tense: str | None, rel: str = "") -> date:
    """The date of a weekday (1 = Monday) near the anchor: past tense looks back, future ahead."""
    back = (anchor.isoweekday() - weekday) % 7  # days back to the same weekday (0 = the anchor)
    ahead = (weekday - anchor.isoweekday()) % 7
    if rel == "last":
        return anchor - timedelta(days=back or 7)
    if rel == "next":
        return anchor + timedelta(days=ahead or 7)
    if tense in ("past", None):  # with no tense, the news default: the one just past
        return anchor - timedelta(days=back)
    if tense == "future":
        return anchor + timedelta(days=ahead)
    if rel == "this":
        return anchor + timedelta(days=ahead) if ahead <= back else anchor - timedelta(days=back)
    return anchor - timedelta(days=back) if back <= ahead else anchor + timedelta(days=ahead)


def value_range(value: str) -> tuple[date, date] | None:
    """The days a TimeML DATE/TIME value covers: ``2016-12`` -> Dec 1..31, ``2017-W02`` -> its
    Monday..Sunday, ``2014-Q3`` -> Jul 1..Sep 30; None for durations, sets and references."""
    import re

    v = value.split("T")[0]
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
        d = safe_date(int(m[1]), int(m[2]), int(m[3]))
        return (d, d) if d else None
    if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            return None
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
        y, q = int(m[1]), int(m[2])
        last = date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
        return date(y, 3 * q - 2, 1), last
    if m := re.fullmatch(r"(\d{4})-H([12])", v):
        y, h = int(m[1]), int(m[2])
        return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
        y = int(m[1])
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m[2]]
        start = date(y, start_month, 1)
        end_y, end_m = add_months(y, start_month, 2)
        return start, date(end_y, end_m, calendar.monthrange(end_y, end_m)[1])
    if m := re.fullmatch(r"(\d{4})", v):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    return None


def holiday_date(rule: str, year: int) -> date | None:
    """The date of a holiday in ``year``: "12-25" for fixed ones, a rule name for movable ones."""
    if rule[:2].isdigit():
        return safe_date(year, int(rule[:2]), int(rule[3:]))
    if rule == "thanksgiving":  # fourth Thursday of November (US)
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if rule == "labor_day":  # first Monday of September (US)
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if rule == "election_day":  # the Tuesday after the first Monday of November (US)
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    if rule == "memorial_day":  # last Monday of May (US)
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    if rule == "lunar_new_year":  # by the table of lexicons/time_words.yaml
        md = time_words()["lunar_new_year"].get(year)
        return safe_date(year, int(md[:2]), int(md[3:])) if md else None
    if rule == "ramadan":  # the first start in the year (two in 1997 and 2030)
        return next(iter(_ramadan_starts(year)), None)
    if rule in ("easter", "good_friday"):
        easter = _easter(year)
        return easter - timedelta(days=2) if rule == "good_friday" else easter
    return None


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


# Ramadan lasts 29 or 30 days: a report within this many days of its first day is written during it.
RAMADAN_DAYS = 30


def _ramadan_starts(year: int) -> list[date]:
    return [d for s in time_words()["ramadan_starts"] if (d := date.fromisoformat(s)).year == year]


def holiday_near(rule: str, anchor: date, tense: str | None) -> date | None:
    """The occurrence of a holiday that the tense points at, as for a month-day; Ramadan while it
    lasts is the one under way ("will pray during Ramadan" read in its second week)."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if rule == "ramadan":
        candidates = [d for y in years for d in _ramadan_starts(y)]
        under_way = [d for d in candidates if d <= anchor < d + timedelta(days=RAMADAN_DAYS)]
        if under_way:
            return under_way[0]
    else:
        candidates = [d for y in years if (d := holiday_date(rule, y))]
    return _pick(candidates, anchor, tense) if candidates else None
