"""Numbers written in digits or words: one lexicon (``lexicons/numbers.yaml``) and one parser.

:func:`parse_number` reads "13,000", "1.5 million", "two hundred and fifty thousand", "a dozen",
"twenty-four" or "half" with a :class:`Vocabulary`, the number words one kind of text takes:

- :func:`counts` (the claims stage, the default): the cardinals, every scale ("thousand",
  "million", "6m") and every fraction ("two-thirds");
- :func:`amounts` (the time stage: an expression's amount, "two years", and the published-date
  stage's "six-year conflict"): the cardinals, the counting words ("a", "an", "single", "couple",
  "a couple of") and only the scales and fractions of ``time_amounts`` ("dozen", "hundred",
  "half", "a quarter"), so that "a thousand years" is no amount.

A vague amount ("several", "a few") is in no vocabulary: it parses to None, as any other word.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from storyline.lexicons import load_yaml

# A scale of this value or more closes the group of words before it, which then counts in it:
# "two hundred and fifty thousand" is (200 + 50) * 1000, "a hundred" multiplies only its group.
LARGE_SCALE = 1000.0
# Digits: with thousands commas ("13,000", "1,200,000") or without, with decimals ("1.5").
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
# Hyphens that join a number's words ("two-hundred", "10-million"): ASCII, Unicode hyphen,
# non-breaking hyphen; the parser reads each as "-", and the claims stage joins on each.
HYPHENS = ("-", "\u2010", "\u2011")
_AS_ASCII_HYPHEN = str.maketrans({h: "-" for h in HYPHENS})
# A number used as the adjective of a force ("a 1,000-strong force"): the number without it.
_STRONG = re.compile(r"-strong$")


@dataclass(frozen=True)
class NumberLexicon:
    """``lexicons/numbers.yaml`` as read (see the comments there)."""

    cardinals: dict[str, float]  # "one" .. "ninety"
    scales: dict[str, float]  # "dozen", "hundred", "thousand", "million", "k", "m", "bn"
    fractions: dict[str, float]  # "half", "two-thirds"
    counting_words: dict[str, float]  # "a", "an", "single", "couple", "a couple of"
    time_amounts: tuple[str, ...]  # the scales and fractions a time amount may be
    vague_amounts: tuple[str, ...]  # "several", "a few": no number
    plurals: dict[str, float]  # "hundreds" -> 200: the least number a plural means


@dataclass(frozen=True)
class Vocabulary:
    """The number words one kind of text is read with (:func:`counts`, :func:`amounts`)."""

    words: dict[str, float]  # added up: "twenty-five", "a single"
    scales: dict[str, float]  # multiply the words before them: "two hundred", "1.5 million"
    phrases: dict[str, float]  # numbers only as the whole text: "half", "two-thirds", "a couple of"

    def names(self) -> list[str]:
        """Every word and phrase of the vocabulary (for patterns that find them)."""
        return [*self.words, *self.scales, *self.phrases]


@functools.lru_cache(maxsize=1)
def number_lexicon() -> NumberLexicon:
    data = load_yaml("numbers.yaml")

    def values(key: str) -> dict[str, float]:
        return {str(k): float(v) for k, v in data[key].items()}

    return NumberLexicon(
        cardinals=values("cardinals"),
        scales=values("scales"),
        fractions=values("fractions"),
        counting_words=values("counting_words"),
        time_amounts=tuple(data["time_amounts"]),
        vague_amounts=tuple(data["vague_amounts"]),
        plurals=values("plurals"),
    )


@functools.lru_cache(maxsize=1)
def counts() -> Vocabulary:
    """The claims stage's numbers: cardinals, all scales, all fractions."""
    lex = number_lexicon()
    return Vocabulary(words=dict(lex.cardinals), scales=dict(lex.scales), phrases=dict(lex.fractions))


@functools.lru_cache(maxsize=1)
def amounts() -> Vocabulary:
    """The time stage's amounts: cardinals, counting words (those of several words only as the
    whole text), and the scales and fractions of ``time_amounts``."""
    lex = number_lexicon()
    unknown = [w for w in lex.time_amounts if w not in lex.scales and w not in lex.fractions]
    if unknown:
        raise ValueError(f"numbers.yaml time_amounts: neither a scale nor a fraction: {unknown}")
    counting = lex.counting_words
    return Vocabulary(
        words={**lex.cardinals, **{w: v for w, v in counting.items() if " " not in w}},
        scales={w: lex.scales[w] for w in lex.time_amounts if w in lex.scales},
        phrases={
            **{w: lex.fractions[w] for w in lex.time_amounts if w in lex.fractions},
            **{w: v for w, v in counting.items() if " " in w},
        },
    )


def parse_number(text: str, vocabulary: Vocabulary | None = None) -> float | None:
    """The value of a number written in digits or words, None if ``text`` is no number.

    "13,000", "1.5", "1,000-strong", "twenty five", "two hundred and fifty thousand", "1.5
    million", "a dozen" ("a" first is one of the scale after it), "a couple", and a phrase of
    the vocabulary as the whole text ("half", "a couple of"). ``vocabulary``: :func:`counts`
    (the default, the claims stage's) or :func:`amounts` (the time stage's).
    """
    v = counts() if vocabulary is None else vocabulary
    t = text.lower().translate(_AS_ASCII_HYPHEN).strip()
    t = _STRONG.sub("", t).strip()
    phrase = " ".join(t.split())
    if phrase in v.phrases:
        return v.phrases[phrase]
    words = re.split(r"[\s-]+", t)
    if len(words) > 1 and words[0] == "a" and words[1] in v.words:
        words = words[1:]  # the article of a word that counts: "a couple", "a single" (but "a million")
    total = 0.0
    current: float | None = None
    for w in words:
        if w == "and":
            continue
        if w == "a" and current is None:
            current = 1.0
        elif DIGITS.match(w):
            current = (current or 0.0) + float(w.replace(",", ""))
        elif w in v.words:
            current = (current or 0.0) + v.words[w]
        elif w in v.scales:
            current = 1.0 if current is None else current
            if v.scales[w] >= LARGE_SCALE:
                total += current * v.scales[w]
                current = None
            else:
                current *= v.scales[w]
        else:
            return None
    if current is None and total == 0.0:
        return None
    return total + (current or 0.0)
