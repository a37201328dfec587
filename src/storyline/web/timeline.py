"""Lay dated events out on a horizontal time axis (positions for an SVG; no drawing here).

Events sit at their earliest date; a range (a month, a year) becomes a bar to its
latest date. Each event goes in the first lane where it does not overlap the
label of the event before it, so labels never collide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from storyline.web.queries import EventRow

WIDTH = 1000  # SVG user units; the SVG scales to its container
MARGIN = 24
LANE_HEIGHT = 26
AXIS_HEIGHT = 34
LABEL_CHARS = 34  # labels are cut to this many characters
CHAR_WIDTH = 6.2  # approximate width of one label character at the CSS font size, in SVG units


@dataclass(frozen=True, slots=True)
class Placed:
    event: EventRow
    x: float
    x2: float  # end of the range bar (== x for a single day)
    y: float
    label: str
    label_left: bool  # near the right edge the label is drawn to the left of the dot
    label_x: float  # where the label starts (or ends, when drawn to the left)
    outlet_index: int


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Layout:
    width: int
    height: int
    axis_y: float
    items: list[Placed]
    ticks: list[Tick]
    first: str | None
    last: str | None
    undated: int  # events with no usable date, left off the axis


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _ticks(lo: date, hi: date, scale: float) -> list[Tick]:
    days = (hi - lo).days
    ticks = []
    if days > 3 * 365:  # yearly ticks
        for year in range(lo.year + (lo.month > 1 or lo.day > 1), hi.year + 1):
            d = date(year, 1, 1)
            ticks.append(Tick(MARGIN + (d - lo).days * scale, str(year)))
    elif days > 60:  # monthly ticks, thinned to at most 12
        months = []
        y, m = lo.year, lo.month
        while date(y, m, 1) <= hi:
            if date(y, m, 1) >= lo:
                months.append(date(y, m, 1))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        step = max(1, len(months) // 12 + (len(months) % 12 > 0))
        ticks = [Tick(MARGIN + (d - lo).days * scale, d.strftime("%b %Y")) for d in months[::step]]
    else:  # daily ticks, thinned to at most 10
        step = max(1, days // 10 + 1)
        ticks = [
            Tick(MARGIN + i * scale, (lo + timedelta(days=i)).strftime("%d %b"))
            for i in range(0, days + 1, step)
        ]
    return ticks


def layout(events: list[EventRow], outlets: list[str]) -> Layout:
    dated = [(e, _day(e.earliest) or _day(e.date), _day(e.latest)) for e in events]
    usable = [(e, a, b or a) for e, a, b in dated if a is not None]
    undated = len(events) - len(usable)
    if not usable:
        return Layout(WIDTH, AXIS_HEIGHT + MARGIN, MARGIN, [], [], None, None, undated)
    lo = min(a for _, a, _ in usable)
    hi = max(b for _, _, b in usable if b is not None)
    if (hi - lo).days < 2:  # a single day: give the axis some room either side
        lo, hi = lo - timedelta(days=3), hi + timedelta(days=3)
    scale = (WIDTH - 2 * MARGIN) / max(1, (hi - lo).days)
    lane_ends: list[float] = []
    items: list[Placed] = []
    for e, a, b in sorted(usable, key=lambda t: (t[1], t[0].article_id, t[0].start)):
        x = MARGIN + (a - lo).days * scale
        x2 = MARGIN + ((b or a) - lo).days * scale
        label = e.description if len(e.description) <= LABEL_CHARS else e.description[: LABEL_CHARS - 1] + "…"
        text_width = 8 + len(label) * CHAR_WIDTH
        label_left = (
            x2 + text_width > WIDTH
        )  # a range's label starts after its bar, unless that runs off the edge
        left, right = (x - text_width, x2 + 8) if label_left else (x, x2 + text_width)
        label_x = x - 8 if label_left else x2 + 8
        lane = next((i for i, end in enumerate(lane_ends) if end + 10 < left), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(right)
        else:
            lane_ends[lane] = right
        outlet_index = outlets.index(e.outlet) if e.outlet in outlets else 0
        items.append(
            Placed(e, x, x2, MARGIN + lane * LANE_HEIGHT, label, label_left, label_x, outlet_index % 8)
        )
    axis_y = MARGIN + len(lane_ends) * LANE_HEIGHT
    return Layout(
        WIDTH,
        int(axis_y + AXIS_HEIGHT),
        axis_y,
        items,
        _ticks(lo, hi, scale),
        lo.isoformat(),
        hi.isoformat(),
        undated,
    )
