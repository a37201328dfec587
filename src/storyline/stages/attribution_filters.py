"""The confidence of an attribution, and the clean-up after the quotes are joined.

``attribution_confidence`` is the cue's learned precision, else a prior by how it was found
(``CONFIDENCE``). After joining, the runner takes a dateline off a speaker span
(``drop_datelines``: "Paris: President X" keeps X) and drops an inner attribution that
restates the one holding its cue (``drop_restatements``), a cue inside another attribution's
quote (``drop_quoted_cues``) and a weak attribution nested in another's content
(``drop_weak_nested``): PolNeAR annotates few of them. Each drop's effect on PolNeAR train is
noted on it.
"""

from __future__ import annotations

import re

from storyline.stages.attribution_spans import WORD, Candidate, QuoteIndex, word_starts
from storyline.stages.cue_lexicon import CueLexicon
from storyline.stages.document import ArticleDoc

# Confidence by how the attribution was found; calibrated by precision on PolNeAR train.
CONFIDENCE = {
    "raising": 0.5,
    "colon": 0.6,
    "headline": 0.6,
    "speech": 0.8,
    "belief": 0.55,
    "object": 0.45,
    "intent": 0.5,
    "prep": 0.8,
    "quote": 0.6,
}


def attribution_confidence(c: Candidate, lex: CueLexicon) -> float:
    """The cue's learned precision, else a prior by how the attribution was found."""
    learned = lex.precision(c.key)
    if learned is not None:
        return learned
    return CONFIDENCE.get(c.how, 0.5) * (1.0 if c.source else 0.8)


# A nested attribution that is no reporting chain (its source is outside the outer content, or
# it has none) is kept from this confidence up. On PolNeAR train such predictions below 0.5
# match gold 4 times in 83 (0.3-0.4: 8%, 0.4-0.5: 0%), from 0.5 up 30-60%.
MIN_NESTED_CONFIDENCE = 0.5


def drop_weak_nested(cands: list[Candidate], lex: CueLexicon) -> list[Candidate]:
    """Drop a low-confidence attribution whose cue lies inside another's content and whose
    source does not ("He has criticized Clinton for accepting campaign donations": "accepting"
    is part of the criticism, its inherited source outside it). Train content+speaker F1
    65.36 -> 65.48 (P 72.15 -> 72.47, R 59.74 -> 59.72; 79 fewer predictions); two-fold
    held-out flat (62.8, P 70.3 -> 70.6)."""

    def weak(c: Candidate) -> bool:
        if c.cue is None or attribution_confidence(c, lex) >= MIN_NESTED_CONFIDENCE:
            return False
        outers = [o for o in cands if o is not c and any(s <= c.cue[0] < e for s, e in o.content)]
        chain = c.source is not None and any(s <= c.source[0] < e for o in outers for s, e in o.content)
        inside = any(all(any(s <= a and b <= e for s, e in o.content) for a, b in c.content) for o in outers)
        return inside and not chain  # not a quote running on past the outer content

    return [c for c in cands if not weak(c)]


def drop_quoted_cues(cands: list[Candidate], qidx: QuoteIndex) -> list[Candidate]:
    """Drop an attribution whose cue is inside quote marks that another attribution's content
    holds: the quoted speaker's own words ("'In fact, he proposed giving them work permits,'
    Rubio said"), not a second statement; PolNeAR annotates almost none of them. On train
    147 fewer predictions, content+speaker F1 65.1 -> 65.4 (P 71.5 -> 72.1, R 59.8 -> 59.7)."""

    def quoted_inside(c: Candidate) -> bool:
        if c.cue is None or qidx.at(c.cue[0]) is None:
            return False
        pos = c.cue[0]
        return any(o is not c and any(s <= pos < e for s, e in o.content) for o in cands)

    return [c for c in cands if not quoted_inside(c)]


# A cue inside another attribution's content whose own content is inside that one and at least
# this share of its words restates it. PolNeAR train has 5 gold pairs in 19,832 that overlap this much.
RESTATED_SHARE = 0.5


def drop_restatements(cands: list[Candidate], text: str) -> list[Candidate]:
    """Drop a nested attribution that restates the one holding its cue: its content is at
    least half of the outer content and the inner source is not inside the outer content
    ("Cruz said that X, stating that Y", the parse hanging "stating" in the "that" clause).
    A reporting chain ("Mariani said Assad declared X": Assad inside Mariani's content) is
    kept. PolNeAR annotates one of two such overlapping contents (train: outer right 69,
    inner 43, neither 20); train content+speaker F1 64.8 -> 65.1, recall unchanged."""
    words = [word_starts(text, c.content) for c in cands]
    dropped: set[int] = set()
    for i, c in enumerate(cands):
        pos = c.cue[0] if c.cue else c.content[0][0]
        outer, best = None, None
        for j, o in enumerate(cands):
            if j == i:
                continue
            for s, e in o.content:
                if s <= pos < e and (best is None or e - s < best):
                    outer, best = j, e - s
        if outer is None or outer in dropped or not words[i] or not words[outer]:
            continue
        if not words[i] <= words[outer] or len(words[i]) < RESTATED_SHARE * len(words[outer]):
            continue  # words of its own (a quote running on), or a small part of the outer content
        if c.source is not None and any(s <= c.source[0] < e for s, e in cands[outer].content):
            continue  # a reporting chain
        dropped.add(i)
    return [c for i, c in enumerate(cands) if i not in dropped]


# "Paris:", "PARIS (AFP) –", "PARIS, France —": a place (and agency) before a colon or a spaced dash.
DATELINE = re.compile(
    r"[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}(?:, [A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,2})?"
    r"\s*(?:\([A-Za-z ]+\))?\s*(?::|[—–-]\s)\s*"
)


def drop_datelines(cands: list[Candidate], doc: ArticleDoc) -> list[Candidate]:
    """A dateline ("Paris:", "PARIS (AFP) -") is never a speaker."""
    text = doc.text
    dl = doc.article.dateline
    out = []
    for c in cands:
        if c.source is not None:
            s, e = c.source
            line_start = text.rfind("\n", 0, s) + 1
            m = DATELINE.match(text, s) if s == line_start and c.how != "headline" else None
            place = m is not None and not any(
                x.label in ("PERSON", "ORG") and s <= x.start and x.end <= m.end() for x in doc.mentions
            )
            if dl is not None and s < dl.end and e > dl.start:
                s = max(s, dl.end)
            elif place and m is not None:
                s = m.end()  # "Paris: President Bashar Al-Assad" -> "President Bashar Al-Assad"
            is_dl = not WORD.search(text, s, e)
            if not is_dl:
                c.source = (s, e)
            elif c.cue is not None:
                # the parser took the dateline for the subject: the name between it and the cue
                named = [
                    x
                    for x in doc.mentions
                    if x.label in ("PERSON", "ORG") and s <= x.start and x.end <= c.cue[0]
                ]
                c.source = (named[0].start, named[0].end) if named else None
            else:
                c.source = None
        out.append(c)
    return out
