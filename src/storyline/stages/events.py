"""Dated events: sentences that report something happening at a resolved time.

The event's date is the time the sentence talks about (a resolved DATE or TIME
expression), kept apart from the date the article was published.
"""

from __future__ import annotations

import re

from storyline.records import Event, Timex
from storyline.stages.document import ArticleDoc
from storyline.temporal.calendar import value_range

ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Descriptions are cut at a word boundary near this length (a timeline line, not a paragraph).
MAX_DESCRIPTION_CHARS = 240
# Dates covering more than this many days (a year, a decade) say too little to place an event on
# a timeline; a quarter (92 days) is the coarsest kept.
MAX_RANGE_DAYS = 92
# Sentences shorter than this are datelines or captions; without a verb the parser found, a
# sentence needs more words to count (the small model tags some past-tense verbs as nouns).
MIN_WORDS = 3
MIN_WORDS_NO_VERB = 5


def extract_events(doc: ArticleDoc) -> list[Event]:
    """One event per resolved date expression in a sentence with a verb."""
    events: list[Event] = []
    for sent in doc.doc.sents:
        timexes = [t for t in doc.timexes if sent.start_char <= t.start and t.end <= sent.end_char]
        if not timexes:
            continue  # checked first: it needs no pass over the sentence's tokens
        words = sum(1 for t in sent if t.is_alpha)
        if (
            words < MIN_WORDS
            or not any(t.pos_ in ("VERB", "AUX") for t in sent)
            and words < MIN_WORDS_NO_VERB
        ):
            continue  # a headline fragment or a caption, not a report of something happening
        mentions = [m for m in doc.mentions if sent.start_char <= m.start and m.end <= sent.end_char]
        actors = _unique(m.actor or m.text for m in mentions if m.label in ACTOR_LABELS)
        places = _unique(m.actor or m.text for m in mentions if m.label in PLACE_LABELS)
        for timex in timexes:
            dated = _dated(timex)
            if dated is None:
                continue
            value, earliest, latest = dated
            description = describe(sent.text, timex.start - sent.start_char)
            events.append(
                Event(
                    article_id=doc.id,
                    start=sent.start_char,
                    end=sent.end_char,
                    date=value,
                    earliest=earliest,
                    latest=latest,
                    description=description,
                    timex_start=timex.start,
                    timex_end=timex.end,
                    actors=actors,
                    places=places,
                )
            )
    return events


def _dated(timex: Timex) -> tuple[str, str, str] | None:
    if timex.type not in ("DATE", "TIME"):
        return None
    span = value_range(timex.value)
    if span is None or (span[1] - span[0]).days + 1 > MAX_RANGE_DAYS:
        return None
    return timex.value.split("T")[0], span[0].isoformat(), span[1].isoformat()


_INNER_BREAK = re.compile(r"(?<=[.!?][”\"])\s+|(?<=[.!?])\s+(?=[“\"A-Z])")


def describe(sentence: str, at: int = 0) -> str:
    """The sentence as one line, cut near ``MAX_DESCRIPTION_CHARS`` at a word boundary.

    A long parser "sentence" that runs several together (quotes confuse the small model)
    is first cut to the piece holding character ``at`` (the date expression).
    """
    if len(sentence) > MAX_DESCRIPTION_CHARS:
        start = 0
        for m in _INNER_BREAK.finditer(sentence):
            if m.start() > at:
                sentence = sentence[start : m.start()]
                break
            start = m.end()
        else:
            sentence = sentence[start:]
    text = re.sub(r"\s+", " ", sentence).strip()
    if len(text) <= MAX_DESCRIPTION_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_DESCRIPTION_CHARS)
    return text[: cut if cut > 0 else MAX_DESCRIPTION_CHARS].rstrip(",;:") + " …"


def _unique(names) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    seen: dict[str, None] = {}
    for name in names:
        seen.setdefault(name, None)
    return tuple(seen)
