"""Holidays named as a kind, not as one occurrence ("Ramadan is the ninth month of the Islamic
calendar"): TimeML gives such a non-specific mention no specific value. ``tense.tense_at`` reads
the clause of such a mention as :data:`GENERIC`, and ``dates.holiday`` writes its value."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.temporal.finder import time_word_set

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# How many clause heads a mention's simple-present clause is followed up through (as far as
# tense.MAX_HEAD_HOPS looks up the tree for a governing verb).
MAX_CLAUSE_HOPS = 6


def generic_holiday(span: Span, verb: Token | None) -> bool:
    """Whether ``span`` names a holiday of ``generic_holidays`` as a kind: the head of a noun of
    ``generic_holiday_nouns`` ("the Ramadan legend"), or a :func:`generic_mention` in the clause
    of ``verb`` (the verb that governs it, if any)."""
    if not any(t.lower_ in time_word_set("generic_holidays") for t in span):
        return False
    return _kind_modifier(span.root) or verb is not None and generic_mention(span, verb)


# The tense of a generic statement about a holiday (dates.holiday: no specific value)
GENERIC = "generic"
# Quantity heads of a generic subject: "a lot of mosques", "many Muslims", "most families"
_GENERIC_QUANTITIES = {"lot", "lots", "many", "most", "millions", "plenty"}
# Prepositions of a duration, which dates no occurrence ("hold carnivals for a couple of days")
_SPAN_PREPOSITIONS = {"for", "over", "within"}
# Clause links to follow up from a holiday's verb to the verbs it depends on ("mosques hold
# carnivals for a couple of days after Ramadan ends")
_CLAUSE_LINKS = {"advcl", "relcl", "ccomp", "conj"}


def _simple_present(verb: Token) -> bool:
    """A present-tense verb with no auxiliary but "do" ("moves", "fast", "does not"), or a
    present passive ("is believed", "is called")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP"):
        return all(a.lemma_.lower() == "do" for a in auxes)
    if verb.tag_ == "VBN":
        return bool(auxes) and all(a.tag_ in ("VBZ", "VBP") and a.lemma_.lower() == "be" for a in auxes)
    return False


def _in_subject(token: Token, verb: Token) -> bool:
    """Whether ``token`` lies in the subject of ``verb``."""
    while token.i != verb.i and token.head.i != token.i:
        if token.head.i == verb.i:
            return token.dep_ in ("nsubj", "nsubjpass")
        token = token.head
    return False


def _generic_subject(verb: Token) -> bool:
    """A bare plural subject ("Muslims fast", "mosques hold") or a quantity of one ("a lot of
    mosques")."""
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if c.tag_ in ("NNS", "NNPS") and not any(d.dep_ in ("det", "poss") for d in c.children):
            return True
        if c.lower_ in _GENERIC_QUANTITIES and any(
            p.lower_ == "of" and any(o.tag_ in ("NNS", "NNPS") for o in p.children) for p in c.children
        ):
            return True
    return False


def _habitual(token: Token) -> bool:
    """A habitual adverb ("usually", "traditionally") or "every/each year"."""
    if token.lower_ in time_word_set("habitual_words"):
        return True
    return token.lower_ in time_word_set("habitual_units") and any(
        c.dep_ == "det" and c.lower_ in ("every", "each") for c in token.children
    )


def _dated(verb: Token, mention: Token) -> bool:
    """Whether the clause of ``verb`` is dated by another time than the mention ("by Monday, when
    Muslims mark the end of ... Ramadan") other than a habitual one ("every year")."""
    if verb.dep_ == "relcl" and verb.head.ent_type_ in ("DATE", "TIME"):
        return True
    for c in verb.children:  # "in just a few days", "on Monday"; not "11 days earlier" (advmod)
        if (
            c.dep_ not in ("prep", "npadvmod")
            or c.lower_ in _SPAN_PREPOSITIONS
            or mention.i in (t.i for t in c.subtree)
        ):
            continue
        if any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree) and not _habitual(c):
            return True
    return False


def _kind_modifier(token: Token) -> bool:
    """A holiday naming the kind of a story or custom ("the Ramadan legend"): no occurrence."""
    return token.dep_ == "compound" and token.head.lemma_.lower() in time_word_set("generic_holiday_nouns")


def generic_mention(span: Span, verb: Token) -> bool:
    """Whether a holiday is named as a kind, not as one occurrence (TimeML's non-specific
    mention): the subject of a present copula with a complement or of a present naming verb
    ("Ramadan is the ninth month of the Islamic calendar", "Ramadan is believed to be the month
    ...", "the most holy night during Ramadan is called ..."), or in a simple-present clause, or
    one it depends on, with a habitual word or a bare plural subject ("And so every year, Ramadan
    moves up", "Every year during Ramadan the sale of dates skyrockets", "mosques hold carnivals
    after Ramadan ends"), that no other time dates. Not "even though it is Ramadan" (Ramadan the
    complement, "He and his men toil"), "Ramadan begins in just a few days", "when Muslims mark
    the end of Ramadan" after "by Monday" (the clause of a date)."""
    if not _simple_present(verb):
        return False
    if span.root.dep_ == "compound":  # "Ramadan prayers", "Ramadan fast": this year's
        return False
    if _in_subject(span.root, verb):
        if verb.lemma_.lower() == "be" and any(c.dep_ == "attr" for c in verb.children):  # a definition
            return True
        if verb.tag_ == "VBN" and verb.lower_ in time_word_set("generic_naming_verbs"):
            return True
    mention = span.root
    for _ in range(MAX_CLAUSE_HOPS):
        if _dated(verb, mention):
            return False
        if _generic_subject(verb) or any(
            _habitual(c) for c in verb.children if c.dep_ in ("advmod", "npadvmod")
        ):
            return True
        head = verb.head
        if (
            not _in_subject(mention, verb)  # "after Ramadan ends"; not "the war churns on into Ramadan"
            or verb.dep_ not in _CLAUSE_LINKS
            or head.i == verb.i
            or not _simple_present(head)
        ):
            return False
        mention, verb = verb, head
    return False
