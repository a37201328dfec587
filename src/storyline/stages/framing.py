"""Framing: the labels an article attaches to actors, its hedges and its scare quotes.

"the Daesh Takfiri terrorist group" -> labels "takfiri" and "terrorist" on Islamic State;
"purported Daesh targets" -> hedge "purported" on Islamic State; self-proclaimed
“caliphate” -> a scare quote. Who speaks a label (the outlet, or a speaker it quotes) is
decided by :func:`voice_of`, so aggregations can keep the outlet's words apart from quotes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from storyline.lexicons import load_yaml
from storyline.names import AliasLexicon, load_aliases
from storyline.records import Attribution, FramingLabel, Mention
from storyline.stages.document import ArticleDoc

# A label joins a mention when at most this many words stand between them in one phrase
# ("Daesh Takfiri terrorist group": "terrorist" is one word after the mention "Daesh Takfiri").
ADJACENT_WORDS = 2
# "the terror group" refers back to the last armed group or organization named in the
# article within this many sentences (seed 003: "the terror group" four times, each for Daesh).
ANAPHORA_SENTENCES = 2
# A hedge covers the actor named within this many characters after it ("purported Daesh targets",
# "what are said to be the positions of Daesh terrorists").
HEDGE_SCOPE = 60
# Quoted spans of at most this many words are scare-quote candidates; longer ones are quotes.
SCARE_QUOTE_WORDS = 3
# Inside quotation marks of at least this many words, a label is the quoted speaker's word.
QUOTE_MIN_WORDS = 4
GROUP_TYPES = frozenset({"armed_group", "organization", "government"})
ATTACHABLE_LABELS = frozenset({"PERSON", "ORG", "DESC"})
PERSON_TERMS = frozenset({"strongman", "dictator", "pariah"})
_CONJUNCTION = re.compile(r"\b(?:and|or|nor|but|while|whereas)\b", re.IGNORECASE)
_QUOTES = re.compile(r"\u201c([^\u201d]{1,400})\u201d|\"([^\"\n]{1,400})\"")


# The only characters outside ASCII that re.IGNORECASE matches to an ASCII letter ("İ" and
# "ı" to i, "ſ" to s, the Kelvin sign to k; found by trying every code point): folded to that
# letter before lowercasing, a form matched by a term's pattern is a substring of the text.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@dataclass(frozen=True)
class Term:
    term: str
    category: str
    pattern: re.Pattern[str]
    # lowercased first words of the forms: the pattern can match only where one of them occurs,
    # so a text without any skips the regex (most texts hold few of the terms)
    keys: tuple[str, ...] = ()


def _term(term: str, category: str, forms: list[str]) -> Term:
    firsts = {f.split(" ")[0].lower() for f in forms}
    keys = (
        ()
        if any(not f.isascii() for f in firsts)
        else tuple(sorted(k for k in firsts if not any(o != k and o in k for o in firsts)))
    )
    return Term(term, category, _pattern(forms), keys)


def _pattern(forms: list[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?![\w-])", re.IGNORECASE)


def _folded(text: str) -> str:
    return (text.translate(_ASCII_FOLD) if not text.isascii() else text).lower()


def _hits(t: Term, text: str, folded: str) -> Iterator[re.Match[str]]:
    if t.keys and not any(k in folded for k in t.keys):
        return iter(())
    return t.pattern.finditer(text)


@functools.lru_cache(maxsize=1)
def load_framing_lexicon() -> tuple[list[Term], list[Term], frozenset[str]]:
    """(labels, hedges, contested words) from framing_labels.yaml and hedges.yaml."""
    labels = load_yaml("framing_labels.yaml")
    hedges = load_yaml("hedges.yaml")
    return (
        [_term(x["term"], x["category"], x["forms"]) for x in labels["labels"]],
        [_term(x["term"], "distancing", x["forms"]) for x in hedges["hedges"]],
        frozenset(w.lower() for w in labels["contested"]),
    )


def _actor_type(m: Mention, lexicon: AliasLexicon | None = None) -> str:
    """The type of a mention's actor: from the alias lexicon (a user's file over the bundled
    one, when the pipeline was given one), else from the entity label."""
    lexicon = lexicon if lexicon is not None else load_aliases()
    if m.actor and m.actor in lexicon.actors:
        return lexicon.actors[m.actor].type
    return {"PERSON": "person", "DESC": "person", "ORG": "organization"}.get(m.label, "other")


def _attachable(m: Mention, lexicon: AliasLexicon) -> bool:
    return bool(m.actor) and (
        m.label in ATTACHABLE_LABELS or _actor_type(m, lexicon) in GROUP_TYPES | {"person"}
    )


def _adjacent(text: str, a_end: int, b_start: int) -> bool:
    """One phrase holds both, with at most ``ADJACENT_WORDS`` words between; punctuation or a
    conjunction between them ends the phrase ("Daesh and other foreign-sponsored groups": the
    label is the other groups', not Daesh's)."""
    between = text[a_end:b_start]
    return (
        not re.search(r"[,.;:!?\u201c\u201d\"()\n]", between)
        and not _CONJUNCTION.search(between)
        and len(between.split()) <= ADJACENT_WORDS
    )


def _sentence_starts(doc: ArticleDoc) -> list[int]:
    return [s.start_char for s in doc.doc.sents]


def _sentence_index(starts: list[int], pos: int) -> int:
    lo = 0
    for i, s in enumerate(starts):
        if s <= pos:
            lo = i
        else:
            break
    return lo


def _label_actor(
    doc: ArticleDoc,
    mentions: list[Mention],
    start: int,
    end: int,
    term: str,
    starts: list[int],
    lexicon: AliasLexicon,
) -> str | None:
    for m in mentions:
        if m.start <= start < m.end or m.start < end <= m.end:
            return m.actor
    near = [m for m in mentions if _adjacent(doc.text, m.end, start) and m.end <= start]
    near += [m for m in mentions if _adjacent(doc.text, end, m.start) and m.start >= end]
    if near:
        return min(near, key=lambda m: min(abs(start - m.end), abs(m.start - end))).actor
    if re.search(r"\bthe\s+$", doc.text[max(0, start - 6) : start], re.IGNORECASE):
        wanted = {"person"} if term in PERSON_TERMS else GROUP_TYPES
        here = _sentence_index(starts, start)
        before = [
            m
            for m in mentions
            if m.end <= start
            and here - _sentence_index(starts, m.start) <= ANAPHORA_SENTENCES
            and _actor_type(m, lexicon) in wanted
            and (term in PERSON_TERMS or _actor_type(m, lexicon) == "armed_group")
        ]
        if before:
            return before[-1].actor
    return None


def extract_framing(doc: ArticleDoc, user_aliases: str | None = None) -> list[FramingLabel]:
    """Labels on actors, hedges and scare quotes of one article, in text order.

    ``user_aliases`` is the path of a user alias YAML file loaded over the bundled one: the
    types it gives actors decide which mentions take a label ("the strongman", "the terror group").
    """
    labels, hedges, contested = load_framing_lexicon()
    lexicon = load_aliases(user_aliases)
    mentions = sorted((m for m in doc.mentions if _attachable(m, lexicon)), key=lambda m: m.start)
    starts = _sentence_starts(doc)
    text = doc.text
    folded = _folded(text)
    out: list[FramingLabel] = []
    for t in labels:
        for hit in _hits(t, text, folded):
            actor = _label_actor(doc, mentions, hit.start(), hit.end(), t.term, starts, lexicon)
            out.append(FramingLabel(doc.id, hit.start(), hit.end(), "label", t.term, actor, t.category))
    hedge_labels: list[FramingLabel] = []
    for t in hedges:
        for hit in _hits(t, text, folded):
            sent_end = next((s for s in starts if s > hit.end()), len(text))
            scope = [m for m in mentions if hit.end() <= m.start < min(hit.end() + HEDGE_SCOPE, sent_end)]
            actor = scope[0].actor if scope else None
            hedge_labels.append(
                FramingLabel(doc.id, hit.start(), hit.end(), "hedge", t.term, actor, t.category)
            )
            out.append(hedge_labels[-1])
    for q in _QUOTES.finditer(text):
        inner = (q.group(1) or q.group(2) or "").strip(" .,;:!?")
        words = inner.split()
        if not words or len(words) > SCARE_QUOTE_WORDS:
            continue
        hedge = next((h for h in hedge_labels if 0 <= q.start() - h.end <= 3), None)
        if hedge is None and inner.lower() not in contested:
            continue
        # Whose word it is stays open; the quote names an actor only when it sits next to one,
        # or when a hedge in front of it marks it as that actor's claim (self-proclaimed "caliphate").
        near = [
            m
            for m in mentions
            if (m.end <= q.start() and _adjacent(text, m.end, q.start()))
            or (m.start >= q.end() and _adjacent(text, q.end(), m.start))
        ]
        actor = near[0].actor if near else None
        if hedge is not None and actor is None:
            sent_start = starts[_sentence_index(starts, q.start())] if starts else 0
            before = [m for m in mentions if sent_start <= m.start and m.end <= q.start()]
            actor = before[-1].actor if before else None
        if hedge is not None and hedge.actor is None and actor is not None:
            out[out.index(hedge)] = replace(hedge, actor=actor)
        out.append(
            FramingLabel(doc.id, q.start(), q.end(), "scare_quote", inner.lower(), actor, "distancing")
        )
    return sorted(out, key=lambda f: (f.start, f.end, f.kind))


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks of at least ``QUOTE_MIN_WORDS`` words (direct speech)."""
    return [
        (q.start(), q.end())
        for q in _QUOTES.finditer(text)
        if len((q.group(1) or q.group(2) or "").split()) >= QUOTE_MIN_WORDS
    ]


def voice_of(text: str, start: int, end: int, attributions: list[Attribution]) -> str | None:
    """Whose word a span is: the speaker whose direct words hold it, "quoted" when it sits in
    direct speech of an unknown speaker, None when it is the outlet's own voice.

    Reported (indirect) speech is the outlet's paraphrase, so its wording stays the outlet's;
    in mixed attributions only the quoted part is the speaker's.
    """
    quoted = any(s <= start and end <= e for s, e in quoted_regions(text))
    holders = [
        a
        for a in attributions
        if any(s.start <= start and end <= s.end for s in a.content)
        and (a.type == "direct" or (a.type == "mixed" and quoted))
    ]
    if holders:
        inner = min(holders, key=lambda a: sum(s.end - s.start for s in a.content))
        return inner.speaker or "quoted"
    return "quoted" if quoted else None
