"""The map between clean-text offsets and raw-text offsets.

Cleaning builds the clean text piece by piece; each piece remembers which raw
characters it came from (an :class:`OffsetSegment`). Pieces copied unchanged, or
changed character for character, map one-to-one; a repaired piece (mojibake)
maps its inner offsets to its edges; a separator the cleaner inserted maps to
the raw position where it stands.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Sequence

from storyline.records import OffsetSegment


class SegmentBuilder:
    """Accumulates clean text and the raw ranges each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[OffsetSegment] = []
        self._length = 0

    @property
    def length(self) -> int:
        return self._length

    def add(self, clean: str, raw_start: int, raw_end: int) -> None:
        """Append ``clean``, which stands for ``raw[raw_start:raw_end]``."""
        if not clean:
            return
        start = self._length
        self._parts.append(clean)
        self._length += len(clean)
        self._segments.append(OffsetSegment(start, self._length, raw_start, raw_end))

    def add_aligned(self, clean: str, raw: str, raw_start: int) -> None:
        """Append ``clean``, a repaired version of ``raw`` (which starts at ``raw_start``).

        Equal stretches stay one-to-one; only the repaired stretches become
        non-linear pieces, so offsets stay exact around a repair.
        """
        if len(clean) == len(raw):  # unchanged, or repaired character for character
            self.add(clean, raw_start, raw_start + len(raw))
            return
        matcher = difflib.SequenceMatcher(None, raw, clean, autojunk=False)
        for tag, r1, r2, c1, c2 in matcher.get_opcodes():
            if tag == "delete":
                continue
            self.add(clean[c1:c2], raw_start + r1, raw_start + r2)

    def text(self) -> str:
        return "".join(self._parts)

    def segments(self) -> tuple[OffsetSegment, ...]:
        return tuple(self._segments)


def _locate(segments: Sequence[OffsetSegment], starts: list[int], pos: int) -> int:
    i = bisect.bisect_right(starts, pos) - 1
    return max(0, min(i, len(segments) - 1))


def clean_to_raw(segments: Sequence[OffsetSegment], start: int, end: int, raw_length: int) -> tuple[int, int]:
    """Map the clean span ``[start, end)`` to the raw span it came from."""
    if not segments:
        return (min(start, raw_length), min(end, raw_length))
    starts = [s.clean_start for s in segments]
    first = segments[_locate(segments, starts, start)]
    raw_start = _map_point(first, start, at_end=False)
    if end <= start:
        return (raw_start, raw_start)
    last = segments[_locate(segments, starts, end - 1)]
    raw_end = _map_point(last, end, at_end=True)
    return (raw_start, max(raw_start, raw_end))


def raw_to_clean(segments: Sequence[OffsetSegment], start: int, end: int) -> tuple[int, int] | None:
    """Map the raw span ``[start, end)`` to the clean text, or None when the cleaner dropped or
    repaired a part of it (its ends must lie in pieces copied character for character)."""

    def point(pos: int, at_end: bool) -> int | None:
        for seg in segments:  # a few hundred pieces an article: a scan is enough
            if seg.clean_end - seg.clean_start != seg.raw_end - seg.raw_start:
                continue
            if seg.raw_start < pos <= seg.raw_end if at_end else seg.raw_start <= pos < seg.raw_end:
                return seg.clean_start + pos - seg.raw_start
        return None

    clean_start, clean_end = point(start, False), point(end, True)
    if clean_start is None or clean_end is None or clean_end < clean_start:
        return None
    return clean_start, clean_end


def _map_point(seg: OffsetSegment, pos: int, at_end: bool) -> int:
    clean_len = seg.clean_end - seg.clean_start
    raw_len = seg.raw_end - seg.raw_start
    if clean_len == raw_len:
        return seg.raw_start + min(max(pos - seg.clean_start, 0), raw_len)
    return seg.raw_end if at_end else seg.raw_start


def segments_to_json(segments: Sequence[OffsetSegment]) -> list[list[int]]:
    return [[s.clean_start, s.clean_end, s.raw_start, s.raw_end] for s in segments]


def segments_from_json(rows: Sequence[Sequence[int]]) -> tuple[OffsetSegment, ...]:
    return tuple(OffsetSegment(*map(int, row)) for row in rows)
