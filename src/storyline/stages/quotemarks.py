"""Quotation marks: the spans of text an article puts between quote marks.

Curly (“ ”), guillemets (« »), low-9 („) and straight (" or two apostrophes '')
marks are paired within a paragraph (one line). A paragraph that ends inside a
quote continues only when the next paragraph opens with a quote mark again (the
news convention for a quote over several paragraphs); otherwise the opening
mark is unbalanced and ignored, so one stray mark never swallows the rest of
the article. Single quotes are left alone: they are apostrophes far more often
than quote marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“«„"
CLOSING = "”»"
# Straight double quote, two apostrophes (NYT style ''), or a double prime.
AMBIGUOUS = re.compile(r"\"|''|″")
MARK = re.compile(r"[“”«»„\"″]|''")
WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the end of the paragraph when continued)
    continues: bool = False  # the previous quote's paragraph ended inside it: same speaker

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1

    def words(self, text: str) -> int:
        return len(WORD.findall(text, self.start, self.end))


def _is_opening(text: str, i: int, mark: str) -> bool | None:
    """True for an opening mark, False for a closing one, None when it cannot be told."""
    if mark[0] in OPENING:
        return True
    if mark[0] in CLOSING:
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if (before.isspace() or before in "([{—–-/:") and not after.isspace():
        return True
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-"):
        return False
    return None


def find_quotes(text: str) -> list[Quote]:
    """Every balanced quotation in ``text``, in order, marks included."""
    quotes: list[Quote] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    carried = False  # the previous paragraph ended inside a quote that this one continues
    for n, (ls, le) in enumerate(lines):
        open_at: int | None = None
        continues = carried
        carried = False
        for m in MARK.finditer(text, ls, le):
            mark = m.group()
            opening = _is_opening(text, m.start(), mark)
            if opening is None:
                opening = open_at is None
            if opening:
                if open_at is None or mark[0] in OPENING:
                    open_at = m.start()  # a second opening mark: the earlier one was never closed
            elif open_at is not None:
                quotes.append(Quote(open_at, m.end(), continues))
                open_at = None
                continues = False
        if open_at is not None and n + 1 < len(lines) and _opens_paragraph(text, lines[n + 1][0]):
            end = le
            while end > open_at and text[end - 1].isspace():
                end -= 1
            quotes.append(Quote(open_at, end, continues))
            carried = True
    return quotes


def _opens_paragraph(text: str, start: int) -> bool:
    m = MARK.match(text, start)
    return m is not None and _is_opening(text, start, m.group()) is not False
