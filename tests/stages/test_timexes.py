"""TIMEX3 finding and normalization: (expression, anchor, tense, expected value) tables."""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import parsed_timex_values
from tests.conftest import single_timex as normalize

from storyline.temporal import DocState, find_candidates, resolve

# (sentence holding one expression, anchor, tense, expected span text, type, value)
CASES = [
    # absolute dates
    ("It happened on February 16, 2017.", "2017-03-01", "past", "February 16, 2017", "DATE", "2017-02-16"),
    ("It began on 16 February 2017.", None, None, "16 February 2017", "DATE", "2017-02-16"),
    ("Filed 2017-02-16 in court.", None, None, "2017-02-16", "DATE", "2017-02-16"),
    ("They met in December 2016.", "2017-01-08", "past", "December 2016", "DATE", "2016-12"),
    ("The war began in 2011.", "2017-01-08", "past", "2011", "DATE", "2011"),
    ("It grew in the 2010s.", "2017-01-08", "past", "the 2010s", "DATE", "201"),
    ("Prices rose in the late 1970s.", None, None, "the late 1970s", "DATE", "197"),
    ("the 20th century", None, None, "the 20th century", "DATE", "19"),
    ("In nineteen ninety-six the games opened.", None, None, "nineteen ninety-six", "DATE", "1996"),
    # month-day without a year: the nearest plausible year, the tense breaking ties
    ("the December 22 recapture", "2017-01-08", "past", "December 22", "DATE", "2016-12-22"),
    (
        "talks due to begin in Geneva on February 23",
        "2017-02-17",
        "future",
        "February 23",
        "DATE",
        "2017-02-23",
    ),
    ("talks on February 23", "2017-02-17", None, "February 23", "DATE", "2017-02-23"),
    ("the ceasefire of Dec. 30", "2017-01-08", "past", "Dec. 30", "DATE", "2016-12-30"),
    ("It ends Jan. 5.", "2016-12-20", "future", "Jan. 5", "DATE", "2017-01-05"),
    ("a deal signed on December 22", None, "past", "December 22", "DATE", "XXXX-12-22"),
    # months
    ("He arrived in December.", "2017-01-08", "past", "December", "DATE", "2016-12"),
    ("Elections are in March.", "2017-01-08", "future", "March", "DATE", "2017-03"),
    ("They met last April.", "2017-06-01", "past", "last April", "DATE", "2017-04"),
    ("They met last April.", "2017-02-01", "past", "last April", "DATE", "2016-04"),
    ("later this month", "2017-01-08", "future", "later this month", "DATE", "2017-01"),
    ("last month", "2017-01-08", "past", "last month", "DATE", "2016-12"),
    # weekdays: the tense decides the direction
    ("Assad said on Thursday", "2017-02-17", "past", "Thursday", "DATE", "2017-02-16"),
    ("an interview to be aired Monday", "2017-01-08", "future", "Monday", "DATE", "2017-01-09"),
    ("Earlier Sunday in Damascus", "2017-01-08", "past", "Earlier Sunday", "DATE", "2017-01-08"),
    ("a bomb ripped through a market on Saturday", "2017-01-08", "past", "Saturday", "DATE", "2017-01-07"),
    ("He will speak next Friday.", "2017-01-08", "future", "next Friday", "DATE", "2017-01-13"),
    ("He spoke last Friday.", "2017-01-08", "past", "last Friday", "DATE", "2017-01-06"),
    ("on Friday", None, "past", "Friday", "DATE", "XXXX-WXX-5"),
    # weeks, quarters, halves, seasons, parts of day
    ("this week", "2017-02-16", "present", "this week", "DATE", "2017-W07"),
    ("last week", "2017-02-16", "past", "last week", "DATE", "2017-W06"),
    ("over the weekend", "2017-02-16", "future", "the weekend", "DATE", "2017-W07-WE"),
    ("in the third quarter of 2014", None, None, "the third quarter of 2014", "DATE", "2014-Q3"),
    ("third-quarter profit", "2014-10-20", "past", "third-quarter", "DATE", "2014-Q3"),
    ("in the first half of 2016", None, None, "the first half of 2016", "DATE", "2016-H1"),
    ("this summer", "2016-05-01", "future", "this summer", "DATE", "2016-SU"),
    ("last winter", "2017-01-08", "past", "last winter", "DATE", "2015-WI"),
    ("in the spring of 2011", None, None, "the spring of 2011", "DATE", "2011-SP"),
    ("this morning", "2017-01-08", "past", "this morning", "TIME", "2017-01-08TMO"),
    ("last night", "2017-01-08", "past", "last night", "TIME", "2017-01-07TNI"),
    ("tonight", "2017-01-08", "future", "tonight", "TIME", "2017-01-08TNI"),
    ("Saturday night", "2017-01-08", "past", "Saturday night", "TIME", "2017-01-07TNI"),
    (
        "on the morning of Aug. 7, rescuers came",
        "1998-08-08",
        "past",
        "the morning of Aug. 7",
        "TIME",
        "1998-08-07TMO",
    ),
    ("at 10 p.m. yesterday", "2017-01-08", "past", "10 p.m. yesterday", "TIME", "2017-01-07T22:00"),
    ("the blast at 0730 GMT", "1998-08-07", "past", "0730 GMT", "TIME", "1998-08-07T07:30"),
    # deictic days and shifts at the unit's granularity
    ("yesterday", "2017-01-08", "past", "yesterday", "DATE", "2017-01-07"),
    ("tomorrow", "2017-01-08", "future", "tomorrow", "DATE", "2017-01-09"),
    ("two days ago", "2017-01-08", "past", "two days ago", "DATE", "2017-01-06"),
    ("three years ago", "2017-01-08", "past", "three years ago", "DATE", "2014"),
    ("a month ago", "2017-01-08", "past", "a month ago", "DATE", "2016-12"),
    ("next year", "2017-01-08", "future", "next year", "DATE", "2018"),
    ("before the end of this year", "2017-01-08", "future", "the end of this year", "DATE", "2017"),
    ("in late December", "2017-01-08", "past", "late December", "DATE", "2016-12"),
    # holidays
    ("home for Christmas", "1998-08-08", "past", "Christmas", "DATE", "1997-12-25"),
    ("the attack on Easter Sunday", "1998-08-08", "past", "Easter Sunday", "DATE", "1998-04-12"),
    ("talks before Thanksgiving", "2016-10-20", "future", "Thanksgiving", "DATE", "2016-11-24"),
    ("the ceasefire of New Year's Day 2017", None, None, "New Year's Day 2017", "DATE", "2017-01-01"),
    # durations
    ("for two decades", None, None, "two decades", "DURATION", "P20Y"),
    ("a four-month campaign", None, None, "four-month", "DURATION", "P4M"),
    ("for two hours", None, None, "two hours", "DURATION", "PT2H"),
    ("after six years of civil war", None, None, "six years", "DURATION", "P6Y"),
    ("the nearly six-year conflict", None, None, "nearly six-year", "DURATION", "P6Y"),
    ("a month-long offensive", None, None, "month-long", "DURATION", "P1M"),
    ("for several weeks", None, None, "several weeks", "DURATION", "PXW"),
    ("the past two months", None, None, "the past two months", "DURATION", "P2M"),
    ("30 minutes", None, None, "30 minutes", "DURATION", "PT30M"),
    ("two and a half years", None, None, "two and a half years", "DURATION", "P2Y6M"),
    ("for decades", None, None, "decades", "DURATION", "PXE"),
    # references
    ("Prices are now higher.", "2017-01-08", "present", "now", "DATE", "PRESENT_REF"),
    ("He recently resigned.", "2017-01-08", "past", "recently", "DATE", "PAST_REF"),
    ("It will happen soon.", "2017-01-08", "future", "soon", "DATE", "FUTURE_REF"),
    ("in the near future", None, None, "the near future", "DATE", "FUTURE_REF"),
    ("in recent years", None, None, "recent years", "DATE", "PAST_REF"),
    ("currently", None, None, "currently", "DATE", "PRESENT_REF"),
    # sets
    ("every Thursday", None, None, "every Thursday", "SET", "XXXX-WXX-4"),
    ("the paper appears weekly", None, None, "weekly", "SET", "XXXX-WXX"),
    ("Tuesday nights", None, None, "Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ("every year", None, None, "every year", "SET", "P1Y"),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "span", "type_", "value"), CASES)
def test_timex_value(
    text: str, anchor: str | None, tense: str | None, span: str, type_: str, value: str
) -> None:
    assert normalize(text, anchor, tense) == (span, type_, value)


@pytest.mark.parametrize(
    "text",
    [
        "You may go now if you like.",  # "may" the verb: only "now" is a timex
        "The soldiers will march on the capital.",
        "He paid $1990 for it.",
        "Some 2000 people marched.",
    ],
)
def test_false_friends_are_not_dates(text: str) -> None:
    found = {c.text.lower() for c in find_candidates(text)}
    assert not found & {"may", "march", "1990", "2000"}


def test_spans_are_offsets_into_the_text() -> None:
    text = "On Thursday, talks set for February 23 were delayed by two days."
    for cand in find_candidates(text):
        assert text[cand.start : cand.end] == cand.text
    assert [c.text for c in find_candidates(text)] == ["Thursday", "February 23", "two days"]


def test_the_next_day_follows_the_day_last_named() -> None:
    text = "The bombs exploded on Aug. 7. The next day, rescuers searched the rubble."
    state = DocState()
    values = [resolve(c, date(1998, 8, 10), "past", state) for c in find_candidates(text)]
    assert [v.value for v in values if v] == ["1998-08-07", "1998-08-08"]


def test_the_past_year_is_the_year_before() -> None:
    assert normalize("over the past year", "1998-03-03", "past") == ("the past year", "DATE", "1997")


def test_financial_year_earlier_follows_the_quarter_reported() -> None:
    text = "Profit rose in the third quarter of 1989 from a year earlier."
    state = DocState()
    values = [resolve(c, date(1989, 10, 26), "past", state) for c in find_candidates(text)]
    assert [v.value for v in values if v] == ["1989-Q3", "1988-Q3"]


# --- with the parse: the clause's tense, and golden seed articles ---

SEEDS = __import__("pathlib").Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"


def _seed(prefix: str) -> str:
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Assad said in an interview to be aired Monday that he would win.", "Monday", "2017-01-09"),
        ("Assad told French lawmakers on Sunday that he was optimistic.", "Sunday", "2017-01-08"),
        ("A truck bomb ripped through a market on Saturday.", "Saturday", "2017-01-07"),
        ("The talks will open on Thursday in Astana.", "Thursday", "2017-01-12"),
        ("The army retook the city on December 22.", "December 22", "2016-12-22"),
    ],
)
def test_tense_of_the_clause_sets_the_direction(text: str, expression: str, value: str) -> None:
    assert parsed_timex_values(text, "2017-01-08")[expression] == value  # a Sunday


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # after "until", "through", "effective" a date ends a period that may reach past the report:
        # the nearest reading, not the past one of the clause
        ("Lenders extended the loans through January.", "1989-10-30", "January", "1990-01"),
        ("The board created the post, effective Feb. 1.", "1989-10-26", "Feb. 1", "1990-02-01"),
        ("The embassy was closed until Friday.", "2017-01-11", "Friday", "2017-01-13"),
        ("Rubio stumbled just days before Tuesday's primary.", "2016-02-07", "Tuesday", "2016-02-09"),
        ("Traders squared positions ahead of the weekend.", "1989-10-30", "the weekend", "1989-W44-WE"),
        # a past date stays past when it is also the nearest
        ("Shares rose through Sept. 29.", "1989-10-30", "Sept. 29", "1989-09-29"),
        ("The fund grew through August.", "1989-10-27", "August", "1989-08"),
    ],
)
def test_open_end_dates_take_the_nearest_reading(
    text: str, published: str, expression: str, value: str
) -> None:
    assert parsed_timex_values(text, published)[expression] == value


