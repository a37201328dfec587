"""Find temporal-expression spans with the patterns of ``lexicons/time_rules.yaml``."""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storyline.lexicons import load_yaml
from storyline.numbers import amounts, number_lexicon

# the parser of the re module, to read the patterns' parse trees (no typed public interface)
_SRE_PARSER: Any = importlib.import_module("re._parser")
_SRE_CONSTANTS: Any = importlib.import_module("re._constants")
# the regex engine's own test of whether a character has case (what IGNORECASE folds)
_SRE: Any = importlib.import_module("_sre")

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
    # the word class the whole document must contain ("September 11" alone is the 2001 day only
    # in a text about the attacks): checked once per text, after the rules ran
    doc_needs: str | None = None


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
    words: dict[str, Any] = load_yaml("time_words.yaml")
    return words


@functools.lru_cache(maxsize=32)
def time_word_set(word_list: str) -> frozenset[str]:
    """One list of ``time_words.yaml`` as a set, built once."""
    return frozenset(time_words()[word_list])


def _alternation(words: list[str]) -> str:
    # Longest first so that "sept" wins over "sep" and "a few" over "a".
    escaped = [re.escape(w).replace(r"\ ", " ") for w in sorted(set(words), key=len, reverse=True)]
    return "(?:" + "|".join(escaped) + ")"


# A number written with its thousands commas ("5,000", "1,200,000"): one amount, not "000".
THOUSANDS = r"[0-9]{1,3}(?:,[0-9]{3})+"


def _placeholders(extra: dict[str, str]) -> dict[str, str]:
    w = time_words()
    weekdays = [d for d in w["weekdays"] if len(d) > 4]
    abbreviations = [d for d in w["weekdays"] if len(d) <= 4]
    compounds = [f"{t}[- ]{o}" for t in _TENS for o in _ONES]
    number_words = amounts().names()
    # "5,000 years": thousands with their commas (not "000 years" after the comma)
    number = (
        "(?:(?<![0-9],)(?:"
        + THOUSANDS
        + "|[0-9]+(?:\\.[0-9]+)?)|"
        + "|".join(compounds)
        + "|"
        + _alternation(number_words)[3:]
    )
    units = [*w["units"], "centurie", "millennia"]
    table = {
        "month": _alternation(list(w["months"])),
        "weekday": "(?:" + _alternation(weekdays) + "|" + _alternation(abbreviations) + r"\.)",
        "season": _alternation(list(w["seasons"])),
        "pod": _alternation(list(w["parts_of_day"])),
        "unit": _alternation(units),
        "number": number,
        "vague": _alternation(list(number_lexicon().vague_amounts)),
        "ordinal": _alternation(list(w["ordinals"])),
        "reference": _alternation(list(w["references"])),
        # events nobody schedules / events announced ahead ("Friday's bombing", "the November election")
        "past_event": _alternation(list(w["past_event_nouns"])),
        "scheduled_event": _alternation(list(w["scheduled_event_nouns"])),
        # holidays are proper names: matched with their capitals ("Christmas", "New Year's Day")
        "holiday": _alternation(
            [h.title().replace("'S", "'s").replace(" Of ", " of ") for h in w["holidays"]]
        ),
    }
    table.update(extra)  # the rules file's own placeholders, used verbatim
    return table


@functools.lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    spec = load_yaml("time_rules.yaml")
    table = _placeholders(spec.get("placeholders", {}))
    compiled = []
    for r in spec["rules"]:
        pattern = r["pattern"]
        for key, sub in table.items():
            pattern = pattern.replace("{" + key + "}", sub)
        if re.search(r"\{[a-z]", pattern):
            raise ValueError(f"time rule {r['name']}: unknown placeholder in {pattern!r}")
        if r.get("doc_needs") and r["doc_needs"] not in spec.get("doc_needs", {}):
            raise ValueError(f"time rule {r['name']}: unknown doc_needs class {r['doc_needs']!r}")
        # Whole words only, and not a piece of a hyphenated word ("now-defunct", "pre-1990"),
        # except for rules that read a hyphenated range themselves ("1996-2000").
        if r.get("in_range"):
            regex = re.compile(r"(?<![\w])(?:" + pattern + r")(?![\w])", re.IGNORECASE)
        else:
            regex = re.compile(r"(?<![\w])(?<![\w]-)(?:" + pattern + r")(?![\w])(?!-\w)", re.IGNORECASE)
        compiled.append(
            Rule(r["name"], regex, r["type"], r["norm"], r.get("value"), r.get("needs"), r.get("doc_needs"))
        )
    return tuple(compiled)


@functools.lru_cache(maxsize=1)
def word_classes() -> dict[str, re.Pattern[str]]:
    """Fast pre-checks: one simple pattern per word class that rules need."""
    return _classes("needs")


