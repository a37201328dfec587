"""TimeML value conventions, one table row per form: (expression, anchor, tense, expected value).

Rows added with the TempEval-3 value-F1 work (issue #4); the older rows are in
tests/stages/test_timexes.py.
"""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import parsed_timex_values
from tests.conftest import single_timex as normalize

from storyline.temporal import DocState, find_candidates, resolve


def sequence(text: str, anchor: str, tense: str | None) -> list[tuple[str, str]]:
    """Every timex of ``text`` in order, resolved with one document state."""
    state = DocState()
    out = []
    for cand in find_candidates(text):
        resolved = resolve(cand, date.fromisoformat(anchor), tense, state)
        if resolved is not None:
            out.append((cand.text, resolved.value))
    return out


# (sentence holding the expression, anchor, tense, expected span text, type, value)
CASES = [
    # a clock time written with its day is one TIME ("5 p.m. EST Nov. 9")
    (
        "Bids are due by 5 p.m. EST Nov. 9.",
        "1989-11-02",
        "future",
        "5 p.m. EST Nov. 9",
        "TIME",
        "1989-11-09T17:00",
    ),
    (
        "It expires at 5 p.m. EST, Nov. 6.",
        "1989-10-30",
        "future",
        "5 p.m. EST, Nov. 6",
        "TIME",
        "1989-11-06T17:00",
    ),
    (
        "The blast was at 10:30 a.m. EDT Friday.",
        "1998-08-07",
        "past",
        "10:30 a.m. EDT Friday",
        "TIME",
        "1998-08-07T10:30",
    ),
    (
        "Trading halted in mid-afternoon yesterday.",
        "1989-11-02",
        "past",
        "mid-afternoon yesterday",
        "TIME",
        "1989-11-01TAF",
    ),
    # rates and frequencies are SETs: "a year" after an amount, "twice a month", "each July"
    ("It would save $500 million a year.", "1989-10-26", "future", "a year", "SET", "P1Y"),
    ("Prices rose 5 percent a year.", "1998-08-07", "past", "a year", "SET", "P1Y"),
    ("Jobs grew at 358,000 a month.", "1998-02-06", "past", "a month", "SET", "P1M"),
    ("The board meets twice a month.", "1998-08-07", "present", "twice a month", "SET", "P1M"),
    ("Orangemen march each July.", "1998-03-22", "present", "each July", "SET", "XXXX-07"),
    ("Some 1,000 refugees a day crossed the border.", "1998-08-07", "past", "a day", "SET", "P1D"),
    # ... but "a year ago" after an amount stays a date
    ("Profit was $10 million a year ago.", "1998-08-07", "past", "a year ago", "DATE", "1997"),
    # "a couple of" is two in a duration, vague in a date
    ("He stayed a couple of years.", "1998-08-07", "past", "a couple of years", "DURATION", "P2Y"),
    ("over the next couple of weeks", "1998-08-07", "future", "the next couple of weeks", "DURATION", "P2W"),
    ("A couple of days ago he left.", "1998-08-07", "past", "A couple of days ago", "DATE", "PAST_REF"),
    # a bare season after a preposition
    ("Prosecutors expect to finish by spring.", "1998-02-04", "future", "spring", "DATE", "1998-SP"),
    ("The talks broke down in summer.", "1998-02-04", "past", "summer", "DATE", "1997-SU"),
    # a half unit is written in the next smaller unit ("a minute and a half" PT1M30S in TimeBank)
    ("It took 2 1/2 years.", "1998-02-27", "past", "2 1/2 years", "DURATION", "P2Y6M"),
    ("He spoke for a minute and a half.", "1998-01-14", "past", "a minute and a half", "DURATION", "PT1M30S"),
    ("They waited two and a half hours.", None, None, "two and a half hours", "DURATION", "PT2H30M"),
    ("The trial lasted a day and a half.", None, None, "a day and a half", "DURATION", "P1DT12H"),
    ("It took two and a half years.", None, None, "two and a half years", "DURATION", "P2Y6M"),
    # "recent weeks", "recent months" are vague durations (TimeBank 3 of 3, HeidelTime's "recent
    # UNITs"); "recent days" and "recent years" stay PAST_REF (TimeBank 1 of 1, 3 of 5)
    ("Prices rose in recent weeks.", "1989-10-30", "past", "recent weeks", "DURATION", "PXW"),
    ("in recent months", "1998-04-02", "past", "recent months", "DURATION", "PXM"),
    ("in recent days", "1998-03-08", "past", "recent days", "DATE", "PAST_REF"),
    ("in recent years", "1998-02-13", "past", "recent years", "DATE", "PAST_REF"),
    ("over the last few months", "1998-02-06", "past", "the last few months", "DATE", "PAST_REF"),
    ("in the past several quarters", "1989-10-30", "past", "the past several quarters", "DATE", "PAST_REF"),
    # two vague units are one timex: "weeks or months" in the first (TimeBank 1 of 1), "recent
    # weeks and months" PAST_REF (1 of 1)
    (
        "He died within weeks or months of his capture.",
        "1998-02-19",
        "past",
        "weeks or months",
        "DURATION",
        "PXW",
    ),
    (
        "Funds in recent weeks and months sold bonds.",
        "1989-10-27",
        "past",
        "recent weeks and months",
        "DATE",
        "PAST_REF",
    ),
    # a day written as a word, the first day of a range of days
    (
        "Women's Day is this coming Sunday, March eighth.",
        "1998-03-05",
        "present",
        "Sunday, March eighth",
        "DATE",
        "1998-03-08",
    ),
    ("on March twenty-first, 1997", "1998-03-05", "past", "March twenty-first, 1997", "DATE", "1997-03-21"),
    ("The talks were held Aug. 7-8 in Geneva.", "1998-08-12", "past", "Aug. 7", "DATE", "1998-08-07"),
    # the year-ago quarter with its ordinal is one DATE (TimeBank 2 of 2)
    (
        "compared with the year-ago third quarter",
        "1989-10-30",
        "past",
        "the year-ago third quarter",
        "DATE",
        "1988-Q3",
    ),
    ("He survived 5 ½ years in prison.", "2016-02-08", "past", "5 ½ years", "DURATION", "P5Y6M"),
    # a two-digit decade is the latest one begun by the anchor
    ("a YAF member in the '80s", "2016-01-19", "past", "the '80s", "DATE", "198"),
    ("music of the nineties", "2016-01-19", "past", "the nineties", "DATE", "199"),
    ("music of the nineties", "1998-02-01", "past", "the nineties", "DATE", "199"),
    # halves of a year
    ("in the last half of 1989", "1989-10-26", "past", "the last half of 1989", "DATE", "1989-H2"),
    (
        "the first two quarters of 1990",
        "1989-10-26",
        "future",
        "the first two quarters of 1990",
        "DATE",
        "1990-H1",
    ),
    # a bare month in a past-tense clause ten months back is last year's
    ("In January, the company brought in a new chief.", "1989-10-27", "past", "January", "DATE", "1989-01"),
    ("The accord takes effect in January.", "1989-10-27", "future", "January", "DATE", "1990-01"),
    # "a minute and a half later" is the duration before the signal, "eight trading days" a duration
    # of days, "a week or so ago" one date (TimeBank 1 of 1 each); weeks ago are written as the day
    # (TimeBank 2 of 3)
    (
        "But a minute and a half later, a pilot saw it.",
        "1998-01-14",
        "past",
        "a minute and a half",
        "DURATION",
        "PT1M30S",
    ),
    (
        "Eight trading days after Oct. 12, it fell.",
        "1989-10-30",
        "past",
        "Eight trading days",
        "DURATION",
        "P8D",
    ),
    (
        "Then, a week or so ago, the general moved.",
        "1991-02-25",
        "past",
        "a week or so ago",
        "DATE",
        "1991-02-18",
    ),
    ("Two weeks ago, the army attacked.", "1998-03-22", "past", "Two weeks ago", "DATE", "1998-03-08"),
    ("It will sell shares at a later date.", "1989-10-26", "future", "a later date", "DATE", "FUTURE_REF"),
    # one decade keeps TimeML's decade unit (TimeBank 'about a decade' P1E), several are years
    ("It took about a decade.", "1989-10-26", "past", "about a decade", "DURATION", "P1E"),
    ("It took two decades.", "1998-02-06", "past", "two decades", "DURATION", "P20Y"),
    # "one day" after a modal is the indefinite future (TimeBank 1 of 1), else a day's duration
    (
        "Islam will one day be the second largest religion.",
        "1998-03-03",
        "future",
        "one day",
        "DATE",
        "FUTURE_REF",
    ),
    ("He had been in the job one day.", "1989-10-26", "past", "one day", "DURATION", "P1D"),
    # "is the Nth day of ...": the report's own day (TimeBank 2 of 2), the copula left out
    (
        "In Saudi Arabia, today is the eighth day of Desert Shield.",
        "1990-08-15",
        "present",
        "the eighth day",
        "DATE",
        "1990-08-15",
    ),
    ("It's the second day of an offensive.", "1998-03-06", "present", "the second day", "DATE", "1998-03-06"),
    # "three or four months ago" is a date counted back from the anchor, as "four months ago" is
    # (by the second number, as HeidelTime finds "four months ago" inside it), not a duration
    (
        "He left three or four months ago.",
        "2016-04-11",
        "past",
        "three or four months ago",
        "DATE",
        "2015-12",
    ),
    (
        "She arrived two or three weeks ago.",
        "2016-04-11",
        "past",
        "two or three weeks ago",
        "DATE",
        "2016-03-21",
    ),
    ("It began 3-4 years ago.", "2016-04-11", "past", "3-4 years ago", "DATE", "2012"),
    # a weekday dating an unplanned event is the one just past, whatever the clause's tense
    # ("will examine Friday's bombing" in a Monday report); the noun is not in the span
    ("Experts will examine Friday's bombing.", "2016-04-11", "future", "Friday", "DATE", "2016-04-08"),
    ("Police are hunting Tuesday's attackers.", "2016-04-13", "present", "Tuesday", "DATE", "2016-04-12"),
    # ... and so is a month-day or month dating one, in a later report
    (
        "FBI agents will investigate the Aug. 7 bombings.",
        "1998-12-20",
        "future",
        "Aug. 7",
        "DATE",
        "1998-08-07",
    ),
    ("They will investigate the August bombings.", "1998-12-20", "future", "August", "DATE", "1998-08"),
    ("the Aug. 7, 1998 bombings", "1998-12-20", "future", "Aug. 7, 1998", "DATE", "1998-08-07"),
    # ... an outcome or a statement too ("will appeal Friday's ruling"), not its celebration
    ("He will appeal Friday's ruling.", "2016-04-11", "future", "Friday", "DATE", "2016-04-08"),
    ("Fans await Saturday's victory parade.", "2016-04-11", "future", "Saturday", "DATE", "2016-04-16"),
    # a month dating an announced ceremony or rally after "for" is the coming one
    ("Supporters are preparing for the July rally.", "2016-04-11", "present", "July", "DATE", "2016-07"),
    ("They will study last Friday's crash.", "2016-04-11", "future", "last Friday", "DATE", "2016-04-08"),
    (
        "He will visit Friday night's blast site.",
        "2016-04-11",
        "future",
        "Friday night",
        "TIME",
        "2016-04-08TNI",
    ),
    # a month dating an announced event after "for" is the coming one, whatever the tense
    # ("campaigning for the November election" in April); after "ahead of" the coming one unless
    # the clause is past (then the nearest); "the convention in July" the nearest with no tense
    (
        "They are campaigning for the November election.",
        "2016-04-11",
        "present",
        "November",
        "DATE",
        "2016-11",
    ),
    ("He set out plans for the November election.", "2016-04-11", "past", "November", "DATE", "2016-11"),
    ("Polls for the November presidential election", "2016-04-11", None, "November", "DATE", "2016-11"),
    ("Rallies are held ahead of the Nov. 8 vote.", "2016-04-11", "present", "Nov. 8", "DATE", "2016-11-08"),
    ("Rallies were held ahead of the Nov. 8 vote.", "2017-04-11", "past", "Nov. 8", "DATE", "2016-11-08"),
    ("The referendum in June is a test.", "2016-04-11", "present", "June", "DATE", "2016-06"),
    ("The referendum in June was a test.", "2016-11-11", "past", "June", "DATE", "2016-06"),
    ("the party's convention in July", "2016-04-11", None, "July", "DATE", "2016-07"),
    ("a Democratic debate in December", "2016-01-02", None, "December", "DATE", "2015-12"),
    ("a state convention in April", "2016-08-08", None, "April", "DATE", "2016-04"),
    # ... an outcome of the event, or an unplanned event, keeps the clause's direction
    ("He was blamed for the November election defeat.", "2016-04-11", "past", "November", "DATE", "2015-11"),
    ("He was jailed for the November attack.", "2016-04-11", "past", "November", "DATE", "2015-11"),
    # ... and a month with no tense cue and no such phrase reads back (TimeBank: "introduced in
    # April" is past; the nearest reading loses 2 train values)
    ("products introduced in April", "1989-10-26", None, "April", "DATE", "1989-04"),
    # ... a planned event or a plain weekday keeps the clause's direction
    ("He will attend Friday's meeting.", "2016-04-11", "future", "Friday", "DATE", "2016-04-15"),
    ("The leaders will meet on Friday.", "2016-04-11", "future", "Friday", "DATE", "2016-04-15"),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "span", "type_", "value"), CASES)
