"""Dated events from sentences with resolved dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.stages.events import describe, extract_events
from storyline.stages.published import infer_publication_date
from storyline.stages.timexes import extract_timexes
from storyline.temporal.calendar import value_range
from storyline.testing import article_doc

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"


def events_of(text: str, published: str | None):  # type: ignore[no-untyped-def]
    doc = article_doc(text, published=published)
    if published is None:
        doc.published = infer_publication_date(doc)
    doc.timexes = extract_timexes(doc)
    return extract_events(doc)


@pytest.mark.parametrize(
    ("text", "date", "earliest", "latest"),
    [
        ("Rebels seized the district on Saturday, officials said.", "2017-01-07", "2017-01-07", "2017-01-07"),
        ("The army retook Aleppo last month.", "2016-12", "2016-12-01", "2016-12-31"),
        ("Talks will be held next week in Astana.", "2017-W02", "2017-01-09", "2017-01-15"),
        ("Profits fell in the third quarter of 2016.", "2016-Q3", "2016-07-01", "2016-09-30"),
    ],
)
def test_event_date_and_range(text: str, date: str, earliest: str, latest: str) -> None:
    (event,) = events_of(text, "2017-01-08")
    assert (event.date, event.earliest, event.latest) == (date, earliest, latest)
    assert event.description == text


def test_event_keeps_actors_and_places_of_its_sentence() -> None:
    (event,) = events_of("Bashar al-Assad met Vladimir Putin in Moscow on Tuesday.", "2017-01-08")
    assert "Moscow" in event.places
    assert any("Putin" in a for a in event.actors)
    assert event.date == "2017-01-03"


@pytest.mark.parametrize(
    "text",
    [
        "The war has lasted six years.",  # a duration, no date
        "He is now in power.",  # a reference, no date
        "The party has grown since 1947.",  # a year that dates a state, not a happening
        "His term ends in 2019.",  # a bare year planned for: too coarse for a timeline entry
        "The minister spoke about reforms.",  # no date at all
    ],
)
def test_no_event_without_a_precise_date(text: str) -> None:
    assert events_of(text, "2017-01-08") == []


def test_seed_001_events_separate_event_date_from_report_date() -> None:
    (path,) = sorted(SEEDS.glob("001_*.txt"))
    events = events_of(path.read_text(encoding="utf-8"), None)
    dates = {e.date for e in events}
    assert {"2016-12-22", "2016-12-30", "2017-01-07", "2017-01-08"} <= dates
    recapture = next(e for e in events if e.date == "2016-12-22")
    assert "recapture" in recapture.description
    bombing = next(e for e in events if e.date == "2017-01-07")
    assert "Azaz" in bombing.places


def test_value_range_forms() -> None:
    assert value_range("2017-W07-WE") == (value_range("2017-02-18")[0], value_range("2017-02-19")[0])  # type: ignore[index]
    assert value_range("2016-SU") is not None
    assert value_range("P4M") is None and value_range("PRESENT_REF") is None
    assert describe("a  b\n c") == "a b c"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The party was founded in 1947.", "2017-01-08", ["1947"]),
        ("The war started in 2003 .", "2008-09-27", ["2003"]),
        (
            "In 2007 , the Supreme Court ordered the government to end discrimination .",
            "2011-06-24",
            ["2007"],
        ),
        # a bare year that dates no happening in the past: no event
        ("Saleh says he wo n't seek re-election when his term ends in 2013 .", "2011-02-03", []),
        ("They said travel patterns were also similar in 2007 .", "2009-06-30", []),
        ("Russia urged members to adhere strictly to Security Council resolution 1973 .", "2011-05-04", []),
        ("A strain has been in circulation since 2008 .", "2009-06-30", []),
        ("Children in Haiti have undergone more suffering in the last year .", "2011-01-13", []),
        # a year that dates a noun of a happening (events.yaml event_nouns) a past verb governs
        ("Hollande pushed hard for an international intervention in 2013 .", "2017-02-16", ["2013"]),
        ("Hollande pushed for the 2013 intervention in Syria .", "2017-02-16", ["2013"]),
        ("The Baath Party seized power in a 1963 coup .", "2011-04-21", ["1963"]),
        ("Obama won the 2012 election by a wide margin .", "2017-01-08", ["2012"]),
        # not a noun of a happening, no past verb, or a plan
        ("Here is a clip from a 1948 NHS film .", "2009-06-30", []),
        ("Growth in 2013 was weak .", "2017-01-08", []),
        ("It was a mistake not to launch a war in 2013 .", "2017-02-16", []),
        ("The 2012 election will be close .", "2011-01-08", []),
    ],
)
def test_year_events(text: str, published: str, expected: list[str]) -> None:
    events = events_of(text, published)
    assert [e.date for e in events] == expected
    assert all((e.earliest, e.latest) == (f"{e.date}-01-01", f"{e.date}-12-31") for e in events)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a reader comment's timestamp is no event; the comment after the separator names no date
        (
            "February 28 , 2011 10:11 pm at 10:11 pm | What is it with McCain and Lieberman ?",
            "2011-02-28",
            [],
        ),
        ("April 8 , 2011 at 10:07 am | Reply Where do you get your facts ?", "2011-04-08", []),
        # a wire byline's timestamp is the report's time, not an event's
        ("WASHINGTON | Wed Apr 29 , 2009 5:24 pm EDT WASHINGTON -LRB-", "2009-04-29", []),
        # the modal "May" and "to this day" name no time anything happened at
        ("May we all die of old age .", "2009-06-30", []),
        ("To this day , they have stood by this decision .", "2005-09-16", []),
        # a day and a clock time on it: one event, not two
        (
            "Rebels seized the airport on January 7 , 2017 at 11:03 am .",
            "2017-01-08",
            [("2017-01-07", "Rebels seized the airport on January 7 , 2017 at 11:03 am .")],
        ),
        # a field that reports something keeps its event, described by that field alone
        (
            "Posted by admin | Rebels seized the airport on Saturday .",
            "2017-01-08",
            [("2017-01-07", "Rebels seized the airport on Saturday .")],
        ),
        # a dated happening stays an event (the report's date is not the event's)
        (
            "Jackson collapsed at his Los Angeles home on Thursday , officials said .",
            "2009-06-28",
            [("2009-06-25", "Jackson collapsed at his Los Angeles home on Thursday , officials said .")],
        ),
    ],
)
def test_events_table(text: str, published: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.date, e.description) for e in events_of(text, published)] == expected


def test_run_on_sentence_is_cut_to_the_piece_with_the_date() -> None:
    quote = "`` He owes it to the family to say : ` Here 's what happened . ' '' "
    long_quote = quote * 3
    text = long_quote + "Jackson , who had a history of health problems , collapsed at home on Thursday ."
    at = text.index("Thursday")
    assert describe(text, at) == (
        "Jackson , who had a history of health problems , collapsed at home on Thursday ."
    )


def test_title_abbreviations_and_initials_break_no_sentence() -> None:
    text = (
        "OXFORD , Miss. , Sept. 26 -- Sen. Barack Obama sharply criticized Sen. John McCain 's "
        "judgment on the war in Iraq , repeatedly telling his rival he was wrong , as the two met "
        "in their first debate , a long evening that George W. Bush watched from the White House ."
    )
    description = describe(text, text.index("Sept. 26"))
    assert description.startswith("OXFORD , Miss. , Sept. 26 -- Sen. Barack Obama sharply criticized")
    assert "George W. Bush" in description or description.endswith("…")


def test_actors_come_from_the_field_with_the_date() -> None:
    (event,) = events_of(
        "Maggie Fox reporting | Vladimir Putin met Bashar al-Assad in Moscow on Tuesday .", "2017-01-08"
    )
    assert event.date == "2017-01-03"
    assert any("Putin" in a for a in event.actors)
    assert not any("Fox" in a for a in event.actors)
    assert "Moscow" in event.places


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "between" a year and a later one, tied to a verb in the past tense (or a noun it governs):
        # one event over both years, dated with the ISO 8601 interval
        (
            "Some 13,000 people were hanged at the Saydnaya prison between 2011 and 2015 .",
            "2017-02-16",
            [("2011/2015", "2011-01-01", "2015-12-31")],
        ),
        (
            "The war killed thousands between 2011 and 2015 .",
            "2017-01-08",
            [("2011/2015", "2011-01-01", "2015-12-31")],
        ),
        (
            "Between 2011 and 2015 , more than 200,000 people were killed .",
            "2017-01-08",
            [("2011/2015", "2011-01-01", "2015-12-31")],
        ),
        # a state, a plan, a range that ends after the report, or "from ... to": no event
        ("Prices between 2011 and 2015 were stable .", "2017-01-08", []),
        ("The deal will run between 2018 and 2020 .", "2017-01-08", []),
        ("Prices were cut between 2015 and 2018 .", "2017-01-08", []),
        ("He served as minister from 2008 to 2011 .", "2017-01-08", []),
    ],
)
def test_year_range_events(text: str, published: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(e.date, e.earliest, e.latest) for e in events_of(text, published)] == expected
