"""Cue frames beyond a verb's clause, infinitive or object: where else a cue's content sits.

The extractor (``cue_candidates._verb_candidate``) reads the content of a cue verb off its
clausal complement, infinitive or direct object. PolNeAR annotates many attributions whose
content sits elsewhere in the parse; these functions find it, each giving the key
("lemma/frame") under which the learned weights (``lexicons/attribution_cue_weights.yaml``)
judge how reliable that cue is in that frame:

- ``prep``: the object of a preposition after the verb: "called for a ban" (``call/pp:for``),
  "was asked about the loan" (``ask/pp:about``), "joked about moving" (``joke/pp:about``).
- ``passive``: the subject of a passive verb with no clause of its own: "Trump was named the
  nominee", "The case was viewed as a threat" (``name/passive``); the agent ("by X"), if any,
  is the source.

All return token spans as ``(first token, last token)`` pairs; the caller turns them into
character spans bounded by the cue's paragraph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Prepositions whose object can be what a cue verb reports ("call for", "ask about", "refer
# to", "vote against", "comment on", "agree with", "take a shot at", "warn of"); which of the
# (verb, preposition) pairs are reliable is learned on PolNeAR train, not listed here.
FRAME_PREPS = frozenset({"for", "about", "to", "on", "with", "at", "against", "of", "over", "into", "in"})


def prep_frame(tok: Token) -> tuple[str, tuple[int, int]] | None:
    """The first preposition after the verb whose object may be the content, and that object."""
    for c in tok.children:
        if c.i < tok.i or c.dep_ != "prep" or c.lower_ not in FRAME_PREPS:
            continue
        objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
        if objs:
            o = objs[0]
            return c.lower_, (o.left_edge.i, o.right_edge.i)
    return None


def passive_frame(tok: Token) -> list[tuple[int, int]] | None:
    """The passive subject and the complement after the verb ("X was named the nominee")."""
    subj = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if not subj or subj[0].lower_ in ("it", "there"):
        return None
    pieces = [(subj[0].left_edge.i, subj[0].right_edge.i)]
    comp = [
        c
        for c in tok.children
        if c.i > tok.i
        and (c.dep_ in ("oprd", "attr", "acomp") or (c.dep_ == "prep" and c.lower_ == "as" and c.n_rights))
    ]
    if comp:
        c = comp[0]
        # "was seen as a threat": the words after "as"
        pieces.append((c.i + 1 if c.dep_ == "prep" else c.left_edge.i, c.right_edge.i))
    return pieces


# How the frames' keys end ("call/pp:for", "name/passive"): load_cues keeps the reliable ones.
FRAME_PREFIXES = ("pp:", "passive")
