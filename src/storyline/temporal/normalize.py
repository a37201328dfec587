"""Resolve a matched temporal expression to its TIMEX3 type and TimeML value.

Relative expressions are resolved against the anchor (the publication date): weekdays,
month-days and bare months take the direction of the clause's tense; "last week",
"two years ago" shift the anchor at the unit's granularity. Without an anchor only
values that need none are produced, with ``XXXX`` where the year cannot be known.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storyline.temporal import calendar as cal
from storyline.temporal import dates, days
from storyline.temporal.finder import Candidate, time_words
from storyline.temporal.groups import (
    NEXT_REL,
    PAST_REL,
    fmt_number,
    month_number,
    number,
    rel_year,
    unit_spec,
    weekday_number,
    year_of,
)
from storyline.temporal.state import DocState, Resolved

SEASON_ORDER = ("SP", "SU", "FA", "WI")


# "the next day", "the previous day": the day after or before the one last named, not the anchor.
_ANAPHORIC_DAY = {"the next", "the following", "the previous", "the prior", "the same"}
_ANAPHORIC_UNIT = {"the following"}  # "the previous year" stays with the anchor: in news it is last year
_BACKWARD = {"ago", "earlier", "before", "back"}
# "the new year" is the year about to begin once the anchor is past this month (in the year's
# first half it is the one just begun); a calendar choice, no TimeBank case either way
NEW_YEAR_FROM_MONTH = 6


def resolve(
    cand: Candidate, anchor: date | None, tense: str | None = None, state: DocState | None = None
) -> Resolved | None:
    """The TIMEX3 type and value of ``cand``, or None when it is not a temporal expression."""
    if cand.value:
        return Resolved(cand.type, cand.value)
    fn = _NORMALIZERS[cand.norm]
    if state is None:
        state = DocState()
    named = state.day
    out = fn(cand.groups, anchor, tense, state, cand)
    if state.day is not named:  # a normalizer set the day (always a new date object)
        state.day_end = cand.end
    if out is None:
        return None
    if isinstance(out, Resolved):
        return out
    return Resolved(cand.type, out)


def _decade(g, anchor, tense, state, cand):
    if "age" in g:  # "in their 30s": an age, not a time
        return None
    if "dec" in g:
        return g["dec"][:3]
    if "decw" in g:
        tens = number(g["decw"].lower()[:-3] + "y")  # "nineties" -> "ninety"
        digit = int(tens or 0) // 10
    else:
        digit = int(g["dec2"][0])
    if anchor is None:
        return f"19{digit}"
    # the latest such decade that has begun: "the '80s" in 2016 is the 1980s, not the 2080s
    century = (
        anchor.year // 100
        if (anchor.year // 100) * 100 + digit * 10 <= anchor.year
        else anchor.year // 100 - 1
    )
    return f"{century:02d}{digit}"


def _century(g, anchor, tense, state, cand):
    n = int(time_words()["ordinals"][g["ord"].lower()])
    return f"{n - 1:02d}"


def _reporting_quarter(anchor: date | None, state: DocState) -> tuple[int, int] | None:
    """The quarter a financial report is about: the last one named, else the one before the anchor's."""
    if state.quarter:
        return state.quarter
    if anchor is None:
        return None
    return cal.add_quarters(*cal.quarter_of(anchor), -1)


