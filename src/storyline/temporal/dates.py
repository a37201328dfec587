"""Calendar dates: day-month-year, month-days, year-months, bare months and years, holidays.

A month-day or bare month without its year takes the year the clause's tense points to (through
``calendar.month_day_year`` / ``month_year``), or the coming one for an announced event ("for the
November election"); ranges ("Aug. 10-12", "January-June", "1996-97") and pairs ("Aug. 10 and
12") take their year from their other end. Every date written records its day, month and year in
the ``DocState`` for the anaphoric expressions after it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.temporal import calendar as cal
from storyline.temporal.finder import time_words
from storyline.temporal.generic import GENERIC
from storyline.temporal.groups import (
    NEXT_REL,
    PAST_REL,
    clock_suffix,
    day_number,
    month_number,
    rel_year,
    year_of,
)
from storyline.temporal.state import Resolved


def ymd(g, anchor, tense, state, cand):
    y = year_of(g, anchor)
    m = int(g["mn"]) if "mn" in g else month_number(g["m"])
    d = cal.safe_date(y, m, day_number(g["d"])) if y else None
    if d is None:
        return None
    state.year = y
    state.day = d
    state.month = (y, m)
    return cal.iso(d)


def md(g, anchor, tense, state, cand):
    if "pod" in g:  # "the morning of Aug. 7": the day with its part
        rest = {k: v for k, v in g.items() if k != "pod"}
        day_value = (
            ymd(rest, anchor, tense, state, cand) if "y" in g else md(rest, anchor, tense, state, cand)
        )
        pod = time_words()["parts_of_day"][g["pod"].lower()]
        return Resolved("TIME", f"{day_value}T{pod}") if day_value else None
    if "clock" in g:  # "5 p.m. EST Nov. 9": the day with its clock time
        rest = {k: v for k, v in g.items() if k not in ("clock", "hh", "mm", "ampm")}
        day_value = md(rest, anchor, tense, state, cand)
        return Resolved("TIME", f"{day_value}T{clock_suffix(g)}") if day_value else None
    m, day = month_number(g["m"]), day_number(g["d"])
    first = day_number(g["d1"]) if "d1" in g else None  # the end of a range "Aug. 10-12"
    if "y" in g:  # "Aug. 10-12, 2016": the range's year
        return ymd(g, anchor, tense, state, cand)
    if anchor is None:
        return f"XXXX-{m:02d}-{day:02d}" if cal.safe_date(2000, m, day) else None
    if first is not None and state.day is not None and (state.day.month, state.day.day) == (m, first):
        d = cal.safe_date(state.day.year, m, day)  # in the year its start was given
    else:
        d = cal.month_day_year(m, day, anchor, _coming_event_tense(g, tense))
    if d:
        state.day = d
        state.month = (d.year, d.month)
    return cal.iso(d) if d else None


# The second day of "Aug. 10 and 12" follows the first by at most this many characters (" and ").
PAIR_GAP_CHARS = 5


def pair_day(g, anchor, tense, state, cand):
    """The second day of "Aug. 10 and 12": in the month and year of the day just named."""
    first = state.day
    if first is None or not 0 <= cand.start - state.day_end <= PAIR_GAP_CHARS:
        return None
    day = day_number(g["d"])
    d = cal.safe_date(first.year, first.month, day) if day > first.day else None
    if d is None:
        return None
    state.day = d
    return cal.iso(d)


def _coming_event_tense(g: dict[str, str], tense: str | None) -> str | None:
    """The direction a month dating an announced event points ("campaigning for the November
    election" in April: the coming November). After "for" the coming one; after "ahead of", "in
    the run-up to" ... the coming one, or the nearest in a past clause (as an open-end word). "The
    convention in July" takes its clause's tense, and the nearest one (not the past one) where
    the clause gives none: the event may lie on either side of the report."""
    if "past" in g:  # "will investigate the Aug. 7 bombings": the event has happened
        return "past"
    if g.get("ahead", "").lower() == "for":
        return "future"
    if "ahead" in g:
        return "present" if tense == "past" else "future"
    if "event" in g and tense not in ("past", "future"):
        return "present"  # the nearest
    return tense


def ym(g, anchor, tense, state, cand):
    y = year_of(g, anchor)
    if y is None:
        return None
    state.year = y
    state.month = (y, month_number(g["m"]))
    return f"{y:04d}-{month_number(g['m']):02d}"


def month_norm(g, anchor, tense, state, cand):
    word = g["m"].rstrip(".").lower()
    if cand.rule == "month" and len(word) <= 4 and word not in ("may", "june", "july"):
        return None  # a bare abbreviation ("Dec") is rarely a date on its own
    m = month_number(word)
    if anchor is None:
        return f"XXXX-{m:02d}"
    rel = g.get("rel", "").lower()
    if cand.rule == "month_relative_year":
        y = rel_year(rel, anchor)
        assert y is not None
        state.month = (y, m)
        return f"{y:04d}-{m:02d}"
    if cand.rule == "month_range_end" and state.month:  # "January-June": after its start
        y = state.month[0] + (m <= state.month[1])
    elif cand.rule == "month_range_start" and "m2" in g:  # the year of the range's end, or before
        m2 = month_number(g["m2"].rstrip(".").lower())
        y = cal.month_year(m2, anchor, _coming_event_tense(g, tense)) - (m2 < m)
    elif rel == "this":
        y = anchor.year
    elif rel in PAST_REL:
        y = anchor.year if m < anchor.month else anchor.year - 1
    elif rel in NEXT_REL:
        y = anchor.year if m > anchor.month else anchor.year + 1
    else:
        y = cal.month_year(m, anchor, _coming_event_tense(g, tense), done="done" in g)
    state.month = (y, m)
    return f"{y:04d}-{m:02d}"


# "the Nth week of <month>": the ISO week holding that day of the month ("last": the month's last day)
_WEEK_OF_MONTH_DAY = {
    "first": 1,
    "1st": 1,
    "second": 8,
    "2nd": 8,
    "third": 15,
    "3rd": 15,
    "fourth": 22,
    "4th": 22,
}


def week_of_month(g, anchor, tense, state, cand):
    """ "the last week of January 2017": the ISO week holding the month's last day (2017-W05); the
    first to fourth week hold its 1st, 8th, 15th, 22nd. A month without a year is read as a bare
    month is."""
    m = month_number(g["m"])
    y = year_of(g, anchor)
    if y is None:
        if anchor is None:
            return None
        y = cal.month_year(m, anchor, _coming_event_tense(g, tense))
    else:
        state.year = y
    state.month = (y, m)
    ordinal = g["wk"].lower()
    if ordinal in _WEEK_OF_MONTH_DAY:
        d = date(y, m, _WEEK_OF_MONTH_DAY[ordinal])
    else:  # last, final
        nxt_y, nxt_m = cal.add_months(y, m, 1)
        d = date(nxt_y, nxt_m, 1) - timedelta(days=1)
    return cal.week_value(d)


# The end of a short year range ("1996-97") lies at most this many years after its start; a
# larger step is no range ("1998-12" is a month, "1990-85" nothing).
MAX_SHORT_RANGE_YEARS = 10

# The value of a holiday named as a kind (generic.GENERIC): a month of an unknown year, TimeML's
# X-filled non-specific value (TimeBank's generic "each July" is XXXX-07; Ramadan has no
# Gregorian month of its own)
GENERIC_HOLIDAY_VALUE = "XXXX-XX"


def year_norm(g, anchor, tense, state, cand):
    if "ye" in g:  # "the 1996-97 season": the end in the start's century, or the next
        start = int(g["ys"])
        end = start // 100 * 100 + int(g["ye"])
        end += 100 if end <= start else 0
        if end - start > MAX_SHORT_RANGE_YEARS:
            return None
        state.year = end
        return f"{end:04d}"
    y = year_of(g, anchor) or (2000 if cand.rule == "spoken_year_2000" else None)
    if y is None:
        return None
    state.year = y
    return f"{y:04d}"


def holiday(g, anchor, tense, state, cand):
    rule = str(time_words()["holidays"][re.sub(r"\s+", " ", g["holiday"].lower())])
    if tense == GENERIC and rule in time_words()["generic_holidays"]:
        # "Ramadan is the ninth month of the Islamic calendar": a kind, no occurrence of it (TimeML
        # gives a non-specific mention no specific value); a month of some year
        return GENERIC_HOLIDAY_VALUE
    y = year_of(g, anchor)
    if y is not None:
        d = cal.holiday_date(rule, y)
    elif anchor is not None:
        d = cal.holiday_near(rule, anchor, tense)
    else:
        return f"XXXX-{rule}" if rule[:2].isdigit() else None
    if d is None:
        return None
    if rule != "ramadan":  # a month is no day a story goes on from ("the next day", a lone clock)
        state.day = d
    return cal.iso(d)


def named_event_day(g, anchor, tense, state, cand):
    """A month-day that names one past event whatever the report's year ("the September 11
    attacks", "since 9/11": 2001-09-11; time_words.yaml ``named_event_days``); read as any
    month-day in a report written before that day was over."""
    m = month_number(g["m"]) if "m" in g else int(g["mn"])
    d = day_number(g["d"])
    year = time_words()["named_event_days"].get(f"{m:02d}-{d:02d}")
    day = cal.safe_date(int(year), m, d) if year else None
    if day is None or anchor is not None and anchor <= day:
        return md(g, anchor, tense, state, cand)
    return cal.iso(day)
