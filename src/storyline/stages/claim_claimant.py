"""Who makes a numeric claim: the source the claims stage credits a number to.

In order: the subject of the verb of saying whose clause holds the claim ("Activists say at least
100 people died"), written as the actor of its name or the noun phrase as written; else the
closest source named before the claim in its sentence with a cue after it ("..., the Observatory
said", "the ministry's statement") or before it ("according to", "a report by"); else the speaker
of the attribution whose content holds the claim. Pronoun subjects are left to the last step,
since the attribution stage resolves them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.records import Mention
from storyline.stages.claim_lexicon import ClaimLexicon
from storyline.stages.document import ArticleDoc

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# A cue verb counts as introducing the claim when it is this close after the source's name.
SOURCE_CUE_GAP = 3
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
_CLAIMANT_LABELS = ("ORG", "PERSON", "DESC", "GPE", "NORP")
_SUBJECT_MODIFIERS = frozenset({"amod", "compound", "nmod", "npadvmod"})


def _source_subject(doc: ArticleDoc, span: SpacySpan, lex: ClaimLexicon) -> Token | None:
    """The subject of the source verb whose clause holds the claim: "Activists say [at least 100
    people] died", "[60 tanks] were seen ..., military officials said"."""
    child = span.root
    node = child.head
    subjectless = False  # a source verb without a subject was passed ("..., adding that")
    while node.i != child.i:
        if node.pos_ == "NOUN" and node.lower_ in lex.source_nouns:
            return None  # "allegations that some 13,000 people were hanged": the report's, not the verb's
        if (
            node.pos_ in ("VERB", "AUX")
            and node.lemma_.lower() in lex.source_lemmas
            and (subjectless or child.dep_ in ("ccomp", "parataxis"))
        ):
            subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
            subjectless = True  # the subject is that of the source verb it continues
        child, node = node, node.head
    return None


def _subject_name(doc: ArticleDoc, subj: Token) -> str | None:
    """A source subject as a claimant: the actor of the name it is ("the Observatory"), else the
    noun phrase as written without its determiner ("Rights groups", "Syrian officials"); a
    pronoun is left to the attribution stage, which resolves it."""
    if subj.pos_ == "PRON" or subj.lower_ in _PRONOUNS:
        return None
    for m in doc.mentions:
        if m.start <= subj.idx < m.end and m.label in _CLAIMANT_LABELS:
            return m.actor or m.text
    # the modifiers written right before the noun ("Rights groups", "state-run Anatolian news
    # agency"), up to a possessor
    first, kept = subj, {subj.i}
    for t in reversed(doc.doc[subj.left_edge.i : subj.i]):
        if t.head.i not in kept or any(c.dep_ in ("poss", "case") for c in t.children):
            break
        if t.dep_ not in _SUBJECT_MODIFIERS and not (t.dep_ == "punct" and t.text == "-"):
            break
        nxt = doc.doc[t.i + 1]
        if t.is_lower and nxt.pos_ == "NOUN" and nxt.text[:1].isupper():
            break  # a sentence the parser ran on: "... Assad 's rule Activists say"
        kept.add(t.i)
        first = t
    return doc.text[first.idx : subj.idx + len(subj.text)]


def claimant_of(doc: ArticleDoc, start: int, end: int, lex: ClaimLexicon) -> str | None:
    """The subject of the source verb that introduces the claim, else the closest source named
    before the claim in its sentence, else the speaker whose attributed content holds the claim."""
    sent = doc.doc.char_span(start, end, alignment_mode="expand")
    sent_start = sent.sent.start_char if sent is not None else 0
    if sent is not None:
        subj = _source_subject(doc, sent, lex)
        name = _subject_name(doc, subj) if subj is not None else None
        if name:
            return name
    best: tuple[int, Mention] | None = None
    for m in doc.mentions:
        if not (sent_start <= m.start and m.end <= start) or m.label not in _CLAIMANT_LABELS:
            continue
        after = doc.text[m.end : start]
        words = re.findall(r"[\w']+", after.lower().replace("\u2019", "'"))[: SOURCE_CUE_GAP + 1]
        cue = any(w in lex.source_verbs for w in words[:SOURCE_CUE_GAP]) or (
            after.lstrip().startswith(("'s", "\u2019s"))
            and any(w in lex.source_nouns for w in words[: SOURCE_CUE_GAP + 1])
        )
        before = doc.text[max(sent_start, m.start - 30) : m.start].lower()
        by_source = lex.by_source.search(before)
        if (cue or before.endswith("according to ") or by_source) and (best is None or m.start > best[0]):
            best = (m.start, m)
    if best is not None:
        return best[1].actor or best[1].text
    holders = [
        a for a in doc.attributions if a.speaker and any(s.start <= start and end <= s.end for s in a.content)
    ]
    if holders:
        return min(holders, key=lambda a: sum(s.end - s.start for s in a.content)).speaker
    return None
