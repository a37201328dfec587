"""Newswire time expressions (APW, NYT, Xinhua 1998-2000 style), one table row per form.

Sixth pass of issue #4: forms the TimeBank train set rarely shows, written here first from the
TimeML guidelines and HeidelTime's English rules, then fixed in the rules. Each row: the text,
the anchor (publication date), the clause's tense and every timex found, in order, as (span text,
type, value).
"""

from __future__ import annotations

import pytest
from tests.conftest import resolved_timexes as timexes

CASES = [
    # --- forms that already read right (kept as a guard) ---
    # a dateline's month-day is the report's own day
    ("BEIJING, Aug. 8 (Xinhua) -- Exports rose.", "1998-08-08", "past", [("Aug. 8", "DATE", "1998-08-08")]),
    # decades and centuries: TimeML writes the leading digits ("199", "19" for the 1900s)
    ("Growth averaged 10 percent in the 1990s.", "1998-08-08", "past", [("the 1990s", "DATE", "199")]),
    ("the worst crisis of this century", "1998-08-08", "present", [("this century", "DATE", "19")]),
    ("China will enter the 21st century.", "1998-08-08", "future", [("the 21st century", "DATE", "20")]),
    ("Exports doubled in the past decade.", "1998-08-08", "past", [("the past decade", "DATE", "198")]),
    ("It will grow in the coming days.", "1998-08-08", "future", [("the coming days", "DATE", "FUTURE_REF")]),
    (
        "He will leave at the end of the month.",
        "1998-08-08",
        "future",
        [("the end of the month", "DATE", "1998-08")],
    ),
    (
        "The plant will open at the beginning of next year.",
        "1998-08-08",
        "future",
        [("the beginning of next year", "DATE", "1999")],
    ),
    (
        "Exports rose in the first half of this year.",
        "1998-08-08",
        "past",
        [("the first half of this year", "DATE", "1998-H1")],
    ),
    # "so far this year": TimeBank marks "this year" alone (2 of 2)
    ("So far this year, 300 people have died.", "1998-08-08", "present", [("this year", "DATE", "1998")]),
    ("It will be done by the end of 2000.", "1998-08-08", "future", [("the end of 2000", "DATE", "2000")]),
    ("in fiscal 1999", "1998-08-08", "future", [("fiscal 1999", "DATE", "1999")]),
    # --- the same period a year back: one DATE, the period last named a year earlier (TimeBank:
    # "the corresponding period last year" 1988-Q3 in a quarterly report); with no quarter or
    # month named it is the year before ---
    (
        "Exports rose 5 percent over the same period last year.",
        "1998-08-10",
        "past",
        [("the same period last year", "DATE", "1997")],
    ),
    (
        "Exports rose 5 percent over the same period of last year.",
        "1998-08-10",
        "past",
        [("the same period of last year", "DATE", "1997")],
    ),
    (
        "Imports fell from the corresponding period of last year.",
        "1998-08-10",
        "past",
        [("the corresponding period of last year", "DATE", "1997")],
    ),
    (
        "Sales rose from the same period of 1997.",
        "1998-08-10",
        "past",
        [("the same period of 1997", "DATE", "1997")],
    ),
    (
        "Sales rose compared with the same period a year earlier.",
        "1998-08-10",
        "past",
        [("the same period a year earlier", "DATE", "1997")],
    ),
    (
        "Profit rose in the third quarter from the same period last year.",
        "1998-11-10",
        "past",
        [("the third quarter", "DATE", "1998-Q3"), ("the same period last year", "DATE", "1997-Q3")],
    ),
    (
        "Profit rose in the third quarter from the same quarter last year.",
        "1998-11-10",
        "past",
        [("the third quarter", "DATE", "1998-Q3"), ("the same quarter last year", "DATE", "1997-Q3")],
    ),
    (
        "Prices rose 2 percent in July from the same month last year.",
        "1998-08-10",
        "past",
        [("July", "DATE", "1998-07"), ("the same month last year", "DATE", "1997-07")],
    ),
    (
        "Prices rose 2 percent in July from the same month of last year.",
        "1998-08-10",
        "past",
        [("July", "DATE", "1998-07"), ("the same month of last year", "DATE", "1997-07")],
    ),
    # --- the early hours of a day: that day (no "hours" duration inside) ---
    (
        "The blast came in the early hours of Saturday.",
        "1998-08-10",
        "past",
        [("the early hours of Saturday", "DATE", "1998-08-08")],
    ),
    (
        "Rebels struck in the small hours of Sunday.",
        "1998-08-12",
        "past",
        [("the small hours of Sunday", "DATE", "1998-08-09")],
    ),
    (
        "Troops moved in the early hours of today.",
        "1998-08-12",
        "past",
        [("the early hours of today", "DATE", "1998-08-12")],
    ),
    (
        "Rebels struck in the early morning hours of Sunday.",
        "1998-08-12",
        "past",
        [("the early morning hours of Sunday", "DATE", "1998-08-09")],
    ),
    (
        "The fire started in the early hours of Saturday morning.",
        "1998-08-10",
        "past",
        [("the early hours of Saturday morning", "TIME", "1998-08-08TMO")],
    ),
    # a bare "the early hours" is no duration of hours
    ("The fire started in the early hours.", "1998-08-10", "past", []),
    # --- "the weeks ahead" is a vague duration with its "ahead" (TimeBank 1 of 1: PXW) ---
    ("in the weeks ahead", "1998-08-12", "future", [("the weeks ahead", "DURATION", "PXW")]),
    ("in the days ahead", "1998-08-12", "future", [("the days ahead", "DURATION", "PXD")]),
    ("in the months ahead", "1998-08-12", "future", [("the months ahead", "DURATION", "PXM")]),
    ("in the years ahead", "1998-08-12", "future", [("the years ahead", "DURATION", "PXY")]),
    # --- the Spring Festival is the lunar new year, a holiday, not spring ---
    (
        "Chinese people celebrated the Spring Festival.",
        "1998-02-02",
        "past",
        [("Spring Festival", "DATE", "1998-01-28")],
    ),
    ("during the Lunar New Year holiday", "1999-02-20", "past", [("Lunar New Year", "DATE", "1999-02-16")]),
    ("ahead of Chinese New Year", "2000-01-20", "future", [("Chinese New Year", "DATE", "2000-02-05")]),
    ("on the Spring Festival 1997", "1998-08-12", "past", [("Spring Festival 1997", "DATE", "1997-02-07")]),
    # --- the turn of the century: the century's first year nearest the report, the one past in a
    # past clause that the report has not reached ---
    (
        "The population will double by the turn of the century.",
        "1998-08-08",
        "future",
        [("the turn of the century", "DATE", "2000")],
    ),
    (
        "At the turn of the century the city was small.",
        "1998-08-08",
        "past",
        [("the turn of the century", "DATE", "1900")],
    ),
    (
        "The house was built at the turn of the last century.",
        "2010-05-04",
        "past",
        [("the turn of the last century", "DATE", "1900")],
    ),
    (
        "Computers may fail at the turn of the millennium.",
        "1998-08-08",
        "future",
        [("the turn of the millennium", "DATE", "2000")],
    ),
    # --- the new millennium: TimeML writes a millennium by its first digit ---
    ("as the world enters the new millennium", "1999-08-12", "future", [("the new millennium", "DATE", "2")]),
    ("plans for the next millennium", "1999-08-12", "future", [("the next millennium", "DATE", "2")]),
    ("in the third millennium", "1999-08-12", "future", [("the third millennium", "DATE", "2")]),
    # --- a number with its thousands comma ("5,000 years", was "000 years" P0Y) ---
    ("China has 5,000 years of history.", "1998-12-09", "present", [("5,000 years", "DURATION", "P5000Y")]),
    ("He spent 1,200 days in jail.", "1998-12-09", "past", [("1,200 days", "DURATION", "P1200D")]),
    # ... and one before year 1 is no calendar date (was a crash)
    (
        "The city was founded about 2,500 years ago.",
        "1998-12-09",
        "past",
        [("about 2,500 years ago", "DATE", "PAST_REF")],
    ),
    # --- "the new year": the year about to begin (late in the year) or just begun ---
    ("Talks will resume in the new year.", "1998-12-12", "future", [("the new year", "DATE", "1999")]),
    ("Prices rose at the start of the new year.", "1999-01-20", "past", [("the new year", "DATE", "1999")]),
    (
        "Millions travelled home for the Lunar New Year.",
        "1998-01-20",
        "past",
        [("Lunar New Year", "DATE", "1998-01-28")],
    ),
    # --- a range of months: the start in the end's year (Xinhua's monthly statistics) ---
    (
        "Exports rose in the January-October period.",
        "1998-11-12",
        "past",
        [("January", "DATE", "1998-01"), ("October", "DATE", "1998-10")],
    ),
    (
        "Exports in Jan-Oct rose.",
        "1998-11-12",
        "past",
        [("Jan", "DATE", "1998-01"), ("Oct", "DATE", "1998-10")],
    ),
    (
        "Output fell in the November-January period.",
        "1998-02-12",
        "past",
        [("November", "DATE", "1997-11"), ("January", "DATE", "1998-01")],
    ),
    # --- a month in a past clause ten months back is the past one (was next January); eleven
    # months back it is the coming one (a plan reported in the past) ---
    ("In January, the government cut taxes.", "1998-11-12", "past", [("January", "DATE", "1998-01")]),
    ("In February, the government cut taxes.", "1998-12-20", "past", [("February", "DATE", "1998-02")]),
    (
        "The Saudis told buyers of a cutback in September.",
        "1990-08-16",
        "past",
        [("September", "DATE", "1990-09")],
    ),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "expected"), CASES)
def test_newswire_form(
    text: str, anchor: str, tense: str | None, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes(text, anchor, tense) == expected
