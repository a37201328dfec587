"""Temporal expressions: finding TIMEX3 spans, resolving their TimeML values, clause tense.

``find_candidates`` is regex/lexicon-driven over the plain text (no model), so the
publication-date inference and the corpus-scale timeline can use it without a parse;
``resolve`` turns a candidate into a TimeML value against an anchor date and a tense (the
normalizers it dispatches to live by concern: ``dates``, ``days``, ``periods``, ``relative``,
``durations``; ``DocState`` in ``state``).
"""

from storyline.temporal.finder import Candidate, find_candidates
from storyline.temporal.normalize import resolve
from storyline.temporal.state import DocState

__all__ = ["Candidate", "DocState", "find_candidates", "resolve"]
