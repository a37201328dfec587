"""Dated events: sentences that report something happening at a resolved time.

The event's date is the time the sentence talks about (a resolved DATE or TIME
expression), kept apart from the date the article was published.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from storyline.lexicons import load_yaml
from storyline.records import Event, Timex
from storyline.stages.document import ArticleDoc
from storyline.stages.timexes import timex_spans
from storyline.temporal.calendar import value_range

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Descriptions are cut at a word boundary near this length (a timeline line, not a paragraph).
MAX_DESCRIPTION_CHARS = 240
# Dates covering more than this many days (a year, a decade) say too little to place an event on
# a timeline; a quarter (92 days) is the coarsest kept, but for a year that "in" ties to a verb in
# the past tense ("The war started in 2003": 19 of 40 dated sentences without an event in the
# Timeline17 audit, evaluation/events_audit.py seed 31, reported a happening in a bare year).
MAX_RANGE_DAYS = 92
# Sentences shorter than this are datelines or captions; without a verb the parser found, a
# sentence needs more words to count (the small model tags some past-tense verbs as nouns).
MIN_WORDS = 3
MIN_WORDS_NO_VERB = 5
# Both count the words of the date's own piece of the sentence (between field separators and
# run-on sentence breaks), and the verb (or, without one, a common noun) must lie outside the
# date expressions: a comment's timestamp ("February 28 , 2011 10:11 pm at 10:11 pm") has 4 words
# and no verb or noun besides its dates (Timeline17 audit, evaluation/events_audit.py, seed 31).

_LEXICON = load_yaml("events.yaml")
IDIOMS = tuple(_LEXICON["idioms"])
YEAR_PREPOSITIONS = frozenset(_LEXICON["year_prepositions"])
YEAR_RANGES: dict[str, str] = dict(_LEXICON["year_ranges"])
EVENT_NOUNS = frozenset(w.lower() for w in _LEXICON["event_nouns"])
# How far before a date expression an idiom may start (the longest idiom's length, rounded up).
IDIOM_CONTEXT_CHARS = 24
# Words ending in a period that end no sentence: titles and honorifics ("Sen. Barack Obama").
_TITLES = load_yaml("titles.yaml")
_ABBREVIATIONS = frozenset(
    w.lower() for w in _TITLES["abbreviated_titles"] + _TITLES["honorifics"] + _LEXICON["abbreviations"]
)
_FIELD_BREAK = re.compile("|".join(rf"\s*{re.escape(sep)}\s*" for sep in _LEXICON["field_separators"]))


def extract_events(doc: ArticleDoc) -> list[Event]:
    """One event per resolved date expression (one per day or range in a sentence) whose piece of
    the sentence reports something: a verb, or enough words with a noun."""
    events: list[Event] = []
    # ``doc.doc`` is the parse of ``doc.text`` (ArticleDoc): its text, which spaCy makes from the
    # tokens on every read (most of this stage's time when read per date expression), as it
    # makes a sentence's
    text = doc.text
    # an article dated only by a narrow range: the days each relative date may cover (none else)
    spans = timex_spans(doc) if doc.timexes else {}
    for sent in doc.doc.sents:
        timexes = [t for t in doc.timexes if sent.start_char <= t.start and t.end <= sent.end_char]
        if not timexes:
            continue  # checked first: it needs no pass over the sentence's tokens
        sent_text = text[sent.start_char : sent.end_char]  # sent.text, without making its Tokens
        pieces = _pieces(sent_text)
        made: set[tuple[str, str]] = set()
        for timex in timexes:
            dated = _dated(timex)
            if dated is None and (timex.start, timex.end) in spans:
                dated = _spanned(timex, spans[(timex.start, timex.end)])
            if dated is None:
                dated = _year_range(doc, text, timex, timexes)
            if dated is None and _happened_in_year(doc, timex):
                dated = _year(timex)
            if dated is None:
                continue
            value, earliest, latest = dated
            if (earliest, latest) in made:
                continue  # "February 1 , 2011 at 11:03 am": one event for the day, not two
            at = timex.start - sent.start_char
            p_start, p_end = next(((s, e) for s, e in pieces if s <= at < e), (0, len(sent_text)))
            p_start += sent.start_char
            p_end += sent.start_char
            if not _reports(sent, p_start, p_end, timexes) or _not_a_time(doc, text, timex):
                continue
            made.add((earliest, latest))
            mentions = [m for m in doc.mentions if p_start <= m.start and m.end <= p_end]
            events.append(
                Event(
                    article_id=doc.id,
                    start=sent.start_char,
                    end=sent.end_char,
                    date=value,
                    earliest=earliest,
                    latest=latest,
                    description=describe(sent_text, at),
                    timex_start=timex.start,
                    timex_end=timex.end,
                    actors=_unique(m.actor or m.text for m in mentions if m.label in ACTOR_LABELS),
                    places=_unique(m.actor or m.text for m in mentions if m.label in PLACE_LABELS),
                )
            )
    return events


def _reports(sent: Span, start: int, end: int, timexes: list[Timex]) -> bool:
    """Whether the piece ``start``-``end`` of ``sent`` says something happened, besides its dates.

    A timestamp, dateline or caption ("February 28 , 2011 10:11 pm at 10:11 pm", "WASHINGTON |
    Wed Apr 29 , 2009 5:24 pm EDT WASHINGTON") has no verb, and no common noun either, outside
    its date expressions.
    """
    tokens = [t for t in sent if start <= t.idx < end]
    words = [t for t in tokens if t.is_alpha]
    if len(words) < MIN_WORDS:
        return False
    outside = [t for t in tokens if not any(x.start <= t.idx < x.end for x in timexes)]
    if any(t.pos_ in ("VERB", "AUX") for t in outside):
        return True
    return len(words) >= MIN_WORDS_NO_VERB and any(t.pos_ == "NOUN" for t in outside)


def _not_a_time(doc: ArticleDoc, text: str, timex: Timex) -> bool:
    """A date expression that names no time something happened at: the modal "May" ("May we all
    die of old age") or an idiom of :data:`IDIOMS` ("enduring to this day")."""
    span = doc.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is not None and all(t.tag_ == "MD" for t in span):
        return True
    around = " ".join(text[max(0, timex.start - IDIOM_CONTEXT_CHARS) : timex.end].lower().split())
    return any(around.endswith(idiom) for idiom in IDIOMS)


def _written_year(doc: ArticleDoc, timex: Timex) -> bool:
    """A year written in digits, not after the publication year ("in the last year" is the past
    twelve months; "his term ends in 2019" a plan)."""
    if not re.fullmatch(r"\d{4}", timex.value) or not re.search(r"\d{4}", timex.text):
        return False
    published = doc.published.date if doc.published is not None else None
    return not (published and int(timex.value) > int(published[:4]))


def _past_verb(token: Token) -> bool:
    """A verb in the past tense or a past participle with no modal ("killed", "was launched")."""
    return (
        token.pos_ == "VERB"
        and token.tag_ in ("VBD", "VBN")
        and not any(c.tag_ == "MD" for c in token.children)
    )


def _happened_in_year(doc: ArticleDoc, timex: Timex) -> bool:
    """A bare year tied by "in" to a verb in the past tense, not after the publication year:
    "The war started in 2003" (not "his term ends in 2013", "patterns were similar in 2007",
    "resolution 1973", "the creation in 1933 of deposit insurance"), or dating a noun of a
    happening such a verb governs ("pushed for an intervention in 2013", "a 1963 coup")."""
    if not _written_year(doc, timex):
        return False
    span = doc.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.pos_ == "NOUN":  # the timex holds its noun: "won the 2012 election"
        return _happening_noun(root)
    if root.dep_ in ("nummod", "compound", "amod") and root.head.i > root.i:
        return _happening_noun(root.head)  # "pushed for the 2013 intervention"
    prep = root.head
    if prep.lower_ not in YEAR_PREPOSITIONS or prep.dep_ != "prep" or prep.i >= span.start:
        return False
    if prep.head.pos_ == "NOUN":
        return _happening_noun(prep.head)  # "pushed for an intervention in 2013"
    return _past_verb(prep.head)


def _happening_noun(noun: Token) -> bool:
    """A noun of :data:`EVENT_NOUNS` that a verb in the past tense governs, as its object or
    subject or through a preposition ("pushed for the intervention", "the invasion was launched")."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in EVENT_NOUNS and _governed_by_past_verb(noun)


def _governed_by_past_verb(noun: Token) -> bool:
    """A noun that a verb in the past tense governs, as its object or subject or through a
    preposition ("pushed for the intervention", "the intervention was called off")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "nsubj", "nsubjpass"):
        return False
    return _past_verb(head)


def _year_range(
    doc: ArticleDoc, text: str, timex: Timex, timexes: list[Timex]
) -> tuple[str, str, str] | None:
    """ "killed thousands between 2011 and 2015": one event over both years (value "2011/2015",
    the ISO 8601 interval), where the opener of :data:`YEAR_RANGES` ties the first year to a verb in
    the past tense, or to a noun that such a verb governs ("killed thousands between ..."; not
    "prices between 2011 and 2015 were stable", "will run between 2018 and 2020"), and the later
    year is not after the publication year. ``text`` is the article's text."""
    before = text[max(0, timex.start - 12) : timex.start].lower().split()
    if not before or before[-1] not in YEAR_RANGES:
        return None
    joiner = YEAR_RANGES[before[-1]]
    end = next((t for t in timexes if t.start > timex.end), None)
    if end is None or text[timex.end : end.start].strip().lower() != joiner:
        return None
    if not (_written_year(doc, timex) and _written_year(doc, end)) or int(end.value) <= int(timex.value):
        return None
    span = doc.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return None
    prep = span.root.head
    if prep.lower_ != before[-1] or prep.dep_ != "prep" or prep.i >= span.start:
        return None
    head = prep.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "nsubjpass", "attr"):
        head = head.head
    if not _past_verb(head):
        return None
    return f"{timex.value}/{end.value}", f"{timex.value}-01-01", f"{end.value}-12-31"


