"""Numeric claims: the number, its qualifier, what it counts, as of when, and who claims it.

"The Syrian Observatory for Human Rights said at least 14 rebels were among the dead" ->
Claim(value=14, qualifier="at least", counts="rebels", claimant="Syrian Observatory for Human
Rights"). Numbers in digits and words ("13,000", "two million", "half the country's
population", "more than 1,000-strong", "two hundred and fifty thousand"), plural numbers and
ranges at their least ("hundreds of people", "250,000 to 500,000" -> at least); dates,
durations and ordinals are left to the time stage, measurements ("200 km") and money to no one.
The claimant is the subject of the verb of saying whose clause holds the claim ("Activists say
..."), else a source named before it, else the speaker of the attribution that holds it.

This module scans the words for number phrases (:func:`extract_claims`) and normalizes what a
claim counts (:func:`measure_of`); the pieces live beside it: the lexicon (``claim_lexicon``),
where a number phrase ends and ranges (``claim_numbers``), the claim each phrase makes
(``claim_phrases``), what it counts and its qualifier (``claim_counted``), its claimant
(``claim_claimant``) and its as-of date (``claim_as_of``).
"""

from __future__ import annotations

import re

from storyline.records import Claim
from storyline.stages.claim_lexicon import is_number_orth, is_vague_orth, load_claim_lexicon
from storyline.stages.claim_numbers import is_skipped, joins, range_high
from storyline.stages.claim_phrases import fraction_claim, number_claim, vague_claim
from storyline.stages.document import ArticleDoc


def extract_claims(doc: ArticleDoc) -> list[Claim]:
    """Every numeric claim of the article, in text order."""
    lex = load_claim_lexicon()
    timex_spans = [(t.start, t.end) for t in doc.timexes]
    claims: list[Claim] = []
    from spacy.attrs import IDX, ORTH

    sdoc = doc.doc
    n = len(sdoc)
    # the words and offsets as plain ints: Token objects are made only for numbers and fractions
    # (two flat lists, not a list a word: 100k small lists set off the garbage collector, which
    # then walks every object the process holds)
    rows = sdoc.to_array([ORTH, IDX]) if n else None
    orths: list[int] = rows[:, 0].tolist() if rows is not None else []
    offsets: list[int] = rows[:, 1].tolist() if rows is not None else []
    text = doc.text
    i = 0
    while i < n:
        orth, idx = orths[i], offsets[i]
        fractions = lex.fractions_by_initial.get(text[idx : idx + 1].lower()[:1])
        fraction = (
            next(
                (
                    f
                    for f in fractions
                    if text[idx : idx + len(f)].lower() == f and (idx == 0 or not text[idx - 1].isalnum())
                ),
                None,
            )
            if fractions
            else None
        )
        if fraction and i + 1 < n:
            # the fraction's tokens: "three-quarters" is three ("three", "-", "quarters")
            width = 1
            while i + width < n and offsets[i + width] < idx + len(fraction):
                width += 1
            claim = fraction_claim(doc, sdoc[i], width, fraction, lex)
            if claim:
                claims.append(claim)
            # a fraction of a number ("half a million", "three-quarters of a million") is
            # valued with the number that follows (see number_claim); a fraction is never a count
            i += width
            continue
        vague = vague_claim(doc, i, lex) if is_vague_orth(orth, sdoc.vocab, lex) else None
        if vague is not None:
            claim, i = vague
            claims.append(claim)
            continue
        if (
            not is_number_orth(orth, sdoc.vocab, lex)
            or is_skipped(sdoc[i])
            or sdoc[i].lower_ in lex.scale_abbreviations  # "I 'm": an abbreviation only after a digit
        ):
            i += 1
            continue
        j = i
        while j + 1 < n:
            if is_number_orth(orths[j + 1], sdoc.vocab, lex) and not is_skipped(sdoc[j + 1]):
                j += 1
            elif j + 2 < n and joins(sdoc[j], sdoc[j + 1], sdoc[j + 2], lex):
                j += 2
            else:
                break
        number_tokens = [sdoc[k] for k in range(i, j + 1)]
        high = range_high(doc, number_tokens, lex)
        if high is not None and i > 0 and sdoc[i - 1].lower_ == "from":
            i = j + 1  # "rose from 20 to 30": a change, the later number is the claim
            continue
        i = (high[-1].i if high else j) + 1
        claim = number_claim(doc, number_tokens, lex, timex_spans, high)
        if claim:
            claims.append(claim)
    return claims


def measure_of(counts: str | None) -> str | None:
    """The normalized measure of what a claim counts ("lives claimed" -> "deaths")."""
    if not counts:
        return None
    lex = load_claim_lexicon()
    words = re.findall(r"[\w']+", counts.lower())
    for phrase, measure in lex.measures.items():  # longest first
        if " " in phrase and phrase in " ".join(words):
            return measure
    for w in reversed(words):
        if w in lex.measures:
            return lex.measures[w]
    return words[-1] if words else None