def test_timex_value(
    text: str, anchor: str | None, tense: str | None, span: str, type_: str, value: str
) -> None:
    assert normalize(text, anchor, tense) == (span, type_, value)


# a range of days in one month: each end is a DATE (TimeML annotates both; HeidelTime's date_r2b),
# the end in the month and year of the start; an amount or a day of another month is no end
@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        (
            "The festival ran August 10 to 12 in the park.",
            "2016-08-20",
            [("August 10", "2016-08-10"), ("12", "2016-08-12")],
        ),
        (
            "The talks were held Aug. 10-12 in Geneva.",
            "2016-08-20",
            [("Aug. 10", "2016-08-10"), ("12", "2016-08-12")],
        ),
        (
            "The talks were held Aug. 7-8 in Geneva.",
            "1998-08-12",
            [("Aug. 7", "1998-08-07"), ("8", "1998-08-08")],
        ),
        (
            "The talks were held Aug. 10-12, 2015, in Geneva.",
            "2016-08-20",
            [("Aug. 10", "2015-08-10"), ("12, 2015", "2015-08-12")],
        ),
        # the end keeps the start's year where the tense window would split them
        ("The fair ran Dec. 28 through 31.", "2017-01-02", [("Dec. 28", "2016-12-28"), ("31", "2016-12-31")]),
        ("Prices rose Aug. 10 to 12 percent.", "2016-09-20", [("Aug. 10", "2016-08-10")]),
        ("The rate fell Aug. 10 to 5 percent.", "2016-09-20", [("Aug. 10", "2016-08-10")]),
        (
            "It ran from Aug. 30 to 2 Sept.",
            "2016-09-20",
            [("Aug. 30", "2016-08-30"), ("2 Sept", "2016-09-02")],
        ),
    ],
)
def test_range_of_days_gives_both_ends(text: str, anchor: str, expected: list[tuple[str, str]]) -> None:
    assert sequence(text, anchor, "past") == expected


