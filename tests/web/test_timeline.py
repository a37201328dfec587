"""The timeline layout: events in date order on the axis, labels never colliding, undated ones counted."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from storyline.web.queries import EventRow
from storyline.web.timeline import CHAR_WIDTH, WIDTH, layout


def event(
    earliest: str | None,
    latest: str | None = None,
    description: str = "Something happened",
    outlet: str = "A",
) -> EventRow:
    return EventRow(
        article_id="a", start=0, end=1, date=earliest or "PAST_REF", earliest=earliest, latest=latest or earliest,
        description=description, actors=[], places=[], outlet=outlet, title=None, sentence_start=0,
    )  # fmt: skip


def extent(p) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    width = len(p.label) * CHAR_WIDTH
    return (p.label_x - width, max(p.x2, p.x)) if p.label_left else (p.x, p.label_x + width)


def test_dates_map_to_positions_in_order() -> None:
    tl = layout(
        [
            event("2017-02-16"),
            event("2011-03-01", "2011-03-31", "The war began"),
            event(None),
            event("2017-02-23"),
        ],
        ["A"],
    )
    assert tl.undated == 1 and tl.first == "2011-03-01" and tl.last == "2017-02-23"
    xs = [p.x for p in tl.items]
    assert xs == sorted(xs) and len(xs) == 3
    war = tl.items[0]
    assert war.x2 > war.x  # a month is a bar
    assert [t.label for t in tl.ticks] == ["2012", "2013", "2014", "2015", "2016", "2017"]


def test_one_day_still_has_an_axis() -> None:
    tl = layout([event("2017-02-16")], ["A"])
    assert 0 < tl.items[0].x < WIDTH and len(tl.ticks) >= 3


def test_no_events_no_items() -> None:
    tl = layout([event(None)], [])
    assert tl.items == [] and tl.undated == 1


days = st.integers(0, 3000).map(lambda n: (date(2010, 1, 1) + timedelta(days=n)).isoformat())


@given(
    st.lists(st.tuples(days, st.integers(0, 60), st.text(min_size=1, max_size=60)), min_size=1, max_size=40)
)
def test_labels_in_one_lane_never_overlap(specs: list[tuple[str, int, str]]) -> None:
    events = [
        event(d, (date.fromisoformat(d) + timedelta(days=span)).isoformat(), text) for d, span, text in specs
    ]
    tl = layout(events, ["A"])
    assert len(tl.items) == len(events)
    lanes: dict[float, list[tuple[float, float]]] = {}
    for p in tl.items:
        assert 0 <= p.x <= p.x2 <= WIDTH
        lanes.setdefault(p.y, []).append(extent(p))
    for spans in lanes.values():
        spans.sort()
        for (_, right), (left, _) in zip(spans, spans[1:], strict=False):
            assert right <= left, spans
    assert all(p.y < tl.axis_y for p in tl.items)
