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
        regex = re.compile(r"(?<![\w])(?:" + pattern + r")(?![\w])", re.IGNORECASE)
        compiled.append(Rule(r["name"], regex, r["type"], r["norm"], r.get("value")))
    return tuple(compiled)


def find_candidates(text: str) -> list[Candidate]:
    """Every temporal expression in ``text``, longest match first where matches overlap."""
    found: list[tuple[int, int, int, re.Match[str]]] = []
    for index, rule in enumerate(rules()):
        for m in rule.regex.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), index, m))
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
        taken.append((start, end))
        text_ = m.group(0)
        cut = _adjectival_determiner(text_, groups)
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
