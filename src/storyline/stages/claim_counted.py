"""What a number of the claims stage counts, and the qualifier written before it.

The counted phrase is the noun the number modifies with the modifiers between them ("surface-to-air
missiles"), with the event verb that governs it as a participle ("people killed", "rebels
captured") or the measure noun that holds it ("the deaths of at least 32 people"); the qualifier
is a phrase of the lexicon ending right before the number ("at least", "no fewer than").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.stages.claim_lexicon import ClaimLexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# How many words before a number are searched for its qualifier ("no fewer than").
QUALIFIER_WORDS = 3
# Tokens between a number and its noun that end the phrase: brackets (Timeline17 writes them as
# -LRB- / -RRB-: "3 -RRB- The Roots" is a list item) and clause punctuation.
_BREAKS = frozenset({"-LRB-", "-RRB-", "(", ")", "[", "]", ":", ";"})
_IRREGULAR = {
    "lose": "lost",
    "take": "taken",
    "flee": "fled",
    "leave": "left",
    "hold": "held",
    "kill": "killed",
}


def qualifier_before(text: str, start: int, lex: ClaimLexicon) -> tuple[str | None, int]:
    before = text[max(0, start - 40) : start]
    words = before.split()[-QUALIFIER_WORDS:]
    tail = " ".join(words).lower()
    for surface, normalized in lex.qualifiers:
        if tail == surface or tail.endswith(" " + surface):
            return normalized, start - len(before) + before.lower().rindex(surface)
    return None, start


def participle(verb: Token) -> str:
    if verb.tag_ in ("VBN", "VBD"):
        return verb.lower_
    lemma = verb.lemma_.lower()
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    return lemma + ("d" if lemma.endswith("e") else "ed")


def counted(text: str, noun: Token, number_end: int, lex: ClaimLexicon) -> tuple[str, int]:
    """What a number counts: its noun with the modifiers between them, and the governing verb."""
    words = [t for t in noun.doc[number_end : noun.i + 1] if t.dep_ != "det" and not t.like_num]
    while words and words[0].is_punct:
        words.pop(0)
    # The text as written from the first modifier to the noun ("surface-to-air missiles").
    phrase = text[words[0].idx : noun.idx + len(noun.text)] if words else noun.text
    end = noun.idx + len(noun.text)
    head = noun.head
    if (
        noun.dep_ in ("nsubj", "nsubjpass", "dobj")
        and head.pos_ == "VERB"
        and head.i != noun.i
        and head.lemma_.lower() in lex.event_verbs
    ):
        phrase = f"{phrase} {participle(head)}"
        if noun.dep_ == "nsubjpass" and head.i > noun.i:
            end = head.idx + len(head.text)
        if noun.dep_ == "nsubj":  # "people lose their lives": the object says what happened
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                phrase = f"{phrase} {obj.text}"
        return phrase, end
    acl = next(
        (
            c
            for c in noun.rights
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in lex.event_verbs
        ),
        None,
    )
    if acl is not None and acl.i == noun.i + 1:  # "the 120 security personnel killed a week ago"
        return f"{phrase} {acl.lower_}", acl.idx + len(acl.text)
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ == "NOUN"
        and head.head.lower_ in lex.measures
        and head.head.i < noun.i
    ):  # "the deaths of at least 32 people"
        return f"{head.head.lower_} of {phrase}", end
    return phrase, end


def is_counted_noun(t: Token) -> bool:
    """A common noun, or a plural proper noun ("a million Britons", "3,000 Syrians")."""
    return t.pos_ == "NOUN" or t.tag_ == "NNPS"


def noun_after(tokens: list[Token]) -> Token | None:
    """The noun a number modifies: its nummod head, else the first noun right after it."""
    last = tokens[-1]
    between = last.doc[last.i + 1 : last.head.i]
    if (
        last.dep_ in ("nummod", "quantmod", "compound")
        and is_counted_noun(last.head)
        and last.head.i > last.i
        and last.head.text[:1].isalpha()
        and not any("\n" in t.text_with_ws or t.text in _BREAKS for t in between)
    ):
        return last.head
    for t in last.doc[last.i + 1 : last.i + 4]:
        if ("\n" in t.text_with_ws and t.pos_ != "NOUN") or t.text in _BREAKS:
            break
        if is_counted_noun(t):
            return t if t.text[:1].isalpha() else None
        if t.pos_ not in ("ADJ", "DET", "ADP", "NUM"):
            break
    return None


def chunk_before(sent: SpacySpan, i: int) -> SpacySpan | None:
    chunks = [c for c in sent.noun_chunks if c.end <= i]
    return chunks[-1] if chunks else None
