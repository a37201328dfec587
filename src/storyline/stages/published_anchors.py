"""Evidence from things the lexicons date: conflicts, office holders and long rulers.

"The nearly six-year conflict" in a sentence naming Syria dates the article by the war's start
(``lexicons/time_anchors.yaml``); "President Barack Obama said" places it within Obama's term and
"Gadhafi's nearly 42-year rule" within years of the start of his rule
(``lexicons/office_terms.yaml``). These items give the day scoring its years
(``published_day``) and bound an answer that has no day (``published_bounds``).
"""

from __future__ import annotations

import functools
import importlib
import re
from datetime import date, timedelta
from typing import Any

from storyline.lexicons import load_yaml
from storyline.stages.document import ArticleDoc
from storyline.stages.published_evidence import Evidence, number_word, sentence_at, sentences
from storyline.temporal.tense import tense_at, text_tense

# Characters before a title searched for a word saying its holder has left ("former", "the late").
TITLE_WINDOW = 40


_DURATION_YEARS = re.compile(
    r"(?P<q>nearly |almost |more than |over |some )?(?P<n>\w+)[- ](?P<unit>year|month)s?(?! old|-old)",
    re.IGNORECASE,
)


def conflict_durations(doc: ArticleDoc) -> list[Evidence]:
    """'The nearly six-year conflict' in a sentence naming Syria: the Syrian war's start + 6."""
    spec = load_yaml("time_anchors.yaml")
    of_words = re.compile(r"\b(?:" + "|".join(map(re.escape, spec["of"])) + r")\b", re.IGNORECASE)
    out = []
    for sent in sentences(doc):
        if not of_words.search(sent):
            continue
        for anchor in spec["anchors"]:
            if not re.search(anchor["cue"], sent, re.IGNORECASE):
                continue
            for m in _DURATION_YEARS.finditer(sent):
                n = number_word(m.group("n"))
                if n is None or not 1 <= n <= (60 if m.group("unit").lower() == "year" else 120):
                    continue
                start = (
                    anchor["start"]
                    if isinstance(anchor["start"], date)
                    else date.fromisoformat(str(anchor["start"]))
                )
                q = (m.group("q") or "").strip().lower()
                # "six-year war" is said from about five years in; "nearly six" before six, "over six" after
                low, high = {
                    "nearly": (n - 1, n),
                    "almost": (n - 1, n),
                    "more than": (n, n + 1),
                    "over": (n, n + 1),
                }.get(q, (n - 1, n + 0.5))
                days = 365.25 if m.group("unit").lower() == "year" else 30.44
                if days < 365 and not q:
                    low, high = n - 1, n + 1  # months are rounded more loosely ("four-month" at 4.7)
                out.append(
                    Evidence(
                        "years_since",
                        None,
                        f"{m.group(0).strip()} ({anchor['name']})",
                        earliest=start + timedelta(days=round(days * low)),
                        latest=start + timedelta(days=round(days * high)),
                    )
                )
            break
    return out


@functools.lru_cache(maxsize=1)
def _terms() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], date, date | None, tuple[str, ...]]]]:
    """The ``not_after`` pattern, and each term's cue with its start, end and the literal pieces
    (:func:`_required_literals`) a text must hold for the cue to match in it."""
    data = load_yaml("office_terms.yaml")
    terms = [
        (re.compile(r"\b" + t["cue"]), t["start"], t["end"], _required_literals(r"\b" + t["cue"]))
        for t in data["terms"]
    ]
    return re.compile(data["not_after"]), terms


_SRE_PARSER: Any = importlib.import_module("re._parser")
_SRE_CONSTANTS: Any = importlib.import_module("re._constants")


def _required_literals(pattern: str) -> tuple[str, ...]:
    """The runs of literal characters at the top level of ``pattern`` (outside groups, branches
    and repeats), which every match holds: a text lacking one holds no match. Empty for a
    case-insensitive pattern. Searching the ~85 cues over every article cost more than the rest
    of the stage; most texts lack the holder's name, and ``in`` finds that much faster."""
    parsed = _SRE_PARSER.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return ()
    runs: list[str] = []
    run: list[str] = []
    for op, arg in parsed:
        if op is _SRE_CONSTANTS.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            runs.append("".join(run))
        run = []
    if run:
        runs.append("".join(run))
    return tuple(runs)