# the half of a month or decade is that month or decade (TimeML has no value for it; the half is a
# mod), the half of a year H1/H2
@pytest.mark.parametrize(
    ("text", "anchor", "tense", "span", "type_", "value"),
    [
        (
            "Sales fell in the second half of July.",
            "1998-08-20",
            "past",
            "the second half of July",
            "DATE",
            "1998-07",
        ),
        (
            "It grew in the last half of the '80s.",
            "1989-10-26",
            "past",
            "the last half of the '80s",
            "DATE",
            "198",
        ),
        (
            "It grew in the first half of the 1990s.",
            "1998-02-04",
            "past",
            "the first half of the 1990s",
            "DATE",
            "199",
        ),
        (
            "It grew in the first half of 1998.",
            "1998-08-20",
            "past",
            "the first half of 1998",
            "DATE",
            "1998-H1",
        ),
        ("It grew in the mid-'90s.", "1998-08-20", "past", "the mid-'90s", "DATE", "199"),
        # a part of the current decade or century, mid-year: the anchor's (the part is a mod)
        (
            "It will end by the end of the decade.",
            "1998-02-04",
            "future",
            "the end of the decade",
            "DATE",
            "199",
        ),
        ("for the rest of the century", "1998-02-04", "future", "the rest of the century", "DATE", "19"),
        ("Prices should rise by mid-year.", "1998-02-04", "future", "mid-year", "DATE", "1998"),
        ("He left this past weekend.", "1998-03-04", "past", "this past weekend", "DATE", "1998-W09-WE"),
        # half of a unit in the next smaller one
        ("They waited half an hour.", "1998-03-04", "past", "half an hour", "DURATION", "PT30M"),
        ("They waited a half hour.", "1998-03-04", "past", "a half hour", "DURATION", "PT30M"),
        ("It lasted half a century.", "1998-03-04", "past", "half a century", "DURATION", "P50Y"),
        ("It lasted half a year.", "1998-03-04", "past", "half a year", "DURATION", "P6M"),
        # "or so" belongs to the span (HeidelTime's duration_r2)
        ("He stayed a year or so.", "1998-08-12", "past", "a year or so", "DURATION", "P1Y"),
        # a quarter of a unit: "a quarter-century" P25Y (and 25 years back), "a quarter hour" PT15M
        (
            "He spent a quarter-century in Congress.",
            "2016-03-04",
            "past",
            "a quarter-century",
            "DURATION",
            "P25Y",
        ),
        (
            "It went off the air a quarter-century ago.",
            "2016-03-04",
            "past",
            "a quarter-century ago",
            "DATE",
            "1991",
        ),
        ("They waited a quarter hour.", "2016-03-04", "past", "a quarter hour", "DURATION", "PT15M"),
        # SETs: "every other week", "every few years", a season, a part of day
        ("They meet every other week.", "1998-03-04", "present", "every other week", "SET", "P2W"),
        ("It floods every few years.", "1998-03-04", "present", "every few years", "SET", "PXY"),
        ("Birds return each spring.", "1998-03-04", "present", "each spring", "SET", "XXXX-SP"),
        ("He runs every morning.", "1998-03-04", "present", "every morning", "SET", "XXXX-XX-XXTMO"),
        # "this quarter" in a quarterly report is the one reported (TimeBank 1 of 1), in a future
        # clause the anchor's
        ("This quarter's loss includes charges.", "1989-11-01", "present", "This quarter", "DATE", "1989-Q3"),
        ("Sales will rise this quarter.", "1989-11-01", "future", "this quarter", "DATE", "1989-Q4"),
        # a quarter named by its months
        (
            "Profit rose in the April-June quarter.",
            "1998-08-12",
            "past",
            "the April-June quarter",
            "DATE",
            "1998-Q2",
        ),
        (
            "the October-December quarter of 1997",
            "1998-08-12",
            "past",
            "the October-December quarter of 1997",
            "DATE",
            "1997-Q4",
        ),
        # US Election Day: the Tuesday after the first Monday of November
        (
            "Voters go to the polls on Election Day.",
            "1998-10-20",
            "future",
            "Election Day",
            "DATE",
            "1998-11-03",
        ),
    ],
)
def test_parts_of_months_decades_and_years(
    text: str, anchor: str, tense: str, span: str, type_: str, value: str
) -> None:
    assert normalize(text, anchor, tense) == (span, type_, value)


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # a range of amounts of time is two DURATIONs, the first number in the second's unit
        # (HeidelTime's duration_r5; TimeBank splits "two to six days")
        (
            "Shipments resume within two to three weeks.",
            "1989-10-30",
            [("two", "P2W"), ("three weeks", "P3W")],
        ),
        ("It took three or four months.", "2016-04-11", [("three", "P3M"), ("four months", "P4M")]),
        ("It takes 12-18 months.", "2016-04-11", [("12", "P12M"), ("18 months", "P18M")]),
        # two days of a month joined by "and" / "or": both DATEs, the second in the first's month
        (
            "Talks are set for Aug. 10 and 12 in Geneva.",
            "1998-08-04",
            [("Aug. 10", "1998-08-10"), ("12", "1998-08-12")],
        ),
        ("They vote on Aug. 10 or 11.", "1998-08-04", [("Aug. 10", "1998-08-10"), ("11", "1998-08-11")]),
        ("On March 3 and 12 people died.", "1998-03-20", [("March 3", "1998-03-03")]),
        ("It rose Aug. 10 and 12 percent later.", "1998-09-20", [("Aug. 10", "1998-08-10")]),
        # a season written "1996-97": both years, the end in the start's century
        ("in the 1996-97 season", "1998-02-04", [("1996", "1996"), ("97", "1997")]),
        (
            "the 1999-2000 budget and fiscal 1999-00",
            "1998-02-04",
            [("1999", "1999"), ("2000", "2000"), ("1999", "1999"), ("00", "2000")],
        ),
        # the end of a range of weekdays comes after its start; a list keeps each day's reading
        (
            "Talks run from Monday to Friday.",
            "1998-08-12",
            [("Monday", "1998-08-10"), ("Friday", "1998-08-14")],
        ),
        (
            "It rained from Thursday to Monday.",
            "1998-08-12",
            [("Thursday", "1998-08-06"), ("Monday", "1998-08-10")],
        ),
        (
            "statements made Friday and Thursday",
            "1998-02-06",
            [("Friday", "1998-02-06"), ("Thursday", "1998-02-05")],
        ),
        # a hyphenated range of months: both months, the end after the start
        (
            "Output rose in the January-June period.",
            "1998-08-12",
            [("January", "1998-01"), ("June", "1998-06")],
        ),
        ("in the November-February season", "1998-08-12", [("November", "1997-11"), ("February", "1998-02")]),
        ("They met in mid-June and pre-June talks failed.", "1998-08-12", [("mid-June", "1998-06")]),
        # "the next morning", "the night before," count from the day the story last named
        (
            "He was held on Aug. 3 and freed the next morning.",
            "1998-08-12",
            [("Aug. 3", "1998-08-03"), ("the next morning", "1998-08-04TMO")],
        ),
        (
            "On Friday he spoke; the night before, he slept.",
            "1998-08-12",
            [("Friday", "1998-08-07"), ("the night before", "1998-08-06TNI")],
        ),
        # "later that day", "That night," are the day the story last named; a bare "that day"
        # inside a clause is as often generic (TimeBank 0 of 2)
        (
            "He was held on Aug. 3 and freed later that day.",
            "1998-08-12",
            [("Aug. 3", "1998-08-03"), ("later that day", "1998-08-03")],
        ),
        (
            "On Aug. 3 he spoke. That night, he left.",
            "1998-08-12",
            [("Aug. 3", "1998-08-03"), ("That night", "1998-08-03TNI")],
        ),
        ("trades made that day at dropping prices", "1998-08-12", []),
        # "the week before," counts from the week the story last named
        (
            "He left on March 3; the week before, he had resigned.",
            "1998-03-20",
            [("March 3", "1998-03-03"), ("the week before", "1998-W09")],
        ),
        (
            "It fell in 1995 and rose the year before.",
            "1998-03-20",
            [("1995", "1995"), ("the year before", "1994")],
        ),
    ],
)
def test_ranges_pairs_and_anaphoric_units(text: str, anchor: str, expected: list[tuple[str, str]]) -> None:
    assert sequence(text, anchor, "past") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Ninth Five-Year Plan (1996-2000) aims high.", ["Five-Year", "1996", "2000"]),
        ("Trade grew in the 1990-1995 period.", ["1990", "1995"]),
        ("Call 555-1999 or see the pre-1990 rules.", []),
        ("the 1990-95 plan", ["1990", "95"]),
    ],
)
def test_year_ranges_give_both_years(text: str, expected: list[str]) -> None:
    assert [c.text for c in find_candidates(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ages are no timexes, and a hyphenated number word is one number, not a range
        ("Mr. Reupke, 52 years old, will retire.", []),
        ("employees 55 years old or older", []),
        ("He is fifty-five years of age.", []),
        ("They are 12-15 years old.", []),
        ("It took fifty-five years.", ["fifty-five years"]),
        # a quarter of something is a fraction, a quarter of a century still a time
        ("It holds more than a quarter of the entire market.", []),
        ("one-quarter of the vote", []),
        ("a quarter of a century", ["a quarter", "a century"]),
        # a half without its year is as often a game's (TimeBank 0 of 1)
        ("he tweeted during the first half.", []),
        # the modal "May" of a title-case headline
        ("Adelson and Trump May be Aligning on Israel", []),
        # "soon after", "as soon as" are conjunctions; "as soon as possible" is a time
        ("He was killed soon after being captured.", []),
        ("They will buy as soon as trading opens.", []),
        ("They will sell as soon as possible.", ["soon"]),
        # "the future of" a people is its fate; a programme's title in quotes is no week
        ("That is very important to the future of our peoples.", []),
        ("We will talk in the future.", ["the future"]),
        ('Baker said on ABC\'s "This Week" that the request was fair.', []),
        ("Baker said on ABC's ``This Week With David Brinkley''.", []),
        ('He said: "This week was hard."', ["This week"]),
    ],
)
def test_not_timexes(text: str, expected: list[str]) -> None:
    assert [c.text for c in find_candidates(text)] == expected


