"""The tense of the clause a temporal expression sits in: past, present, future or None.

With a spaCy parse the governing verb and its auxiliaries decide; without one (corpus-scale
runs that skip the parser) a few surface cues of the sentence do.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.temporal.finder import time_word_set
from storyline.temporal.generic import GENERIC, generic_holiday

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d"}
# Heads of an infinitive that point to the future: "to be aired Monday", "expected to meet Friday".
_FUTURE_HEADS = {
    "expect",
    "schedule",
    "plan",
    "due",
    "set",
    "go",
    "intend",
    "hope",
    "want",
    "seek",
    "prepare",
    "agree",
    "promise",
    "aim",
    "be",
    "vow",
    "threaten",
    "decide",
    "try",
    "likely",
}
# Present-tense predicates that announce a plan: "is scheduled for Thursday", "is due Monday".
_PLANNED = {"scheduled", "expected", "set", "slated", "planned", "due", "poised", "supposed"}
# How far up the dependency tree to look for the verb that governs an expression.
MAX_HEAD_HOPS = 6


def _governing_verb(token: Token) -> Token | None:
    for _ in range(MAX_HEAD_HOPS):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


# Conjunctions of a condition: "if he won the election on Nov. 8, he would ..." is no past.
_CONDITIONAL_MARKS = {"if", "unless"}


def verb_tense(verb: Token) -> str | None:
    if _open_condition(verb):
        return "future"
    tense = _own_tense(verb)
    if tense is None and verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        # "will travel to Nairobi and return on Sunday": a conjoined verb without auxiliaries
        # of its own shares the tense of the verb it is conjoined to.
        return _own_tense(verb.head)
    return tense


def _open_condition(verb: Token) -> bool:
    """An if-clause not yet settled: its verb has no pluperfect ("if he had won") and the clause
    it conditions is future ("if he wins ..., he will", "if he won ..., he would cut"), not
    "would have cut" (a condition on the past), nor a "would" reported by a past verb ("he said
    that if he won on Nov. 8 he would ...": the future of a past time)."""
    if verb.dep_ != "advcl" or verb.head.i == verb.i:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in verb.children):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children):
        return False
    head = verb.head
    head_auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if not head_auxes & _FUTURE_AUX or "have" in head_auxes:
        return False
    reported = head.dep_ in ("ccomp", "parataxis") and head.head.tag_ == "VBD"
    return not (reported and head_auxes & {"would", "'d"})


def _own_tense(verb: Token, depth: int = 0) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    if aux_words & _FUTURE_AUX:
        return "future"
    if "to" in aux_words or verb.tag_ == "VB" and verb.dep_ == "xcomp":
        head = verb.head
        if "to" in aux_words and head.i != verb.i and head.pos_ == "NOUN" and depth < MAX_HEAD_HOPS:
            # "announced plans to freeze assets on 30 November", "announced an agreement to
            # acquire the company in January": a plan reported in the past, its time after that
            # report but on either side of this one; the nearest reading
            above = _governing_verb(head.head) if head.head.i != head.i else None
            if above is not None and _own_tense(above, depth + 1) == "past":
                return "present"
        if head.i != verb.i and (head.lemma_.lower() in _FUTURE_HEADS or head.lower_ == "going"):
            # "is expected to arrive": future, unless the head itself is past ("was set to",
            # "had been scheduled to expire")
            head_auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
            if head.dep_ == "acomp" and head.head.i != head.i:  # "had been due to expire"
                head_auxes |= {c.lower_ for c in head.head.children if c.dep_ in ("aux", "auxpass")}
            if "had" in head_auxes or head.tag_ == "VBD" and head.lemma_ not in ("be",):
                return "past"
            return "future"
        if "to" in aux_words and head.i != verb.i and head.pos_ in ("VERB", "AUX") and depth < MAX_HEAD_HOPS:
            # "extended their offer to acquire the company Friday": an infinitive under any
            # other verb happens when that verb does
            head_tense = _own_tense(head, depth + 1)
            if head_tense is not None:
                return head_tense
        if "to" in aux_words and head.i != verb.i and _reached_by(head) and depth < MAX_HEAD_HOPS:
            # "they were able to return on Friday", "the first reporter to reach the city
            # Thursday": the infinitive happens when the clause above does, when that clause is
            # past (Timeline17 timelines put both a week ahead); not under a noun of a plan ("an
            # agreement to acquire the company in January" is ahead: TimeBank 1 of 1)
            above = _governing_verb(head.head) if head.head.i != head.i else None
            if above is not None and _own_tense(above, depth + 1) == "past":
                return "past"
        return "future" if "to" in aux_words else None
    if _planned_infinitive(verb, aux_words):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"  # present perfect: the event is over
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        # "is scheduled for Thursday", "the report is due Monday": a present-tense plan
        planned = [verb] if verb.tag_ == "VBN" else [c for c in verb.children if c.dep_ in ("acomp", "attr")]
        if any(t.lower_ in _PLANNED for t in planned):
            return "future"
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and _plan_participle(verb):
        # "elections scheduled for September", "talks planned for Monday": a plan, ahead of the
        # report whatever the tense of the sentence (Timeline17, February 2011: "elections
        # scheduled for September" was read as September 2010)
        return "future"
    if verb.tag_ in ("VBG", "VBN") and not auxes and depth < MAX_HEAD_HOPS:
        # "allowed the intervention by abstaining from a vote in March", "after fighting over
        # the weekend", "was re-elected at the weekend" (parsed "re" + advcl "elected"): a bare
        # participle clause happens when the verb it hangs on does
        above = verb.head.head if verb.dep_ == "pcomp" else verb.head
        if verb.dep_ in ("advcl", "pcomp") and above.i != verb.i and above.pos_ in ("VERB", "AUX"):
            inherited = _own_tense(above, depth + 1)
            if verb.tag_ == "VBN":
                # a participle of a done thing ("the agreement, announced Friday, ... would"):
                # only a past head tells its time
                return inherited if inherited == "past" else None
            # a present clause says nothing of when ("convertible ..., representing a premium
            # over Thursday's closing price": the Thursday past, TimeBank 1 of 1)
            return inherited if inherited in ("past", "future") else None
    return None


