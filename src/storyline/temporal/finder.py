"""Find temporal-expression spans with the patterns of ``lexicons/time_rules.yaml``."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

# Compound number words ("twenty-four") are built from these; "a"/"an" count as one.
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    type: str
    norm: str
    value: str | None  # a constant value, for rules that always mean the same
    needs: str | None = None  # the word class a text must contain for the rule to apply


@dataclass(frozen=True, slots=True)
class Candidate:
    """A matched temporal expression before its value is resolved."""

    start: int
    end: int
    text: str
    rule: str
    type: str
    norm: str
    groups: dict[str, str]
    value: str | None = None


@functools.lru_cache(maxsize=1)
def time_words() -> dict[str, Any]:
    with resources.files("storyline.lexicons").joinpath("time_words.yaml").open(encoding="utf-8") as f:
        words: dict[str, Any] = yaml.safe_load(f)
    return words


def _alternation(words: list[str]) -> str:
    # Longest first so that "sept" wins over "sep" and "a few" over "a".
    escaped = [re.escape(w).replace(r"\ ", " ") for w in sorted(set(words), key=len, reverse=True)]
    return "(?:" + "|".join(escaped) + ")"


def _placeholders(extra: dict[str, str]) -> dict[str, str]:
    w = time_words()
    weekdays = [d for d in w["weekdays"] if len(d) > 4]
    abbreviations = [d for d in w["weekdays"] if len(d) <= 4]
    compounds = [f"{t}[- ]{o}" for t in _TENS for o in _ONES]
    number_words = list(w["number_words"])
    number_words += list(w.get("number_phrases", {}))
    number = "(?:[0-9]+(?:\\.[0-9]+)?|" + "|".join(compounds) + "|" + _alternation(number_words)[3:]
    units = [*w["units"], "centurie", "millennia"]
    table = {
        "month": _alternation(list(w["months"])),
        "weekday": "(?:" + _alternation(weekdays) + "|" + _alternation(abbreviations) + r"\.)",
        "season": _alternation(list(w["seasons"])),
        "pod": _alternation(list(w["parts_of_day"])),
        "unit": _alternation(units),
        "number": number,
        "vague": _alternation(list(w["vague_numbers"])),
        "ordinal": _alternation(list(w["ordinals"])),
        "reference": _alternation(list(w["references"])),
        # holidays are proper names: matched with their capitals ("Christmas", "New Year's Day")
        "holiday": _alternation(
            [h.title().replace("'S", "'s").replace(" Of ", " of ") for h in w["holidays"]]
        ),
    }
    table.update(extra)  # the rules file's own placeholders, used verbatim
    return table


@functools.lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    with resources.files("storyline.lexicons").joinpath("time_rules.yaml").open(encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    table = _placeholders(spec.get("placeholders", {}))
    compiled = []
    for r in spec["rules"]:
        pattern = r["pattern"]
        for key, sub in table.items():
            pattern = pattern.replace("{" + key + "}", sub)
        if re.search(r"\{[a-z]", pattern):
            raise ValueError(f"time rule {r['name']}: unknown placeholder in {pattern!r}")
        # Whole words only, and not a piece of a hyphenated word ("now-defunct", "pre-1990"),
        # except for rules that read a hyphenated range themselves ("1996-2000").
        if r.get("in_range"):
            regex = re.compile(r"(?<![\w])(?:" + pattern + r")(?![\w])", re.IGNORECASE)
        else:
            regex = re.compile(r"(?<![\w])(?<![\w]-)(?:" + pattern + r")(?![\w])(?!-\w)", re.IGNORECASE)
        compiled.append(Rule(r["name"], regex, r["type"], r["norm"], r.get("value"), r.get("needs")))
    return tuple(compiled)


@functools.lru_cache(maxsize=1)
def word_classes() -> dict[str, re.Pattern[str]]:
    """Fast pre-checks: one simple pattern per word class that rules need."""
    with resources.files("storyline.lexicons").joinpath("time_rules.yaml").open(encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    table = _placeholders(spec.get("placeholders", {}))
    out = {}
    for name, pattern in spec["needs"].items():
        for key, sub in table.items():
            pattern = pattern.replace("{" + key + "}", sub)
        out[name] = re.compile(pattern, re.IGNORECASE)
    return out


# Rules run only on windows of this many characters around a time word or digit (no pattern
# reaches further from its trigger word), which makes long texts several times faster.
WINDOW_CHARS = 100


@functools.lru_cache(maxsize=1)
def _trigger() -> re.Pattern[str]:
    """Any word a temporal expression must contain: time vocabulary or a digit."""
    w = time_words()
    words = [
        *w["months"],
        *w["weekdays"],
        *w["seasons"],
        *w["parts_of_day"],
        *w["references"],
        *w["holidays"],
    ]
    words += [
        *w["units"],
        "centuries",
        "millennia",
        "today",
        "yesterday",
        "tomorrow",
        "noon",
        "midnight",
        "ago",
        "future",
        "term",
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "hourly",
        "nightly",
        "nineteen",
        "thousand",
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ]
    body = "|".join(re.escape(x) for x in sorted(set(words), key=len, reverse=True))
    return re.compile(r"[0-9]|\b(?:" + body + ")", re.IGNORECASE)


def _windows(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _trigger().finditer(text):
        start, end = max(0, m.start() - WINDOW_CHARS), min(len(text), m.end() + WINDOW_CHARS)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    # Snap to whitespace so that no window starts or ends inside a word.
    out = []
    for start, end in spans:
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        out.append((start, end))
    return out


def find_candidates(text: str) -> list[Candidate]:
    """Every temporal expression in ``text``, longest match first where matches overlap."""
    found: list[tuple[int, int, int, re.Match[str]]] = []
    for w_start, w_end in _windows(text):
        window = text[w_start:w_end]
        present = {name for name, pattern in word_classes().items() if pattern.search(window)}
        for index, rule in enumerate(rules()):
            if rule.needs and rule.needs not in present:
                continue
            for m in rule.regex.finditer(window):
                if m.end() > m.start():
                    found.append((w_start + m.start(), w_start + m.end(), index, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[Candidate] = []
    all_rules = rules()
    for start, end, index, m in found:
        if any(start < e and s < end for s, e in taken):
            continue
        rule = all_rules[index]
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        if not _plausible(m.group(0), groups):
            continue
        text_ = m.group(0)
        assert text[start:end] == text_
        # a `lead` group is context the rule needs but the span leaves out ("$5 million a year")
        cut = len(groups.pop("lead")) if "lead" in groups else _adjectival_determiner(text_, groups)
        # ... and a `trail` group context after it ("three days later")
        trail = len(groups.pop("trail")) if "trail" in groups else 0
        end -= trail
        text_ = text_[: len(text_) - trail]
        taken.append((start + cut, end))
        chosen.append(
            Candidate(start + cut, end, text_[cut:], rule.name, rule.type, rule.norm, groups, rule.value)
        )
    chosen.sort(key=lambda c: c.start)
    return chosen


def _plausible(text: str, groups: dict[str, str]) -> bool:
    """Reject matches whose time word is more likely an ordinary word ("may", "Sun.")."""
    w = time_words()
    month = groups.get("m")
    if month:
        key = month.lower().rstrip(".")
        if key in w["ambiguous_months"] and not month[0].isupper():
            return False
        if key == "may" and text.strip() == month and month.isupper():
            return False  # "MAY" in an all-caps headline is as likely the verb
    weekday = groups.get("wd")
    return not (weekday and weekday[0].islower() and len(weekday.rstrip(".")) <= 4)


_DETERMINER = re.compile(r"^(?:the|a|an) (?=\S)", re.IGNORECASE)
_ADJECTIVAL = re.compile(
    r"^(?:the|a|an) [\w.]+(?:[- ][\w.]+)?-(?:year|month|week|day|hour|minute|quarter)(?:-long|-old)?$|"
    r"^(?:the|a|an) (?:[\w.]+[- ])*(?:year|month|week|day|hour|minute)s?-(?:long|old)$",
    re.IGNORECASE,
)
_SINGULAR_UNIT = re.compile(r" (?:year|month|week|day|hour|minute)$", re.IGNORECASE)


def _adjectival_determiner(text: str, groups: dict[str, str]) -> int:
    """Length of a leading determiner to leave out: TimeML spans of adjectival expressions
    ("a two-year term", "the third-quarter results") start at the number, not the article."""
    if groups.get("n", "").lower() in ("a", "an") and not text.lower().endswith("-long"):
        return 0
    if _ADJECTIVAL.match(text) or ("n" in groups and _SINGULAR_UNIT.search(text)):
        m = _DETERMINER.match(text)
        return m.end() if m else 0
    return 0
