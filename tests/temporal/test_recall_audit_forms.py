"""Forms the time stage missed or misread on fresh news: the recall audit (issue #4).

`evaluation/timex_audit.py --recall --seed 23` prints Timeline17 sentences holding a temporal cue
word with the timexes found in [brackets]; the misses and false positives judged there against
TimeML / HeidelTime's English rules are written here first, then fixed in the rules. Each row: the
text, the anchor (publication date), the clause's tense and every timex found, in order, as (span
text, type, value). Timeline17's text is tokenized ("the day before .", "Jane 's").
"""

from __future__ import annotations

import pytest
from tests.conftest import resolved_timexes as timexes

CASES = [
    # --- an anaphoric "the day before" / "the week before" / "the night before" before
    # Timeline17's tokenized punctuation (" ." and " ,": the rules wanted the mark right after) ---
    (
        "who had carried the opposition 's message to Tripoli the day before .",
        "2011-04-01",
        "past",
        [("the day before", "DATE", "2011-03-31")],
    ),
    (
        "He had left the week before , officials said .",
        "2011-04-01",
        "past",
        [("the week before", "DATE", "2011-W12")],
    ),
    ("She arrived the night before .", "2011-04-01", "past", [("the night before", "TIME", "2011-03-31TNI")]),
    (
        "It happened on Aug. 10 and 12 , officials said .",
        "2011-09-01",
        "past",
        [("Aug. 10", "DATE", "2011-08-10"), ("12", "DATE", "2011-08-12")],
    ),
    # guards: untokenized text as before; "the day before the vote" stays unmarked
    ("She arrived the night before.", "2011-04-01", "past", [("the night before", "TIME", "2011-03-31TNI")]),
    ("He left the day before the vote.", "2011-04-01", "past", []),
    # --- counted and vague units before "before", "later", "ago" keep their rules (a bare unit
    # there, "Months later", is no timex: see time_rules.yaml plural_units) ---
    ("He left two years before the vote .", "2011-06-21", "past", [("two years", "DURATION", "P2Y")]),
    ("He left several years ago .", "2011-06-21", "past", [("several years ago", "DATE", "PAST_REF")]),
    ("A few days later he left .", "2011-06-21", "past", [("A few days", "DURATION", "PXD")]),
    # --- "the weekend" before "after"/"before" is still the weekend (was no timex) ---
    (
        "Rebel forces moved to within 9 km of al-Brega over the weekend after dismantling mines .",
        "2011-07-19",
        "past",
        [("the weekend", "DATE", "2011-W28-WE")],
    ),
    (
        "They rallied over the weekend before the vote.",
        "2011-07-19",
        "past",
        [("the weekend", "DATE", "2011-W28-WE")],
    ),
    # guard: "the year after" a named event stays out (its year is the event's)
    ("He retired the year after the war.", "2011-07-19", "past", []),
    # --- names that hold a time word are no time (the newspaper "Sunday Times", a magazine's
    # "Weekly", a programme's "Night"), nor "May" in a wish ---
    ("Sunday Times reporter Marie Colvin died .", "2012-02-22", "past", []),
    (
        "a foreign correspondent for the Sunday Times for two decades",
        "2012-02-22",
        "past",
        [("two decades", "DURATION", "P20Y")],
    ),
    ("the Mail on Sunday reported it", "2012-02-22", "past", []),
    ("said Tim Ripley , a military expert at Jane 's Defense Weekly .", "2011-10-01", "past", []),
    ("He told the Evening Standard that", "2011-10-01", "past", []),
    ("a sketch on Saturday Night Live", "2011-10-01", "past", []),
    ("May God help me , '' he replied .", "2012-02-12", "past", []),
    # guards: the day, the adverb and the month stay
    ("The Times said on Sunday that", "2012-02-22", "past", [("Sunday", "DATE", "2012-02-19")]),
    ("The magazine is published weekly .", "2012-02-22", "present", [("weekly", "SET", "XXXX-WXX")]),
    ("In May he was elected .", "2012-02-22", "past", [("May", "DATE", "2011-05")]),
    # --- a 24-hour clock on a written day is one TIME on that day (was the report's day beside
    # a DATE); a time zone ("BST", "CET") is in the span ---
    (
        "Ceasefire to be implemented on the ground 06:00 local time on 12 April : All forms",
        "2012-04-05",
        "future",
        [("06:00 local time on 12 April", "TIME", "2012-04-12T06:00")],
    ),
    (
        "The strike came at 14:30 GMT on Tuesday .",
        "2012-04-05",
        "past",
        [("14:30 GMT on Tuesday", "TIME", "2012-04-03T14:30")],
    ),
    (
        "at 06:00 on April 12 , 2012 .",
        "2012-04-05",
        "future",
        [("06:00 on April 12 , 2012", "TIME", "2012-04-12T06:00")],
    ),
    (
        "May 6 , 2011 9:30 pm BST AMMAN -LRB- Reuters -RRB- - Syrian forces",
        "2011-05-06",
        "past",
        # one TIME with its day since the fourth audit (test_fourth_audit_forms.py), the zone kept
        [("May 6 , 2011 9:30 pm BST", "TIME", "2011-05-06T21:30")],
    ),
    ("He arrived at 18:45 BST .", "2012-04-05", "past", [("18:45 BST", "TIME", "2012-04-05T18:45")]),
    # guards: a score is no clock; a live-blog stamp keeps its reading
    ("It ended 2:1 on 12 April .", "2012-04-05", "past", [("12 April", "DATE", "2012-04-12")]),
    ("12:50 p.m.: Cruz says", "2012-04-05", "past", [("12:50 p.m.", "TIME", "2012-04-05T12:50")]),
    # --- "the early days" one span (was "days" alone) ---
    (
        "even the rebels opposed that idea in the early days of the rebellion .",
        "2011-04-08",
        "past",
        [("the early days", "DURATION", "PXD")],
    ),
    (
        "you don't save as many lives in the early years",
        "1998-03-31",
        "present",
        [("the early years", "DURATION", "PXY")],
    ),
    # guard: "the early hours of Saturday" stays that day
    (
        "in the early hours of Saturday .",
        "2011-04-08",
        "past",
        [("the early hours of Saturday", "DATE", "2011-04-02")],
    ),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "expected"), CASES)
def test_recall_audit_form(
    text: str, anchor: str, tense: str | None, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes(text, anchor, tense) == expected
