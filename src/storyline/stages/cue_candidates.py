"""Pass 1 of the attributions: a candidate for each cue found in the parse.

``find_cue_candidates`` walks the article's tokens once: a cue verb of the lexicon
(``verb_candidate``: its source from ``cue_sources``, its content from ``cue_contents``), a
raising verb ("appears to be slipping"), "according to X" (``prep_candidate``), an adjective
of stance after a copula ("was critical of X"). Each candidate is keyed for the learned
weights by lemma and class or frame, the kind of its source ("+p", "+n", "+0") and whether it
sits inside quote marks ("@quote") or a reported clause ("^"); the context filters
(``attribution_contexts``) and the learned precision decide which are kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.stages.attribution_contexts import comment_thread_start, modifier_cue, no_attribution_context
from storyline.stages.attribution_spans import (
    WORD,
    Candidate,
    QuoteIndex,
    content_within,
    paragraph_at,
    subtree_span,
    trim_span,
)
from storyline.stages.cue_contents import (
    broken_off,
    clause_in_paragraph,
    clause_span,
    frame_content,
    hoisted_that_clause,
    object_span,
    reported_clauses,
)
from storyline.stages.cue_lexicon import CLASSES, MIN_PRECISION, CueLexicon
from storyline.stages.cue_sources import adjacent_source, cue_subject, left_noun_source, line_opening_source
from storyline.stages.document import ArticleDoc
from storyline.stages.speaker_spans import speaker_after_quote, subject_after_opening_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _raising_candidate(tok: Token, lex: CueLexicon, text: str) -> Candidate | None:
    """ "Ben Carson appears to be slipping": no source; the subject and the complement are the content."""
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    comp = [c for c in tok.children if c.dep_ in ("xcomp", "acomp", "attr", "oprd") and c.i > tok.i]
    if not subj or not comp or subj[0].lower_ in ("it", "there"):
        return None
    lo, hi = paragraph_at(text, tok.idx)
    pieces = [subtree_span(subj[0]), (comp[0].left_edge.idx, clause_span(comp[-1], lex)[1])]
    content = content_within(text, pieces, lo, hi)
    if len(content) < 2:
        return None
    cue = (tok.idx, tok.idx + len(tok.text))
    return Candidate(cue, tok.i, "raising", None, content, key=f"{tok.lemma_.lower()}/raising")


def _verb_candidate(
    tok: Token, lex: CueLexicon, text: str, qidx: QuoteIndex | None = None
) -> Candidate | None:
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = tok.lemma_.lower()
    if lemma in lex.raising:
        return _raising_candidate(tok, lex, text)
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
    ccomps = [c for c in ccomps if c.i > tok.i or not broken_off(c, tok)]
    # The parser runs sentences over paragraph ends: a clause whose verb is in another
    # paragraph is what this cue reports only if its part in the cue's paragraph is a clause
    # ("Obama's rise may have been ..., said several observers"), not a fragment ("... by
    # killing?" \n\n "Earlier Sunday in Damascus, Assad told ...": "Earlier Sunday in Damascus").
    lo, hi = paragraph_at(text, tok.idx)
    ccomps = [c for c in ccomps if clause_in_paragraph(c, lo, hi)]
    if not ccomps and ("speech" in classes or "belief" in classes):
        hoisted = hoisted_that_clause(tok, lex)
        if hoisted is not None:
            ccomps = [hoisted]
    xcomps = [c for c in kids if c.dep_ == "xcomp"]
    dobjs = [c for c in kids if c.dep_ in ("dobj", "attr") and c.i > tok.i]
    if ccomps and ("speech" in classes or "belief" in classes):
        content = [clause_span(c, lex) for c in reported_clauses(tok, ccomps)]
        how = "speech"  # the class names the structure (a clause); how reliable the lemma is, is learned
    elif xcomps and "intent" in classes:
        start = dobjs[0] if dobjs and dobjs[0].i < xcomps[0].i else xcomps[0]
        content = [(start.left_edge.idx, clause_span(xcomps[-1], lex)[1])]
        how = "intent"
    elif dobjs and "object" in classes and tok.lemma_.lower() not in lex.object_never:
        content = [object_span(tok, dobjs[0])]
        how = "object"
    elif (framed := frame_content(tok, lex, hand, qidx)) is not None:
        how, (frame, content) = "frame", framed
    elif "speech" not in hand:
        return None
    else:
        how = "speech"
    key = f"{lemma}/{frame or how}"
    source = cue_subject(tok, qidx)
    if source is None:
        source = (
            adjacent_source(tok, qidx)
            or left_noun_source(tok, qidx)
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
            source = (names[0].start_char, names[0].end_char) if names else line_opening_source(tok, lo)
    content = content_within(text, content, lo, hi)
    cue = (tok.idx, tok.idx + len(tok.text))
    return Candidate(cue, tok.i, how, source, content, key=key)


# Verbs an adjective of stance follows ("was critical of", "became wary of", "remains confident").
COPULAS = frozenset({"be", "become", "remain", "stay", "grow"})


def _adjective_candidate(tok: Token, lex: CueLexicon, text: str, qidx: QuoteIndex | None) -> Candidate | None:
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
        end, span = comp, (objs[0].left_edge.idx, clause_span(objs[0], lex)[1])
    else:
        span = clause_span(comp, lex)
    lo, hi = paragraph_at(text, tok.idx)
    content = content_within(text, [span], lo, hi)
    if not content:
        return None
    source = cue_subject(head, qidx)
    if source is not None:
        source = (max(source[0], lo), min(source[1], hi))
        if source[0] >= source[1]:
            source = None
    cue = (tok.idx, end.idx + len(end.text))
    return Candidate(cue, tok.i, "belief", source, content, key=f"{tok.lemma_.lower()}/adj")


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


def _prep_candidate(tok: Token, lex: CueLexicon, text: str) -> Candidate | None:
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
            content.append(
                trim_span(text, doc[lo].idx, doc[phrase_lo - 1].idx + len(doc[phrase_lo - 1].text))
            )
        if phrase_hi < hi:
            content.append(trim_span(text, doc[phrase_hi + 1].idx, doc[hi].idx + len(doc[hi].text)))
        content = content_within(text, content, *paragraph_at(text, tok.idx))
        if not content:
            return None
        cue = (tok.idx, last.idx + len(last.text))
        return Candidate(cue, tok.i, "prep", subtree_span(src), content, key=" ".join(words) + "/prep")
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


def widen_to_names(cands: list[Candidate], doc: ArticleDoc) -> None:
    """A source span that cuts a name ("Bashar al" of "Bashar al-Assad") takes the whole name."""
    for c in cands:
        if c.source is None:
            continue
        s, e = c.source
        for m in doc.mentions:
            if m.start < e and m.end > s and (m.start < s or m.end > e):
                s, e = min(s, m.start), max(e, m.end)
        c.source = (s, e)


def find_cue_candidates(doc: ArticleDoc, lex: CueLexicon, qidx: QuoteIndex) -> list[Candidate]:
    """Pass 1: an attribution for each cue of the parse (a cue verb, "according to X", an
    adjective of stance) that no context rules out, keyed by lemma or frame, the kind of its
    source and whether it is quoted or reported; those whose learned precision is under
    ``MIN_PRECISION`` are dropped (with ``lex.open_class``, for learning, every one is kept)."""
    text, sdoc = doc.text, doc.doc
    cands: list[Candidate] = []
    prepositions = {p[0] for p in lex.prepositional}  # once per article, not once per token
    thread = comment_thread_start(text)
    for tok in sdoc:
        c = _prep_candidate(tok, lex, text) if tok.lower_ in prepositions else None
        c = c or _verb_candidate(tok, lex, text, qidx)
        if c is None and tok.pos_ == "ADJ" and tok.lemma_.lower() in lex.adjectives:
            c = _adjective_candidate(tok, lex, text, qidx)
        if c is None:
            continue
        if not lex.open_class and modifier_cue(c, sdoc, lex):
            continue
        if not lex.open_class and no_attribution_context(c, sdoc, text, thread):
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
    return cands
