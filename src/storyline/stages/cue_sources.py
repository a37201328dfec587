"""The source of a cue verb: who says, believes or intends what the cue reports.

``cue_subject`` reads it off the parse: the verb's subject, a passive's agent, the subject a
"..., saying"/"adding"/"to say" inherits from the verb it hangs on, the noun a participle
modifies ("a statement saying ..."), up to ``SUBJECT_HOPS`` steps up the tree. When the
parser gave the verb no subject, ``adjacent_source``, ``left_noun_source`` and
``line_opening_source`` take the noun phrase that stands where the subject would. Kept apart
from the content rules (``cue_contents``): the adjective cues and the quote pass (a verb
before a colon that introduces a quote) ask the same question. Parse patterns shared with
the speaker resolution come from ``speakers``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.stages.attribution_spans import QuoteIndex, quoted_apart, subtree_span
from storyline.stages.speaker_spans import (
    infinitive_controller,
    infinitive_relative_head,
    misparsed_subject,
    name_after,
    noun_clause_verb,
    noun_phrase_run,
    relative_issuer,
    speaker_after,
    unnamed_passive,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


# Dependencies through which "saying", "adding", "to say" take the subject of the verb they hang on.
INHERIT_DEPS = ("advcl", "xcomp", "conj", "pcomp")
# How many steps up the parse a cue verb looks for its subject ("was reluctant to endorse": 2).
# PolNeAR train content+speaker F1: 3 steps 60.0, 4 and 6 60.1 (6 a little higher on coverage50).
SUBJECT_HOPS = 6
# "it seems", "it appears": the speaker is nobody in particular.
IMPERSONAL = frozenset({"seem", "appear", "look", "sound", "be", "remain", "become"})


def cue_subject(tok: Token, qidx: QuoteIndex | None = None) -> tuple[int, int] | None:
    """The source of a cue verb as a character span: its subject, the agent of a passive,
    the subject inherited by "..., saying"/"adding"/"to say", or the noun that a
    participle modifies ("a statement saying ...")."""
    if _passive_participle(tok) or unnamed_passive(tok):
        return None
    misparsed = misparsed_subject(tok)
    if misparsed is not None:
        return misparsed
    cur = tok
    for depth in range(SUBJECT_HOPS):
        # a subject inside a quote the cue is outside of speaks in the quote, not here
        subjects = [
            c
            for c in cur.children
            if c.dep_ in ("nsubj", "csubj") and not (depth and qidx and quoted_apart(qidx, c.idx, tok.idx))
        ]
        if subjects:
            c = _nearest_subject(subjects, cur)
            if (
                not depth
                and qidx
                and c.i < tok.i
                and quoted_apart(qidx, c.left_edge.idx, tok.idx)
                and qidx.at(c.left_edge.idx) == qidx.at(c.right_edge.idx)
                and tok.doc[tok.i - 1].is_quote
            ):
                after = speaker_after(tok)  # '"Every single amendment," said Cruz'
                if after is not None:
                    return after
            issuer = relative_issuer(c)
            if issuer is not None:  # "released a video that accuses": who released accuses
                cur = issuer
                continue
            return (
                None
                if c.dep_ == "nsubj" and c.lower_ == "it" and cur.lemma_ in IMPERSONAL
                else subtree_span(c)
            )
        for c in cur.children:
            # "X were angered by the deal and predicted ...": X predicted, not the agent
            if c.dep_ == "agent" and not (depth and any(g.dep_ == "nsubjpass" for g in cur.children)):
                objs = [g for g in c.children if g.dep_ == "pobj"]
                return subtree_span(objs[0]) if objs else None
        if depth and qidx and quoted_apart(qidx, cur.idx, tok.idx):
            # the parser made the quote the main clause and its "he said" a dependent, maybe
            # of a clause inside the quote ('he said, "We don't do this, it's not our
            # policy," adding: ...'): the one adding is the subject of that reporting verb
            # outside the quote
            for c in cur.subtree:
                if (
                    c.dep_ in ("ccomp", "parataxis")
                    and c.pos_ == "VERB"
                    and not quoted_apart(qidx, c.idx, tok.idx)
                    and not tok.left_edge.i <= c.i <= tok.right_edge.i
                ):
                    subj = [g for g in c.children if g.dep_ == "nsubj"]
                    if subj:
                        return subtree_span(subj[0])
        passive = [c for c in cur.children if c.dep_ == "nsubjpass"]
        if passive:
            # "X was criticized for saying ...": X said it; "X was asked" itself has no source.
            return subtree_span(passive[0]) if depth > 0 else None
        relative = infinitive_relative_head(cur)
        if relative is not None:  # "had nothing to say": the one who had says
            cur = relative
            continue
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            noun = cur.head
            if not _issued_object(noun):
                return noun.left_edge.idx, noun.idx + len(noun.text)
            cur = noun.head  # "Trump issued a statement saying ...": Trump says it
            continue
        controller = infinitive_controller(cur)
        if controller is not None:  # "led Priebus to declare": Priebus declares
            return subtree_span(controller)
        up = _inherit_from(cur)
        if up is None:
            return None
        below, cur = cur, up
        # "Assad said the policy is X, adding ...": the parser hangs "adding" on the reported
        # clause; the one adding is the reporting verb's subject.
        if (tok.tag_ == "VBG" or tok.dep_ == "conj") and cur.dep_ == "ccomp" and cur.head.pos_ == "VERB":
            cur = cur.head
        elif tok.tag_ == "VBG" and (aside := _parenthetical_reporter(cur, below)) is not None:
            cur = aside  # "the West has become passive, he said, denouncing ...": he denounces
        elif tok.tag_ == "VBG" and (owner := noun_clause_verb(cur)) is not None:
            cur = owner  # "rejected the idea that ..., saying": who rejected says
    return None


def _parenthetical_reporter(verb: Token, participle: Token) -> Token | None:
    """A "he said" set between a clause and a participle that the parser hung on the clause
    ("X has become passive, he said, denouncing ..."): the reporting verb, a parataxis of the
    clause with a subject of its own that ends just before the participle's comma."""
    for c in verb.children:
        if (
            c.dep_ == "parataxis"
            and c.i < participle.i
            and c.right_edge.i + 2 >= participle.i
            and any(g.dep_ == "nsubj" for g in c.children)
        ):
            return c
    return None


