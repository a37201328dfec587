"""Expressions that move from the anchor by whole units: "two years ago", "last week", "the next day".

The anchor is shifted by the amount and the value written at the unit's granularity ("last
month" 1998-02, "a decade ago" 198); "the following year", "the year before," count from what the
story last named (``DocState.reference``). Vague amounts and the lexicon's references
("recently", "the coming weeks") give PAST_REF / PRESENT_REF / FUTURE_REF.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.temporal import calendar as cal
from storyline.temporal.finder import time_words
from storyline.temporal.groups import NEXT_REL, PAST_REL, number, unit_spec
from storyline.temporal.state import Resolved

# "the next day", "the previous day": the day after or before the one last named, not the anchor.
_ANAPHORIC_DAY = {"the next", "the following", "the previous", "the prior", "the same"}
_ANAPHORIC_UNIT = {"the following"}  # "the previous year" stays with the anchor: in news it is last year
_BACKWARD = {"ago", "earlier", "before", "back"}


def _at_granularity(letter: str, d: date) -> str:
    if letter == "D":
        return cal.iso(d)
    if letter in ("W", "WE"):
        return cal.week_value(d)
    if letter == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if letter == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if letter == "Y":
        return f"{d.year:04d}"
    if letter == "E":
        return f"{d.year // 10:03d}"
    if letter == "L":  # a millennium by its first digit, as TimeML writes it ("the third millennium" 2)
        return f"{d.year // 1000:d}"
    return f"{d.year // 100:02d}"


def _shift(d: date, letter: str, n: int) -> date:
    if letter == "D":
        return d + timedelta(days=n)
    if letter in ("W", "WE"):
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200, "L": 12000}[letter] * n
    y, m = cal.add_months(d.year, d.month, months)
    return cal.safe_date(y, m, min(d.day, 28)) or date(y, m, 1)


def shifted(g, anchor, tense, state, cand):
    letter, is_time, factor = unit_spec(g["unit"])
    # "a couple of days ago" is as vague as "a few days ago" (PAST_REF, as HeidelTime reads it)
    n = None if "couple" in g["n"].lower() else number(g["n"])
    backward = g["dir"].lower() in _BACKWARD
    if n is not None and n != int(n) and letter in ("E", "C") and n * (10 if letter == "E" else 100) % 1 == 0:
        n, letter = n * (10 if letter == "E" else 100), "Y"  # "a quarter-century ago": 25 years
    if n is None or n != int(n) or anchor is None or is_time:
        if is_time and anchor is not None and n is not None:
            return Resolved("DATE", cal.iso(anchor))
        return "PAST_REF" if backward else "FUTURE_REF"
    steps = int(n * factor) * (-1 if backward else 1)
    if letter == "Y" and abs(steps) == 1 and state.quarter and backward:
        y, q = state.quarter  # "a year earlier" in a quarterly report: the year-ago quarter
        return f"{y - 1:04d}-Q{q}"
    try:
        shifted = _shift(anchor, letter, steps)
    except (ValueError, OverflowError):  # "2,500 years ago": before year 1, no calendar date
        return "PAST_REF" if backward else "FUTURE_REF"
    if letter == "W":  # "two weeks ago": TimeBank writes the day (2 of 3; the third a week off)
        return cal.iso(shifted)
    return _at_granularity(letter, shifted)


def relative_unit(g, anchor, tense, state, cand):
    if "endof" in g:
        if anchor is None:
            return None
        if g["endof"].lower().startswith("month"):
            return f"{anchor.year:04d}-{anchor.month:02d}"
        return f"{anchor.year:04d}-12-31"
    rel = g.get("rel", "this").lower()  # "mid-year" is this year's middle
    unit = g["unit"].lower()
    letter = {"fiscal year": "Y", "school year": "Y", "full year": "Y", "weekend": "WE"}.get(
        unit
    ) or unit_spec(unit)[0]
    if anchor is None:
        return {"this": "PRESENT_REF", "the": None}.get(rel, "PAST_REF" if rel in PAST_REL else None)
    if rel == "that":
        return f"{state.year:04d}" if letter == "Y" and state.year else None
    if rel == "the" and letter == "D":
        return cal.iso(anchor)  # "later in the day"
    if "dir" in g:  # "the year before,": next to the one the story last named
        step = -1 if g["dir"].lower() == "before" else 1
        return _at_granularity(letter, _shift(state.reference(letter, anchor), letter, step))
    if letter == "D" and rel in _ANAPHORIC_DAY:
        # "the next day", "the following day": next to the day last named, which it then becomes
        # (as days.story_day: "The next day ... the day after" advances, and a clock time after
        # it is on it)
        base = state.day or anchor
        step = -1 if rel in PAST_REL else 1 if rel in NEXT_REL else 0
        state.day = base + timedelta(days=step)
        return cal.iso(state.day)
    steps = -1 if rel in PAST_REL else 1 if rel in NEXT_REL else 0
    if rel in _ANAPHORIC_UNIT and letter in ("M", "Y"):
        # "the following year", "the previous month": next to the one the story last named
        return _at_granularity(letter, _shift(state.reference(letter, anchor), letter, steps))
    if letter == "WE":
        d = anchor + timedelta(weeks=steps)
        if steps == 0 and anchor.isoweekday() < 6 and tense == "past":
            # "over the weekend" in a Monday report, "This weekend, authorities said ..." on a
            # Wednesday: the one just past, as TimeBank reads "over the weekend" (4 of 4); with no
            # tense the weekend of the report's week stays ("Irene could hit ... on the weekend":
            # the modal gives no tense; reading it as the past one lost that forecast)
            d -= timedelta(weeks=1)
        return f"{cal.week_value(d)}-WE"
    return _at_granularity(letter, _shift(anchor, letter, steps))


def reference(g, anchor, tense, state, cand):
    return time_words()["references"][re.sub(r"\s+", " ", g["ref"].lower())]
