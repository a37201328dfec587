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
        "The party was founded in 1947.",  # a year: too coarse for a timeline entry
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