# Left children of a subject-less cue that the parser gave a wrong label but that stand where
# its subject would ("Conway notes", "About 4 in 10 say", "Less than a third agreed").
ADJACENT_SUBJECT_DEPS = ("compound", "npadvmod", "nummod", "nmod", "amod", "appos", "dep")
# Right children that are the source of a cue after a quote ('"...," read the email').
INVERTED_SUBJECT_DEPS = ("dobj", "attr", "npadvmod", "appos", "dep", "nsubj")


def adjacent_source(tok: Token, qidx: QuoteIndex | None) -> tuple[int, int] | None:
    """The source of a cue verb whose parse has no subject, anywhere up the tree: the noun
    phrase right before it that the parser mislabelled ("Conway notes"), or, after a quote,
    the noun phrase right after it ('"...," read the email', '"...," tweeted Rubio
    spokesman Alex Conant')."""
    kids = list(tok.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "agent") for c in kids) or tok.dep_ not in (
        "ROOT",
        "conj",
        "dep",
        "parataxis",
        "amod",
    ):
        return None
    doc = tok.doc

    def nominal(t: Token) -> bool:
        return any(w.pos_ in ("NOUN", "PROPN", "NUM") for w in t.subtree) and not (
            qidx is not None and qidx.at(t.idx) is not None
        )

    left = [
        c
        for c in kids
        if c.i < tok.i
        and c.dep_ in ADJACENT_SUBJECT_DEPS
        and nominal(c)
        and all(doc[j].pos_ in ("ADV", "PART") for j in range(c.right_edge.i + 1, tok.i))
    ]
    if left and tok.dep_ != "amod" and tok.tag_ not in ("VB", "VBG"):  # not an imperative or a participle
        return subtree_span(left[-1])
    j = tok.i - 1
    while j >= 0 and doc[j].is_punct and doc[j].text in ",":
        j -= 1
    after_quote = j >= 0 and doc[j].is_quote and qidx is not None and qidx.at(doc[j].idx) is not None
    if not after_quote:
        return None
    if tok.dep_ == "amod" and tok.head.i > tok.i:  # "tweeted Rubio spokesman Alex Conant"
        head = tok.head
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        first, last = doc[tok.i + 1], head.right_edge
        return first.idx, last.idx + len(last.text)
    right = [c for c in kids if c.i > tok.i and c.dep_ in INVERTED_SUBJECT_DEPS and nominal(c)]
    return subtree_span(right[0]) if right else name_after(tok)


# Dependencies a subject-less cue's source climbs through to the head of its noun phrase
# ("a military spokesman in Baghdad": Baghdad -> in -> spokesman).
NP_CLIMB_DEPS = ("compound", "flat", "pobj", "prep", "amod", "nummod", "poss", "nmod")


