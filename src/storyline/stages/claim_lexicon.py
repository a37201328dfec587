"""The claims stage's lexicon: number words, scales, fractions, qualifiers, measures and cue words.

``load_claim_lexicon`` reads ``lexicons/claims.yaml`` with the number words of
``storyline.numbers`` once per process into a :class:`ClaimLexicon`. The per-word tests
(:func:`is_number_orth`, :func:`is_vague_orth`) are kept here with it because they memoize their
answer in the lexicon by spaCy orth id: the scan over every word of an article asks them for each
word, and most words repeat.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.lexicons import load_yaml
from storyline.numbers import DIGITS, counts, number_lexicon

if TYPE_CHECKING:
    from spacy.lexeme import Lexeme
    from spacy.tokens import Token
    from spacy.vocab import Vocab


@dataclass(frozen=True)
class ClaimLexicon:
    words: dict[str, float]
    scales: dict[str, float]
    fractions: dict[str, float]  # longest first
    qualifiers: list[tuple[str, str]]  # (surface, normalized), longest first
    measures: dict[str, str]  # word or phrase -> measure, longest first
    event_verbs: frozenset[str]
    source_verbs: frozenset[str]
    source_nouns: frozenset[str]
    time_nouns: frozenset[str]
    # fractions by their first letter, longest first: the per-token test looks only at these
    fractions_by_initial: dict[str, tuple[str, ...]]
    by_source: re.Pattern[str]  # "... by " before a source: "a statement by", "a report by"
    units: frozenset[str]
    scale_abbreviations: frozenset[str]
    currency_before: frozenset[str]
    currency_nouns: frozenset[str]
    after_qualifiers: dict[str, str]
    source_lemmas: frozenset[str]
    period_starts: frozenset[str]
    generic_measures: frozenset[str]
    vague_numbers: dict[tuple[str, ...], float]  # words -> least value, longest first
    vague_first: frozenset[str]  # the first words of the vague numbers: "dozens", "tens"
    vague_before_scale: frozenset[str]
    # word (spaCy orth id) -> whether it is a number word: filled as texts are read
    number_orths: dict[int, bool] = field(default_factory=dict, compare=False)
    # word (spaCy orth id) -> whether it starts a plural number ("hundreds"): filled as texts are read
    vague_orths: dict[int, bool] = field(default_factory=dict, compare=False)


@functools.lru_cache(maxsize=1)
def load_claim_lexicon() -> ClaimLexicon:
    data = load_yaml("claims.yaml")
    numbers = counts()
    plurals = number_lexicon().plurals
    # longest first once here, for the scans that take the longest match (measure_of, fraction_before)
    measures = dict(
        sorted(((w, m) for m, ws in data["measures"].items() for w in ws), key=lambda kv: -len(kv[0]))
    )
    quals = sorted(data["qualifiers"].items(), key=lambda kv: -len(kv[0]))
    fractions = dict(sorted(numbers.phrases.items(), key=lambda kv: -len(kv[0])))
    by_initial: dict[str, list[str]] = {}
    for f in fractions:
        by_initial.setdefault(f[:1], []).append(f)
    return ClaimLexicon(
        words=dict(numbers.words),
        scales=dict(numbers.scales),
        fractions=fractions,
        qualifiers=quals,
        measures=measures,
        event_verbs=frozenset(data["event_verbs"]),
        source_verbs=frozenset(data["source_verbs"]),
        source_nouns=frozenset(data["source_nouns"]),
        time_nouns=frozenset(data["time_nouns"]),
        fractions_by_initial={k: tuple(v) for k, v in by_initial.items()},
        by_source=re.compile(r"\b(" + "|".join(data["source_nouns"]) + r") by $"),
        units=frozenset(data["units"]),
        scale_abbreviations=frozenset(data["scale_abbreviations"]),
        currency_before=frozenset(data["currency_before"]),
        currency_nouns=frozenset(data["currency_nouns"]),
        after_qualifiers=dict(data["after_qualifiers"]),
        source_lemmas=frozenset(data["source_lemmas"]),
        period_starts=frozenset(data["period_starts"]),
        generic_measures=frozenset(data["generic_measures"]),
        vague_before_scale=frozenset(data["vague_before_scale"]),
        vague_numbers={
            tuple(k.split()): v for k, v in sorted(plurals.items(), key=lambda kv: -len(kv[0].split()))
        },
        vague_first=frozenset(k.split()[0] for k in plurals),
    )


def is_number_token(tok: Token | Lexeme, lex: ClaimLexicon) -> bool:
    low = tok.lower_
    return (
        bool(DIGITS.match(low)) or low in lex.words or low in lex.scales or (tok.like_num and low.isalpha())
    )


def is_number_orth(orth: int, vocab: Vocab, lex: ClaimLexicon) -> bool:
    """:func:`is_number_token` of a word by its orth id: it reads only the word's lexeme, so the
    answer is kept per word and no spaCy Token is made for the other words."""
    known = lex.number_orths.get(orth)
    if known is None:
        known = lex.number_orths[orth] = is_number_token(vocab[orth], lex)
    return known


def is_vague_orth(orth: int, vocab: Vocab, lex: ClaimLexicon) -> bool:
    known = lex.vague_orths.get(orth)
    if known is None:
        known = lex.vague_orths[orth] = vocab[orth].lower_ in lex.vague_first
    return known