def test_hyphenated_number_word_duration() -> None:
    assert normalize("It took fifty-five years.", None, None) == ("fifty-five years", "DURATION", "P55Y")


def test_lowercase_modal_may_is_no_date() -> None:
    assert find_candidates("You may first ask him, and may second the motion.") == []


def test_fractions_are_not_durations() -> None:
    cands = find_candidates("She won about three-quarters of the vote.")
    assert [resolve(c, date(1998, 8, 7), "past", DocState()) for c in cands] == [None] * len(cands)


def test_rate_span_leaves_the_amount_out() -> None:
    text = "It would save $500 million a year."
    (cand,) = find_candidates(text)
    assert text[cand.start : cand.end] == "a year"


# "the following year" counts from the year the story last named (HeidelTime's REF); "two days
# ago" from the publication date.
@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        (
            "The law was passed in 1995 and amended the following year.",
            "1998-08-07",
            [("1995", "1995"), ("the following year", "1996")],
        ),
        (
            "The company was sold in April 1996; the following month it closed.",
            "1998-08-07",
            [("April 1996", "1996-04"), ("the following month", "1996-05")],
        ),
        ("Two days ago the talks began.", "1998-08-07", [("Two days ago", "1998-08-05")]),
        # "the 1988 quarter" in a quarterly report: the reported quarter, in 1988
        (
            "Profit rose in the third quarter, up from $5 million in the 1988 quarter.",
            "1989-10-26",
            [("the third quarter", "1989-Q3"), ("the 1988 quarter", "1988-Q3")],
        ),
        # "earlier in the day", "the day before": the day the story last named ("today" included)
        (
            "Moscow warned on Thursday. Whatever happens today, he arrived later in the day.",
            "1998-02-13",
            [("Thursday", "1998-02-12"), ("today", "1998-02-13"), ("the day", "1998-02-13")],
        ),
        (
            "He resigned on Aug. 3. The day before, he had met the president.",
            "1998-08-07",
            [("Aug. 3", "1998-08-03"), ("The day before", "1998-08-02")],
        ),
        (
            "Riots broke out yesterday. The next day, the army moved in.",
            "1998-08-07",
            [("yesterday", "1998-08-06"), ("The next day", "1998-08-07")],
        ),
        # "later" is a signal: the timex is the duration before it (TimeBank: 'Three days' P3D)
        (
            "The bomb exploded on March 3. Three days later, police arrested a suspect.",
            "1998-03-20",
            [("March 3", "1998-03-03"), ("Three days", "P3D")],
        ),
        ("A few days later they left.", "1998-08-07", [("A few days", "PXD")]),
        # a bare part of day is on the story's day, "overnight" the night before it, and "the
        # previous Friday" the Friday before the day last named (TimeBank 3 of 3)
        (
            "London shares closed lower Friday after overnight losses in New York, down 4.5% "
            "from the previous Friday.",
            "1989-10-30",
            [("Friday", "1989-10-27"), ("overnight", "1989-10-26TNI"), ("the previous Friday", "1989-10-20")],
        ),
        (
            "Prices fell on Thursday. Dealers were busy in the morning.",
            "1989-10-30",
            [("Thursday", "1989-10-26"), ("the morning", "1989-10-26TMO")],
        ),
        ("The morning was quiet.", "1998-03-06", [("The morning", "1998-03-06TMO")]),
    ],
)
def test_shifts_and_their_reference(text: str, anchor: str, expected: list[tuple[str, str]]) -> None:
    assert sequence(text, anchor, "past") == expected


