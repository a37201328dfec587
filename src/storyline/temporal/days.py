"""Days told relative to the report or the story: weekdays, "yesterday", parts of day, clock times.

A weekday is the one the clause's tense points to from the anchor ("Friday" in a past clause is
the last Friday); "the previous Friday", "the next morning", "that night" count from the day
the story last named; a lone clock time or a bare "the morning" is on the day named just before
it when that was close (``CLOCK_DAY_WINDOW``), else on the anchor's day.
"""

from __future__ import annotations

from datetime import timedelta

from storyline.temporal import calendar as cal
from storyline.temporal.finder import time_words
from storyline.temporal.groups import clock_suffix, weekday_number
from storyline.temporal.state import Resolved

_DEIXIS = {"today": 0, "yesterday": -1, "tomorrow": 1, "before yesterday": -2, "after tomorrow": 2}


def deictic_day(g, anchor, tense, state, cand):
    pod = time_words()["parts_of_day"].get((g.get("pod") or g.get("pod2") or "").lower())
    rel = g.get("rel", "").lower()
    deixis = g.get("deixis", "").lower()
    if rel:  # "last night", "this morning", "tomorrow evening"
        offset = {"last": -1, "this": 0}.get(rel, _DEIXIS.get(rel, 0))
        if rel == "last" and pod != "NI":
            return None  # "last morning" is not a deictic day
    elif deixis:
        offset = _DEIXIS[deixis]
    else:  # "tonight"
        offset = 0
    if anchor is None:
        return "PRESENT_REF" if offset == 0 and not pod else None
    if cand.rule == "part_of_day":
        # a bare "the morning" is part of the day the story just named, "overnight" the night
        # before it (TimeBank 2 of 2: a Friday's London close read on Monday), as a lone clock time
        base = _day_just_named(state, cand) or anchor
        day = base - timedelta(days=1) if g.get("pod2") else base
        return Resolved("TIME", f"{cal.iso(day)}T{pod}")
    state.day = anchor + timedelta(days=offset)
    d = cal.iso(state.day)
    return Resolved("TIME", f"{d}T{pod}") if pod else Resolved("DATE", d)


def story_day(g, anchor, tense, state, cand):
    """ "the day before,", "the day after.": next to the day last named, which it then becomes (a
    chain "the day after ... the day after" advances, and a clock time after it is on it, as after
    "the next morning"); "earlier in the day", "until the end of the day" that day itself."""
    base = state.day or anchor
    if base is None:
        return None
    step = {"before": -1, "after": 1}.get(g.get("dir", "").lower(), 0)
    if step:
        state.day = base + timedelta(days=step)
        return cal.iso(state.day)
    return cal.iso(base)


def story_part(g, anchor, tense, state, cand):
    """ "The next morning", "the night before,": a part of the day next to the one last named."""
    base = state.day or anchor
    if base is None:
        return None
    if "what" in g:  # "later that day", "That night,": the day itself
        pod = time_words()["parts_of_day"].get(g["what"].lower())
        return Resolved("TIME", f"{cal.iso(base)}T{pod}") if pod else cal.iso(base)
    back = "dir" in g or g.get("rel", "").lower() in ("the previous", "the prior")
    pod = time_words()["parts_of_day"][(g.get("pod") or g["pod2"]).lower()]
    state.day = base + timedelta(days=-1 if back else 1)
    return f"{cal.iso(state.day)}T{pod}"


def report_day(g, anchor, tense, state, cand):
    """The day of the report itself ("today is the eighth day of ...")."""
    if anchor is None:
        return None
    state.day = anchor
    return cal.iso(anchor)


# "the previous Friday" is the Friday before the day the story last named (TimeBank 1 of 1)
_ANAPHORIC_WEEKDAY = {"the previous": "last", "the prior": "last", "the following": "next"}


# The end of a range of weekdays follows its start by at most this many characters (" through ").
WEEKDAY_RANGE_GAP = 9


def weekday_norm(g, anchor, tense, state, cand):
    wd = weekday_number(g["wd"])
    rel = g.get("rel", "").strip().lower()
    rel = {"this past": "last", "this coming": "next", "coming": "next"}.get(rel, rel)
    pod = time_words()["parts_of_day"].get(g.get("pod", "").lower())
    clock = clock_suffix(g)
    if cand.rule == "weekday_past_event":
        tense = "past"  # "will examine Friday's bombing": the event has happened
    elif "stamp" in g:
        tense = "present"  # "Updated : 1:09 a.m. Monday": the page's own stamp, the nearest one
    if anchor is None:
        day = f"XXXX-WXX-{wd}"
    elif rel in _ANAPHORIC_WEEKDAY:  # "the previous Friday": before the day last named
        base = state.day or anchor
        state.day = cal.weekday_date(wd, base, None, _ANAPHORIC_WEEKDAY[rel])
        day = cal.iso(state.day)
    else:
        d = cal.weekday_date(wd, anchor, tense, rel)
        previous = state.day
        if "upto" in g and previous is not None and 0 <= cand.start - state.weekday_end <= WEEKDAY_RANGE_GAP:
            # the end of a range of weekdays ("from Monday to Friday") comes after its start
            d = previous + timedelta(days=(wd - previous.isoweekday()) % 7 or 7)
        state.day = d
        day = cal.iso(state.day)
    state.weekday_end = cand.end
    if clock:
        return Resolved("TIME", f"{day}T{clock}")
    if pod:
        return Resolved("TIME", f"{day}T{pod}")
    return day


# A lone clock time ("around 7:15 p.m.") is on the day the story named just before it ("was
# killed Thursday evening ... around 7:15 p.m."), HeidelTime's UNDEF-REF-day, when that day was
# named at most this many characters earlier (about two news sentences; train's one lone clock time
# follows its day by 170 characters); otherwise the anchor's day. A bare part of day ("the
# morning", "overnight") uses the same window (train's two follow their day by under 250).
CLOCK_DAY_WINDOW = 250


def _day_just_named(state, cand):
    """The day the story named at most CLOCK_DAY_WINDOW characters before ``cand``, if any."""
    if state.day is not None and 0 <= cand.start - state.day_end <= CLOCK_DAY_WINDOW:
        return state.day
    return None


def clock(g, anchor, tense, state, cand):
    clock = clock_suffix(g)
    deixis = g.get("deixis", "").lower()
    if anchor is None:
        return f"XXXX-XX-XXT{clock}"
    if deixis:
        d = anchor + timedelta(days=_DEIXIS.get(deixis, 0))
    elif "stamp" not in g and (named := _day_just_named(state, cand)) is not None:
        d = named
    else:
        d = anchor
    return f"{cal.iso(d)}T{clock}"