def _year(timex: Timex) -> tuple[str, str, str] | None:
    span = value_range(timex.value)
    return None if span is None else (timex.value, span[0].isoformat(), span[1].isoformat())


def _spanned(timex: Timex, span: tuple[date, date]) -> tuple[str, str, str] | None:
    """The event of a date read at both ends of a publication range ("rejected Thursday" in a
    report of 2014-07-07..2014-09-05): the ISO 8601 interval of the days it may be, as a range of
    years is written, when that is no wider than a date an event may have."""
    if timex.type not in ("DATE", "TIME") or (span[1] - span[0]).days + 1 > MAX_RANGE_DAYS:
        return None
    first, last = span[0].isoformat(), span[1].isoformat()
    return f"{first}/{last}", first, last


def _dated(timex: Timex) -> tuple[str, str, str] | None:
    if timex.type not in ("DATE", "TIME"):
        return None
    span = value_range(timex.value)
    if span is None or (span[1] - span[0]).days + 1 > MAX_RANGE_DAYS:
        return None
    return timex.value.split("T")[0], span[0].isoformat(), span[1].isoformat()


# A sentence break inside a parser "sentence": end punctuation, closing quotes (also the
# tokenized `` '' and ' of Timeline17 text), then an upper-case word, an opening quote or a
# dash (a signature: "... we are going to win ! - D. Richardson February 2 , 2011 at 11:02 am").
_INNER_BREAK = re.compile(r"(?<=[.!?])((?:\s*(?:''|[’”\"']))*)\s+(?=[“\"`A-Z]|-+\s)")


