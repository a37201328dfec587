"""The prefiltered timex finder gives exactly what running every rule over every window gives.

``finder._rule_matches`` tries each rule only where the lowercased text holds one of the strings
its matches start with; ``finder._rule_matches_reference`` is the plain method. Compared over real
texts (the seed articles, TempEval-3 train, PolNEAR train), over generated texts, and the
assumptions of the case folding checked over all of Unicode.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.temporal import finder

SHARED_EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
TEMPEVAL_TRAIN = SHARED_EVAL / "tempeval3_train.jsonl"
POLNEAR_TRAIN = SHARED_EVAL / "polnear_train.jsonl"
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"


def matches(
    found: list[tuple[int, int, int, re.Match[str]]],
) -> list[tuple[int, int, int, dict[str, str | None]]]:
    return sorted((start, end, index, m.groupdict()) for start, end, index, m in found)


def assert_same(text: str) -> None:
    fast = finder._rule_matches(text)
    reference = finder._rule_matches_reference(text)
    assert matches(fast) == matches(reference), text[:200]
    assert finder._windows(text, finder._fold(text)) == finder._windows(text)
    assert finder.find_candidates(text) == finder._choose(text, reference)


def jsonl_texts(path: Path, limit: int) -> list[str]:
    if not path.exists():
        pytest.skip(f"needs {path}")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for _, line in zip(range(limit), f, strict=False)]


def test_every_rule_has_a_prefilter() -> None:
    """Not needed for correctness (a rule without one runs plainly), but for the speed."""
    pre = finder._prefilters()
    assert pre.unfiltered == ()
    assert all(p is not None for p in pre.classes.values())
    assert pre.trigger is not None


def test_no_prefixes_for_patterns_that_start_anywhere_or_match_empty() -> None:
    assert finder._prefixes(re.compile(r"\w+ days")) is None
    assert finder._prefixes(re.compile(r"(?:\d+ )?")) is None
    assert finder._prefixes(re.compile(r"(?:the )?(?:days|weeks)", re.IGNORECASE)) == {
        "the d",
        "the w",
        "days",
        "weeks",
    }


def test_same_matches_on_the_seed_articles() -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip(f"needs {SEEDS}")
    for path in paths:
        assert_same(path.read_text(encoding="utf-8"))


def test_same_matches_on_tempeval_train() -> None:
    texts = jsonl_texts(TEMPEVAL_TRAIN, 80)
    for text in texts:
        assert_same(text)
    # and sentence by sentence, where windows start and end at the text's edges
    sentences = [s for text in texts for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    assert len(sentences) > 300
    for sentence in sentences[:600]:
        assert_same(sentence)


def test_same_matches_on_polnear_train() -> None:
    for text in jsonl_texts(POLNEAR_TRAIN, 25):
        assert_same(text)


# Pieces of temporal expressions, near misses, and characters that case folding treats specially.
PIECES = [
    *("January", "Jan.", "may", "MAY", "Sept", "Sun.", "sun", "Monday", "mon", "Christmas", "christmas"),
    *("1990", "2001", "1996-2000", "1996–2000", "'90s", "1980s", "5", "12", "3:30", "1445", "10/12/98"),
    *("a.m.", "p.m.", "pm", "EST", "noon", "midnight", "today", "yesterday", "tonight", "tomorrow's"),
    *("the", "The", "a", "an", "last", "next", "this", "past", "early", "late", "mid-", "of", "in", "on"),
    *("year", "years", "month", "week", "day", "days", "quarter", "half", "century", "decade", "ago"),
    *("later", "earlier", "from now", "fiscal", "first", "third", "two", "twenty-five", "nineteen"),
    *("eighties", "every", "each", "per", "twice", "times", "$5", "million", "percent", "%", "future"),
    *("term", "now", "currently", "weekly", "morning", "evening", "spring", "fall", "summer", "long"),
    *("ſeptember", "YEſTERDAY", "\u212aelvin", "wee\u212a", "\u0130n", "d\u0131a", "ıs", "é", "Σ", "ß"),
    *(",", ".", "-", "'", "'s", "(", ")", "\n", "x", "pre", "now-defunct", "_", "1", "0"),
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", " ", " ", "", "-", ", ", "\n"])),
        max_size=30,
    )
)
def test_same_matches_on_generated_texts(parts: list[tuple[str, str]]) -> None:
    assert_same("".join(piece + sep for piece, sep in parts))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60), st.sampled_from(PIECES))
def test_same_matches_around_arbitrary_characters(noise: str, piece: str) -> None:
    assert_same(f"{noise} {piece} 1990 {noise}")


ALL_CHARS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_folding_keeps_offsets_and_word_characters() -> None:
    """The prefilters read the folded text at the offsets of the original, with the rules'
    look-behind (not after a word character) checked on the folded text."""
    folded = finder._fold(ALL_CHARS)
    assert folded is not None and len(folded) == len(ALL_CHARS)
    word = re.compile(r"\w")
    assert [m.start() for m in word.finditer(folded)] == [m.start() for m in word.finditer(ALL_CHARS)]


def test_folding_maps_every_case_insensitive_ascii_match_to_its_lowercase() -> None:
    """Wherever re.IGNORECASE lets a character match an ASCII letter, the folded text holds
    that letter in lowercase (other ASCII characters are uncased and match only themselves)."""
    folded = finder._fold(ALL_CHARS)
    assert folded is not None
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for m in re.finditer(letter, ALL_CHARS, re.IGNORECASE):
            assert folded[m.start()] == letter, hex(ord(m.group()))
    # and the same for a character set, which re compiles differently
    for m in re.finditer("[a-z]", ALL_CHARS, re.IGNORECASE):
        assert "a" <= folded[m.start()] <= "z", hex(ord(m.group()))
    for char in map(chr, range(128)):
        if not char.isalpha():
            assert [m.group() for m in re.finditer(re.escape(char), ALL_CHARS, re.IGNORECASE)] == [char]


def test_folding_keeps_every_uncased_character_of_the_rules() -> None:
    """A non-ASCII character without case in a rule ("½", "–") is its own prefix: re.IGNORECASE
    lets only that character match it, and the folded text holds it where the text does."""
    folded = finder._fold(ALL_CHARS)
    assert folded is not None
    chars = {
        c for rule in finder.rules() for c in rule.regex.pattern if not c.isascii() and finder._uncased(c)
    }
    assert {"½", "–"} <= chars
    for char in chars:
        for pattern in (re.escape(char), f"[{re.escape(char)}]"):
            hits = list(re.finditer(pattern, ALL_CHARS, re.IGNORECASE))
            assert [m.group() for m in hits] == [char]
            assert folded[hits[0].start()] == char
        assert [m.start() for m in re.finditer(re.escape(char), folded)] == [hits[0].start()]


def test_number_rules_start_with_their_words() -> None:
    """ "5 ½ years" and "two–three days" in the number placeholder once cut its prefixes to "a"
    (tried at every word starting with "a"); "a year", "an hour" keep their whole words."""
    names = {rule.name: rule for rule in finder.rules()}
    for name in ("duration", "units_ago"):
        prefixes = finder._prefixes(names[name].regex)
        assert prefixes is not None
        assert "a" not in prefixes and "an" not in prefixes
        assert any(p.startswith("a ") for p in prefixes)
