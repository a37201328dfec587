"""Summary timelines and TimelineJS export."""

from __future__ import annotations

from storyline.crossdoc.timeline import (
    DatedSentence,
    central_sentences,
    dated_sentences,
    rank_dates,
    split_sentences,
    summarize,
    timeline_from_events,
    timelinejs,
)
from storyline.records import Event


def test_dated_sentences_resolve_against_publication_date() -> None:
    text = "Protesters marched on Tuesday. The army was deployed on January 28.\nNo date here."
    got = dated_sentences("a1", text, "2011-01-27")
    assert [(s.text, s.date) for s in got] == [
        ("Protesters marched on Tuesday.", "2011-01-25"),
        ("The army was deployed on January 28.", "2011-01-28"),
        ("No date here.", None),
    ]


def test_split_sentences_spans() -> None:
    text = "One. Two!\nThree"
    assert [text[s:e] for s, e in split_sentences(text)] == ["One.", "Two!", "Three"]


def _sentences() -> list[DatedSentence]:
    rows = []
    # five articles name Jan 25, two name Jan 26, one names Jan 20 (before the collection)
    for i in range(5):
        rows.append(
            DatedSentence(
                f"a{i}", "2011-01-25", f"Thousands protested in Cairo on January 25 ({i}).", "2011-01-25"
            )
        )
    for i in range(2):
        rows.append(
            DatedSentence(f"b{i}", "2011-01-27", "Police fired tear gas on January 26.", "2011-01-26")
        )
    rows.append(DatedSentence("c", "2011-01-26", "A minister resigned on January 20.", "2011-01-20"))
    return rows


def test_rank_dates_by_naming_articles_within_the_collection() -> None:
    ranked = [day for day, _ in rank_dates(_sentences())]
    assert ranked[0] == "2011-01-25"
    assert "2011-01-20" not in ranked  # before the first publication date


def test_summarize_picks_n_dates_in_order_with_sentences() -> None:
    timeline = summarize(_sentences(), 2)
    assert [e["date"] for e in timeline] == ["2011-01-25", "2011-01-26"]
    assert [e["named"] for e in timeline] == [True, True]
    assert timeline[1]["summary"] == ["Police fired tear gas on January 26."]
    assert 1 <= len(timeline[0]["summary"]) <= 2
    assert all("January 25" in s for s in timeline[0]["summary"])


def test_central_sentences_skip_near_repeats() -> None:
    picked = central_sentences(
        ["Police fired tear gas in Cairo.", "Police fired tear gas in Cairo!", "Cairo police used tear gas."],
        2,
    )
    assert len(picked) == 1 or "!" not in picked[1]


def _event(date: str, earliest: str, latest: str, places: tuple[str, ...] = ()) -> Event:
    return Event("art", 0, 10, date, earliest, latest, f"Something on {date}.", 0, 5, ("Assad",), places)


def test_timeline_from_events_filters_by_actor_and_sorts() -> None:
    events = [
        _event("2017-01-07", "2017-01-07", "2017-01-07", ("Azaz",)),
        _event("2016-12", "2016-12-01", "2016-12-31"),
    ]
    assert [e.date for e in timeline_from_events(events)] == ["2016-12", "2017-01-07"]
    assert [e.date for e in timeline_from_events(events, actor="azaz")] == ["2017-01-07"]
    assert timeline_from_events(events, actor="Putin") == []


def test_timelinejs_format() -> None:
    tl = timelinejs(
        [
            _event("2017-01-07", "2017-01-07", "2017-01-07", ("Azaz",)),
            _event("2016-12", "2016-12-01", "2016-12-31"),
        ]
    )
    assert tl["title"]["text"]["headline"]
    first, second = tl["events"]
    assert first["start_date"] == {"year": "2016", "month": "12"}
    assert first["end_date"] == {"year": "2016", "month": "12", "day": "31"}
    assert second["start_date"] == {"year": "2017", "month": "1", "day": "7"}
    assert "end_date" not in second
    assert second["group"] == "Azaz"
    assert second["text"]["text"] == "Something on 2017-01-07."


def test_timelinejs_year_range_keeps_year_precision() -> None:
    """An event over a range of years ("between 2011 and 2015", value "2011/2015") starts and
    ends at year precision."""
    (slide,) = timelinejs([_event("2011/2015", "2011-01-01", "2015-12-31")])["events"]
    assert slide["start_date"] == {"year": "2011"}
    assert slide["end_date"] == {"year": "2015"}