# Words of an infinitive's head that tell it happened ("the first to arrive", "the only one to
# vote"): with them a noun's infinitive takes a past clause's tense.
_ORDINAL_MODIFIERS = {"first", "last", "only", "second", "third"}


def _reached_by(head: Token) -> bool:
    """An infinitive's head that reports an outcome, not a plan: an adjective ("able", "happy",
    "quick") or a noun with an ordinal ("the first reporter to reach"); nouns of plans
    ("agreement", "decision") look ahead."""
    if head.pos_ == "ADJ":
        return head.lower_ not in _PLANNED and head.lemma_.lower() not in _FUTURE_HEADS
    return head.pos_ == "NOUN" and any(c.lower_ in _ORDINAL_MODIFIERS for c in head.children)


def _plan_participle(verb: Token) -> bool:
    """A participle that makes its noun a plan: "scheduled", "planned", "slated" (any time), "set"
    only with "for" ("the vote set for Tuesday"; "its record high set on Aug. 6" is done: TimeBank
    1 of 1)."""
    if verb.lower_ == "set":
        return any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    return verb.lower_ in _PLANNED


def _planned_infinitive(verb: Token, aux_words: set[str]) -> bool:
    """A plan told in the past tense with its infinitive after the time: "was due on Tuesday to
    travel", "was expected on Friday to announce". The time belongs to the plan, which is still
    ahead, as "was set to meet on Tuesday" (the time inside the infinitive) already reads; not
    "had been due" (a plan over), nor "was due in Paris on Tuesday" (no infinitive). Audit seed 47."""
    if "had" in aux_words:
        return False
    if verb.lemma_ == "be" and verb.tag_ == "VBD":  # "was due on Tuesday to travel"
        heads = [verb, *(c for c in verb.children if c.dep_ == "acomp" and c.lower_ in _PLANNED)]
        if len(heads) == 1:
            return False
    elif verb.tag_ == "VBN" and verb.lower_ in _PLANNED and aux_words & {"was", "were"}:
        heads = [verb]  # "was expected on Friday to announce"
    else:
        return False
    return any(
        c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children)
        for h in heads
        for c in h.children
    )


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """Tense of the clause that holds the characters ``[start, end)`` of the parsed text; GENERIC
    for a holiday of ``generic_holidays`` named as a kind (:func:`generic_mention`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    if generic_holiday(span, verb):
        return GENERIC
    tense = text_tense(span.sent.text) if verb is None else verb_tense(verb)
    if _after_word(doc, span.start, "open_end_words"):
        if tense == "past":
            return "present"  # "extended through January": the nearest January, not the past one
        if tense is None:
            # "no intention of stepping down until September" (a February report): the coming one
            return "future"
    elif tense in ("past", None) and _under_open_end_phrase(span.root):
        return "present"  # "moves ahead of a meeting of NATO ministers on Thursday": the nearest
    if (
        tense in ("past", None)
        and _after_word(doc, span.start, "plan_lead_words")
        and _no_finite_clause(verb)
    ):
        return "future"  # "Handover set for May", "Rate decision due Thursday": a headline's plan
    if tense != "past" and _after_word(doc, span.start, "past_start_words"):
        return "past"  # "have been waiting since the weekend": the weekend just past
    return tense


def _no_finite_clause(verb: Token | None) -> bool:
    """Whether an expression sits in a clause with no finite tense of its own: no verb governs it
    ("Rate decision due Thursday"), or the one that does is a plan participle with no auxiliary and
    no pronoun subject, read as a simple past by the parser in a headline ("Handover set for May",
    "Launch slated for June"); not "the vote was set for May", nor "they planned for May"."""
    if verb is None:
        return True
    if verb.lower_ not in _PLANNED:
        return False
    # an auxiliary by its tag: a headline's noun may be parsed as one ("Sentencing set for Friday")
    auxes = [
        c
        for c in verb.children
        if c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.tag_.startswith("VB"))
    ]
    return not auxes and not any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in verb.children)


# Finite verbs: the clause of an expression's own verb ("protests that broke out again on
# Friday") is no longer governed by a phrase above it.
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _under_open_end_phrase(token: Token) -> bool:
    """Whether a phrase of ``open_end_phrases`` ("ahead of") governs ``token`` from further off
    than the word before it: "ahead of a meeting of NATO ministers on Thursday", "ahead of a full
    ceasefire coming into place on Thursday", "Ahead of the main weekly prayers Friday"; not
    "Speaking ahead of the Golden Globes on Sunday" (the day dates "Speaking"), nor "ahead of
    mass protests that broke out again on Friday" (a clause of its own)."""
    phrases = time_word_set("open_end_phrases")
    doc = token.doc
    for _ in range(MAX_HEAD_HOPS):
        head = token.head
        if head.i == token.i or head.tag_ in _FINITE_TAGS:
            return False
        before = doc[head.i - 1].lower_ if head.i > 0 else ""
        if f"{before} {head.lower_}" in phrases or any(
            f"{head.lower_} {c.lower_}" in phrases for c in head.children if c.i == head.i + 1
        ):
            return True
        token = head
    return False


