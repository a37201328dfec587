"""Attributions: who said, claimed or believes what, read off the article's parse.

Three passes over the one spaCy parse the pipeline already made (no second model):

1. **Cues in the parse.** A verb from the cue lexicon (``lexicons/attribution_cues.yaml``)
   gives an attribution: its subject is the source ("Assad said ...", inherited by
   "..., saying ..." and "adding ..."), its clausal complement, infinitive or object
   the content by the verb's class. "According to X, ..." makes X the source of the
   clause it modifies; a preposition's object or a passive subject in other frames
   (``cue_frames``: "called for X", "X was named Y"). How reliable each cue is was learned
   on PolNeAR train (``lexicons/attribution_cue_weights.yaml``), keyed by lemma, frame, the
   kind of its source and whether it sits in a reported clause ("support/object+p^");
   unreliable ones are dropped.
2. **Quotes.** A quotation (``quotemarks.find_quotes``) that no content covers joins the
   cue of its sentence (""...," he said"), of the sentence before it when that one ends
   in a colon ("He added: "...""), or the quote before it in the same paragraph
   (""...," he said. "..."" is one attribution in two fragments). A whole paragraph in
   quotes goes on the previous paragraph's speaker. A short quote with no cue is a scare
   quote and nobody's attribution.
3. **Type, nesting, speakers.** Content all inside quote marks is ``direct``, partly
   ``mixed``, otherwise ``indirect``; a cue inside another attribution's content is
   nested under it (``parent``); the speaker span resolves to a canonical actor
   (``speakers.SpeakerResolver``), "I"/"we" inside a quote to the quote's speaker.

The code lives in sibling modules:

- ``cue_lexicon``: the cue lexicon and its learned weights (``load_cues``).

This module runs the passes in order (``extract_attributions``, ``extract_with_keys``) and
does the third: types, parents and resolved speakers.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from storyline.lexicons import load_yaml
from storyline.names import AliasLexicon, load_aliases
from storyline.records import Attribution, AttributionType, Span
from storyline.stages.cue_frames import passive_frame, prep_frame
from storyline.stages.cue_lexicon import CLASSES, MIN_PRECISION, CueLexicon, load_cues
from storyline.stages.document import ArticleDoc
from storyline.stages.quotemarks import Quote, find_quotes
from storyline.stages.speakers import (
    SpeakerResolver,
    infinitive_controller,
    infinitive_relative_head,
    load_titles,
    misparsed_subject,
    name_after,
    noun_clause_verb,
    noun_phrase_run,
    relative_issuer,
    speaker_after,
    speaker_after_quote,
    subject_after_opening_phrase,
    unnamed_passive,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


WORD = re.compile(r"\w+")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Dependencies through which "saying", "adding", "to say" take the subject of the verb they hang on.
INHERIT_DEPS = ("advcl", "xcomp", "conj", "pcomp")
# How many steps up the parse a cue verb looks for its subject ("was reluctant to endorse": 2).
# PolNeAR train content+speaker F1: 3 steps 60.0, 4 and 6 60.1 (6 a little higher on coverage50).
SUBJECT_HOPS = 6
# Prepositions whose phrase after an object is part of what was said: "accused Y of Z",
# "mocked Y for Z", "described Y as Z"; others ("in", "at", "across") are the circumstances.
OBJECT_PREPS = frozenset({"of", "for", "as", "over", "about", "on"})
# "it seems", "it appears": the speaker is nobody in particular.
IMPERSONAL = frozenset({"seem", "appear", "look", "sound", "be", "remain", "become"})
# A quote this short with no cue is a scare quote ("“every inch”"), not an attribution.
# Calibrated on PolNeAR train: cue-less quotes of 1-4 words are almost never annotated.
MIN_CUELESS_QUOTE_WORDS = 5
# A parenthetical "he said" reports the rest of its clause when that has this many words.
MIN_PARENTHETICAL_WORDS = 3
# A quote after a colon with no cue verb ("Kasich resisted: "..."") needs this many words.
MIN_COLON_QUOTE_WORDS = 3
# A quote of fewer words, inside a clause of the writer's ('opposed the "Stop Trump" movement',
# "what keeps the party's "old guard" engaged, he noted"), is a scare quote or a title, not a
# cue's content: on PolNeAR train such 1-2 word quotes joined to a speech cue matched gold 30
# times in 124 (0.24, under the F1/2 where keeping pays). A short quote that is a sentence of its
# own ("Absolutely not," he said; Priebus said, "Probably.") still joins its cue.
MIN_EMBEDDED_QUOTE_WORDS = 3
# Share of the content's words inside quote marks above which it is a direct quote.
DIRECT_SHARE = 0.9
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


@dataclass
class _Candidate:
    cue: tuple[int, int]
    cue_token: int  # token index of the cue's head word
    how: str  # speech | belief | object | intent | prep | quote
    source: tuple[int, int] | None  # character span
    content: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)  # indices of quotes joined to it
    key: str = ""  # "lemma/class": what the learned weights are kept by


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip spaces and clause punctuation at both ends; keep quote marks."""
    while s < e and (text[s].isspace() or text[s] in ",;:—–-("):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-("):
        e -= 1
    return s, e


def _content_within(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The content ``spans`` cut to the paragraph ``[lo, hi)`` (the parser runs sentences over
    paragraph ends), trimmed, those left with a word."""
    out = [_trim(text, max(s, lo), min(e, hi)) for s, e in spans]
    return [(s, e) for s, e in out if s < e and WORD.search(text, s, e)]


def _subtree_span(tok: Token) -> tuple[int, int]:
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right.text)


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """The line holding ``pos``: articles put one paragraph a line."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, len(text) if hi < 0 else hi


def _subject(tok: Token, qidx: _QuoteIndex | None = None) -> tuple[int, int] | None:
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
            if c.dep_ in ("nsubj", "csubj") and not (depth and qidx and _quoted_apart(qidx, c.idx, tok.idx))
        ]
        if subjects:
            c = _nearest_subject(subjects, cur)
            if (
                not depth
                and qidx
                and c.i < tok.i
                and _quoted_apart(qidx, c.left_edge.idx, tok.idx)
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
                else _subtree_span(c)
            )
        for c in cur.children:
            # "X were angered by the deal and predicted ...": X predicted, not the agent
            if c.dep_ == "agent" and not (depth and any(g.dep_ == "nsubjpass" for g in cur.children)):
                objs = [g for g in c.children if g.dep_ == "pobj"]
                return _subtree_span(objs[0]) if objs else None
        if depth and qidx and _quoted_apart(qidx, cur.idx, tok.idx):
            # the parser made the quote the main clause and its "he said" a dependent, maybe
            # of a clause inside the quote ('he said, "We don't do this, it's not our
            # policy," adding: ...'): the one adding is the subject of that reporting verb
            # outside the quote
            for c in cur.subtree:
                if (
                    c.dep_ in ("ccomp", "parataxis")
                    and c.pos_ == "VERB"
                    and not _quoted_apart(qidx, c.idx, tok.idx)
                    and not tok.left_edge.i <= c.i <= tok.right_edge.i
                ):
                    subj = [g for g in c.children if g.dep_ == "nsubj"]
                    if subj:
                        return _subtree_span(subj[0])
        passive = [c for c in cur.children if c.dep_ == "nsubjpass"]
        if passive:
            # "X was criticized for saying ...": X said it; "X was asked" itself has no source.
            return _subtree_span(passive[0]) if depth > 0 else None
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
            return _subtree_span(controller)
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


def _adjacent_source(tok: Token, qidx: _QuoteIndex | None) -> tuple[int, int] | None:
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
        return _subtree_span(left[-1])
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
    return _subtree_span(right[0]) if right else name_after(tok)


# Dependencies a subject-less cue's source climbs through to the head of its noun phrase
# ("a military spokesman in Baghdad": Baghdad -> in -> spokesman).
NP_CLIMB_DEPS = ("compound", "flat", "pobj", "prep", "amod", "nummod", "poss", "nmod")


def _left_noun_source(tok: Token, qidx: _QuoteIndex | None) -> tuple[int, int] | None:
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
            return _subtree_span(subj[0])
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


def _clause_span(root: Token) -> tuple[int, int]:
    """A content clause's span, without what the parser wrongly hung on its end.

    Cut before a trailing conjunct verb with no subject of its own in another verb form
    ("vowed to keep abortion legal and celebrated the ruling": "celebrated" is the
    cue's conjunct). (Cutting trailing adjuncts such as "by citing a poll" as well
    lowered F1 on PolNeAR train by 0.4: annotators mostly keep them.)
    """
    end = root.right_edge.i
    for c in root.children:
        if c.i < root.i:
            continue
        cut = False
        if (
            c.dep_ == "conj"
            and c.pos_ in ("VERB", "AUX")
            and not any(g.dep_.startswith("nsubj") for g in c.children)
        ):
            # (not under a clause with its own subject: "that she had not sent or received emails")
            cut = (
                c.tag_ != root.tag_
                and c.tag_ in ("VBD", "VBZ", "VBP")
                and root.tag_ in ("VB", "VBG", "VBN")
                and not any(g.dep_.startswith("nsubj") for g in root.children)
            )
            # "said it takes time but added, "..."": the speaker's own next cue, not content
            cut = cut or "speech" in load_cues().classes.get(c.lemma_.lower(), ())
        cut = cut or _trailing_clause(root, c)
        if cut:
            # cut at the conjunction or comma before it
            j = c.left_edge.i
            while j - 1 > root.i and c.doc[j - 1].dep_ in ("cc", "punct"):
                j -= 1
            end = min(end, j - 1)
    end = _cut_aside(root.doc, root.i, end)
    last = root.doc[max(end, root.i)]
    return root.left_edge.idx, last.idx + len(last.text)


# Punctuation that ends the writer's clause before a cue verb: a clause the parser hung on the
# cue across it is not its content (PolNeAR train content+speaker F1 +0.13 with a clause after
# the cue, +0.11 more everywhere; a comma is no such break: "X, he said" reports X).
CLAUSE_BREAKS = frozenset({";", ":", "—", "–", "--", "-"})
# Words that open a non-restrictive relative clause cut from a content's end.
RELATIVE_WORDS = frozenset({"who", "which", "where", "when", "whom", "whose"})


def _reported_clauses(tok: Token, ccomps: list[Token]) -> list[Token]:
    """The clauses a cue verb reports: its clausal complements and a second "that" clause the
    parser hung on the verb as a conjunct ("said he would secure the border, but that he would
    not support mass deportation")."""
    more = [
        c
        for c in tok.children
        if c.dep_ == "conj"
        and c.i > ccomps[0].i
        and any(g.dep_ == "mark" and g.lower_ == "that" and g.i == c.left_edge.i for g in c.children)
    ]
    return ccomps + more


def _broken_off(clause: Token, tok: Token) -> bool:
    """A clause before the cue that a semicolon, a colon or a spaced dash parts from it."""
    doc = tok.doc
    return any(
        doc[j].text in CLAUSE_BREAKS and (doc[j].text != "-" or doc[j - 1].whitespace_)
        for j in range(clause.right_edge.i, tok.i)
    )


def _cut_aside(doc, lo: int, end: int) -> int:  # type: ignore[no-untyped-def]
    """The last token of a content that runs from token ``lo`` to ``end``, without a trailing
    non-restrictive relative clause (", who was his chief of staff", ", which had been in the
    works"): PolNeAR's annotators leave it out (train content+speaker F1 63.01 -> 63.21; cutting
    a trailing apposition as well: flat, a trailing participle: lower)."""
    for j in range(lo + 1, end):
        if doc[j - 1].text != ",":
            continue
        x = doc[j]
        while x.head.i != x.i and x.head.left_edge.i >= j:
            x = x.head
        if x.right_edge.i < end - 1:
            continue
        if x.dep_ == "relcl" and doc[j].lower_ in RELATIVE_WORDS:
            return j - 2
    return end


def _trailing_clause(root: Token, c: Token) -> bool:
    """A clause after a comma that is the speaker's own next cue, not content: "Carson said
    he saw no need to change, telling Stephanopoulos that ..." (train content+speaker F1
    +0.04; cutting every trailing participle, contrast clause ("while ...") or conjunct
    with its own subject was flat or lower)."""
    j = c.left_edge.i - 1
    if not (j > root.i and c.doc[j].text in (",", "—", "–", "--", ";")):
        return False
    return c.dep_ == "advcl" and c.tag_ == "VBG" and "speech" in load_cues().classes.get(c.lemma_.lower(), ())


def _quoted_apart(qidx: _QuoteIndex, pos: int, cue: int) -> bool:
    q = qidx.at(pos)
    return q is not None and q != qidx.at(cue)


def _raising_candidate(tok: Token, text: str) -> _Candidate | None:
    """ "Ben Carson appears to be slipping": no source; the subject and the complement are the content."""
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    comp = [c for c in tok.children if c.dep_ in ("xcomp", "acomp", "attr", "oprd") and c.i > tok.i]
    if not subj or not comp or subj[0].lower_ in ("it", "there"):
        return None
    lo, hi = _paragraph(text, tok.idx)
    pieces = [_subtree_span(subj[0]), (comp[0].left_edge.idx, _clause_span(comp[-1])[1])]
    content = _content_within(text, pieces, lo, hi)
    if len(content) < 2:
        return None
    cue = (tok.idx, tok.idx + len(tok.text))
    return _Candidate(cue, tok.i, "raising", None, content, key=f"{tok.lemma_.lower()}/raising")


def _verb_candidate(
    tok: Token, lex: CueLexicon, text: str, qidx: _QuoteIndex | None = None
) -> _Candidate | None:
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = tok.lemma_.lower()
    if lemma in lex.raising:
        return _raising_candidate(tok, text)
    hand = lex.classes.get(lemma, ())
    classes = CLASSES if lex.open_class else hand
    if not classes and lemma not in lex.frame_lemmas:
        return None
    kids = list(tok.children)
    content: list[tuple[int, int]] = []
    how = classes[0] if classes else "frame"
    frame = None  # "pp:for", "passive": a cue_frames frame, keyed apart
    ccomps = [c for c in kids if c.dep_ == "ccomp"]
    # "Lilesa drew attention to the abuses; he says he fears returning home", "Reynolds says the
    # show drew ire: Howard Stern questioned X": a clause before a semicolon, colon or spaced
    # dash is the writer's, not what the cue reports (the parser hangs it on the cue).
    ccomps = [c for c in ccomps if c.i > tok.i or not _broken_off(c, tok)]
    # The parser runs sentences over paragraph ends: a clause whose verb is in another
    # paragraph is what this cue reports only if its part in the cue's paragraph is a clause
    # ("Obama's rise may have been ..., said several observers"), not a fragment ("... by
    # killing?" \n\n "Earlier Sunday in Damascus, Assad told ...": "Earlier Sunday in Damascus").
    lo, hi = _paragraph(text, tok.idx)
    ccomps = [c for c in ccomps if _clause_in_paragraph(c, lo, hi)]
    if not ccomps and ("speech" in classes or "belief" in classes):
        hoisted = _hoisted_that_clause(tok, lex)
        if hoisted is not None:
            ccomps = [hoisted]
    xcomps = [c for c in kids if c.dep_ == "xcomp"]
    dobjs = [c for c in kids if c.dep_ in ("dobj", "attr") and c.i > tok.i]
    if ccomps and ("speech" in classes or "belief" in classes):
        content = [_clause_span(c) for c in _reported_clauses(tok, ccomps)]
        how = "speech"  # the class names the structure (a clause); how reliable the lemma is, is learned
    elif xcomps and "intent" in classes:
        start = dobjs[0] if dobjs and dobjs[0].i < xcomps[0].i else xcomps[0]
        content = [(start.left_edge.idx, _clause_span(xcomps[-1])[1])]
        how = "intent"
    elif dobjs and "object" in classes and tok.lemma_.lower() not in lex.object_never:
        content = [_object_span(tok, dobjs[0])]
        how = "object"
    elif (framed := _frame_content(tok, lex, hand, qidx)) is not None:
        how, (frame, content) = "frame", framed
    elif "speech" not in hand:
        return None
    else:
        how = "speech"
    key = f"{lemma}/{frame or how}"
    source = _subject(tok, qidx)
    if source is None:
        source = (
            _adjacent_source(tok, qidx)
            or _left_noun_source(tok, qidx)
            or subject_after_opening_phrase(tok)
            or speaker_after_quote(tok)
        )
    # The parser runs sentences over paragraph ends; an attribution stays in its cue's paragraph.
    if source is not None:
        source = (max(source[0], lo), min(source[1], hi))
        if source[0] >= source[1] or not WORD.search(text, *source):
            # the parser took a word of the line before for the subject ("12:15 p.m.:" then
            # "President Barack Obama says"): the name that opens the cue's own line
            names = [
                e for e in tok.doc.ents if e.label_ in ("PERSON", "ORG") and lo <= e.start_char < tok.idx
            ]
            source = (names[0].start_char, names[0].end_char) if names else _line_opening_source(tok, lo)
    content = _content_within(text, content, lo, hi)
    cue = (tok.idx, tok.idx + len(tok.text))
    return _Candidate(cue, tok.i, how, source, content, key=key)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _clause_in_paragraph(clause: Token, lo: int, hi: int) -> bool:
    """The clause's verb is in the paragraph ``[lo, hi)``, or a finite verb of its is."""
    return lo <= clause.idx < hi or any(lo <= t.idx < hi and t.tag_ in FINITE_TAGS for t in clause.subtree)


# Dependencies through which a "that" clause the parser hung below a speech cue is still the
# cue's own: "told visiting French lawmakers that ...", "said in an interview to be aired
# Monday that ..." (the participle or infinitive read as the cue's complement, the clause as
# its complement); a bound of the walk below, not tuned.
HOISTING_DEPS = frozenset({"xcomp", "prep", "pobj", "acl", "dobj", "dative", "npadvmod"})
MAX_HOISTING_DEPTH = 4
# A line-opening source is a short name or description ("Francois Hollande", "The French
# president"), not a sentence: a bound, not tuned.
MAX_LINE_SOURCE_WORDS = 6


def _hoisted_that_clause(tok: Token, lex: CueLexicon) -> Token | None:
    """The "that" clause of a speech cue that the parser gave a word after the cue instead:
    "Assad told visiting French lawmakers that he was optimistic" ("visiting" the cue's
    xcomp, the clause its ccomp). PolNeAR's content is the clause from "that" on; the
    recipient and the circumstances before it are not content. Only through words with no
    subject of their own that are no cue themselves ("telling X that", "X, who said that")."""
    frontier = [c for c in tok.children if c.i > tok.i and c.dep_ in HOISTING_DEPS]
    for _ in range(MAX_HOISTING_DEPTH):
        nxt = []
        for x in frontier:
            if any(g.dep_ in SUBJECT_DEPS for g in x.children) or x.lemma_.lower() in lex.reporting:
                continue
            for c in x.children:
                if c.i <= x.i:
                    continue
                if c.dep_ == "ccomp" and any(
                    g.dep_ == "mark" and g.lower_ == "that" and g.i == c.left_edge.i for g in c.children
                ):
                    return c
                if c.dep_ in HOISTING_DEPS:
                    nxt.append(c)
        frontier = nxt
    return None


def _line_opening_source(tok: Token, lo: int) -> tuple[int, int] | None:
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


# Verbs an adjective of stance follows ("was critical of", "became wary of", "remains confident").
COPULAS = frozenset({"be", "become", "remain", "stay", "grow"})


def _adjective_candidate(tok: Token, text: str, qidx: _QuoteIndex | None) -> _Candidate | None:
    """ "Cruz has been critical of the deal", "Trump is eager to debate", "she is confident
    (that) she will win": the copula's subject holds the stance, the adjective's complement
    (a preposition's object, a clause, an infinitive) is the content; keyed "critical/adj"."""
    head = tok.head
    if tok.dep_ != "acomp" or head.lemma_.lower() not in COPULAS:
        return None
    comps = [c for c in tok.children if c.i > tok.i and c.dep_ in ("prep", "ccomp", "xcomp")]
    if not comps:
        return None
    comp = comps[0]
    end = tok
    if comp.dep_ == "prep":
        objs = [g for g in comp.children if g.dep_ in ("pobj", "pcomp")]
        if not objs:
            return None
        end, span = comp, (objs[0].left_edge.idx, _clause_span(objs[0])[1])
    else:
        span = _clause_span(comp)
    lo, hi = _paragraph(text, tok.idx)
    content = _content_within(text, [span], lo, hi)
    if not content:
        return None
    source = _subject(head, qidx)
    if source is not None:
        source = (max(source[0], lo), min(source[1], hi))
        if source[0] >= source[1]:
            source = None
    cue = (tok.idx, end.idx + len(end.text))
    return _Candidate(cue, tok.i, "belief", source, content, key=f"{tok.lemma_.lower()}/adj")


# Prepositions after an object that give the circumstances, not what was said ("praised Y at
# the rally", "after the debate"); with a date or time inside, any preposition does.
CIRCUMSTANCE_PREPS = frozenset({"during", "after", "before", "since", "until", "at"})


def _circumstance(prep: Token) -> bool:
    return prep.lower_ in CIRCUMSTANCE_PREPS or any(g.ent_type_ in ("DATE", "TIME") for g in prep.subtree)


def _object_completion(c: Token) -> bool:
    """What the parser hung on an object cue that completes its object: an adverbial clause of
    no subject and no comma ("announced the creation of a website to explain the process",
    "praised Pence for cutting taxes"), a noun conjunct ("criticized X's record and his
    readiness to lead"). On PolNeAR train gold keeps the first 38 times in 59, the second 7 in
    8 (an adverbial clause after a comma 10 in 116: left out); content+speaker F1 +0.12."""
    if c.dep_ == "conj":
        return c.pos_ in ("NOUN", "PROPN")
    return (
        c.dep_ == "advcl"
        and c.pos_ in ("VERB", "AUX")
        and c.doc[c.left_edge.i - 1].text != ","
        and not any(g.dep_.startswith("nsubj") for g in c.children)
    )


def _object_span(tok: Token, first: Token) -> tuple[int, int]:
    """The content of an object cue: its object and what completes it ("accused Y of Z",
    "described Y as Z", "expressed her stance in support of Z"), without the circumstances.
    (Keeping only the prepositions of ``OBJECT_PREPS``: train content+speaker F1 61.75; every
    preposition but circumstances: 61.95; adding trailing clauses or conjuncts lowered it.)"""
    right = [
        c
        for c in tok.children
        if c.i >= first.i
        and (
            c.dep_ in ("dobj", "attr", "xcomp", "oprd", "ccomp", "dative", "acomp")
            or (c.dep_ == "prep" and (c.lower_ in OBJECT_PREPS or not _circumstance(c)))
            or _object_completion(c)
        )
    ]
    last = max((c.right_edge for c in right), key=lambda t: t.i)
    last = tok.doc[_cut_aside(tok.doc, first.i, last.i)]
    return first.left_edge.idx, last.idx + len(last.text)


def _frame_content(
    tok: Token, lex: CueLexicon, hand: tuple[str, ...], qidx: _QuoteIndex | None
) -> tuple[str, list[tuple[int, int]]] | None:
    """A cue verb's content in a ``cue_frames`` frame ("called for X", "X was named Y"), if
    that "lemma/frame" is a reliable cue (or every frame, when learning the weights).

    A speech verb in a sentence with a quote keeps no content here: the quote is its content
    ('"...," he said of the plan')."""
    lemma = tok.lemma_.lower()
    sent = tok.sent
    if "speech" in hand and qidx is not None and any(qidx.at(t.idx) is not None for t in sent):
        return None
    doc = tok.doc
    found = []
    pp = prep_frame(tok)
    if pp is not None:
        found.append((f"pp:{pp[0]}", [pp[1]]))
    passive = passive_frame(tok)
    if passive is not None:
        found.append(("passive", passive))
    for frame, pieces in found:
        if lex.open_class or f"{lemma}/{frame}" in lex.frames:
            return frame, [(doc[a].idx, doc[b].idx + len(doc[b].text)) for a, b in pieces]
    return None


# How far up the parse a cue looks for a reporting verb whose clause holds it (a bound on the
# walk, not tuned).
MAX_REPORTED_DEPTH = 8


def _reported(tok: Token, lex: CueLexicon) -> bool:
    """The cue sits in the clause of a reporting verb ("Mariani said Assad declared ...",
    "Trump said he supports X") or in the infinitive of a cue verb ("wants to support X",
    held-out 61.6 -> 61.8): keyed apart ("support/object+p^"), since PolNeAR annotates
    few such inner cues (on train 14% of nested object cues, 22% of nested speech cues match);
    the reliable ones ("say/speech+p^") are kept. Two-fold held-out train F1 60.7 -> 61.6."""
    cur = tok
    for _ in range(MAX_REPORTED_DEPTH):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in lex.reporting:
            return True
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in lex.hand_cues:
            return True  # "wants to support X"
        cur = cur.head
    return False


# What kind of source a cue has, learned apart ("say/speech+p" vs "say/speech+0"): "+p" a
# person or organization (a name, a personal pronoun), "+n" a common noun ("officials", "the
# report"), "+0" none or "it"/"this". On PolNeAR train an object cue is right 17% of the time
# with a name for source, 2% with none. Its weight is smoothed towards the cue's pooled one
# (SOURCE_KIND_PRIOR); two-fold held-out content+speaker F1 on train 58.6 -> 59.4.
IMPERSONAL_PRONOUNS = frozenset({"it", "this", "that", "which", "what", "these", "those"})
NAMED_SOURCES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _source_kind(source: tuple[int, int] | None, sdoc: Doc) -> str:
    span = sdoc.char_span(*source, alignment_mode="expand") if source is not None else None
    if span is None or not len(span):
        return "+0"
    root = span.root
    if root.pos_ == "PRON":
        return "+0" if root.lower_ in IMPERSONAL_PRONOUNS else "+p"
    return "+p" if root.pos_ == "PROPN" or root.ent_type_ in NAMED_SOURCES else "+n"


def _prep_candidate(tok: Token, lex: CueLexicon, text: str) -> _Candidate | None:
    """ "according to X, ...": X is the source of the clause the phrase modifies."""
    doc = tok.doc
    for words in lex.prepositional:
        if len(words) < 2 or tok.lower_ != words[0] or tok.i + len(words) > len(doc):
            continue
        if [t.lower_ for t in doc[tok.i : tok.i + len(words)]] != list(words):
            continue
        last = doc[tok.i + len(words) - 1]
        objs = [c for c in last.children if c.dep_ == "pobj"]
        if not objs:
            return None
        src = objs[0]
        phrase_lo = tok.i
        phrase_hi = max(src.right_edge.i, last.i)
        head = tok.head if tok.head.i != tok.i else None
        clause = head
        while clause is not None and clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if clause is None:
            return None
        sent = tok.sent
        lo, hi = clause.left_edge.i, clause.right_edge.i
        lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
        # The parser often hangs the phrase on a verb deep in the sentence ("... and employees
        # covered up the intrusions, according to a report"); PolNeAR's content is what the
        # sentence says before the phrase, or after it when the phrase opens the sentence
        # (train content+speaker F1 +0.10).
        if lo < phrase_lo:
            lo = _sentence_opening(doc, sent.start, phrase_lo)
        else:
            hi = sent.end - 1
        content = []
        if lo < phrase_lo:
            content.append(_trim(text, doc[lo].idx, doc[phrase_lo - 1].idx + len(doc[phrase_lo - 1].text)))
        if phrase_hi < hi:
            content.append(_trim(text, doc[phrase_hi + 1].idx, doc[hi].idx + len(doc[hi].text)))
        content = _content_within(text, content, *_paragraph(text, tok.idx))
        if not content:
            return None
        cue = (tok.idx, last.idx + len(last.text))
        return _Candidate(cue, tok.i, "prep", _subtree_span(src), content, key=" ".join(words) + "/prep")
    return None


def _sentence_opening(doc, start: int, phrase: int) -> int:  # type: ignore[no-untyped-def]
    """The first token of what "..., according to X" reports: the sentence's, or the one after
    an opening parenthesis or line break the phrase sits behind."""
    for j in range(phrase - 1, start - 1, -1):
        if doc[j].text == "(" or "\n" in doc[j].text:
            return j + 1
        if doc[j].text == ")":
            break
    return start


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


def _parenthetical_content(cands: list[_Candidate], doc: ArticleDoc, quoted_only: set[int]) -> None:
    """ "After the ruling, Hebert said, most laws were safe": a speech cue the parser hung
    on the clause as a parenthetical, with no content of its own, reports that clause; so
    does an "as" clause ("As POLITICO revealed, most of the payments were ...", "..., as The
    New York Times reported"). So does one whose content is only the quotes it was given
    (``quoted_only``, ids of candidates) where they lie in that clause: "Proposals to raise
    taxes, he added, amount to ''just tinkering''" reports the whole clause."""
    text, sdoc = doc.text, doc.doc
    for c in cands:
        if c.how != "speech" or c.cue_token < 0 or (c.content and id(c) not in quoted_only):
            continue
        tok = sdoc[c.cue_token]
        if tok.dep_ != "parataxis" and not _as_clause(tok):
            continue
        clause = tok.head
        lo, hi = _paragraph(text, tok.idx)
        pieces = []
        if clause.left_edge.i < tok.left_edge.i:
            last = sdoc[tok.left_edge.i - 1]
            pieces.append((clause.left_edge.idx, last.idx + len(last.text)))
        if tok.right_edge.i < clause.right_edge.i:
            first, last = sdoc[tok.right_edge.i + 1], clause.right_edge
            pieces.append((first.idx, last.idx + len(last.text)))
        pieces = [_trim(text, max(a, lo), min(b, hi)) for a, b in pieces if max(a, lo) < min(b, hi)]
        pieces = [(a, b) for a, b in pieces if len(WORD.findall(text, a, b)) >= MIN_PARENTHETICAL_WORDS]
        if pieces and c.content:
            # the quotes the clause holds give way to the clause; those after it stay
            inside = [(a, b) for a, b in c.content if any(pa <= a and b <= pb for pa, pb in pieces)]
            if inside:
                c.content = pieces + [x for x in c.content if x not in inside]
        elif pieces:
            c.content = pieces
            c.key = c.key.split("/")[0] + "/aside" + ("@quote" if c.key.endswith("@quote") else "")


def _as_clause(tok: Token) -> bool:
    """ "as X reported": a clause the verb heads, opened by "as", that modifies another."""
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" and c.i == tok.left_edge.i for c in tok.children
    )


