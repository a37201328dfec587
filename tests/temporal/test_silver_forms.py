"""Forms the silver check of fresh news found read wrong (issue #4).

`evaluation/timex_silver.py` deletes the year of dates Timeline17 writes in full ("convicted in
February 2010" -> "convicted in February") and checks the year the stage infers against it; the
error classes of its TUNE half are rows here, written from the general form rather than the
article. `PARSED` go through the parse and the time stage (the tense comes from the clause);
`CHAINED` through the finder and normalizer with one document state, the clause's tense given.
"""

from __future__ import annotations

import pytest
from tests.conftest import parsed_timex_values
from tests.conftest import resolved_timexes as timexes

PARSED = [
    # --- a bare month dating a passive past verb through "in" is the one before the report
    # however far back, as the active "the uprising began in March" already was (Timeline17:
    # "was convicted of those crimes in February" in January 2011 was February 2011, written
    # February 2010; "Russia was caught off guard in March" in February 2012 was March 2012) ---
    (
        "He was convicted of those crimes in February and sentenced the following month .",
        "2011-01-27",
        {"February": "2010-02"},
    ),
    ("Russia was caught off guard in March by the Arab League call .", "2012-02-02", {"March": "2011-03"}),
    ("Two soldiers were killed in March , officials said .", "2012-02-02", {"March": "2011-03"}),
    # guards: a plan reported in the past keeps the window ("told oil companies of a cutback in
    # September" read in August: the coming one); a passive with an object-less future stays ahead
    ("He told oil companies of a cutback in September .", "1998-08-20", {"September": "1998-09"}),
    ("The vote will be held in March .", "2012-02-02", {"March": "2012-03"}),
    # the passive of the present perfect is not the simple past: the window as before
    ("The law has been changed in December .", "2011-01-27", {"December": "2010-12"}),
    # --- a plan reported in the past ("announced plans to ...") dates its infinitive on either
    # side of the report: the nearest reading (Timeline17: "Turkey announced plans to freeze
    # Syrian government assets ... on 30 November" in March 2012 was November 2012, written 2011) ---
    (
        "Turkey announced plans to freeze Syrian government assets and suspend all financial"
        " dealings with Turkey on 30 November .",
        "2012-03-23",
        {"30 November": "2011-11-30"},
    ),
    # guards: the nearest is ahead when the plan's time is (TimeBank "announced an agreement to
    # acquire the ... bank holding company in January", 1 of 1: the coming January); a plan in a
    # present clause keeps looking ahead
    (
        "The bank announced an agreement to acquire the Peoria bank holding company in January .",
        "1989-11-02",
        {"January": "1990-01"},
    ),
    ("The company has plans to open a plant in June .", "2012-03-23", {"June": "2012-06"}),
]


@pytest.mark.parametrize(("text", "published", "expected"), PARSED)
def test_silver_parsed_form(text: str, published: str, expected: dict[str, str]) -> None:
    values = parsed_timex_values(text, published)
    for span, value in expected.items():
        assert values.get(span) == value, (span, values)


CHAINED = [
    # --- "the day after." / "the day before," become the day the story names: a chain advances
    # ("the day after ... the day after" was the same day twice) and a lone clock time after it
    # is on it (was on the day before it) ---
    (
        "He arrived on March 3, 2011. He met her the day after. They left the day after.",
        "2011-03-10",
        "past",
        [
            ("March 3, 2011", "DATE", "2011-03-03"),
            ("the day after", "DATE", "2011-03-04"),
            ("the day after", "DATE", "2011-03-05"),
        ],
    ),
    (
        "He arrived on March 3, 2011. He left the day before, and again the day before.",
        "2011-03-10",
        "past",
        [
            ("March 3, 2011", "DATE", "2011-03-03"),
            ("the day before", "DATE", "2011-03-02"),
            ("the day before", "DATE", "2011-03-01"),
        ],
    ),
    (
        "He arrived on March 3, 2011. The day after, he spoke at 5 p.m.",
        "2011-03-10",
        "past",
        [
            ("March 3, 2011", "DATE", "2011-03-03"),
            ("The day after", "DATE", "2011-03-04"),
            ("5 p.m.", "TIME", "2011-03-04T17:00"),
        ],
    ),
    # guard: "earlier in the day" is the day named, and leaves it so
    (
        "He arrived on March 3, 2011. Earlier in the day, he had called. The day after, he left.",
        "2011-03-10",
        "past",
        [
            ("March 3, 2011", "DATE", "2011-03-03"),
            ("the day", "DATE", "2011-03-03"),
            ("The day after", "DATE", "2011-03-04"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "anchor", "tense", "expected"), CHAINED)
def test_silver_chained_form(
    text: str, anchor: str, tense: str | None, expected: list[tuple[str, str, str]]
) -> None:
    assert timexes(text, anchor, tense) == expected
