"""Cue filters: contexts in which a cue attributes nothing to anybody.

A past participle modifying a noun ("a group called Citizens for Trump"), a source's wish
not to be named ("asked not to be identified"), a generic "you" in a question or condition,
a negated verification ("could not confirm"), a reader-comment thread, a content that is only
a parenthesized label. The word lists are ``lexicons/attribution_contexts.yaml``. Kept apart
from the cue pass (``cue_candidates``): they judge the words around a cue, not how the parse
gives its source and content, and the learner of the cue weights (``open_class``) runs
without them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.lexicons import load_yaml
from storyline.stages.attribution_spans import WORD, Candidate, paragraph_at
from storyline.stages.cue_lexicon import CueLexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


CONTEXTS_FILE = "attribution_contexts.yaml"


def modifier_cue(c: Candidate, sdoc: Doc, lex: CueLexicon) -> bool:
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


def comment_thread_start(text: str) -> int:
    """Where a reader-comment thread starts (the paragraph of the first marker such as "|
    Report abuse |"), or the text's length when there is none."""
    hits = [m.start() for p in load_contexts().comment_markers if (m := p.search(text))]
    if not hits:
        return len(text)
    return paragraph_at(text, min(hits))[0]


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


def no_attribution_context(c: Candidate, sdoc: Doc, text: str, thread: int) -> bool:
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
