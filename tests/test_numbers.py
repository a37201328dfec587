"""storyline.numbers: the forms each caller reads (claims: counts; time and published: amounts)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.numbers import Vocabulary, amounts, counts, number_lexicon, parse_number
from storyline.stages.published_evidence import number_word
from storyline.temporal.finder import _placeholders


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # digits (claims and time)
        ("13,000", 13000),
        ("310,000", 310000),
        ("100", 100),
        ("1.5", 1.5),
        ("1,000.5", 1000.5),
        ("1,000-strong", 1000),
        # words and scales
        ("six", 6),
        ("twenty five", 25),
        ("twenty-five", 25),
        ("Twenty-Five", 25),
        ("two million", 2_000_000),
        ("1.5 million", 1_500_000),
        ("10-million", 10_000_000),
        ("two hundred", 200),
        ("TWO\u2011HUNDRED", 200),
        ("two-hundred thousand", 200_000),
        ("three hundred thousand", 300_000),
        ("two hundred and fifty thousand", 250_000),
        ("a dozen", 12),
        ("a hundred", 100),
        ("a thousand", 1000),
        ("a million", 1_000_000),
        ("2 trillion", 2e12),
        # fractions, only as the whole phrase
        ("half", 0.5),
        ("a half", 0.5),
        ("two-thirds", 0.6667),
        ("two  thirds", 0.6667),
        ("three quarters", 0.75),
        ("a quarter", 0.25),
        # no number
        ("many", None),
        ("Raqqa", None),
        ("", None),
        ("and", None),
        ("a few", None),
        ("two thirds of", None),
        # counting words are the time stage's: not claims
        ("couple", None),
        ("a couple of", None),
        ("single", None),
        ("an", None),
    ],
)
def test_counts(text: str, value: float | None) -> None:
    expected = pytest.approx(value) if value is not None else None
    assert parse_number(text) == expected
    assert parse_number(text, counts()) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # digits: "5,000 years", "2.5 hours"
        ("5,000", 5000),
        ("2.5", 2.5),
        ("12", 12),
        # words and compounds: "two years", "twenty-four hours", "nineteen ninety-six"
        ("two", 2),
        ("ninety", 90),
        ("twenty-four", 24),
        ("twenty four", 24),
        ("ninety-six", 96),
        # counting words: "a year", "an hour", "a single day", "a couple of days"
        ("a", 1),
        ("an", 1),
        ("single", 1),
        ("couple", 2),
        ("a couple", 2),
        ("a single", 1),
        ("a couple of", 2),
        ("couple of", 2),
        # the scales and fractions of time_amounts: "a dozen years", "half an hour", "a quarter-century"
        ("dozen", 12),
        ("a dozen", 12),
        ("hundred", 100),
        ("a hundred", 100),
        ("half", 0.5),
        ("a quarter", 0.25),
        # vague amounts: X
        ("several", None),
        ("few", None),
        ("a few", None),
        ("the past few", None),
        ("some", None),
        # no time amount: larger scales, other fractions, what float() reads but no text writes
        ("thousand", None),
        ("a thousand", None),
        ("million", None),
        ("two-thirds", None),
        ("a half", None),
        ("1e5", None),
        ("nan", None),
    ],
)
def test_amounts(text: str, value: float | None) -> None:
    assert parse_number(text, amounts()) == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("six", 6),
        ("12", 12),
        ("0", 0),
        ("a", 1),
        ("dozen", 12),
        ("half", None),
        ("thousand", None),
        ("war", None),
    ],
)
def test_published_number_word(word: str, value: int | None) -> None:
    """The published-date stage's "six-year conflict": whole amounts only."""
    assert number_word(word) == value


@pytest.mark.parametrize("vocabulary", [counts(), amounts()], ids=["counts", "amounts"])
def test_vague_amounts_are_no_number(vocabulary: Vocabulary) -> None:
    for word in number_lexicon().vague_amounts:
        assert parse_number(word, vocabulary) is None, word


def test_time_amounts_in_the_amount_pattern() -> None:
    """The finder's {number} pattern takes every amount the normalizer reads, and no large scale."""
    number = re.compile(_placeholders({})["number"], re.IGNORECASE)
    for name in amounts().names():
        assert number.fullmatch(name), name
    for word in ("thousand", "million", "two-thirds", "a half"):
        assert not number.fullmatch(word), word


_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if rest < 10:
        tail = _ONES[rest]
    elif rest < 20:
        tail = _TEENS[rest - 10]
    else:
        tail = "-".join(w for w in (_TENS[rest // 10], _ONES[rest % 10]) if w)
    if not hundreds:
        return tail
    return f"{_ONES[hundreds]} hundred" + (f" and {tail}" if tail else "")


def _in_words(n: int) -> str:
    parts = []
    for scale, name in ((1_000_000, "million"), (1000, "thousand"), (1, "")):
        group, n = divmod(n, scale)
        if group:
            parts.append(f"{_below_thousand(group)} {name}".strip())
    return " ".join(parts)


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_commas_parse_back(n: int) -> None:
    for vocabulary in (counts(), amounts()):
        assert parse_number(f"{n:,}", vocabulary) == n
        assert parse_number(str(n), vocabulary) == n


@given(st.integers(min_value=1, max_value=10**9 - 1))
def test_words_parse_back(n: int) -> None:
    assert parse_number(_in_words(n)) == n


@given(st.integers(min_value=1, max_value=99))
def test_amount_words_parse_back(n: int) -> None:
    assert parse_number(_in_words(n), amounts()) == n
