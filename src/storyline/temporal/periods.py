"""Periods longer than a month: quarters, halves, seasons, decades, centuries, turns of a century.

Financial news reports "the quarter", "the same period last year" against the quarter the report
is about (the last one named, else the one before the anchor's), so quarters read and write the
``DocState``. Decades and centuries are TimeML's truncated years ("the '80s" 198, "the 20th
century" 19), the latest decade that has begun.
"""

from __future__ import annotations

from datetime import date

from storyline.temporal import calendar as cal
from storyline.temporal.finder import time_words
from storyline.temporal.groups import NEXT_REL, PAST_REL, month_number, number, rel_year, year_of
from storyline.temporal.state import DocState

# "the new year" is the year about to begin once the anchor is past this month (in the year's
# first half it is the one just begun); a calendar choice, no TimeBank case either way
NEW_YEAR_FROM_MONTH = 6


def decade(g, anchor, tense, state, cand):
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


def century(g, anchor, tense, state, cand):
    n = int(time_words()["ordinals"][g["ord"].lower()])
    return f"{n - 1:02d}"


def _reporting_quarter(anchor: date | None, state: DocState) -> tuple[int, int] | None:
    """The quarter a financial report is about: the last one named, else the one before the anchor's."""
    if state.quarter:
        return state.quarter
    if anchor is None:
        return None
    return cal.add_quarters(*cal.quarter_of(anchor), -1)


def quarter(g, anchor, tense, state, cand):
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


def same_period(g, anchor, tense, state, cand):
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


def turn(g, anchor, tense, state, cand):
    """ "the turn of the century": the year between two centuries (or millennia) nearest the
    anchor, the one before it in a past clause it has not reached; "the new millennium" the
    millennium by its first digit."""
    rel = g.get("rel", "").strip().lower()
    if cand.rule == "new_millennium":
        if rel in ("third", "3rd"):
            return "2"
        if anchor is None:
            return None
        if rel in ("next", "coming"):
            # the one after the anchor's own ("the next millennium" in 2011: 3; in 1998: 2)
            return str(anchor.year // 1000 + 1)
        return str((anchor.year + 500) // 1000)  # "the new millennium": the nearest to begin
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


def new_year(g, anchor, tense, state, cand):
    """ "the new year": the year about to begin in the anchor's second half, else the anchor's."""
    if anchor is None:
        return None
    return f"{anchor.year + (anchor.month > NEW_YEAR_FROM_MONTH):04d}"


def half(g, anchor, tense, state, cand):
    h = 1 if g["h"].lower() in ("first", "1st") else 2  # second, last, latter
    y = year_of(g, anchor) or rel_year(g.get("rel"), anchor)
    return f"{y:04d}-H{h}" if y else f"XXXX-H{h}"


SEASON_ORDER = ("SP", "SU", "FA", "WI")


def season(g, anchor, tense, state, cand):
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
