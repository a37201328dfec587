"""Articles dated only by a range (issue #4): relative dates read at both ends of the range.

The published stage may bound a report's day without giving one (seed 1b2309: 2014-07-07 to
2014-09-05). The time stage then reads each expression against both ends; where both readings are
the same value it is the value ("this year"), and the events stage dates a sentence by the span
from the first reading's first day to the last reading's last day ("rejected Thursday": a Thursday
from 2014-07-03 to 2014-09-04). An article with a day is read as before; a range wider than
``MAX_ANCHOR_RANGE_DAYS`` is not read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.records import PublicationDate
from storyline.stages.events import extract_events
from storyline.stages.published import infer_publication_date
from storyline.stages.timexes import MAX_ANCHOR_RANGE_DAYS, anchor_range, extract_timexes
from storyline.testing import article_doc

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"


def _read(text: str, earliest: str | None, latest: str | None, day: str | None = None):  # type: ignore[no-untyped-def]
    doc = article_doc(text, published=day)
    if day is None:
        doc.published = PublicationDate(None, earliest, latest, "inferred", 0.5, "test")
    doc.timexes = extract_timexes(doc)
    return doc, extract_events(doc)


@pytest.mark.parametrize(
    ("text", "timex", "value", "span"),
    [
        # a weekday just past: from the Thursday before the first day to the one before the last
        (
            "France's president rejected Thursday any cooperation with Assad.",
            "Thursday",
            "XXXX-WXX-4",
            ("2014-07-03", "2014-09-04"),
        ),
        (
            "Assad's regime said Monday it was willing to work with Washington.",
            "Monday",
            "XXXX-WXX-1",
            ("2014-07-07", "2014-09-01"),
        ),
        # a month: June 2014 at the first end, August at the last (92 days, the events' limit)
        ("The army retook the town last month.", "last month", "PAST_REF", ("2014-06-01", "2014-08-31")),
        # both ends agree: the value itself, and a plain event of that value
        ("Rebels have seized three towns this year, officials said.", "this year", "2014", None),
    ],
)
def test_range_anchor_reads_both_ends(
    text: str, timex: str, value: str, span: tuple[str, str] | None
) -> None:
    doc, events = _read(text, "2014-07-07", "2014-09-05")
    assert {t.text: t.value for t in doc.timexes}[timex] == value
    if span is None:
        assert all("/" not in e.date for e in events)
        return
    (event,) = events
    assert (event.earliest, event.latest) == span
    assert event.date == f"{span[0]}/{span[1]}"


def test_single_day_anchor_is_read_as_before() -> None:
    doc, events = _read("France's president rejected Thursday any cooperation.", None, None, day="2014-08-29")
    assert [t.value for t in doc.timexes] == ["2014-08-28"]
    assert [(e.date, e.earliest, e.latest) for e in events] == [("2014-08-28", "2014-08-28", "2014-08-28")]


@pytest.mark.parametrize(
    ("earliest", "latest"),
    [
        ("2014-01-01", "2014-09-05"),  # wider than MAX_ANCHOR_RANGE_DAYS
        ("2014-07-07", None),  # one bound only
        (None, None),  # nothing known
        ("2014-09-05", "2014-07-07"),  # bounds the wrong way round
    ],
)
def test_no_span_without_a_narrow_range(earliest: str | None, latest: str | None) -> None:
    doc, events = _read("France's president rejected Thursday any cooperation.", earliest, latest)
    assert [t.value for t in doc.timexes] == ["XXXX-WXX-4"]
    assert events == []


def test_range_limit_is_inclusive() -> None:
    from datetime import date, timedelta

    last = (date(2014, 7, 7) + timedelta(days=MAX_ANCHOR_RANGE_DAYS - 1)).isoformat()
    doc = article_doc("He left Thursday.")
    doc.published = PublicationDate(None, "2014-07-07", last, "inferred", 0.5, "test")
    assert anchor_range(doc) == (date(2014, 7, 7), date.fromisoformat(last))
    doc.published = PublicationDate(None, "2014-07-06", last, "inferred", 0.5, "test")
    assert anchor_range(doc) is None


def test_seed_dated_by_a_range_gets_its_events() -> None:
    """The seed whose report day is unknown (2014-07-07..2014-09-05 from its text): Hollande's
    rejection (Thursday 28 August 2014) and the regime's offer (Monday 25 August) are events whose
    spans hold those days; before, the article had no dated event."""
    path = next(
        p for p in sorted(SEEDS.glob("*.txt")) if "rejected Thursday" in p.read_text(encoding="utf-8")
    )
    doc = article_doc(path.read_text(encoding="utf-8"))
    doc.published = infer_publication_date(doc)
    assert (doc.published.date, doc.published.earliest, doc.published.latest) == (
        None,
        "2014-07-07",
        "2014-09-05",
    )
    doc.timexes = extract_timexes(doc)
    spans = [(e.earliest, e.latest) for e in extract_events(doc) if "/" in e.date]
    assert sorted(spans) == [("2014-07-03", "2014-09-04"), ("2014-07-07", "2014-09-01")]