@functools.lru_cache(maxsize=1)
def document_classes() -> dict[str, re.Pattern[str]]:
    """The word classes a rule's ``doc_needs`` names, looked for in the whole text (apart from
    ``word_classes``, which are looked for in every window)."""
    return _classes("doc_needs")


def _classes(section: str) -> dict[str, re.Pattern[str]]:
    spec = load_yaml("time_rules.yaml")
    table = _placeholders(spec.get("placeholders", {}))
    out = {}
    for name, pattern in spec.get(section, {}).items():
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


def _windows(text: str, low: str | None = None) -> list[tuple[int, int]]:
    """Windows of ``text`` around its trigger words; ``low`` (``_fold(text)``) makes it faster."""
    spans: list[tuple[int, int]] = []
    for m_start, m_end in _trigger_spans(text, low):
        start, end = max(0, m_start - WINDOW_CHARS), min(len(text), m_end + WINDOW_CHARS)
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


def _trigger_spans(text: str, low: str | None) -> Iterator[tuple[int, int]]:
    """The spans ``_trigger().finditer(text)`` yields: with ``low``, the trigger is tried only
    where its prefilter finds one of its words (or a digit) in the lowercased text."""
    trigger = _trigger()
    pre = _prefilters().trigger
    if low is None or pre is None:
        for m in trigger.finditer(text):
            yield m.start(), m.end()
        return
    pos = 0
    while (hit := pre.search(low, pos)) is not None:
        match = trigger.match(text, hit.start())
        if match is None:
            pos = hit.start() + 1
        else:  # never empty (checked when the prefilter was built)
            yield match.start(), match.end()
            pos = match.end()


_Found = tuple[int, int, int, re.Match[str]]  # start, end, rule index, match


@functools.lru_cache(maxsize=1)
def _time_word_names() -> re.Pattern[str]:
    """Names that hold a time word and are no time ("Sunday Times", "Defense Weekly")."""
    names = time_words()["time_word_names"]
    return re.compile(r"(?<![\w])(?:" + "|".join(names) + r")(?![\w])")


# No name of `time_word_names` is longer than this many characters: a match is checked for one
# only this far around it
NAME_REACH = 60

# A capitalized word of a name in `time_word_names`: only a match holding one is checked
_NAME_WORD = re.compile(
    r"Sunday|Monday|Thursday|Friday|Saturday|Evening|Nightly|Weekly|Monthly|Ramadan"
    r"|January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
)


def find_candidates(text: str) -> list[Candidate]:
    """Every temporal expression in ``text``, longest match first where matches overlap."""
    return _choose(text, _in_document(text, _rule_matches(text)))


def _in_document(text: str, found: list[_Found]) -> list[_Found]:
    """``found`` without the matches of rules whose ``doc_needs`` word class ``text`` lacks."""
    all_rules = rules()
    present: dict[str, bool] = {}
    out = []
    for f in found:
        cls = all_rules[f[2]].doc_needs
        if cls is not None:
            if cls not in present:
                present[cls] = document_classes()[cls].search(text) is not None
            if not present[cls]:
                continue
        out.append(f)
    return out


def _rule_matches_reference(text: str) -> list[_Found]:
    """Every rule run over every window: the plain method, which ``_rule_matches`` makes faster
    with the same output (kept as the fallback and as the reference the tests compare with)."""
    found: list[_Found] = []
    for w_start, w_end in _windows(text):
        window = text[w_start:w_end]
        present = {name for name, pattern in word_classes().items() if pattern.search(window)}
        for index, rule in enumerate(rules()):
            if rule.needs and rule.needs not in present:
                continue
            for m in rule.regex.finditer(window):
                if m.end() > m.start():
                    found.append((w_start + m.start(), w_start + m.end(), index, m))
    return found


def _rule_matches(text: str) -> list[_Found]:
    """``_rule_matches_reference`` (up to order), each rule tried only where it could start.

    ``rule.regex.finditer(window)`` tries each position from the left and goes on after each
    match; ``rule.regex.match(window, q)`` at the positions ``q`` the prefilter gives, skipping
    those inside the last match, finds the same matches, for no match starts anywhere else.
    """
    low = _fold(text)
    if low is None:
        return _rule_matches_reference(text)
    pre = _prefilters()
    all_rules = rules()
    found: list[_Found] = []
    for w_start, w_end in _windows(text, low):
        window = text[w_start:w_end]
        lw = low[w_start:w_end]
        active = pre.unconditional
        for name, pattern in word_classes().items():
            class_pre = pre.classes[name]
            if class_pre is None:
                here = pattern.search(window) is not None
            else:  # no match of the class starts before the prefilter's first hit
                hit = class_pre.search(lw)
                here = hit is not None and pattern.search(window, hit.start()) is not None
            if here:
                active |= pre.needing[name]
        starts: dict[int, list[int]] = {}
        for hit in pre.starts.finditer(lw):
            q = hit.start()
            mask = 0
            for length, table in pre.tables:
                mask |= table.get(lw[q : q + length], 0)
            mask &= active
            while mask:
                bit = mask & -mask
                starts.setdefault(bit.bit_length() - 1, []).append(q)
                mask ^= bit
        for index in pre.unfiltered:
            if active >> index & 1:
                for m in all_rules[index].regex.finditer(window):
                    if m.end() > m.start():
                        found.append((w_start + m.start(), w_start + m.end(), index, m))
        for index, positions in starts.items():
            regex = all_rules[index].regex
            after = 0
            for q in positions:
                if q < after:
                    continue
                match = regex.match(window, q)
                if match is not None:  # never empty (checked when the prefilter was built)
                    found.append((w_start + match.start(), w_start + match.end(), index, match))
                    after = match.end()
    return found