def _quarter(g, anchor, tense, state, cand):
    if "m2" in g:  # "the July-September quarter": the quarter of those three months
        first, last = month_number(g["m"]), month_number(g["m2"])
        if (last - first) % 12 != 2 or first % 3 != 1:
            return None  # not a calendar quarter ("the May-July quarter" of a fiscal year)
        g = {**g, "q": str((first - 1) // 3 + 1)}
    if "q" in g:
        q = int(g["q"]) if g["q"].isdigit() else int(time_words()["ordinals"][g["q"].lower()])
        y = year_of(g, anchor) or (rel_year(g.get("rel"), anchor) if "rel" in g else None)
        if y is None:
            if anchor is None:
                return f"XXXX-Q{q}"
            ay, aq = cal.quarter_of(anchor)
            y = ay if q <= aq or tense == "future" else ay - 1
        if "ago" in g:  # "the year-ago third quarter": the comparison quarter, not the one reported
            return f"{y - 1:04d}-Q{q}"
        state.quarter = (y, q)
        return f"{y:04d}-Q{q}"
    if "y" in g:  # "the 1988 quarter": the quarter reported on, in that year; else the year
        y = year_of(g, anchor)
        yq = _reporting_quarter(anchor, state) if state.quarter or "quarter" in cand.text.lower() else None
        return f"{y:04d}-Q{yq[1]}" if y and yq else f"{y:04d}" if y else None
    if anchor is None:
        return "XXXX-QX"
    if "ago" in g:
        yq = _reporting_quarter(anchor, state)
        return f"{yq[0] - 1:04d}-Q{yq[1]}" if yq else None
    latest = g.get("latest", "").lower()
    if latest == "current" or latest == "this" and tense == "future":
        # "sales will rise this quarter": the anchor's; "this quarter's loss" in a quarterly
        # report is the one reported (TimeBank 1 of 1), as "that quarter" is the one last named
        y, q = cal.quarter_of(anchor)
    elif latest in ("coming", "next"):
        y, q = cal.add_quarters(*cal.quarter_of(anchor), 1)
    else:
        yq = _reporting_quarter(anchor, state)
        assert yq is not None
        y, q = yq
    return f"{y:04d}-Q{q}"


def _same_period(g, anchor, tense, state, cand):
    """ "the same period last year": the quarter or month last named, a year back (or in the
    year written), else that year."""
    explicit = year_of(g, anchor) if "y" in g else None
    if explicit is None and anchor is None:
        return None
    per = g["per"].lower()
    if per == "month" and state.month:
        y, m = state.month
        return f"{explicit or y - 1:04d}-{m:02d}"
    if per != "month" and (state.quarter or per == "quarter"):
        yq = _reporting_quarter(anchor, state)
        if yq:
            return f"{explicit or yq[0] - 1:04d}-Q{yq[1]}"
    if explicit is not None:
        return f"{explicit:04d}"
    assert anchor is not None
    return f"{anchor.year - 1:04d}"


def _turn(g, anchor, tense, state, cand):
    """ "the turn of the century": the year between two centuries (or millennia) nearest the
    anchor, the one before it in a past clause it has not reached; "the new millennium" the
    millennium by its first digit."""
    rel = g.get("rel", "").strip().lower()
    if cand.rule == "new_millennium":
        if rel in ("third", "3rd"):
            return "2"
        return None if anchor is None else str((anchor.year + 500) // 1000)
    if anchor is None:
        return None
    step = 1000 if g["unit"].lower() == "millennium" else 100
    turn = (anchor.year + step // 2) // step * step
    if (
        rel in ("last", "past", "previous")
        or (not rel or rel == "this")
        and tense == "past"
        and turn > anchor.year
    ):
        turn -= step
    elif rel in ("next", "coming") and turn <= anchor.year:
        turn += step
    return f"{turn:04d}"


def _new_year(g, anchor, tense, state, cand):
    """ "the new year": the year about to begin in the anchor's second half, else the anchor's."""
    if anchor is None:
        return None
    return f"{anchor.year + (anchor.month > NEW_YEAR_FROM_MONTH):04d}"


def _half(g, anchor, tense, state, cand):
    h = 1 if g["h"].lower() in ("first", "1st") else 2  # second, last, latter
    y = year_of(g, anchor) or rel_year(g.get("rel"), anchor)
    return f"{y:04d}-H{h}" if y else f"XXXX-H{h}"


def _season(g, anchor, tense, state, cand):
    s = time_words()["seasons"][g["s"].lower()]
    y = year_of(g, anchor)
    if y is None:
        if anchor is None:
            return f"XXXX-{s}"
        rel = g.get("rel", "").lower()
        if not rel:  # "the summer": the one of the clause's tense, the current one if it fits
            rel = {"past": "this past", "future": "this coming"}.get(tense or "", "this")
        current = SEASON_ORDER.index(_season_of(anchor))
        target = SEASON_ORDER.index(s)
        y = anchor.year - 1 if anchor.month <= 2 else anchor.year  # January's winter began last year
        if rel in PAST_REL and target >= current + (rel == "this past"):
            y -= 1
        elif rel in NEXT_REL and target <= current - (rel == "this coming"):
            y += 1
    return f"{y:04d}-{s}"


def _season_of(d: date) -> str:
    return ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[d.month - 1]


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
    return f"{d.year // 100:02d}"


def _shift(d: date, letter: str, n: int) -> date:
    if letter == "D":
        return d + timedelta(days=n)
    if letter in ("W", "WE"):
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200, "L": 12000}[letter] * n
    y, m = cal.add_months(d.year, d.month, months)
    return cal.safe_date(y, m, min(d.day, 28)) or date(y, m, 1)


def _shifted(g, anchor, tense, state, cand):
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


def _relative_unit(g, anchor, tense, state, cand):
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
        base = state.day or anchor
        step = -1 if rel in PAST_REL else 1 if rel in NEXT_REL else 0
        return cal.iso(base + timedelta(days=step))
    steps = -1 if rel in PAST_REL else 1 if rel in NEXT_REL else 0
    if rel in _ANAPHORIC_UNIT and letter in ("M", "Y"):
        # "the following year", "the previous month": next to the one the story last named
        return _at_granularity(letter, _shift(state.reference(letter, anchor), letter, steps))
    if letter == "WE":
        d = anchor + timedelta(weeks=steps)
        if steps == 0 and rel == "the" and tense == "past" and anchor.isoweekday() < 6:
            d -= timedelta(weeks=1)  # "over the weekend" in a Monday report: the one just past
        return f"{cal.week_value(d)}-WE"
    return _at_granularity(letter, _shift(anchor, letter, steps))


def _duration(g, anchor, tense, state, cand):
    if "units" in g:
        letter, is_time, _ = unit_spec(g["units"])
        return f"PTX{letter}" if is_time else f"PX{letter}"
    letter, is_time, factor = unit_spec(g["unit"])
    if "half" in g:  # "half an hour"
        n: float | None = 0.5
    elif "n" not in g:  # "year-long"
        n = 1.0
    elif "n2" in g:
        n = number(g["n2"])
    else:
        n = number(g["n"])
    if n is not None and g.get("n", "").lower() in ("a", "an") and letter == "S":
        return None  # "a second time"
    text = cand.text.lower()
    if re.search(r"\w-quarters\b", text):
        return None  # "three-quarters of the vote" is a fraction
    if n is not None and re.search(r"and a half|and one-half| 1/2|½", text):
        n += 0.5
    if n is not None and n != 1 and letter in ("E", "C"):
        # "two decades": TimeBank writes P20Y; "a decade" P1E (TimeML's unit, as HeidelTime; 1 of 1)
        n, letter = n * (10 if letter == "E" else 100), "Y"
    if n is not None and n * factor != int(n * factor) and (letter, is_time) in _SMALLER_UNIT:
        # "a minute and a half" PT1M30S (TimeBank), "a day and a half" P1DT12H, "a quarter hour"
        # PT15M: the fraction in the next smaller unit
        whole = int(n * factor)
        per, small = _SMALLER_UNIT[letter, is_time]
        part = round((n * factor - whole) * per)
        head = f"{whole}{letter}" if whole else ""
        if is_time:
            return f"PT{head}{part}{small}"
        return f"P{head}{part}{small}" if small != "H" else f"P{head}T{part}H"
    amount = "X" if n is None else fmt_number(n * factor)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


# The next smaller unit, for fractions of a unit (TimeML writes no fractions where a smaller unit
# says it): years -> 12 months ("2 1/2 years" P2Y6M, TimeBank 1 of 1), days -> 24 hours, hours
# -> 60 minutes, minutes -> 60 seconds.
_SMALLER_UNIT = {
    ("Y", False): (12, "M"),
    ("D", False): (24, "H"),
    ("H", True): (60, "M"),
    ("M", True): (60, "S"),
}


def _set(g, anchor, tense, state, cand):
    every = g.get("every", "").lower()
    if every:
        return {
            "daily": "XXXX-XX-XX",
            "nightly": "XXXX-XX-XXTNI",
            "weekly": "XXXX-WXX",
            "monthly": "XXXX-XX",
            "quarterly": "XXXX-QX",
            "annually": "XXXX",
            "yearly": "XXXX",
            "hourly": "PT1H",
        }[every]
    if "m" in g:  # "each July"
        return f"XXXX-{month_number(g['m']):02d}"
    if "s" in g:  # "each spring"
        return f"XXXX-{time_words()['seasons'][g['s'].lower()]}"
    if "pod" in g and "wd" not in g:  # "every morning"
        return f"XXXX-XX-XXT{time_words()['parts_of_day'][g['pod'].lower()]}"
    if "other" in g:  # "every other week" P2W, "every few years" PXY
        letter, is_time, factor = unit_spec(g["unit"])
        amount = "X" if g["other"].lower() in ("few", "several") else fmt_number(2 * factor)
        return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"
    if "wd" in g:
        pod = time_words()["parts_of_day"].get(g.get("pod", "").lower().rstrip("s"))
        value = f"XXXX-WXX-{weekday_number(g['wd'])}"
        return f"{value}T{pod}" if pod else value
    letter, is_time, factor = unit_spec(g["unit"])
    n = number(g["n"]) if "n" in g else 1.0  # "twice a week": once a week, twice (P1W)
    amount = "X" if n is None else fmt_number(n * factor)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def _reference(g, anchor, tense, state, cand):
    return time_words()["references"][re.sub(r"\s+", " ", g["ref"].lower())]


# each rule's ``norm:`` -> its normalizer: (groups, anchor, tense, state, candidate) -> value | Resolved | None
_NORMALIZERS = {
    "ymd": dates.ymd,
    "md": dates.md,
    "pair_day": dates.pair_day,
    "ym": dates.ym,
    "week_of_month": dates.week_of_month,
    "month": dates.month_norm,
    "year": dates.year_norm,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "same_period": _same_period,
    "turn": _turn,
    "new_year": _new_year,
    "half": _half,
    "season": _season,
    "deictic_day": days.deictic_day,
    "story_day": days.story_day,
    "story_part": days.story_part,
    "report_day": days.report_day,
    "weekday": days.weekday_norm,
    "clock": days.clock,
    "shifted": _shifted,
    "relative_unit": _relative_unit,
    "duration": _duration,
    "set": _set,
    "reference": _reference,
    "holiday": dates.holiday,
}
