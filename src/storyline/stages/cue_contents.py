"""The content of a cue: the span of what it reports, read off the parse.

A reporting verb's clausal complement (``clause_span``, cut before what the parser wrongly hung
on its end: a trailing conjunct verb, the speaker's next cue, a non-restrictive relative
clause), a "that" clause the parser hung lower (``hoisted_that_clause``), an object and what
completes it (``object_span``), a ``cue_frames`` frame ("called for X"), and the clause a
parenthetical "he said" or an "as X reported" sits in (``parenthetical_content``, run after
the quotes are joined). Each rule's effect on PolNeAR train is noted where it is made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.stages.attribution_spans import WORD, Candidate, QuoteIndex, paragraph_at, trim_span
from storyline.stages.cue_frames import passive_frame, prep_frame
from storyline.stages.cue_lexicon import CueLexicon
from storyline.stages.document import ArticleDoc

if TYPE_CHECKING:
    from spacy.tokens import Token


SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Prepositions whose phrase after an object is part of what was said: "accused Y of Z",
# "mocked Y for Z", "described Y as Z"; others ("in", "at", "across") are the circumstances.
OBJECT_PREPS = frozenset({"of", "for", "as", "over", "about", "on"})
# A parenthetical "he said" reports the rest of its clause when that has this many words.
MIN_PARENTHETICAL_WORDS = 3


def clause_span(root: Token, lex: CueLexicon) -> tuple[int, int]:
    """A content clause's span, without what the parser wrongly hung on its end.

    Cut before a trailing conjunct verb with no subject of its own in another verb form
    ("vowed to keep abortion legal and celebrated the ruling": "celebrated" is the
    cue's conjunct). (Cutting trailing adjuncts such as "by citing a poll" as well
    lowered F1 on PolNeAR train by 0.4: annotators mostly keep them.) The speaker's next cue
    is a speech verb of ``lex``, the lexicon the extractor runs with (the learner's open-class
    one has no learned verbs, so a learning run does not read the weights it rewrites).
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
            cut = cut or "speech" in lex.classes.get(c.lemma_.lower(), ())
        cut = cut or _trailing_clause(root, c, lex)
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


def reported_clauses(tok: Token, ccomps: list[Token]) -> list[Token]:
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


def broken_off(clause: Token, tok: Token) -> bool:
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


def _trailing_clause(root: Token, c: Token, lex: CueLexicon) -> bool:
    """A clause after a comma that is the speaker's own next cue, not content: "Carson said
    he saw no need to change, telling Stephanopoulos that ..." (train content+speaker F1
    +0.04; cutting every trailing participle, contrast clause ("while ...") or conjunct
    with its own subject was flat or lower)."""
    j = c.left_edge.i - 1
    if not (j > root.i and c.doc[j].text in (",", "—", "–", "--", ";")):
        return False
    return c.dep_ == "advcl" and c.tag_ == "VBG" and "speech" in lex.classes.get(c.lemma_.lower(), ())


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def clause_in_paragraph(clause: Token, lo: int, hi: int) -> bool:
    """The clause's verb is in the paragraph ``[lo, hi)``, or a finite verb of its is."""
    return lo <= clause.idx < hi or any(lo <= t.idx < hi and t.tag_ in FINITE_TAGS for t in clause.subtree)


# Dependencies through which a "that" clause the parser hung below a speech cue is still the
# cue's own: "told visiting French lawmakers that ...", "said in an interview to be aired
# Monday that ..." (the participle or infinitive read as the cue's complement, the clause as
# its complement); a bound of the walk below, not tuned.
HOISTING_DEPS = frozenset({"xcomp", "prep", "pobj", "acl", "dobj", "dative", "npadvmod"})
MAX_HOISTING_DEPTH = 4


def hoisted_that_clause(tok: Token, lex: CueLexicon) -> Token | None:
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


def object_span(tok: Token, first: Token) -> tuple[int, int]:
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


def frame_content(
    tok: Token, lex: CueLexicon, hand: tuple[str, ...], qidx: QuoteIndex | None
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


def parenthetical_content(cands: list[Candidate], doc: ArticleDoc, quoted_only: set[int]) -> None:
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
        lo, hi = paragraph_at(text, tok.idx)
        pieces = []
        if clause.left_edge.i < tok.left_edge.i:
            last = sdoc[tok.left_edge.i - 1]
            pieces.append((clause.left_edge.idx, last.idx + len(last.text)))
        if tok.right_edge.i < clause.right_edge.i:
            first, last = sdoc[tok.right_edge.i + 1], clause.right_edge
            pieces.append((first.idx, last.idx + len(last.text)))
        pieces = [trim_span(text, max(a, lo), min(b, hi)) for a, b in pieces if max(a, lo) < min(b, hi)]
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