def _choose(text: str, found: list[_Found]) -> list[Candidate]:
    """Longest match first where matches overlap (at equal length the rule listed first)."""
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
        if _NAME_WORD.search(m.group(0)):
            # looked for only around the match (months made this check run on most texts: a
            # pass over the whole text cost 1.3 of the finder's ~9 s on Timeline17)
            near = _time_word_names().finditer(
                text, max(0, start - NAME_REACH), min(len(text), end + NAME_REACH)
            )
            if any(start < n.end() and n.start() < end for n in near):
                continue  # "Sunday Times reporter", "Jane 's Defense Weekly"
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


# --- Prefilters ------------------------------------------------------------------------------
# Every rule regex starts with a look-behind, which keeps the regex engine from skipping ahead to
# where the pattern could start: run plainly, each of the ~80 rules tried every position of every
# window (~80% of the finder's time). From the parse tree of each pattern we read the strings any
# of its matches must start with (lowercased, at most PREFIX_CHARS long); one case-sensitive pass
# over the lowercased window finds the positions where some rule could start, and each rule is
# tried only there. The same for the trigger regex and the word classes of the `needs` checks.

# Longer prefixes tell the rules apart better but take longer to build: over 60 PolNEAR train
# articles a pass took 0.165 / 0.136 / 0.113 / 0.104 s CPU with 3 / 4 / 5 / 6 characters, the
# build (once a process) 0.04 / 0.05 / 0.14 / 0.34 s. Speed only: the output is the same for any.
PREFIX_CHARS = 5
# A pattern whose prefixes come to more than this many strings gets no prefilter.
MAX_PREFIXES = 50_000

# Case-insensitive matching also pairs these characters with ASCII letters (dotted/dotless i,
# long s, Kelvin sign); str.lower() keeps them apart, so they are mapped first. That this is
# the whole list, and that lowercasing keeps each character a word character or not, is checked
# over all of Unicode in tests/temporal/test_finder_prefilter.py.
_CASE_PAIRS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_CASE_ODD = re.compile("[" + "".join(_CASE_PAIRS) + "]")
_CASE_TABLE = str.maketrans(_CASE_PAIRS)


def _fold(text: str) -> str | None:
    """``text`` lowercased so that a case-insensitive match of an ASCII pattern is a case-
    sensitive match of its lowercase form at the same offsets; None where lengths would differ."""
    if _CASE_ODD.search(text):
        text = text.translate(_CASE_TABLE)
    low = text.lower()
    return low if len(low) == len(text) else None


_Prefix = tuple[str, bool]  # a start of a match; True: what the pattern item matches ends there


def _item_prefixes(op: Any, av: Any) -> set[_Prefix] | None:
    c = _SRE_CONSTANTS
    if op is c.LITERAL:
        char = chr(av)
        if char.isascii():
            return {(char.lower(), True)}
        # A character without case ("½") matches only itself, with IGNORECASE or not, and the
        # folding keeps it: its own prefix (None here cut "5 ½ years" and every rule with the
        # number placeholder to the prefix "a", tried at every word starting with "a").
        return {(char, True)} if _uncased(char) else None
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE and value[1] - value[0] < 26:
                chars.update(chr(x) for x in range(value[0], value[1] + 1))
            else:  # negated sets, categories (\w, \d), wide ranges
                return None
        if not all(x.isascii() or _uncased(x) for x in chars):
            return None
        return {(x.lower(), True) for x in chars}
    if op is c.SUBPATTERN:
        return _sequence_prefixes(av[-1].data)
    if op is c.BRANCH:
        out: set[_Prefix] = set()
        for alternative in av[1]:
            sub = _sequence_prefixes(alternative.data)
            if sub is None:
                return None
            out |= sub
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, sub_pattern = av
        body = _sequence_prefixes(sub_pattern.data)
        if body is None or (low == 0 and high != 1):
            return None
        if low == 0:  # optional
            return body | {("", True)}
        return body if low == high == 1 else {(s, False) for s, _ in body}
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {("", True)}  # zero-width: leaving a check out only lets more positions through
    return None


