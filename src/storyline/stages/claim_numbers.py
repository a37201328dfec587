"""Number phrases of the claims stage: where a number written in digits or words ends, ranges.

A number may run over several tokens ("two hundred and fifty thousand", "10-million",
"two-hundred thousand"); :func:`joins` says whether three tokens continue one number. A number
inside a date, time, ordinal or money entity is left to other stages (:func:`is_skipped`).
:func:`range_high` finds the upper number of a range ("250,000 to 500,000", "between 2 and 3
million") and :func:`fraction_before` a fraction written before a number ("half a million"), both
of which change the value a claim reports.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.numbers import HYPHENS, parse_number
from storyline.stages.claim_lexicon import ClaimLexicon, is_number_token
from storyline.stages.document import ArticleDoc

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

SKIP_ENTS = frozenset({"DATE", "TIME", "ORDINAL", "MONEY"})
# Scale words that join a number written on both sides of "and" or a hyphen ("two hundred and
# fifty thousand", "10-million", "two-hundred thousand").
_JOINING_SCALES = frozenset({"hundred", "thousand", "million", "billion"})
# A range also takes the en dash after numbers.HYPHENS ("2,000–3,000"), and so does "1,000–strong".
RANGE_DASHES = (*HYPHENS, "\u2013")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")


def is_skipped(tok: Token) -> bool:
    """A number inside a date, time, ordinal or money entity; a number with a thousands comma is
    no date whatever the NER says ("said last week 10,000 soldiers had deserted")."""
    if tok.ent_type_ not in SKIP_ENTS:
        return False
    return tok.ent_type_ == "MONEY" or not _THOUSANDS.match(tok.text)


def joins(left: Token, mid: Token, right: Token, lex: ClaimLexicon) -> bool:
    """Whether ``left mid right`` continues one number: "hundred and fifty", "10-million",
    "two-hundred"; not "20 and 30" nor "1995-7"."""
    if is_skipped(right) or not is_number_token(right, lex):
        return False
    if mid.lower_ == "and":
        return left.lower_ in _JOINING_SCALES and right.lower_ in lex.words
    if mid.text in HYPHENS and not mid.whitespace_ and not left.whitespace_:
        return right.lower_ in _JOINING_SCALES or (left.lower_ in lex.words and right.lower_ in lex.words)
    return False


def _run_end(sdoc: SpacyDoc, j: int, lex: ClaimLexicon) -> int:
    """The last token of the number that starts at ``j``."""
    n = len(sdoc)
    while j + 1 < n:
        if is_number_token(sdoc[j + 1], lex) and not is_skipped(sdoc[j + 1]):
            j += 1
        elif j + 2 < n and joins(sdoc[j], sdoc[j + 1], sdoc[j + 2], lex):
            j += 2
        else:
            break
    return j


def scale_of(toks: list[Token], lex: ClaimLexicon) -> float:
    return lex.scales[toks[-1].lower_] if toks[-1].lower_ in lex.scales and len(toks) > 1 else 1.0


def range_high(doc: ArticleDoc, low: list[Token], lex: ClaimLexicon) -> list[Token] | None:
    """The upper number of a range the number ``low`` opens: "250,000 to 500,000", "250000-500000",
    "two- or three-hundred", "between 2 and 3 million"."""
    sdoc = doc.doc
    n = len(sdoc)
    k = low[-1].i + 1
    if k + 1 < n and sdoc[k].text in RANGE_DASHES and sdoc[k + 1].lower_ in ("or", "to"):
        k += 1
    if k + 1 >= n:
        return None
    word = sdoc[k].lower_
    before = sdoc[low[0].i - 1].lower_ if low[0].i > 0 else ""
    if not (
        word in ("to", "or")
        or (word in RANGE_DASHES and not sdoc[k - 1].whitespace_ and not sdoc[k].whitespace_)
        or (word == "and" and before == "between")
    ):
        return None
    first = sdoc[k + 1]
    if not is_number_token(first, lex) or is_skipped(first) or first.lower_ in lex.scale_abbreviations:
        return None
    high = list(sdoc[k + 1 : _run_end(sdoc, k + 1, lex) + 1])
    low_value = parse_number(doc.text[low[0].idx : low[-1].idx + len(low[-1].text)])
    high_value = parse_number(doc.text[high[0].idx : high[-1].idx + len(high[-1].text)])
    if low_value is None or high_value is None:
        return None
    if scale_of(low, lex) == 1.0 and low[-1].lower_ not in lex.scales:
        low_value *= scale_of(high, lex)  # "2 to 3 million", "two- or three-hundred"
    return high if low_value < high_value else None


def fraction_before(text: str, start: int, lex: ClaimLexicon) -> tuple[float, int] | None:
    """A fraction written right before a number ("half a million", "three-quarters of a
    million"): its value and start."""
    before = text[max(0, start - 30) : start].lower()
    for f in lex.fractions:  # longest first
        for tail in (f + " of ", f + " "):
            if before.endswith(tail):
                at = start - len(tail)
                if at == 0 or not text[at - 1].isalnum():
                    return lex.fractions[f], at
    return None
