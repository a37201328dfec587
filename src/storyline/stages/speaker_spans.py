"""Parse rules that find a cue's speaker *span* where the verb's subject is not it.

The attributions stage takes a cue verb's grammatical subject as its source; these rules cover
the shapes where that is wrong or missing: object control ("led Priebus to declare"),
infinitives and relatives on a noun ("held a briefing to brag", "released a video that
accuses"), passives with no agent ("Asked ..., Devine replied": no source), and speakers the
parse hides (a name after a quote, a subject hung elsewhere). They read only the spaCy parse
(and the object-control verbs of the speaker-roles lexicon) and return tokens or character
spans; mapping a span to an actor is ``speakers.SpeakerResolver``'s work. Each rule is
measured on PolNeAR train in the commit that added it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from storyline.stages.speaker_titles import load_titles

if TYPE_CHECKING:
    from spacy.tokens import Token


def infinitive_controller(verb: Token) -> Token | None:
    """The object that is the subject of an infinitive complement: "the victory led Priebus to
    declare", "leaving many to wonder" (Priebus, many declare and wonder), for the verbs of
    ``object_control_verbs``; None for any other verb ("Trump used his time to criticize")."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i or not any(c.lower_ == "to" for c in verb.children):
        return None
    if head.lemma_.lower() not in load_titles().object_control:
        return None
    objs = [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i]
    return objs[-1] if objs else None


def infinitive_relative_head(verb: Token) -> Token | None:
    """The verb whose subject speaks an infinitive that describes a noun: "held a briefing to
    brag", "had nothing to say", "was the first Democrat to endorse", "pointed to a case to say"
    (held, had, was, pointed). None where the noun has an owner ("Trump's refusal to
    denounce": the owner is the source) or the infinitive hangs on no such noun."""
    noun = verb.head
    if verb.dep_ not in ("relcl", "acl") or verb.tag_ != "VB" or noun.i == verb.i or noun.i > verb.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if noun.pos_ not in ("NOUN", "PRON", "ADJ", "PROPN") or any(c.dep_ == "poss" for c in noun.children):
        return None
    up = noun.head
    if noun.dep_ == "pobj" and up.dep_ == "prep":
        up = up.head
    elif noun.dep_ not in ("dobj", "attr"):
        return None
    return up if up.pos_ in ("VERB", "AUX") and up.i != noun.i else None


def unnamed_passive(verb: Token) -> bool:
    """A cue in the passive whose agent is not named, so that it has no source: "Asked what a
    commitment looks like, Devine replied" (the parser often tags the opening "Asked" a past
    tense: a past tense opening an adverbial clause with no subject is a participle), "came
    after being asked to defend", "without being told to smile"."""
    kids = list(verb.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "agent", "expl") for c in kids):
        return False
    if verb.tag_ == "VBD" and verb.dep_ == "advcl" and verb.i < verb.head.i:
        return not any(c.dep_ in ("aux", "auxpass") for c in kids)
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("being", "been") for c in kids)


# How many words after a cue verb an inverted speaker's name may run ("..." said Richard L.
# Trumka, president of ...): the name and its title, up to the first comma.
INVERTED_NAME_WORDS = 8


def name_after(verb: Token) -> tuple[int, int] | None:
    """The speaker named right after a cue verb that follows a quote, where the parser hung the
    name elsewhere ('"...," said Robin Maynard, half joking': it made "Robin Maynard, half
    joking" a clause): the words after the verb up to a comma or the sentence's end, when
    they hold a proper noun and no verb. (The caller checks that a quote precedes the verb.)"""
    doc = verb.doc
    run = []
    for t in doc[verb.i + 1 : verb.i + 1 + INVERTED_NAME_WORDS + 1]:
        if t.is_punct or t.is_space or "\n" in t.text_with_ws:
            if not t.is_punct or t.text.endswith(".") and len(t.text) > 1:
                run.append(t)
            break
        if t.pos_ in ("VERB", "AUX", "PRON", "ADP", "SCONJ", "CCONJ") and t.lower_ != "of":
            break
        run.append(t)
    if not run or len(run) > INVERTED_NAME_WORDS or not any(t.pos_ == "PROPN" for t in run):
        return None
    return run[0].idx, run[-1].idx + len(run[-1].text)


def speaker_after(verb: Token) -> tuple[int, int] | None:
    """The speaker after a cue verb that follows its quote, where the parser took a piece of the
    quote for the subject ('"Every single amendment," said Cruz', '"Meh," wrote a Trump
    supporter who runs the account'): the noun phrase the verb governs after it (up to its
    first comma: the rest is an apposition or a relative clause), or a name right after it."""
    right = [
        c
        for c in verb.children
        if c.i > verb.i
        and c.dep_ in ("nsubj", "dobj", "attr", "appos", "npadvmod")
        and c.pos_ in ("NOUN", "PROPN")
    ]
    if right:
        noun = right[0]
        end = noun
        for t in verb.doc[noun.i + 1 : noun.right_edge.i + 1]:
            if t.is_punct or t.dep_ == "relcl" or t.tag_ in ("WP", "WDT"):
                break
            end = t
        return _words_span(noun.left_edge, end)
    return name_after(verb)


