"""The annotated document every stage reads."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from storyline.names import nicknames
from storyline.records import (
    Article,
    Attribution,
    Claim,
    Event,
    FramingLabel,
    Mention,
    PublicationDate,
    Timex,
)
from storyline.stages.speaker_titles import load_titles
from storyline.temporal import Candidate, find_candidates
from storyline.temporal.finder import time_words
from storyline.temporal.tense import dates_past_verb, tense_at

if TYPE_CHECKING:
    from spacy.tokens import Doc

T = TypeVar("T")

# A run of blank lines: a paragraph break of the clean text (ingest/clean.py joins paragraphs
# with "\n\n"). spaCy's small model was trained without whitespace augmentation (its config)
# and finds names worse next to a "\n\n" token; its NER reads the text with each run made a
# single new line. On ECB+ dev end to end (BENCHMARKS.md, Stories "End to end") this raised
# the tuning half from 90.10 to 91.40 BCubed F1; PolNeAR train attributions were unchanged.
_BLANK_LINES = re.compile(r"\n\s*\n")


def _name_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the person names of the parse a month or other time word can be a word
    of: "Jan Brewer", "Chris Weeks", "Theo May" (inside the name), "June Scobee Rodgers" (the NER
    takes only "Scobee Rodgers": a month right before a name with no word of a date before it).
    Only names of title-case words: the NER also calls "Mon Jun 20 , 2011 8:22" and "Got 48
    hours" names (a hand check of the timexes inside PERSON, ORG, FAC and WORK_OF_ART entities of
    180 Timeline17 articles: 3 names, 7 such junk entities; ORG, FAC and WORK_OF_ART were all
    junk: "Crawford at Easter", "Reply June 30 , 2011")."""
    spans = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or not all(t.is_alpha and t.is_title for t in ent):
            continue
        start = ent.start
        before = doc[start - 1] if start > 0 else None
        if (
            before is not None
            and before.is_title
            and before.is_alpha
            and before.lower_ in time_words()["months"]
            and (start < 2 or doc[start - 2].lower_ not in time_words()["date_leads"])
        ):
            start -= 1  # "June Scobee Rodgers"
        spans.append((doc[start].idx, ent.end_char))
    given, months = _given_names(), time_words()["months"]
    for tok in doc[1:]:
        # "Theresa May", "Brian May": a month after a given name is a surname (the small NER
        # misses "Theresa May said on Monday ..." as a name)
        prev = doc[tok.i - 1]
        if tok.lower_ in months and tok.is_title and prev.is_title and prev.lower_ in given:
            spans.append((prev.idx, tok.idx + len(tok)))
    return spans


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names the lexicons hold (the speaker roles' female names, the nickname list's names
    and short forms), lower case; "May", "June", "April" are left out: they are months too."""
    names = set(load_titles().female_names)
    for formal, short in nicknames().items():
        names.add(formal)
        names.update(short)
    return frozenset(names) - set(time_words()["months"])


def _marked(doc: Doc | None, cand: Candidate) -> Candidate:
    """The candidate with what the parse tells its normalizer: a bare month that dates a past verb
    itself gets the group ``done`` ("the uprising began in March": the March before the report,
    even eleven months back; temporal.calendar.month_year)."""
    if doc is None or cand.norm != "month" or not dates_past_verb(doc, cand.start, cand.end):
        return cand
    return replace(cand, groups={**cand.groups, "done": ""})


def _inside_name(names: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside a name that holds more than it."""
    return any(s <= start and end <= e and (s, e) != (start, end) for s, e in names)


def ner_view(text: str) -> str:
    """``text`` as the NER reads it: each run of blank lines made one new line."""
    return _BLANK_LINES.sub("\n", text)


def _entity_attrs() -> list[int | str]:
    from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE

    return [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]


def _line_up(doc: Doc, view: Doc) -> bool:
    """Whether the view's tokens are the text's one for one (the blank lines' whitespace
    tokens against the view's single new lines)."""
    return len(doc) == len(view) and all(
        a.is_space == b.is_space and (a.is_space or a.text == b.text) for a, b in zip(doc, view, strict=True)
    )


def parse_pipe(
    nlp: Any, items: Iterable[tuple[str, T]], batch_size: int | None = None
) -> Iterator[tuple[Doc, T]]:
    """The parse of each ``(text, context)`` pair's text, in batches: the tagger, parser and
    lemmatizer read the text itself; the NER (which has its own tok2vec in en_core_web_sm)
    reads :func:`ner_view` and its entities are copied token for token onto the text's doc.
    So ``doc.text`` is the text, blank lines included, and every offset is into it.

    The parser reads the blank lines as they are: on the view it moved PolNeAR train
    attributions down (content+speaker F1 66.09 -> 65.88), NER alone left them unchanged.
    A sentence starts after a blank line and after a heading's line (``storyline.nlp``'s
    line-break component, run before the parser on the text, not on the view).
    """
    size = batch_size or 32
    ner = nlp.get_pipe("ner")
    others = [name for name in nlp.pipe_names if name != "ner"]
    attrs = _entity_attrs()
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        texts = [text for text, _ in batch]
        docs = nlp.pipe(texts, batch_size=size, disable=["ner"])
        views = nlp.pipe([ner_view(t) for t in texts], batch_size=size, disable=others)
        for doc, view, (_, ctx) in zip(docs, views, batch, strict=True):
            if _line_up(doc, view):
                doc.from_array(attrs, view.to_array(attrs))
            else:  # not seen on PolNeAR, ECB+ or TempEval train: NER on the text itself
                doc = ner(doc)
            yield doc, ctx


def parse(nlp: Any, text: str) -> Doc:
    """One text's parse (see :func:`parse_pipe`)."""
    return next(parse_pipe(nlp, [(text, None)]))[0]


@dataclass
class ArticleDoc:
    """One article with its parse and the results of the stages run so far.

    ``doc`` is spaCy's parse of ``article.text`` (so token and entity offsets are
    offsets into the clean text; the entities are found on :func:`ner_view`). The runner
    fills the result fields in stage order; a stage only reads fields of stages that run
    before it.
    """

    article: Article
    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    published: PublicationDate | None = None
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    labels: list[FramingLabel] = field(default_factory=list)
    vector: bytes = b""  # the story vector, when the pipeline embeds (stages/embedding.py)
    _timex_candidates: list[tuple[Candidate, str | None]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def id(self) -> str:
        return self.article.id

    def timex_candidates(self) -> list[tuple[Candidate, str | None]]:
        """The temporal expressions of the text, each with the tense of its clause (None when
        there is no parse), found once and shared by the stages that read them (the
        publication date and the timexes: running the finder twice cost 11% of the pipeline).
        """
        if self._timex_candidates is None:
            names = _name_spans(self.doc) if self.doc is not None else []
            self._timex_candidates = [
                (
                    _marked(self.doc, cand),
                    tense_at(self.doc, cand.start, cand.end) if self.doc is not None else None,
                )
                for cand in find_candidates(self.text)
                if not _inside_name(names, cand.start, cand.end)
            ]
        return self._timex_candidates
