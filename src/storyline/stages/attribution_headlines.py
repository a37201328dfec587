"""Attributions of "Name: statement" lines: headlines and transcript speaker labels.

"John McCain: Republican anger appeals to ..." (a headline whose head names a person or
organization), "TAPPER: ..." and "Q: ..." (a transcript's speaker labels) attribute the rest
of the line to the head. These come from the text's lines, not from a cue in the parse, so
they are a pass of their own; datelines ("PARIS: ...") and captions are left out.
"""

from __future__ import annotations

import re
from collections import Counter

from storyline.stages.attribution_spans import WORD, Candidate, trim_span
from storyline.stages.cue_lexicon import CueLexicon
from storyline.stages.document import ArticleDoc

HEADLINE = re.compile(r"([^:\n]{1,60}):[ \t]+(\S[^\n]*)")
# A headline "Gingrich: Trump must decide ..." is short; a longer line with a colon is body text.
MAX_HEADLINE_WORDS = 25
# A speaker label ("TAPPER:", "Sanders:", "Q:") is a name of at most this many words.
MAX_LABEL_WORDS = 4
# An upper-case line label that opens this many lines is a transcript's speaker (so that a
# dateline "PARIS:" or a heading "TOP STORIES:", seen once, is none; not tuned).
MIN_TRANSCRIPT_LABELS = 2
# Entities a label is never the name of: "PARIS:" is a dateline, "Tuesday:" a time.
NOT_SPEAKER_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})


def headline_candidates(doc: ArticleDoc, lex: CueLexicon) -> list[Candidate]:
    """ "Name: statement" lines: the person or organization named says the rest of the line.

    A headline ("John McCain: Republican anger appeals to ...") whose head holds a PERSON or
    ORG name; or a speaker label (``_speaker_label``): a transcript's "TAPPER: ...", "Q: ...",
    a headline "Sanders: ..." the parser found no name in. A dateline ("Paris: ...", a place)
    and labels such as "File:" or "Image Credit:" never become speakers.
    """
    text = doc.text
    out = []
    lines = [
        (line, m)
        for line in re.finditer(r"[^\n]+", text)
        if (m := HEADLINE.fullmatch(line.group())) and WORD.search(m.group(1))  # " : ..." has no head
    ]
    # A transcript: the same upper-case label ("BOULDUAN:", "KATE BOULDUAN:") opens several lines.
    caps = Counter(m.group(1).split()[-1] for _, m in lines if _caps_label(m.group(1).strip()))
    for line, m in lines:
        if "(" in m.group(1) or len(WORD.findall(m.group(2))) < 3:
            continue  # "French President Francois Hollande (photo credit: AP)" is a caption
        s, e = trim_span(text, line.start() + m.start(1), line.start() + m.end(1))
        cs, ce = trim_span(text, line.start() + m.start(2), line.start() + m.end(2))
        colon = line.start() + m.end(1)
        dash = max(text.rfind(" - ", s, e), text.rfind(" — ", s, e))
        if dash > s:  # "Media shares blame in Iowa poll overhype - HuffPollster: “...”"
            s = dash + 3
        if _speaker_label(doc, s, e, lex, caps[m.group(1).split()[-1]] >= MIN_TRANSCRIPT_LABELS):
            out.append(Candidate((colon, colon + 1), -1, "headline", (s, e), [(cs, ce)], key=":/label"))
            continue
        if len(WORD.findall(line.group())) > MAX_HEADLINE_WORDS or dash > 0:
            continue
        named = [x for x in doc.mentions if x.label in ("PERSON", "ORG") and s <= x.start and x.end <= e]
        if not named:
            continue
        span = doc.doc.char_span(s, e, alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
            continue  # "Kasich resisted: ..." is a colon-introduced quote, not a headline
        out.append(Candidate((colon, colon + 1), -1, "headline", (s, e), [(cs, ce)], key=":/headline"))
    return out


def _caps_label(head: str) -> bool:
    words = head.split()
    return (
        1 <= len(words) <= MAX_LABEL_WORDS
        and head.isupper()
        and all(w.isalpha() or w == "." for w in head.replace(".", " . ").split())
    )


def _speaker_label(doc: ArticleDoc, s: int, e: int, lex: CueLexicon, transcript: bool = False) -> bool:
    """The head of a "Head: rest" line names who says the rest: a label of the lexicon
    ("Q", "Poll"), or a capitalized name of at most ``MAX_LABEL_WORDS`` words whose last word
    is a word of a PERSON or ORG name elsewhere in the article ("TAPPER" of "Jake Tapper",
    "Sanders" in a headline the parser tagged no name in), or in a transcript any upper-case
    name ("BOULDUAN:"); never a place or date."""
    head = doc.text[s:e]
    if head.lower() in lex.speaker_labels:
        return True
    words = head.split()
    if not 1 <= len(words) <= MAX_LABEL_WORDS or not all(w[0].isupper() for w in words):
        return False
    span = doc.doc.char_span(s, e, alignment_mode="expand")
    if span is None or any(t.ent_type_ in NOT_SPEAKER_ENTS for t in span):
        return False
    dl = doc.article.dateline
    if dl is not None and s < dl.end and e > dl.start:
        return False
    if transcript and _caps_label(head):
        return True
    last = WORD.findall(head)
    return bool(last) and last[-1].lower() in _name_words(doc, s, e)


def _name_words(doc: ArticleDoc, s: int, e: int) -> set[str]:
    """The words of the article's PERSON and ORG names, those overlapping ``[s, e)`` left out."""
    text = doc.text
    return {
        w.lower()
        for x in doc.mentions
        if x.label in ("PERSON", "ORG") and (x.end <= s or x.start >= e)
        for w in WORD.findall(text, x.start, x.end)
    }