# A numbered list's next item run into the sentence ("... left 98 dead , 14 -RRB- Lockerbie is
# known ..."; "-RRB-" is the tokenized ")" of Timeline17 text).
_LIST_ITEM = re.compile(r"\s+\d{1,2}\s?(?:-RRB-|\))\s+(?=[A-Z])")


def _sentence_breaks(sentence: str) -> list[tuple[int, int]]:
    """(end of one piece, start of the next) at each run-on sentence break or list item of
    ``sentence``; a period after an initial, a title or an abbreviation ("D. Richardson",
    "Sen. Obama", "U.S. Embassy") breaks nothing."""
    out = [(m.start(), m.end()) for m in _LIST_ITEM.finditer(sentence)]
    for m in _INNER_BREAK.finditer(sentence):
        word = re.search(r"(\S*)[.!?]$", sentence[: m.start()])
        before = word.group(1) if word else ""
        if sentence[m.start() - 1] == "." and (
            len(before) == 1 or "." in before or before.lower() in _ABBREVIATIONS
        ):
            continue
        out.append((m.start() + len(m.group(1)), m.end()))
    return out


def _pieces(sentence: str) -> list[tuple[int, int]]:
    """``sentence`` cut at field separators and run-on sentence breaks: (start, end) offsets."""
    cuts = sorted(
        [(m.start(), m.end()) for m in _FIELD_BREAK.finditer(sentence)] + _sentence_breaks(sentence)
    )
    out, start = [], 0
    for end, nxt in cuts:
        if end >= start:
            out.append((start, end))
            start = nxt
    out.append((start, len(sentence)))
    return out


def describe(sentence: str, at: int = 0) -> str:
    """The sentence as one line, cut near ``MAX_DESCRIPTION_CHARS`` at a word boundary.

    The fields of a line with separators ("... | Report abuse | ...") are cut to the one holding
    character ``at`` (the date expression); so is a long parser "sentence" that runs several
    together (quotes confuse the small model).
    """
    fields = [(m.start(), m.end()) for m in _FIELD_BREAK.finditer(sentence)]
    if len(sentence) > MAX_DESCRIPTION_CHARS:
        fields += _sentence_breaks(sentence)
    start = 0
    for end, nxt in sorted(fields):
        if end > at:
            sentence = sentence[start:end]
            break
        start = max(start, nxt)
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
