"""What the attribution passes share: the candidate record, the quote index, span helpers.

A ``Candidate`` is an attribution in the making (character spans of its cue, source and
content, the quotes joined to it, its weight key); the passes make, grow and drop them and
``attributions`` turns the survivors into ``records.Attribution``. ``QuoteIndex`` answers
"which quotation holds this offset" by bisection, once per article. The span helpers trim
clause punctuation, cut contents to their paragraph (the parser runs sentences over
paragraph ends) and count words as the scorer does (``WORD``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.stages.quotemarks import Quote

if TYPE_CHECKING:
    from spacy.tokens import Token


WORD = re.compile(r"\w+")


@dataclass
class Candidate:
    """An attribution in the making: character spans of its cue, source and content."""

    cue: tuple[int, int]
    cue_token: int  # token index of the cue's head word
    how: str  # speech | belief | object | intent | prep | quote
    source: tuple[int, int] | None  # character span
    content: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)  # indices of quotes joined to it
    key: str = ""  # "lemma/class": what the learned weights are kept by


def trim_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip spaces and clause punctuation at both ends; keep quote marks."""
    while s < e and (text[s].isspace() or text[s] in ",;:—–-("):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-("):
        e -= 1
    return s, e


def content_within(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The content ``spans`` cut to the paragraph ``[lo, hi)`` (the parser runs sentences over
    paragraph ends), trimmed, those left with a word."""
    out = [trim_span(text, max(s, lo), min(e, hi)) for s, e in spans]
    return [(s, e) for s, e in out if s < e and WORD.search(text, s, e)]


def subtree_span(tok: Token) -> tuple[int, int]:
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right.text)


def paragraph_at(text: str, pos: int) -> tuple[int, int]:
    """The line holding ``pos``: articles put one paragraph a line."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, len(text) if hi < 0 else hi


def quoted_apart(qidx: QuoteIndex, pos: int, cue: int) -> bool:
    q = qidx.at(pos)
    return q is not None and q != qidx.at(cue)


class QuoteIndex:
    """The article's quotations: which one holds an offset (by bisection), and how much of a
    content is inside quote marks."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.starts = [q.start for q in quotes]

    def at(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return i
        return None

    def quoted_share(self, text: str, spans: list[tuple[int, int]]) -> float:
        words = [m.start() for s, e in spans for m in WORD.finditer(text, s, e)]
        if not words:
            return 0.0
        return sum(self.at(w) is not None for w in words) / len(words)


def word_starts(text: str, spans: list[tuple[int, int]]) -> set[int]:
    return {m.start() for s, e in spans for m in WORD.finditer(text, s, e)}