def test_seed_001_with_its_inferred_date() -> None:
    from storyline.stages.published import infer_publication_date
    from storyline.stages.timexes import extract_timexes
    from storyline.testing import article_doc

    doc = article_doc(_seed("001"))
    doc.published = infer_publication_date(doc)
    values = {t.text: t.value for t in extract_timexes(doc)}
    assert values["December 22"] == "2016-12-22"
    assert values["December 30"] == "2016-12-30"
    assert values["last month"] == "2016-12"
    assert values["Earlier Sunday"] == "2017-01-08"
    assert values["Monday"] == "2017-01-09"
    assert values["nearly six-year"] == "P6Y"


def test_seed_000_february_23_is_2017() -> None:
    from storyline.stages.published import infer_publication_date
    from storyline.stages.timexes import extract_timexes
    from storyline.testing import article_doc

    doc = article_doc(_seed("000"))
    doc.published = infer_publication_date(doc)
    values = {t.text: t.value for t in extract_timexes(doc)}
    assert values["February 23"] == "2017-02-23"


def test_without_anchor_no_year_is_invented() -> None:
    values = parsed_timex_values(
        "The army retook the city on December 22 after a month-long offensive.", None
    )
    assert values == {"December 22": "XXXX-12-22", "month-long": "P1M"}
