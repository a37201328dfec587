"""Reading the words a time rule matched: its named regex groups as numbers and TimeML units.

Months, weekdays, day numbers ("8th", "eighth"), amounts ("twenty-four", "a couple of"), units
with their TimeML letter, two-digit and spoken years, clock times ("5 p.m." as 17:00), and the
relation words that point back ("last", "the previous") or ahead ("next", "the coming"). Every
normalizer module reads its groups through these, so one spelling is read one way everywhere.
"""

from __future__ import annotations

import re
from datetime import date

from storyline.numbers import amounts, parse_number
from storyline.temporal.finder import time_words

PAST_REL = {
    "last",
    "past",
    "previous",
    "prior",
    "the previous",
    "the prior",
    "this past",
    "the past",
    "the last",
}
NEXT_REL = {"next", "coming", "the coming", "the following", "this coming", "the next"}


def month_number(word: str) -> int:
    return int(time_words()["months"][word.lower().rstrip(".")])


def weekday_number(word: str) -> int:
    return int(time_words()["weekdays"][word.lower().rstrip(".")])


def day_number(word: str) -> int:
    """The day of the month written "8", "8th" or "eighth"."""
    digits = re.sub(r"\D", "", word)
    return int(digits) if digits else int(time_words()["ordinals"][word.lower()])


def number(word: str) -> float | None:
    """A time expression's amount from digits or words ("twenty-four", "a", "a couple of");
    None for a vague amount ("several")."""
    return parse_number(word, amounts())


def unit_spec(word: str) -> tuple[str, bool, float]:
    w = word.lower().replace("centuries", "century").replace("millennia", "millennium")
    if w not in time_words()["units"] and w.endswith("s"):
        w = w[:-1]
    w = {"centurie": "century"}.get(w, w)
    spec = time_words()["units"][w]
    return spec["letter"], bool(spec.get("time")), float(spec.get("factor", 1))


def fmt_number(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def year_of(groups: dict[str, str], anchor: date | None) -> int | None:
    if "y" in groups:
        y = int(groups["y"])
        if y < 100:  # "3/14/98", "'98"
            century = (anchor.year // 100) * 100 if anchor else 1900
            y += century if y <= (anchor.year % 100 if anchor else 99) + 10 else century - 100
        return y
    if "y2" in groups:
        return year_of({"y": groups["y2"]}, anchor)
    if "ydec" in groups or "ycent" in groups:  # "nineteen ninety-six", "two thousand and one"
        base = {"nineteen": 1900, "twenty": 2000}.get(groups.get("ycent", "").lower(), 2000)
        rest = groups.get("ydec", "").lower().replace("oh-", "").replace("oh ", "")
        n = number(rest) if rest else 0.0
        return None if n is None else base + int(n)
    return None


def rel_year(rel: str | None, anchor: date | None) -> int | None:
    if anchor is None:
        return None
    return anchor.year + {"last": -1, "next": 1}.get((rel or "this").lower(), 0)


def clock_suffix(g) -> str | None:
    clock = g.get("clock", "").lower()
    if not clock:
        return None
    if clock in ("noon", "midnight"):
        return "12:00" if clock == "noon" else "24:00"
    hh, mm = int(g["hh"]), int(g.get("mm") or 0)
    ampm = g.get("ampm", "").lower().replace(".", "")
    if ampm == "pm" and hh < 12:
        hh += 12
    elif ampm == "am" and hh == 12:
        hh = 0
    return f"{hh:02d}:{mm:02d}"
