"""The Nth or last week of a month: one DATE, an ISO week (seed dossier: "the last week of January"
was "the last week" read from the anchor, 2017-W01, beside "January" 2017-01).

Convention (no TimeBank train case either way): the ISO week holding the month's last day for
"the last/final week", the one holding its 1st, 8th, 15th or 22nd for the first to fourth week. A
month without a year is read as a bare month is. Each row: text, anchor, tense, every timex found
as (span text, type, value); the neighbouring forms that were already one DATE are guards.
"""

from __future__ import annotations

import pytest
from tests.conftest import resolved_timexes as timexes

CASES = [
    (
        "Turkey has suggested the Astana talks could be convened around the last week of January.",
        "2017-01-08",
        None,
        [("the last week of January", "DATE", "2017-W05")],
    ),
    (
        "The talks will be held in the last week of January 2017.",
        "2016-12-01",
        "future",
        [("the last week of January 2017", "DATE", "2017-W05")],
    ),
    (
        "Sales fell in the final week of January.",
        "2017-03-01",
        "past",
        [("the final week of January", "DATE", "2017-W05")],
    ),
    # 2016-01-31 is a Sunday: the week ending that day
    (
        "It closed the last week of January, 2016.",
        "2016-05-01",
        "past",
        [("the last week of January, 2016", "DATE", "2016-W04")],
    ),
    # 2017-03-01 is a Wednesday: the ISO week from Monday 2017-02-27
    (
        "The talks will be held in the first week of March.",
        "2017-01-08",
        "future",
        [("the first week of March", "DATE", "2017-W09")],
    ),
    (
        "Troops arrived in the second week of Feb. 2015.",
        "2017-01-08",
        "past",
        [("the second week of Feb. 2015", "DATE", "2015-W06")],
    ),
    # the past month in a past clause
    (
        "The offensive began in the third week of December.",
        "2017-01-08",
        "past",
        [("the third week of December", "DATE", "2016-W50")],
    ),
    # guards: forms that were one DATE already
    (
        "Prices rose in the second half of 2015.",
        "2017-01-08",
        "past",
        [("the second half of 2015", "DATE", "2015-H2")],
    ),
    (
        "Talks will resume at the end of January.",
        "2017-01-08",
        "future",
        [("the end of January", "DATE", "2017-01")],
    ),
    ("Talks will resume in early February.", "2017-01-08", "future", [("early February", "DATE", "2017-02")]),
    (
        "Talks resumed in late February 2016.",
        "2017-01-08",
        "past",
        [("late February 2016", "DATE", "2016-02")],
    ),
    # "the last week" alone stays the ISO week before the anchor's (a Sunday: 2017-W01 is its own)
    ("Talks stalled over the last week.", "2017-01-08", "past", [("the last week", "DATE", "2016-W52")]),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "expected"), CASES)
def test_week_of_month(
    text: str, anchor: str, tense: str | None, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes(text, anchor, tense) == expected