# --- with the parse: the tense of the clause ---


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a conjoined verb without auxiliaries shares the tense of its conjunct
        ("The president will travel to Nairobi next week and return on Sunday.", "Sunday", "1998-08-09"),
        (
            "Officials said they would meet Tuesday and announce the decision Wednesday.",
            "Wednesday",
            "1998-08-12",
        ),
        # "had been scheduled to expire": the plan was in the past
        (
            "The offer had been scheduled to expire at midnight Thursday.",
            "midnight Thursday",
            "1998-08-06T24:00",
        ),
        ("The offer had been due to expire Thursday evening.", "Thursday evening", "1998-08-06TEV"),
        ("The offer is due to expire Thursday.", "Thursday", "1998-08-13"),
        # a present-tense plan: "is scheduled for", "is due"
        ("A memorial service is scheduled for Thursday at the cathedral.", "Thursday", "1998-08-13"),
        ("The report is due Wednesday.", "Wednesday", "1998-08-12"),
        # an infinitive under a past verb that is not about plans happens when that verb does
        ("Two companies extended their offers to acquire the maker Wednesday.", "Wednesday", "1998-08-05"),
        # a weekday dating an unplanned event is past under a future verb; a planned one is not
        ("Experts will examine Wednesday's bombing in the capital.", "Wednesday", "1998-08-05"),
        ("The ministers will attend Wednesday's meeting in the capital.", "Wednesday", "1998-08-12"),
    ],
)
def test_tense_of_the_clause(text: str, expression: str, value: str) -> None:
    assert parsed_timex_values(text, "1998-08-07")[expression] == value  # a Friday


