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


def test_timeline_from_events_matches_names_by_their_words() -> None:
    """An actor filter reads a name's words: "Al Assad" and "al-Assad" are Bashar al-Assad, and
    "US" is not the "us" of "Damascus" (a substring match listed every Damascus event under US)."""
    assad = Event(
        "art", 0, 10, "2017-01-08", "2017-01-08", "2017-01-08", "Assad spoke.", 0, 5, ("Bashar al-Assad",)
    )
    damascus = Event(
        "art", 20, 30, "2013", "2013-01-01", "2013-12-31", "A gas attack.", 20, 24, (), ("Damascus",)
    )
    for variant in ("Assad", "al-Assad", "Al Assad", "bashar assad", "Bashar al-Assad"):
        assert timeline_from_events([assad, damascus], actor=variant) == [assad], variant
    assert timeline_from_events([assad, damascus], actor="US") == []
    assert timeline_from_events([assad, damascus], names={"Damascus"}) == [damascus]
    assert timeline_from_events([assad, damascus], names={"Bashar Al Assad"}) == [assad]


def _tljs_parts(d: dict[str, str]) -> tuple[int, int, int]:
    """A TimelineJS date as TimelineJS3 reads it (TLDate._getDateData): digit strings, month and
    day defaulting to 1; a day needs its month, and both must exist."""
    import calendar

    assert set(d) <= {"year", "month", "day"} and "year" in d and ("day" not in d or "month" in d), d
    assert all(isinstance(v, str) and v.isdigit() for v in d.values()), d
    year, month, day = int(d["year"]), int(d.get("month", 1)), int(d.get("day", 1))
    assert 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1], d
    return year, month, day


def test_timelinejs_dates_of_every_value_kind_are_valid_for_timelinejs3() -> None:
    """Days, months, years, weeks, weekends, quarters, halves, seasons and ranges of years: each
    slide starts no later than it ends, carries only the precision its value has, and has its own id."""
    kinds = [
        ("2017-01-07", "2017-01-07", "2017-01-07", {"year": "2017", "month": "1", "day": "7"}),
        ("2016-12", "2016-12-01", "2016-12-31", {"year": "2016", "month": "12"}),
        ("2011", "2011-01-01", "2011-12-31", {"year": "2011"}),
        ("2011/2015", "2011-01-01", "2015-12-31", {"year": "2011"}),
        ("2017-W05", "2017-01-30", "2017-02-05", {"year": "2017", "month": "1", "day": "30"}),
        ("2011-W13-WE", "2011-04-02", "2011-04-03", {"year": "2011", "month": "4", "day": "2"}),
        ("2011-Q2", "2011-04-01", "2011-06-30", {"year": "2011", "month": "4", "day": "1"}),
        ("2012-H2", "2012-07-01", "2012-12-31", {"year": "2012", "month": "7", "day": "1"}),
        ("2014-SP", "2014-03-01", "2014-05-31", {"year": "2014", "month": "3", "day": "1"}),
        ("2011-WI", "2011-12-01", "2012-02-29", {"year": "2011", "month": "12", "day": "1"}),
    ]
    events = [
        Event(f"a{i}", 0, 10, value, first, last, f"Event {value}.", 0, 4, ("Assad",))
        for i, (value, first, last, _) in enumerate(kinds)
    ]
    slides = {s["text"]["text"]: s for s in timelinejs(events)["events"]}
    assert len(slides) == len(kinds)
    for value, _, last, start in kinds:
        slide = slides[f"Event {value}."]
        assert slide["start_date"] == start, value
        end = slide.get("end_date", slide["start_date"])
        assert _tljs_parts(slide["start_date"]) <= _tljs_parts(end), value
        if "end_date" in slide and "day" in slide["end_date"]:
            assert _tljs_parts(slide["end_date"]) == tuple(int(x) for x in last.split("-")), value
    ids = [s["unique_id"] for s in slides.values()]
    assert len(set(ids)) == len(ids) and all(ids)