def left_noun_source(tok: Token, qidx: QuoteIndex | None) -> tuple[int, int] | None:
    """The noun phrase that ends right before a cue verb the parser gave no subject: "In a
    statement, her adviser, Jake Sullivan, said" (the parser hung the name on "statement"),
    "At the town hall, a young woman ... asked". Failing that, the subject of a clause the
    parser made the cue's complement ("Kasich offered the man a job, then says ...")."""
    kids = list(tok.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "agent") for c in kids) or tok.dep_ not in (
        "ROOT",
        "conj",
        "parataxis",
    ):
        return None
    if tok.tag_ in ("VB", "VBG", "VBN"):
        return None
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and (doc[j].pos_ in ("ADV", "PART") or doc[j].text == ","):
        j -= 1
    if j < 0 or doc[j].sent != tok.sent or (qidx is not None and qidx.at(doc[j].idx) is not None):
        return None
    t = doc[j]
    if t.pos_ in ("NOUN", "PROPN") and not (
        t.dep_ == "pobj" and t.head.i == j - 1 and t.head.head.i == tok.i
    ):
        x = t
        while x.dep_ in NP_CLIMB_DEPS and x.head.i < tok.i and x.head.i != x.i:
            x = x.head
        if x.dep_ not in ("dobj", "attr", "dative", "oprd", "pobj") and x.pos_ in ("NOUN", "PROPN"):
            return x.left_edge.idx, t.idx + len(t.text)
    comps = [c for c in kids if c.dep_ == "ccomp" and c.i < tok.i]
    if comps and (qidx is None or qidx.at(comps[0].idx) is None):
        subj = [g for g in comps[0].children if g.dep_ == "nsubj"]
        if subj and subj[0].pos_ in ("PROPN", "PRON", "NOUN"):
            return subtree_span(subj[0])
    return None


def _nearest_subject(subjects: list[Token], verb: Token) -> Token:
    """Of two subjects the parser gave one verb ("Washington (AFP) – Hillary Clinton has
    taken ..."), the one nearest before it; a subject after the verb ("said X") if none."""
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else subjects[0]


def _issued_object(noun: Token) -> bool:
    """A noun that is the object of an active verb ("issued a statement", "released an ad",
    "approved a resolution"): what it says, the verb's subject says."""
    return noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX") and noun.pos_ == "NOUN"


def _passive_participle(tok: Token) -> bool:
    """ "Asked about the poll, Priebus said ...": the one asked is the main clause's subject;
    who asked is not named, so the cue has no source."""
    return (
        tok.tag_ == "VBN"
        and tok.dep_ == "advcl"
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in tok.children)
    )


def _inherit_from(cur: Token) -> Token | None:
    """The verb whose subject a subject-less cue verb takes, one step up the parse.

    Through "saying"/"adding"/"to say" (``INHERIT_DEPS``); through a preposition ("responded
    by saying", "refrained from endorsing", "Besides attacking X, Trump asserted"), and
    from the noun it modifies on to that noun's verb ("took the step of criticizing"); from
    an adjective to its copula ("is likely to remind", "was reluctant to endorse").
    """
    if cur.head.i == cur.i:
        return None
    if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.i != cur.head.i:
        up = cur.head.head
        if up.pos_ in ("NOUN", "PROPN") and up.dep_ in ("dobj", "attr") and up.head.pos_ in ("VERB", "AUX"):
            up = up.head
        return up
    if cur.dep_ in INHERIT_DEPS or (cur.dep_ == "acomp" and cur.head.pos_ in ("VERB", "AUX")):
        return cur.head
    return None


# A line-opening source is a short name or description ("Francois Hollande", "The French
# president"), not a sentence: a bound, not tuned.
MAX_LINE_SOURCE_WORDS = 6


def line_opening_source(tok: Token, lo: int) -> tuple[int, int] | None:
    """The noun phrase that runs from the start of the cue's paragraph to the cue, when the
    parser took a subject from the paragraph before ("France rules out cooperation\n\n
    Francois Hollande says ...": "says" hung on "rules", its subject "France")."""
    doc = tok.doc
    words = [
        t for t in doc[max(0, tok.i - MAX_LINE_SOURCE_WORDS - 2) : tok.i] if t.idx >= lo and not t.is_space
    ]
    if not words or len(words) > MAX_LINE_SOURCE_WORDS or words[0].idx != lo:
        return None
    run = noun_phrase_run(words, hyphens_and_possessives=True)
    if run is None or run[1] != words[-1].idx + len(words[-1].text):
        return None
    return run