def dates_past_verb(doc: Doc, start: int, end: int) -> bool:
    """Whether the expression at ``[start, end)`` dates a past-tense verb with no object itself,
    through "in" ("the uprising began in March", the passive "he was convicted in February"), not
    a noun ("a cutback in September"), a verb with an object the phrase may belong to, nor a
    clause below."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    prep = span.root.head
    if prep.i == span.root.i or prep.lower_ != "in" or prep.dep_ != "prep":
        return False
    verb = prep.head
    if any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False  # "told oil companies of a cutback in September": the phrase may be the object's
    if verb.pos_ != "VERB" or verb_tense(verb) != "past":
        return False
    # the simple past, or its passive ("was convicted in February", "were killed in March": the
    # silver check of evaluation/timex_silver.py read both as the coming month 11 months back)
    passive = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)
    return verb.tag_ == "VBD" or passive


def _after_word(doc: Doc, i: int, word_list: str) -> bool:
    """Whether the one or two words before token ``i`` are in ``word_list`` of time_words.yaml."""
    words = time_word_set(word_list)
    one = doc[i - 1].lower_ if i > 0 else ""
    two = f"{doc[i - 2].lower_} {one}" if i > 1 else ""
    return one in words or two in words


_FUTURE_TEXT = re.compile(
    r"\b(?:will|'ll|shall|won't|wo n't|to be held|is to|are to|scheduled|expected to|plan(?:s|ned)? to|"
    r"intend(?:s|ed)? to|due to|set to|going to|would)\b",
    re.IGNORECASE,
)
_PAST_TEXT = re.compile(
    r"\b(?:said|was|were|had|did|told|took|came|went|made|began|left|met|saw|gave|got|found|"
    r"[a-z]{3,}ed)\b",
    re.IGNORECASE,
)


def text_tense(sentence: str) -> str | None:
    """Tense from surface cues of a sentence when no parse is at hand."""
    if _FUTURE_TEXT.search(sentence):
        return "future"
    if _PAST_TEXT.search(sentence):
        return "past"
    return None