def test_lone_clock_time_takes_the_day_named_just_before() -> None:
    # HeidelTime's UNDEF-REF-day: "around 7:15 p.m." is on the Thursday the sentence before named
    text = (
        "A woman was killed Thursday evening, the police said. "
        "The men appeared in the store around 7:15 p.m., after she had come in."
    )
    assert sequence(text, "1998-02-14", "past") == [
        ("Thursday evening", "1998-02-12TEV"),
        ("7:15 p.m.", "1998-02-12T19:15"),
    ]


def test_lone_clock_time_far_from_a_named_day_takes_the_anchor() -> None:
    filler = "The council met and talked about roads, schools and the budget for a long time. " * 4
    text = "The vote was on Thursday. " + filler + "Polls close at 8 p.m."
    assert sequence(text, "1998-02-14", "past")[-1] == ("8 p.m.", "1998-02-14T20:00")


def test_live_blog_time_stamp_is_on_the_anchor_day() -> None:
    text = "Biden's interviews will air Wednesday evening.\n\n12:50 p.m.: Cruz says the order is illegal."
    assert sequence(text, "2016-01-05", "future") == [
        ("Wednesday evening", "2016-01-06TEV"),
        ("12:50 p.m.", "2016-01-05T12:50"),
    ]


def test_clock_time_with_its_deixis_keeps_it() -> None:
    text = "The vote was on Thursday. Polls close at 8 p.m. tomorrow."
    assert sequence(text, "1998-02-14", "past")[-1] == ("8 p.m. tomorrow", "1998-02-15T20:00")