def misparsed_subject(verb: Token) -> tuple[int, int] | None:
    """The subject of a cue verb the parser gave none: "He's said he ..." (the perfect "'s
    said" read as a passive), "Majorities of Democrats ... say they ..." (the verb hung on the
    subject noun as "dep"), "Clinton paused, then revealed why ..." (hung as "dep" on the
    previous verb: its subject)."""
    kids = list(verb.children)
    if any(c.dep_ in ("nsubj", "csubj", "expl", "agent") for c in kids):
        return None
    passive = [c for c in kids if c.dep_ == "nsubjpass" and c.i < verb.i]
    if (
        passive
        and passive[0].lower_ != "it"
        and any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in kids)
        and any(c.dep_ == "ccomp" for c in kids)
    ):
        return _words_span(passive[0].left_edge, passive[0].right_edge)
    head = verb.head
    if verb.dep_ != "dep" or head.i >= verb.i or passive or any(c.dep_ == "auxpass" for c in kids):
        return None
    if head.pos_ in ("NOUN", "PROPN"):
        return _words_span(head.left_edge, head)
    if head.pos_ == "VERB":
        subj = [c for c in head.children if c.dep_ == "nsubj" and c.i < head.i]
        if subj:
            return _words_span(subj[0].left_edge, subj[0].right_edge)
    return None


def subject_after_opening_phrase(verb: Token) -> tuple[int, int] | None:
    """The subject of a cue verb that the parser hung inside the phrase opening the sentence:
    "At the town hall in Ho Chi Minh City, a young woman ... asked Obama", "In addition to the
    ABA, a bipartisan coalition ... have vouched": the noun phrase after the last comma of the
    opening phrase."""
    kids = list(verb.children)
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and any(c.dep_ == "aux" for c in kids)
    if (
        not finite
        or verb.dep_ not in ("ROOT", "conj")
        or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "agent") for c in kids)
    ):
        return None
    opening = [c for c in kids if c.dep_ == "prep" and c.i < verb.i and c.i == c.left_edge.i]
    if not opening or opening[0].i != verb.sent.start and "\n" not in verb.doc[opening[0].i - 1].text_with_ws:
        return None
    doc = verb.doc
    commas = [j for j in range(opening[0].i, verb.i) if doc[j].text == ","]
    if not commas:
        return None
    return noun_phrase_run(doc[commas[-1] + 1 : verb.i], hyphens_and_possessives=True)


def noun_phrase_run(tokens: Iterable[Token], hyphens_and_possessives: bool = False) -> tuple[int, int] | None:
    """The span of the noun phrase ``tokens`` open with (determiners, adjectives, nouns, numbers,
    compounds; with ``hyphens_and_possessives`` also "-" and possessors), if it holds a noun."""
    run = []
    for t in tokens:
        if (
            t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
            or t.dep_ == "compound"
            or hyphens_and_possessives
            and (t.text in ("-", "‑") or t.dep_ == "poss")
        ):
            run.append(t)
        else:
            break
    if not run or not any(t.pos_ in ("NOUN", "PROPN") for t in run):
        return None
    return _words_span(run[0], run[-1])


# How far back (in tokens) from a cue verb the quote it follows may close ('"...," Nate Silver,
# the polling guru who founded fivethirtyeight.com, tweeted').
QUOTE_LOOKBACK = 25


def speaker_after_quote(verb: Token) -> tuple[int, int] | None:
    """The speaker between a quote and its cue verb where the parser gave the verb no subject
    ('"...," Ramos, 58, told AFP', '"...," Nate Silver, the polling guru who founded the site,
    tweeted'): the noun phrase right after the closing quote mark, up to its first comma."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children
    ):
        return None
    close = None
    for j in range(verb.i - 1, max(-1, verb.i - 1 - QUOTE_LOOKBACK), -1):
        t = doc[j]
        if "\n" in t.text_with_ws:
            break
        if t.is_quote and j > 0 and doc[j - 1].text in (",", ".", "?", "!"):
            close = j
            break
    if close is None:
        return None
    return noun_phrase_run(doc[close + 1 : verb.i])


def relative_issuer(subject: Token) -> Token | None:
    """The verb whose subject speaks through a thing it put out, where the cue's subject is a
    relative "that"/"which" on that thing: "Rand Paul has released a video that accuses Cruz"
    (released: Rand Paul accuses), as "issued a statement saying" does for a participle."""
    if subject.lower_ not in ("that", "which") or subject.head.dep_ != "relcl":
        return None
    noun = subject.head.head
    if noun.dep_ == "dobj" and noun.pos_ == "NOUN" and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    return None


def noun_clause_verb(clause: Token) -> Token | None:
    """The verb whose object a "that" clause completes ("rejected the idea that Trump would be a
    drag, saying ...": rejected), for a participle the parser hung on that clause."""
    noun = clause.head
    if clause.dep_ != "acl" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return noun.head
    return None


def _words_span(first: Token, last: Token) -> tuple[int, int]:
    """The characters from ``first`` to ``last`` without punctuation at the end ("Clinton,")."""
    doc = first.doc
    j = last.i
    while j > first.i and doc[j].is_punct:
        j -= 1
    return first.idx, doc[j].idx + len(doc[j].text)
