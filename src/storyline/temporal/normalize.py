"""Resolve a matched temporal expression to its TIMEX3 type and TimeML value.

Relative expressions are resolved against the anchor (the publication date): weekdays,
month-days and bare months take the direction of the clause's tense; "last week",
"two years ago" shift the anchor at the unit's granularity. Without an anchor only
values that need none are produced, with ``XXXX`` where the year cannot be known.

This module is the dispatcher: each rule of ``lexicons/time_rules.yaml`` names its normalizer
with ``norm:``, and ``resolve`` calls it through the table below. The normalizers live by what
they resolve: calendar dates and months (``dates``), weekdays, deictic days and clock times
(``days``), quarters, halves, seasons, decades and centuries (``periods``), shifts of the anchor
and vague references (``relative``), durations and sets (``durations``). They share the
document's memory and their result type (``state``) and the readers of a rule's matched words
(``groups``).
"""

from __future__ import annotations

from datetime import date

from storyline.temporal import dates, days, durations, periods, relative
from storyline.temporal.finder import Candidate
from storyline.temporal.state import DocState, Resolved


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


# each rule's ``norm:`` -> its normalizer: (groups, anchor, tense, state, candidate) -> value | Resolved | None
_NORMALIZERS = {
    "ymd": dates.ymd,
    "md": dates.md,
    "pair_day": dates.pair_day,
    "ym": dates.ym,
    "week_of_month": dates.week_of_month,
    "month": dates.month_norm,
    "year": dates.year_norm,
    "decade": periods.decade,
    "century": periods.century,
    "quarter": periods.quarter,
    "same_period": periods.same_period,
    "turn": periods.turn,
    "new_year": periods.new_year,
    "half": periods.half,
    "season": periods.season,
    "deictic_day": days.deictic_day,
    "story_day": days.story_day,
    "story_part": days.story_part,
    "report_day": days.report_day,
    "weekday": days.weekday_norm,
    "clock": days.clock,
    "shifted": relative.shifted,
    "relative_unit": relative.relative_unit,
    "duration": durations.duration,
    "set": durations.set_norm,
    "reference": relative.reference,
    "holiday": dates.holiday,
    "named_event_day": dates.named_event_day,
}