def test_bare_part_of_day_far_from_a_named_day_takes_the_anchor() -> None:
    filler = "The council met and talked about roads, schools and the budget for a long time. " * 4
    text = "The vote was on Thursday. " + filler + "The morning shows called him."
    assert sequence(text, "1998-02-14", "past")[-1] == ("The morning", "1998-02-14TMO")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # April 2016: the coming November, the one that lies past the report (issue #4)
        ("Candidates are campaigning hard for the November election.", "November", "2016-11"),
        ("The party announced its plans for the November election.", "November", "2016-11"),
        ("He lost his seat in the November election.", "November", "2015-11"),
        ("Investigators will examine Friday's bombing in the capital.", "Friday", "2016-04-08"),
        ("The festival will run August 10 to 12 in the park.", "12", "2016-08-12"),
        ("The army left the city three or four months ago.", "three or four months ago", "2015-12"),
        # an open condition on a future clause looks ahead; one on the past ("had won ... would
        # have") keeps the past reading
        ("If he won the election on Nov. 8, he would cut taxes.", "Nov. 8", "2016-11-08"),
        ("If he wins the vote on Nov. 8, he will cut taxes.", "Nov. 8", "2016-11-08"),
        ("If he had won the election on Nov. 8, he would have cut taxes.", "Nov. 8", "2015-11-08"),
        ("Talks are set for Aug. 10 and 12 in Geneva.", "12", "2016-08-12"),
    ],
)
def test_parsed_news_sentences(text: str, expression: str, value: str) -> None:
    assert parsed_timex_values(text, "2016-04-11")[expression] == value  # a Monday


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("If he won the election on Nov. 8, he would cut taxes.", "future"),
        ("He would cut taxes if he won the election on Nov. 8.", "future"),
        ("If he had won the election on Nov. 8, he would have cut taxes.", "past"),
        # the future of a past time: a "would" reported by a past verb keeps the clause's past
        ("He said that if he won the election on Nov. 8, he would cut taxes.", "past"),
    ],
)
def test_tense_of_a_condition(text: str, tense: str) -> None:
    from storyline.nlp import load_nlp
    from storyline.temporal.tense import tense_at

    start = text.index("Nov. 8")
    assert tense_at(load_nlp()(text), start, start + len("Nov. 8")) == tense