_QUALIFIER = r"(?:nearly |almost |more than |over |some )?"
_RULE_YEARS = re.compile(
    rf"(?P<q1>{_QUALIFIER})(?P<n1>\w+)[- ]years?[- ](?:long |old )?(?:rule|reign|regime|dictatorship|presidency|tenure|"
    rf"autocracy|grip on power)\b"
    rf"|\b(?:in power|in office|held power|maintained power|ruled)(?: \S+){{0,3}}? for (?P<q2>{_QUALIFIER})(?P<n2>\w+) years"
    rf"|(?P<q3>{_QUALIFIER})(?P<n3>\w+) years (?:of (?:his )?rule|in power|in office)",
    re.IGNORECASE,
)
# How many years before and after the count a ruler's "N-year rule" may lie: counts are rounded
# either way ("Gadhafi's 41-year rule" at 41.96, "Mubarak's 30-year regime" at 29.3).
_RULE_ROUNDING = {"nearly": (-1, 0), "almost": (-1, 0), "more than": (0, 1), "over": (0, 1)}


@functools.lru_cache(maxsize=1)
def _rulers() -> list[tuple[re.Pattern[str], date, date | None, str]]:
    """(name pattern, start, end, first name) of each long-ruling holder in office_terms.yaml."""
    return [
        (re.compile(r"\b(?:" + t["ruler"] + r")\b"), t["start"], t["end"], t["ruler"].split("|")[0])
        for t in load_yaml("office_terms.yaml")["terms"]
        if "ruler" in t
    ]


@functools.cache
def _ruler_anywhere(name: re.Pattern[str]) -> re.Pattern[str]:
    """A name pattern of :func:`_rulers` without its ``\\b``: it matches wherever ``name`` does,
    in any piece of the text."""
    assert name.pattern.startswith(r"\b(?:") and name.pattern.endswith(r")\b")
    return re.compile(name.pattern[2:-2])


def rule_durations(doc: ArticleDoc) -> list[Evidence]:
    """ "Gadhafi's nearly 42-year rule": the start of his rule plus 41 to 42 years. A count that
    reaches the end of the rule, in a past clause, may tell of the whole rule after it ended
    ("Suharto's 32-year rule ended in 1998"): then it is only a lower bound."""
    out: list[Evidence] = []
    # A ruler not named anywhere in the text (the name without its word boundaries) is named in
    # no sentence: most articles name none, and each sentence was searched for each ruler.
    named = [r for r in _rulers() if _ruler_anywhere(r[0]).search(doc.text)]
    if not named:
        return out
    for sent in sentences(doc):
        for name, start, end, ruler in named:
            if not name.search(sent):
                continue
            for m in _RULE_YEARS.finditer(sent):
                i = next(i for i in "123" if m.group("n" + i))
                n = number_word(m.group("n" + i))
                if n is None or not 1 <= n <= 60:
                    continue
                low, high = _RULE_ROUNDING.get((m.group("q" + i) or "").strip().lower(), (-1, 1))
                latest: date | None = start + timedelta(days=round(365.25 * (n + high)))
                if end and latest and latest >= end and text_tense(sent) == "past":
                    latest = None
                out.append(
                    Evidence(
                        "rule_years",
                        None,
                        f"{m.group(0).strip()} ({ruler})",
                        earliest=start + timedelta(days=round(365.25 * (n + low))),
                        latest=latest,
                    )
                )
    return out


_WRITTEN_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def office_terms(doc: ArticleDoc) -> list[Evidence]:
    """'President Barack Obama said': the article lies in Obama's term, unless a word before the
    title says he no longer holds it ('former', 'the late', 'ousted'), or a year of the term in
    the same sentence dates the mention ("in 1991, when King Hussein remained neutral"). The
    item's tense is "past" when every mention is in a past clause (which may tell of the term
    as past)."""
    not_after, terms = _terms()
    text = doc.text
    out = []
    for cue, start, end, literals in terms:
        if not all(literal in text for literal in literals):
            continue  # the cue cannot match (the same as finding no match, faster)
        found = [
            m
            for m in cue.finditer(text)
            if not not_after.search(text[max(0, m.start() - TITLE_WINDOW) : m.start()])
            and not any(
                int(y) <= (end.year if end else 9999)
                for y in _WRITTEN_YEAR.findall(sentence_at(text, m.start(), m.end()))
            )
        ]
        if not found:
            continue
        tenses = [
            tense_at(doc.doc, m.start(), m.end())
            if doc.doc is not None
            else text_tense(sentence_at(text, m.start(), m.end()))
            for m in found
        ]
        tense = "past" if all(t == "past" for t in tenses) else next(t for t in tenses if t != "past")
        out.append(Evidence("office", tense, found[0].group(0), earliest=start, latest=end))
    return out