def _widen_to_names(cands: list[_Candidate], doc: ArticleDoc) -> None:
    """A source span that cuts a name ("Bashar al" of "Bashar al-Assad") takes the whole name."""
    for c in cands:
        if c.source is None:
            continue
        s, e = c.source
        for m in doc.mentions:
            if m.start < e and m.end > s and (m.start < s or m.end > e):
                s, e = min(s, m.start), max(e, m.end)
        c.source = (s, e)


def _headline_candidates(doc: ArticleDoc, lex: CueLexicon) -> list[_Candidate]:
    """ "Name: statement" lines: the person or organization named says the rest of the line.

    A headline ("John McCain: Republican anger appeals to ...") whose head holds a PERSON or
    ORG name; or a speaker label (``_speaker_label``): a transcript's "TAPPER: ...", "Q: ...",
    a headline "Sanders: ..." the parser found no name in. A dateline ("Paris: ...", a place)
    and labels such as "File:" or "Image Credit:" never become speakers.
    """
    text = doc.text
    out = []
    lines = [(line, m) for line in re.finditer(r"[^\n]+", text) if (m := HEADLINE.fullmatch(line.group()))]
    # A transcript: the same upper-case label ("BOULDUAN:", "KATE BOULDUAN:") opens several lines.
    caps = Counter(m.group(1).split()[-1] for _, m in lines if _caps_label(m.group(1).strip()))
    for line, m in lines:
        if "(" in m.group(1) or len(WORD.findall(m.group(2))) < 3:
            continue  # "French President Francois Hollande (photo credit: AP)" is a caption
        s, e = _trim(text, line.start() + m.start(1), line.start() + m.end(1))
        cs, ce = _trim(text, line.start() + m.start(2), line.start() + m.end(2))
        colon = line.start() + m.end(1)
        dash = max(text.rfind(" - ", s, e), text.rfind(" — ", s, e))
        if dash > s:  # "Media shares blame in Iowa poll overhype - HuffPollster: “...”"
            s = dash + 3
        if _speaker_label(doc, s, e, lex, caps[m.group(1).split()[-1]] >= MIN_TRANSCRIPT_LABELS):
            out.append(_Candidate((colon, colon + 1), -1, "headline", (s, e), [(cs, ce)], key=":/label"))
            continue
        if len(WORD.findall(line.group())) > MAX_HEADLINE_WORDS or dash > 0:
            continue
        named = [x for x in doc.mentions if x.label in ("PERSON", "ORG") and s <= x.start and x.end <= e]
        if not named:
            continue
        span = doc.doc.char_span(s, e, alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
            continue  # "Kasich resisted: ..." is a colon-introduced quote, not a headline
        out.append(_Candidate((colon, colon + 1), -1, "headline", (s, e), [(cs, ce)], key=":/headline"))
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


class _QuoteIndex:
    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.starts = [q.start for q in quotes]

    def at(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return i
        return None

    def quoted_share(self, text: str, spans: list[tuple[int, int]]) -> float:
        words = [m.start() for s, e in spans for m in WORD.finditer(text, s, e)]
        if not words:
            return 0.0
        return sum(self.at(w) is not None for w in words) / len(words)


def _words(text: str, spans: list[tuple[int, int]]) -> set[int]:
    return {m.start() for s, e in spans for m in WORD.finditer(text, s, e)}


def extract_attributions(doc: ArticleDoc, user_aliases: str | None = None) -> list[Attribution]:
    """Every attribution in the article, in text order, speakers resolved.

    ``user_aliases`` is the path of a user alias YAML file loaded over the bundled one: its
    ``roles`` resolve speakers such as "the mayor of Paris" to their holder (as the actors stage
    reads the same file for names).
    """
    return [a for a, _ in extract_with_keys(doc, user_aliases=user_aliases)]


def extract_with_keys(
    doc: ArticleDoc, lex: CueLexicon | None = None, user_aliases: str | None = None
) -> list[tuple[Attribution, str]]:
    """The attributions, each with the "lemma/class" key of the cue that found it."""
    text, sdoc = doc.text, doc.doc
    lex = lex or load_cues()
    quotes = find_quotes(text)
    qidx = _QuoteIndex(quotes)
    cands: list[_Candidate] = []
    prepositions = {p[0] for p in lex.prepositional}  # once per article, not once per token
    thread = _comment_thread_start(text)
    for tok in sdoc:
        c = _prep_candidate(tok, lex, text) if tok.lower_ in prepositions else None
        c = c or _verb_candidate(tok, lex, text, qidx)
        if c is None and tok.pos_ == "ADJ" and tok.lemma_.lower() in lex.adjectives:
            c = _adjective_candidate(tok, text, qidx)
        if c is None:
            continue
        if not lex.open_class and _modifier_cue(c, sdoc, lex):
            continue
        if not lex.open_class and _no_attribution_context(c, sdoc, text, thread):
            continue
        if c.how not in ("prep", "raising"):
            c.key += _source_kind(c.source, sdoc)
        # A cue inside quote marks is the quoted speaker's own "I think": its own key, so the
        # weights learn it apart (PolNeAR annotates 13 of 19,833 such cues: they are dropped).
        if c.cue is not None and qidx.at(c.cue[0]) is not None:
            c.key += "@quote"
        elif c.cue_token >= 0 and _reported(sdoc[c.cue_token], lex):
            c.key += "^"
        p = lex.precision(c.key)
        if not lex.open_class and p is not None and p < MIN_PRECISION:
            continue
        cands.append(c)
    _widen_to_names(cands, doc)
    cands.extend(_headline_candidates(doc, lex))
    _grow_to_quotes(cands, quotes, qidx, text)
    _close_quotes(cands, quotes, qidx, text)
    quoted_only = {id(c) for c in cands if not c.content}
    _attach_quotes(cands, quotes, qidx, doc)
    _parenthetical_content(cands, doc, quoted_only)
    # Asides got their key just now: filter them like the cues above. Quotes joined to the
    # previous paragraph's speaker ("-/quote") are kept although PolNeAR credits few of them
    # to that speaker (19 of 172 on train): they hold direct quotes, and who else said them.
    cands = [
        c
        for c in cands
        if c.content
        and (lex.open_class or "/aside" not in c.key or (lex.precision(c.key) or 1.0) >= MIN_PRECISION)
    ]
    cands = _drop_datelines(cands, doc)
    if not lex.open_class:
        cands = _drop_restatements(cands, text)
        cands = _drop_quoted_cues(cands, qidx)
        cands = _drop_weak_nested(cands, lex)
    return _finish(cands, qidx, doc, lex, load_aliases(user_aliases))


def _modifier_cue(c: _Candidate, sdoc: Doc, lex: CueLexicon) -> bool:
    """A cue of no speech or belief verb that is a past participle modifying a noun ("four
    sergeants are to face a court martial accused of mistreating prisoners", "a group called
    Citizens for Trump", "hearings intended to consider help"): the noun is no source and what
    follows no content. PolNeAR train content+speaker F1 66.94 -> 66.98 (P 73.37 -> 73.46, R
    61.54 unchanged; 21 fewer predictions). Infinitive and -ing modifiers stay, as they cost
    recall: infinitives alone 66.96 (R 61.49; "Trump's refusal to denounce the group" is one),
    with the participles 66.99 (R 61.46), -ing ones alone 66.87 ("civilians protesting his rule")."""
    if c.cue_token < 0 or c.how not in ("intent", "object", "frame"):
        return False
    tok = sdoc[c.cue_token]
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() not in lex.reporting


CONTEXTS_FILE = "attribution_contexts.yaml"


@dataclass(frozen=True)
class _Contexts:
    anonymity_verbs: frozenset[str]  # "asked not to be identified": the verb of the passive infinitive
    refusal_verbs: frozenset[str]  # "declined to be named"
    second_person: frozenset[str]  # "you", "ya"
    conditional_marks: frozenset[str]  # "if", "unless"
    verification_verbs: frozenset[str]  # "confirm": negated, the source asserts nothing
    comment_markers: tuple[re.Pattern[str], ...]  # a reader-comment thread starts at the paragraph


@functools.lru_cache(maxsize=1)
def load_contexts() -> _Contexts:
    data = load_yaml(CONTEXTS_FILE)

    def words(name: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(name, ()))

    return _Contexts(
        anonymity_verbs=words("anonymity_verbs"),
        refusal_verbs=words("refusal_verbs"),
        second_person=words("second_person"),
        conditional_marks=words("conditional_marks"),
        verification_verbs=words("verification_verbs"),
        comment_markers=tuple(re.compile(p, re.I) for p in data.get("comment_thread_markers", ())),
    )


# Deps a cue reaches its "to be identified" infinitive through, and how deep: "declined to be
# named" (xcomp, 1), "cited safety concerns in declining to be identified" (dobj/prep/pcomp/xcomp,
# 4, the deepest in the audit); on PolNeAR train the depth changes nothing (3 such cues).
ANONYMITY_DEPS = frozenset({"xcomp", "prep", "pcomp", "dobj", "advcl"})
MAX_ANONYMITY_DEPTH = 4
# A content of at most this many words wholly inside parentheses right after its cue is a
# label, not what was said ("SAYING (English): ..." in a video script); PolNeAR train has none.
MAX_PARENTHESIZED_CONTENT_WORDS = 2


def _comment_thread_start(text: str) -> int:
    """Where a reader-comment thread starts (the paragraph of the first marker such as "|
    Report abuse |"), or the text's length when there is none."""
    hits = [m.start() for p in load_contexts().comment_markers if (m := p.search(text))]
    if not hits:
        return len(text)
    return _paragraph(text, min(hits))[0]


def _anonymity_request(tok: Token, ctx: _Contexts, depth: int = 0) -> bool:
    """``tok`` governs a refused passive infinitive of an anonymity verb ("asked not to be
    identified", "declined to be named", "did not want to be quoted"); "wants to be named
    chairman" is no such request."""
    for k in tok.children:
        if k.dep_ not in ANONYMITY_DEPS:
            continue
        if (
            k.tag_ == "VBN"
            and k.lemma_.lower() in ctx.anonymity_verbs
            and any(a.dep_ == "auxpass" for a in k.children)
            and any(a.tag_ == "TO" for a in k.children)
            and not any(a.dep_ in ("oprd", "attr", "dobj") for a in k.children)
            and (
                any(a.dep_ == "neg" for w in (k, k.head) for a in w.children)
                or k.head.lemma_.lower() in ctx.refusal_verbs
            )
        ):
            return True
        if depth + 1 < MAX_ANONYMITY_DEPTH and _anonymity_request(k, ctx, depth + 1):
            return True
    return False


def _no_attribution_context(c: _Candidate, sdoc: Doc, text: str, thread: int) -> bool:
    """A cue whose context says that nobody asserts anything (the audit of fresh Timeline17
    news, BENCHMARKS.md "Attributions"; each kept as PolNeAR train content+speaker F1 did not
    fall, 66.983 before all of them):

    - a source's wish not to be named ("the doctors, who asked not to be identified", "declined
      to be named"): 3 train predictions dropped, 1 of them matched gold (F1 66.983 unchanged);
    - a generic "you" in a question or condition ("Do you think ...?", "If you think you know
      it, shout it out!"): 31 dropped, 10 matched (66.983 -> 66.985);
    - a negated verification ("CNN could not confirm the report"): 1 dropped, unmatched;
    - a cue in a reader-comment thread ("... | Report abuse | I actually like Mubarak"): none
      on train;
    - a content that is only a short parenthesized label ("SAYING (English): ..."): none on train.

    All together 66.983 -> 66.987 (P 73.47 -> 73.56, R 61.55 -> 61.49; 35 fewer predictions);
    on the audit's seed 53 the 28 attributions they drop are all among its 84 non-attributions.
    """
    ctx = load_contexts()
    if c.cue is not None and c.cue[0] >= thread:
        return True
    if len(c.content) == 1:
        s, e = c.content[0]
        if (
            text[s - 1 : s] == "("
            and text[e : e + 1] == ")"
            and len(WORD.findall(text, s, e)) <= MAX_PARENTHESIZED_CONTENT_WORDS
        ):
            return True
    if c.cue_token < 0:
        return False
    tok = sdoc[c.cue_token]
    if _anonymity_request(tok, ctx):
        return True
    negated = any(k.dep_ == "neg" for k in tok.children)
    if negated and c.how in ("object", "frame") and tok.lemma_.lower() in ctx.verification_verbs:
        return True
    if c.source is not None and text[c.source[0] : c.source[1]].lower() in ctx.second_person:
        question = tok.sent.text.rstrip().rstrip("\"'\u201d").endswith("?")
        conditional = any(k.dep_ == "mark" and k.lower_ in ctx.conditional_marks for k in tok.children)
        if question or conditional:
            return True
    return False


def _confidence(c: _Candidate, lex: CueLexicon) -> float:
    """The cue's learned precision, else a prior by how the attribution was found."""
    learned = lex.precision(c.key)
    if learned is not None:
        return learned
    return CONFIDENCE.get(c.how, 0.5) * (1.0 if c.source else 0.8)


# A nested attribution that is no reporting chain (its source is outside the outer content, or
# it has none) is kept from this confidence up. On PolNeAR train such predictions below 0.5
# match gold 4 times in 83 (0.3-0.4: 8%, 0.4-0.5: 0%), from 0.5 up 30-60%.
MIN_NESTED_CONFIDENCE = 0.5


def _drop_weak_nested(cands: list[_Candidate], lex: CueLexicon) -> list[_Candidate]:
    """Drop a low-confidence attribution whose cue lies inside another's content and whose
    source does not ("He has criticized Clinton for accepting campaign donations": "accepting"
    is part of the criticism, its inherited source outside it). Train content+speaker F1
    65.36 -> 65.48 (P 72.15 -> 72.47, R 59.74 -> 59.72; 79 fewer predictions); two-fold
    held-out flat (62.8, P 70.3 -> 70.6)."""

    def weak(c: _Candidate) -> bool:
        if c.cue is None or _confidence(c, lex) >= MIN_NESTED_CONFIDENCE:
            return False
        outers = [o for o in cands if o is not c and any(s <= c.cue[0] < e for s, e in o.content)]
        chain = c.source is not None and any(s <= c.source[0] < e for o in outers for s, e in o.content)
        inside = any(all(any(s <= a and b <= e for s, e in o.content) for a, b in c.content) for o in outers)
        return inside and not chain  # not a quote running on past the outer content

    return [c for c in cands if not weak(c)]


def _drop_quoted_cues(cands: list[_Candidate], qidx: _QuoteIndex) -> list[_Candidate]:
    """Drop an attribution whose cue is inside quote marks that another attribution's content
    holds: the quoted speaker's own words ("'In fact, he proposed giving them work permits,'
    Rubio said"), not a second statement; PolNeAR annotates almost none of them. On train
    147 fewer predictions, content+speaker F1 65.1 -> 65.4 (P 71.5 -> 72.1, R 59.8 -> 59.7)."""

    def quoted_inside(c: _Candidate) -> bool:
        if c.cue is None or qidx.at(c.cue[0]) is None:
            return False
        pos = c.cue[0]
        return any(o is not c and any(s <= pos < e for s, e in o.content) for o in cands)

    return [c for c in cands if not quoted_inside(c)]


# A cue inside another attribution's content whose own content is inside that one and at least
# this share of its words restates it. PolNeAR train has 5 gold pairs in 19,832 that overlap this much.
RESTATED_SHARE = 0.5


def _drop_restatements(cands: list[_Candidate], text: str) -> list[_Candidate]:
    """Drop a nested attribution that restates the one holding its cue: its content is at
    least half of the outer content and the inner source is not inside the outer content
    ("Cruz said that X, stating that Y", the parse hanging "stating" in the "that" clause).
    A reporting chain ("Mariani said Assad declared X": Assad inside Mariani's content) is
    kept. PolNeAR annotates one of two such overlapping contents (train: outer right 69,
    inner 43, neither 20); train content+speaker F1 64.8 -> 65.1, recall unchanged."""
    words = [_words(text, c.content) for c in cands]
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


def _grow_to_quotes(cands: list[_Candidate], quotes: list[Quote], qidx: _QuoteIndex, text: str) -> None:
    """A content that lies mostly inside one quote takes the whole quote (the parser split it)."""
    for c in cands:
        grown = []
        for s, e in c.content:
            ws = [m.start() for m in WORD.finditer(text, s, e)]
            hits = [qidx.at(w) for w in ws]
            inside = [h for h in hits if h is not None]
            if inside and len(inside) * 2 >= len(ws):
                q = quotes[max(set(inside), key=inside.count)]
                if not (q.start <= c.cue[0] < q.end):
                    s, e = min(s, q.start), max(e, q.end)
                    c.quotes.append(quotes.index(q))
            grown.append((s, e))
        c.content = grown


def _close_quotes(cands: list[_Candidate], quotes: list[Quote], qidx: _QuoteIndex, text: str) -> None:
    """A content span that cuts a quote where only punctuation is left outside it ends (or
    starts) at the quote mark: 'which he said was his current "major concern,"' (the parser
    hangs the comma and the closing mark on the next clause)."""
    for c in cands:
        spans = []
        for s, e in c.content:
            q = qidx.at(max(s, e - 1))
            if (
                q is not None
                and quotes[q].start >= s
                and e < quotes[q].end
                and not WORD.search(text, e, quotes[q].end)
            ):
                e = quotes[q].end
            q = qidx.at(s)
            if (
                q is not None
                and quotes[q].start < s
                and quotes[q].end <= e
                and not WORD.search(text, quotes[q].start, s)
            ):
                s = quotes[q].start
            spans.append((s, e))
        c.content = spans


def _in_other_relative_clause(q: Quote, cue_token: int, sdoc: Doc) -> bool:
    """A quoted phrase inside a relative clause that does not hold the cue belongs to that
    clause ('Assad, whom he accused of being a "de facto ally" of jihadists, and urged ...':
    not what he urged)."""
    span = sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    for a in (span.root, *span.root.ancestors):
        if a.dep_ == "relcl":
            return not a.left_edge.i <= cue_token <= a.right_edge.i
    return False


def _attach_quotes(cands: list[_Candidate], quotes: list[Quote], qidx: _QuoteIndex, doc: ArticleDoc) -> None:
    text, sdoc = doc.text, doc.doc
    owner: dict[int, _Candidate] = {}
    for c in cands:
        for qi in c.quotes:
            owner[qi] = c
    # The word starts of each content, made once per content (the loops below take every
    # candidate's words for every quote); contents grow below, so the spans are the key.
    memo: dict[tuple[tuple[int, int], ...], set[int]] = {}

    def words(spans: list[tuple[int, int]]) -> set[int]:
        key = tuple((s, e) for s, e in spans)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _words(text, spans)
        return found

    # A content that holds most of a quote owns it: a quote after it in the paragraph goes on
    # with the same attribution ('The plans are "irresponsible," he said. "It leaves me speechless."').
    for qi, q in enumerate(quotes):
        qwords = words([(q.start, q.end)])
        for c in cands:
            if qi in owner or not qwords or c.cue is None or q.start <= c.cue[0] < q.end:
                continue
            if len(words(c.content) & qwords) * 2 >= len(qwords):
                owner[qi] = c
    for qi, q in enumerate(quotes):
        if qi in owner:
            continue
        qwords = words([(q.start, q.end)])
        # Covered by the content of a cue outside the quote: already attributed (mixed or direct).
        covered = set()
        for c in cands:
            if c.cue is not None and not (q.start <= c.cue[0] < q.end):
                covered |= words(c.content) & qwords
        if not qwords or len(covered) * 2 >= len(qwords):
            continue
        if len(qwords) < MIN_EMBEDDED_QUOTE_WORDS and not _free_standing(q, sdoc, text):
            continue
        target = _cue_for_quote(q, cands, sdoc, text)
        if (
            target is not None
            and target.cue_token >= 0
            and not _free_standing(q, sdoc, text)
            and _in_other_relative_clause(q, target.cue_token, sdoc)
        ):
            continue
        if target is None and len(qwords) >= MIN_COLON_QUOTE_WORDS:
            target = _colon_candidate(q, doc)
            if target is not None:
                cands.append(target)
        if target is not None:
            if (q.start, q.end) not in [(a, b) for a, b in target.content]:
                target.content.append(_trim(text, q.start, q.end))
        else:
            prev = owner.get(qi - 1)
            same_para = prev is not None and "\n" not in text[quotes[qi - 1].end : q.start]
            before = _content_just_before(cands, q, text) if len(qwords) >= MIN_CUELESS_QUOTE_WORDS else None
            if prev is not None and (same_para or q.continues):
                target = prev
                target.content.append(_trim(text, q.start, q.end))
            elif before is not None:
                target = before
                target.content.append(_trim(text, q.start, q.end))
            elif len(qwords) >= MIN_CUELESS_QUOTE_WORDS and _opens_paragraph(text, q.start):
                src = _previous_speaker(cands, q.start, text)
                if src is not None:
                    target = _Candidate(
                        (q.start, q.start),
                        -1,
                        "quote",
                        src.source,
                        [_trim(text, q.start, q.end)],
                        key="-/quote",
                    )
                    target.cue = None  # type: ignore[assignment]
                    cands.append(target)
        if target is not None:
            owner[qi] = target
            target.quotes.append(qi)
    cands.sort(key=lambda c: c.content[0][0] if c.content else 0)


# Characters at most between the end of a content and a cue-less quote that goes on with it.
MAX_GAP_TO_QUOTE = 3


def _content_just_before(cands: list[_Candidate], q: Quote, text: str) -> _Candidate | None:
    """The attribution whose content ends the sentence right before a cue-less quote of its
    paragraph: "Sosa said he would not vote for Mr. Cruz. ''I'm not sure that Hispanic
    Republicans really believe ...''" goes on with Sosa's content (train content+speaker F1
    +0.07, 12 more right)."""
    for c in cands:
        if not c.content or c.cue is None:
            continue
        end = max(e for _, e in c.content)
        gap = text[end : q.start]
        if end <= q.start and len(gap) <= MAX_GAP_TO_QUOTE and "\n" not in gap and not WORD.search(gap):
            return c
    return None


def _free_standing(q: Quote, sdoc, text: str) -> bool:  # type: ignore[no-untyped-def]
    """A quote that is a sentence of its own: it ends in a full stop, question or exclamation
    mark ("We lost."), opens its sentence ("Absolutely not," he said) or follows a colon or
    comma ("asked, "Really?"", "said: "No"")."""
    inner = text[q.start : q.end].rstrip("”»\"'″ ")
    if inner.endswith((".", "?", "!", "…")):
        return True
    first = sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if first is None or not len(first):
        return False
    sent_start = max(first[0].sent.start_char, text.rfind("\n", 0, q.start) + 1)
    before = text[sent_start : q.start]
    return not before.strip() or before.rstrip().endswith((",", ":"))


def _colon_candidate(q: Quote, doc: ArticleDoc) -> _Candidate | None:
    """A quote right after a colon, with no cue verb of the lexicon: "Kasich resisted: "..."",
    "Trump issued the following statement: "..."". The clause before the colon says who."""
    text, sdoc = doc.text, doc.doc
    before = text[: q.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = sdoc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or not len(colon):
        return None
    tok = colon[0]
    verb = tok.head
    lo, _hi = _paragraph(text, len(before) - 1)
    content = [_trim(text, q.start, q.end)]
    if verb.pos_ in ("VERB", "AUX") and verb.i < tok.i and verb.idx >= lo:
        source = _subject(verb)
        if source is not None and source[0] >= lo:
            cue = (verb.idx, verb.idx + len(verb.text))
            return _Candidate(cue, verb.i, "colon", source, content, key="-/colon")
    named = [m for m in doc.mentions if m.label in ("PERSON", "ORG") and lo <= m.start and m.end <= tok.idx]
    if named:
        m = named[-1]
        return _Candidate((tok.idx, tok.idx + 1), tok.i, "colon", (m.start, m.end), content, key="-/colon")
    return None


def _opens_paragraph(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()


def _previous_speaker(cands: list[_Candidate], pos: int, text: str) -> _Candidate | None:
    """The attribution with a source that ends in the paragraph just before ``pos``."""
    para_start = text.rfind("\n", 0, pos)
    prev_start = text.rfind("\n", 0, max(0, para_start - 1))
    while prev_start > 0 and not text[prev_start + 1 : para_start].strip():
        prev_start = text.rfind("\n", 0, prev_start - 1)
    best = None
    for c in cands:
        if c.source is None or not c.content or c.cue is None:
            continue
        if prev_start <= c.cue[0] < pos and (best is None or c.cue[0] > best.cue[0]):
            best = c
    return best


def _cue_for_quote(q: Quote, cands: list[_Candidate], sdoc, text: str) -> _Candidate | None:
    """The speech cue of the quote's sentence, or of the colon-ended sentence before it."""
    first = sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if first is None:
        return None
    s0 = first[0].sent
    s1 = first[-1].sent
    lo, hi = s0.start, s1.end
    plo, phi = _paragraph(text, q.start)
    phi = max(phi, _paragraph(text, max(q.start, q.end - 1))[1])
    pool = [
        c
        for c in cands
        if c.how == "speech"
        and c.cue is not None
        and lo <= c.cue_token < hi
        and not (q.start <= c.cue[0] < q.end)
        and not c.content
        and plo <= c.cue[0] < phi
        # "..., adding: "..."": a cue before a colon takes the quote after it, never one before
        and not (c.cue[0] >= q.end and text[c.cue[1] : c.cue[1] + 2].lstrip().startswith(":"))
    ]
    if not pool and s0.start > 0:
        prev = sdoc[s0.start - 1].sent
        if text[prev.start_char : q.start].rstrip().endswith(":"):
            plo = _paragraph(text, prev.start_char)[0]
            pool = [
                c
                for c in cands
                if c.how == "speech"
                and prev.start <= c.cue_token < prev.end
                and not c.content
                and c.cue is not None
                and c.cue[0] >= plo
            ]
    if not pool:
        pool = _cue_after_quote(q, cands, sdoc, text, s1)
    if not pool:
        return None
    # The nearest cue: after the quote ("..." he said) or before it (he said: "...").
    return min(pool, key=lambda c: min(abs(c.cue[0] - q.end), abs(c.cue[0] - q.start)))


# A quote that ends its sentence ('"Who do they think they are?" Trump said.': the parser
# splits at "?") takes a content-less speech cue this many words into the next sentence.
MAX_WORDS_TO_NEXT_CUE = 6


def _cue_after_quote(q: Quote, cands: list[_Candidate], sdoc, text: str, sent) -> list[_Candidate]:  # type: ignore[no-untyped-def]
    """The speech cue of the sentence right after a quote that ends its own sentence."""
    if (
        sent.end >= len(sdoc)
        or text[q.end : sdoc[sent.end].idx].strip()
        or "\n" in text[q.end : sdoc[sent.end].idx]
    ):
        return []
    nxt = sdoc[sent.end].sent
    return [
        c
        for c in cands
        if c.how == "speech"
        and c.cue is not None
        and not c.content
        and nxt.start <= c.cue_token < nxt.end
        and len(WORD.findall(text, nxt.start_char, c.cue[0])) <= MAX_WORDS_TO_NEXT_CUE
    ]


# "Paris:", "PARIS (AFP) –", "PARIS, France —": a place (and agency) before a colon or a spaced dash.
DATELINE = re.compile(
    r"[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}(?:, [A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,2})?"
    r"\s*(?:\([A-Za-z ]+\))?\s*(?::|[—–-]\s)\s*"
)


def _drop_datelines(cands: list[_Candidate], doc: ArticleDoc) -> list[_Candidate]:
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
            if is_dl:
                c.source = None
        out.append(c)
    return out


def _finish(
    cands: list[_Candidate], qidx: _QuoteIndex, doc: ArticleDoc, lex: CueLexicon, aliases: AliasLexicon
) -> list[tuple[Attribution, str]]:
    text = doc.text
    resolver = SpeakerResolver(doc, [(q.start, q.end) for q in qidx.quotes], aliases)
    first_person = load_titles().pronouns["first_singular"] | load_titles().pronouns["first_plural"]
    cands.sort(key=lambda c: c.cue[0] if c.cue else c.content[0][0])
    out: list[Attribution] = []
    names: list[str | None] = []
    for i, c in enumerate(cands):
        content = sorted(set(c.content))
        share = qidx.quoted_share(text, content)
        typ: AttributionType = "direct" if share >= DIRECT_SHARE else "mixed" if share > 0 else "indirect"
        # The innermost attribution whose content holds this one's cue reports it.
        parent = None
        pos = c.cue[0] if c.cue else content[0][0]
        best_len = None
        for j, o in enumerate(cands):
            if o is c:
                continue
            for s, e in o.content:
                if s <= pos < e and (best_len is None or e - s < best_len):
                    parent, best_len = j, e - s
        name = None
        if c.source is not None:
            s, e = c.source
            word = text[s:e].strip().lower()
            if word in first_person and parent is not None and parent < len(names):
                name = names[parent]
            elif word in lex.speaker_labels:
                name = None  # "Q:", "Poll:": nobody the article names
            else:
                name = resolver.resolve(s, e)
            resolver.remember(s, name)
        names.append(name)
        conf = _confidence(c, lex)
        out.append(
            Attribution(
                article_id=doc.id,
                index=i,
                type=typ,
                content=tuple(Span(s, e) for s, e in content),
                cue=Span(*c.cue) if c.cue else None,
                speaker_span=Span(*c.source) if c.source else None,
                speaker=name,
                parent=parent,
                confidence=round(conf, 3),
            )
        )
    # Second pass: descriptions in the lede may name a person introduced after them.
    for k, a in enumerate(out):
        if (
            a.speaker is None
            and a.speaker_span is not None
            and a.speaker_span.text(text).strip().lower() not in lex.speaker_labels
        ):
            late = resolver.resolve_late(a.speaker_span.start, a.speaker_span.end)
            if late:
                out[k] = replace(a, speaker=late)
    # Parents pointing forward are fine (indices are final), but a first-person
    # speaker inside a quote resolved before its parent: fill it now.
    fixed = []
    for a in out:
        if a.speaker is None and a.speaker_span is not None and a.parent is not None:
            word = a.speaker_span.text(text).strip().lower()
            if word in first_person and out[a.parent].speaker:
                a = replace(a, speaker=out[a.parent].speaker)
        fixed.append(a)
    return list(zip(fixed, [c.key for c in cands], strict=True))