def _uncased(char: str) -> bool:
    """A character that case-insensitive matching and :func:`_fold` both leave as it is."""
    return (
        not _SRE.unicode_iscased(ord(char))
        and char not in _CASE_PAIRS
        and char.lower() == char
        and char.upper() == char
    )


def _sequence_prefixes(items: Any) -> set[_Prefix] | None:
    """The prefixes of a sequence of parsed pattern items; None where it may start with anything."""
    current: set[_Prefix] = {("", True)}
    for op, av in items:
        if all(not whole or len(s) >= PREFIX_CHARS for s, whole in current):
            break
        item = _item_prefixes(op, av)
        if item is None:
            item = {("", False)}
        grown: set[_Prefix] = set()
        for s, whole in current:
            if not whole or len(s) >= PREFIX_CHARS:
                grown.add((s, False))
                continue
            for t, t_whole in item:
                joined = s + t
                if len(joined) >= PREFIX_CHARS:
                    grown.add((joined[:PREFIX_CHARS], False))
                else:
                    grown.add((joined, t_whole))
        if len(grown) > MAX_PREFIXES:
            return None
        current = grown
    if any(s == "" and not whole for s, whole in current):
        return None
    return current


def _prefixes(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Lowercase strings, one of which starts every non-empty match of ``regex`` in the folded
    text; None where the pattern gives none, or may match the empty string."""
    parsed = _SRE_PARSER.parse(regex.pattern, regex.flags)
    if parsed.getwidth()[0] == 0:
        return None
    found = _sequence_prefixes(parsed.data)
    if found is None:
        return None
    strings = frozenset(s for s, _ in found)
    return None if "" in strings else strings


def _trie_pattern(strings: frozenset[str]) -> str:
    """A case-sensitive regex matching where any of ``strings`` starts, as a trie (a flat
    alternation of thousands of strings would be tried one by one)."""
    trie: dict[str, Any] = {}
    for s in strings:
        node = trie
        for char in s:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        if "" in node:  # one of the strings ends here: whatever follows will do
            return ""
        alternatives = [re.escape(char) + emit(sub) for char, sub in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return emit(trie)


@dataclass(frozen=True, slots=True)
class _Prefilters:
    starts: re.Pattern[str]  # (folded window) where some filtered rule may start
    tables: tuple[tuple[int, dict[str, int]], ...]  # length -> prefix -> bit mask of rules
    unfiltered: tuple[int, ...]  # rules without prefixes: run over the whole window
    unconditional: int  # bit mask of the rules without `needs`
    needing: dict[str, int]  # word class -> bit mask of the rules that need it
    classes: dict[str, re.Pattern[str] | None]  # word class -> prefilter (folded window)
    trigger: re.Pattern[str] | None  # prefilter of _trigger() (folded text)


def _prefilter_regex(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    strings = _prefixes(regex)
    return None if strings is None else re.compile(_trie_pattern(strings))


@functools.lru_cache(maxsize=1)
def _prefilters() -> _Prefilters:
    tables: dict[int, dict[str, int]] = {}
    unfiltered = []
    every: set[str] = set()
    unconditional = 0
    needing: dict[str, int] = dict.fromkeys(word_classes(), 0)
    for index, rule in enumerate(rules()):
        if rule.needs:
            needing[rule.needs] |= 1 << index
        else:
            unconditional |= 1 << index
        strings = _prefixes(rule.regex)
        if strings is None:
            unfiltered.append(index)
            continue
        every |= strings
        for s in strings:
            table = tables.setdefault(len(s), {})
            table[s] = table.get(s, 0) | 1 << index
    # the look-behind every rule starts with (lowercasing keeps word characters word characters)
    starts = re.compile(r"(?<![\w])(?=" + _trie_pattern(frozenset(every)) + ")")
    return _Prefilters(
        starts=starts,
        tables=tuple(sorted(tables.items())),
        unfiltered=tuple(unfiltered),
        unconditional=unconditional,
        needing=needing,
        classes={name: _prefilter_regex(pattern) for name, pattern in word_classes().items()},
        trigger=_prefilter_regex(_trigger()),
    )


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
    first = groups.get("d1")  # the end of a range of days must come after its start
    if first and int(re.sub(r"\D", "", groups["d"])) <= int(re.sub(r"\D", "", first)):
        return False  # "rose Aug. 10 to 5 percent"
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
    if groups.get("n", "").lower() in ("a", "an", "a quarter") and not text.lower().endswith("-long"):
        return 0
    if _ADJECTIVAL.match(text) or ("n" in groups and _SINGULAR_UNIT.search(text)):
        m = _DETERMINER.match(text)
        return m.end() if m else 0
    return 0
