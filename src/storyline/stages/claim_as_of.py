"""As of when a numeric claim holds: the calendar date of its sentence, else the publication date.

A date that starts the period a count covers ("killed 5,000 since March") is not its as-of date,
nor is a reference to the present ("now"): then the report's own date is.
"""

from __future__ import annotations

import re

from storyline.stages.claim_lexicon import ClaimLexicon, load_claim_lexicon
from storyline.stages.document import ArticleDoc

# How many heads above a date are searched for a "since" that opens its clause ("since protests
# first erupted last March": March -> erupted, whose mark is "since"); two reach the clause's verb
# from a date's noun or its preposition, more reach the main clause ("has killed 5,000 since ...").
PERIOD_CLAUSE_LEVELS = 2
# An as-of value is a calendar date ("2011", "2011-06", "2011-W22", "2011-06-08"), not a
# reference to the present, the past or the future ("now" -> PRESENT_REF).
_CALENDAR = re.compile(r"^\d{4}(?:$|-)")


def as_of_date(doc: ArticleDoc, start: int, end: int) -> str | None:
    span = doc.doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        s, e = span.sent.start_char, span.sent.end_char
        lex = load_claim_lexicon()
        dated = [
            t
            for t in doc.timexes
            if s <= t.start
            and t.end <= e
            and t.type == "DATE"
            and _CALENDAR.match(t.value or "")  # not "now" (PRESENT_REF): the report's date
            and not _starts_period(doc, s, t.start, t.end, lex)  # "since March": the report's date
        ]
        if dated:
            return min(dated, key=lambda t: min(abs(t.start - end), abs(start - t.end))).value
    if doc.published and doc.published.date:
        return doc.published.date
    return doc.article.published


def _starts_period(doc: ArticleDoc, sent_start: int, start: int, end: int, lex: ClaimLexicon) -> bool:
    """Whether a date starts the period a count covers: "since March", "since protests first
    erupted last March" (the date in a clause that "since" opens)."""
    words = doc.text[sent_start:start].lower().split()
    if words and words[-1] in lex.period_starts:
        return True
    span = doc.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(PERIOD_CLAUSE_LEVELS):
        if node.lower_ in lex.period_starts or any(
            c.dep_ == "mark" and c.lower_ in lex.period_starts for c in node.children
        ):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False
