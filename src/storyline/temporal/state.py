"""What the normalizers share across a document, and what they return.

``DocState`` is the memory of one document's earlier expressions: the last day, month, year and
quarter it named, and where. Anaphoric expressions ("the next day", "the following year", "a
year earlier" in a quarterly report) resolve against it rather than the anchor. ``Resolved`` is a
normalizer's answer when it overrides the rule's TIMEX3 type ("the morning of Aug. 7" is a TIME).
Kept apart from the dispatcher so that every normalizer module can use both without importing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class DocState:
    """What earlier expressions of the same document established (financial news reports
    "the quarter", "a year earlier" against the quarter it is about)."""

    quarter: tuple[int, int] | None = None
    year: int | None = None  # the last year written out ("the following year" follows it)
    month: tuple[int, int] | None = None  # the last (year, month) named
    day: date | None = None  # the last day named ("the next day" follows it)
    day_end: int = -1  # where (character offset) the text last named a day
    weekday_end: int = -1  # where the text last named a weekday ("from Monday to Friday")

    def reference(self, letter: str, anchor: date) -> date:
        """The time a narrative "N units later" counts from: the last day, month or year the
        text named at the unit's granularity or finer, else the anchor (HeidelTime's REF)."""
        if letter in ("D", "W", "WE"):
            return self.day or anchor
        if letter == "M":
            if self.month:
                return date(self.month[0], self.month[1], 15)
            return self.day or anchor
        if self.year is not None:
            return date(self.year, 7, 1)
        return anchor


@dataclass(frozen=True, slots=True)
class Resolved:
    type: str
    value: str
