"""The publication date of an article: given by the input, else inferred from its content.

Inference scores every day of the plausible years by how well it agrees with the dated
evidence of the text, each item read with the tense of its clause:
- absolute dates reported in the past lie before publication, announced ones after it;
- month-days without a year ("December 22") lie near it, and news style (AP: weekday names
  for the seven days around publication, month and day beyond) says how near;
- weekdays ("on Thursday", "to be aired Monday") point at the days just before or after it;
- "last month" agrees with a month-day that lies in the month before it;
- explicit years bound the year, and durations of conflicts with a known start ("the
  nearly six-year conflict" in Syria) fix it where no year is written.
The best day, the range of days that score almost as well, and a confidence come back;
with no year evidence the answer is ``unknown`` rather than a guess. An answer with no day is
then placed within the terms of the office holders the text names with their title ("President
Barack Obama said": 2009-2017, ``lexicons/office_terms.yaml``): a range, never a day.
"""

from __future__ import annotations

import functools
import importlib
import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from importlib import resources
from typing import Any

import yaml

from storyline.numbers import amounts, parse_number
from storyline.records import PublicationDate
from storyline.stages.document import ArticleDoc
from storyline.temporal import Candidate
from storyline.temporal import calendar as cal
from storyline.temporal.finder import time_words
from storyline.temporal.normalize import DocState, resolve
from storyline.temporal.tense import tense_at, text_tense

# Days within this margin of the best score make up the reported range (calibrated on the
# four seed articles: one point is one agreeing month-day or weekday).
RANGE_MARGIN = 0.3
# Below this best score the evidence is too thin for a date: "unknown".
MIN_SCORE = 1.5
# Ranges wider than this many days are reported with their bounds but no confident date.
MAX_CONFIDENT_RANGE_DAYS = 14
# News reports refer to the last seven days by weekday and older dates by month and day.
WEEKDAY_HORIZON = 6
# Agreement of a month-day decays with its distance from publication on this scale, in days
# (news mostly reports recent events; 30 puts seed 001 on 2017-01-08, a week later scores 0.3 less).
RECENT_DAYS = 30
# Office holders named with their title ("President Obama") place the article in their term,
# widened by this many days at each end (the title lingers in reports of the days after a
# departure, and is used by some just before an inauguration).
TERM_GRACE_DAYS = 31
# A term named only in past clauses may be told of as past ("protests toppled President Hosni
# Mubarak"): its end counts this many days later. On the Timeline17 sample such mentions came
# 38 and 73 days after the end (two misses with 31 days); 120 held all, 365 is kept for margin.
PAST_TERM_GRACE_DAYS = 365
# Characters before a title searched for a word saying its holder has left ("former", "the late").
TITLE_WINDOW = 40
# The confidence of a range closed by office terms: ranges closed by a term named in a present
# or future clause held the true date 42 of 42 times on TimeBank train and two Timeline17
# samples (every 19th article from rows 0 and 9), the others (a past-clause term with the longer
# grace, a rule's length, a planned year) 92 of 93 (BENCHMARKS.md, Time); the figures are set
# below those shares, since samples this small cannot show better than ~95%.
TERM_CONFIDENCE = 0.9
PAST_TERM_CONFIDENCE = 0.8
# The confidence of a range closed by a ruler's "N-year rule" (counted either way by a year).
RULE_CONFIDENCE = 0.8
# Words before a year in a future clause that say it is planned for ("in", "by", "until") or is
# part of a plan's name ("fiscal 1991"); "since 1974" and the like say nothing of the future.
_PLANNED_BEFORE = frozenset(
    {"in", "by", "until", "till", "through", "before", "of", "fiscal", "early", "late", "mid"}
)
# The confidence of a range closed by a planned year: such ranges held 4 of 4 times on TimeBank
# train and the Timeline17 sample, the upper bound alone 9 of 9; an earlier rule taking any
# year in a future clause held only 3 of 6 times on Timeline17.
PLANNED_CONFIDENCE = 0.8
# The search covers at most this many years.
MAX_YEARS = 3
# A date this close to the start, followed by a wire credit or a dash, is the dateline's:
# "JOHANNESBURG, August 7 (Xinhua) --".
DATELINE_CHARS = 120
_DATELINE = re.compile(r"\s*(?:\([A-Za-z. ]{2,30}\)|--|—|–|_|:)")
_LOOKS_AHEAD = re.compile(
    r"\b(?:due|until|till|through|by|will|would|shall|expire[sd]?|matur\w*|schedul\w*|plan\w*|expect\w*|"
    r"forecast\w*|project\w*|predict\w*|estimat\w*|fiscal|deadline)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: (
        str  # full_date | month_day | weekday | year | month | last_month | years_since | office | rule_years
    )
    tense: str | None
    text: str
    day: date | None = None  # full_date
    month: int = 0
    dom: int = 0
    weekday: int = 0
    year: int = 0
    earliest: date | None = None  # years_since: the range of years it allows
    latest: date | None = None
    ahead: bool = False  # its sentence looks ahead ("due", "until", "will")
    before: str = ""  # the word before it ("in", "by", "since")


def describe(day: object, earliest: object, latest: object) -> str:
    """A publication date for a narrow listing column: the day, else its range on lines of ten
    characters ("1996-12-01 / to / 2000-12-30", "from / 1998-03-12", "until / 1990-12-31"), else
    "". Values may be dates or ISO strings, as a store returns them."""
    if day:
        return str(day)[:10]
    if earliest and latest:
        return f"{str(earliest)[:10]}\nto\n{str(latest)[:10]}"
    if earliest:
        return f"from\n{str(earliest)[:10]}"
    if latest:
        return f"until\n{str(latest)[:10]}"
    return ""


def infer_publication_date(doc: ArticleDoc) -> PublicationDate:
    """The article's publication date with how it is known and a confidence."""
    given = doc.article.published
    if given:
        how = doc.article.published_how if doc.article.published_how in ("given", "metadata") else "given"
        return PublicationDate(given[:10], given[:10], given[:10], how, 1.0, f"{how} by the input")
    return infer_from_text(doc)


def infer_from_text(doc: ArticleDoc) -> PublicationDate:
    evidence = collect_evidence(doc)
    return _within_terms(_before_planned_year(_infer(evidence), evidence), evidence)


def _before_planned_year(result: PublicationDate, evidence: list[Evidence]) -> PublicationDate:
    """An ``unknown`` answer bounded above by the earliest year the text plans for ("will be
    completed in 1991", "by the end of 1990"): a year written in a future clause, introduced by
    a preposition that looks ahead, and not before any year written outside a future clause."""
    planned = [
        e.year or (e.day.year if e.day else 0)
        for e in evidence
        if e.kind in ("year", "full_date") and e.tense == "future" and e.before in _PLANNED_BEFORE
    ]
    told = [
        e.year or (e.day.year if e.day else 0)
        for e in evidence
        if e.kind in ("year", "full_date") and e.tense != "future"
    ]
    planned = [y for y in planned if y and y >= max(told, default=0)]
    if result.how != "unknown" or not planned:
        return result
    high = date(min(planned), 12, 31)
    if result.latest:
        high = min(high, date.fromisoformat(result.latest))
    if result.earliest and date.fromisoformat(result.earliest) > high:
        return result
    reason = f"not after {min(planned)}, planned for in a future clause"
    return PublicationDate(
        None,
        result.earliest,
        cal.iso(high),
        "inferred" if result.earliest else "unknown",
        PLANNED_CONFIDENCE if result.earliest else 0.0,
        f"{result.evidence}; {reason}" if result.earliest else reason,
    )


def _infer(evidence: list[Evidence]) -> PublicationDate:
    years = _year_range(evidence)
    if years is None:
        return PublicationDate(None, None, None, "unknown", 0.0, "no year can be known from the text")
    if not any(
        e.kind in ("month_day", "weekday", "full_date", "month", "dateline", "weekday_date") for e in evidence
    ):
        bound = _lower_bound(evidence)
        return PublicationDate(
            None, cal.iso(bound) if bound else None, None, "unknown", 0.0, "only years mentioned"
        )
    first, last = years
    days = [
        date(first, 1, 1) + timedelta(days=i)
        for i in range((date(last, 12, 31) - date(first, 1, 1)).days + 1)
    ]
    scores = list(zip(score_days(days, evidence), days, strict=True))
    best_score, best = max(scores, key=lambda s: (s[0], -abs((s[1] - days[len(days) // 2]).days)))
    if best_score < MIN_SCORE:
        low: str | None = None
        high: str | None = None
        if _since_agree(evidence):
            low, high = cal.iso(days[0]), cal.iso(days[-1])
        elif bound := _lower_bound(evidence):
            low = cal.iso(bound)
        return PublicationDate(None, low, high, "unknown", 0.0, "too little dated evidence for a day")
    if not _year_is_anchored(best, evidence):
        bound = _lower_bound(evidence)
        return PublicationDate(
            None,
            cal.iso(bound) if bound else None,
            None,
            "unknown",
            0.0,
            "no dated evidence fixes the year; not before the latest past date mentioned",
        )
    close = [d for s, d in scores if s >= best_score - RANGE_MARGIN]
    earliest, latest = min(close), max(close)
    width = (latest - earliest).days + 1
    runner_up = max((s for s, d in scores if abs((d - best).days) > 1), default=0.0)
    margin = best_score - runner_up
    confidence = round(
        min(0.95, (1 - math.exp(-margin)) * min(1.0, len(evidence) / 4) * (2 / (1 + width))), 2
    )
    confidence = max(confidence, 0.05)
    reason = "; ".join(sorted({e.text for e in evidence if e.kind not in ("office", "rule_years")})[:8])
    if width > MAX_CONFIDENT_RANGE_DAYS:
        return PublicationDate(
            None, cal.iso(earliest), cal.iso(latest), "inferred", confidence, f"range from: {reason}"
        )
    return PublicationDate(
        cal.iso(best), cal.iso(earliest), cal.iso(latest), "inferred", confidence, f"from: {reason}"
    )


def _year_is_anchored(best: date, evidence: list[Evidence]) -> bool:
    """A year is known from a conflict's duration or a dated dateline. A full date in the body
    does not fix it: news style writes the year only for dates of other years, so "March 26,
    1996" says the article is later, not when (measured: on TempEval-3 train every date anchored
    that way was wrong)."""
    if _since_agree(evidence) or any(e.kind == "dateline" and e.year for e in evidence):
        return True
    # A weekday written with its month-day repeats only every five to eleven years, so one
    # that agrees within the searched years (at most three) names the year.
    return any(e.kind == "weekday_date" and _weekday_agrees(e, best) for e in evidence)


def _weekday_agrees(e: Evidence, d: date) -> bool:
    resolved = cal.month_day_year(e.month, e.dom, d, e.tense)
    return resolved is not None and resolved.isoweekday() == e.weekday


def _lower_bound(evidence: list[Evidence]) -> date | None:
    """The latest date reported as past in a clause with no look ahead ("due", "until", "by"):
    the article cannot be older."""
    bounds = [
        e.day for e in evidence if e.kind == "full_date" and e.day and e.tense == "past" and not e.ahead
    ]
    # "since September 2015" is past whatever the clause's tense ("has been offering ... since")
    bounds += [
        date(e.year, e.month or 1, 1)
        for e in evidence
        if e.kind == "year" and (e.tense == "past" or e.before == "since") and not e.ahead
    ]
    # a "past" date after today is no date: a time in a live report ("2032 Gen Douglas Fraser says")
    bounds = [b for b in bounds if b <= date.today()]
    return max(bounds) if bounds else None


def collect_evidence(doc: ArticleDoc) -> list[Evidence]:
    out: list[Evidence] = []
    text = doc.text
    for cand, parsed_tense in doc.timex_candidates():
        tense = parsed_tense if doc.doc is not None else _sentence_tense(text, cand)
        item = _evidence(cand, tense)
        if item is None:
            continue
        if (
            cand.start < DATELINE_CHARS
            and item.kind in ("month_day", "full_date")
            and _DATELINE.match(text[cand.end : cand.end + 40])
        ):
            day = item.day
            item = Evidence(
                "dateline",
                None,
                cand.text,
                day=day,
                month=item.month or (day.month if day else 0),
                dom=item.dom or (day.day if day else 0),
                year=day.year if day else 0,
            )
        sentence = _sentence_at(text, cand.start, cand.end)
        if _LOOKS_AHEAD.search(sentence):
            item = replace(item, ahead=True)
        word_before = re.search(r"([\w-]+)\W*$", text[max(0, cand.start - 20) : cand.start])
        if word_before:
            item = replace(item, before=word_before.group(1).lower())
        out.append(item)
    out.extend(_conflict_durations(doc))
    out.extend(_office_terms(doc))
    out.extend(_rule_durations(doc))
    return out


def _sentence_at(text: str, start: int, end: int) -> str:
    s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    e = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    return text[s:e]


def _sentence_tense(text: str, cand: Candidate) -> str | None:
    return text_tense(_sentence_at(text, cand.start, cand.end))


def _evidence(cand: Candidate, tense: str | None) -> Evidence | None:
    g = cand.groups
    if cand.norm == "ymd":
        value = resolve(cand, None, tense, DocState())
        if value is None:
            return None
        return Evidence("full_date", tense, cand.text, day=date.fromisoformat(value.value))
    if cand.norm == "md":
        value = resolve(cand, None, tense, DocState())
        if value is None:
            return None
        _, m, d = value.value.split("T")[0].split("-")
        if cand.rule == "weekday_month_day":  # "Tuesday, Jan. 25": the weekday fixes the year
            wd = re.match(r"\w+", cand.text)
            weekday = time_words()["weekdays"].get(wd.group(0).lower()) if wd else None
            if weekday:
                return Evidence(
                    "weekday_date", tense, cand.text, month=int(m), dom=int(d), weekday=int(weekday)
                )
        return Evidence("month_day", tense, cand.text, month=int(m), dom=int(d))
    if cand.norm in ("year", "ym") and "y" in g and len(g["y"]) == 4:
        month = 0
        if cand.norm == "ym" and (value := resolve(cand, None, tense, DocState())) and len(value.value) == 7:
            month = int(value.value[5:7])  # "March 2012": a past bound from March on
        return Evidence("year", tense, cand.text, year=int(g["y"]), month=month)
    if cand.norm == "weekday" and not g.get("rel"):
        return Evidence(
            "weekday", tense, cand.text, weekday=int(time_words()["weekdays"][g["wd"].lower().rstrip(".")])
        )
    if cand.norm == "month" and cand.rule == "month":
        value = resolve(cand, None, tense, DocState())
        return Evidence("month", tense, cand.text, month=int(value.value[-2:])) if value else None
    if (
        cand.norm == "relative_unit"
        and g.get("rel", "").lower() == "last"
        and g.get("unit", "").lower() == "month"
    ):
        return Evidence("last_month", tense, cand.text)
    return None


@functools.lru_cache(maxsize=1)
def _anchors() -> dict[str, Any]:
    with resources.files("storyline.lexicons").joinpath("time_anchors.yaml").open(encoding="utf-8") as f:
        data: dict[str, Any] = yaml.safe_load(f)
    return data


_DURATION_YEARS = re.compile(
    r"(?P<q>nearly |almost |more than |over |some )?(?P<n>\w+)[- ](?P<unit>year|month)s?(?! old|-old)",
    re.IGNORECASE,
)


def _conflict_durations(doc: ArticleDoc) -> list[Evidence]:
    """'The nearly six-year conflict' in a sentence naming Syria: the Syrian war's start + 6."""
    spec = _anchors()
    of_words = re.compile(r"\b(?:" + "|".join(map(re.escape, spec["of"])) + r")\b", re.IGNORECASE)
    out = []
    for sent in _sentences(doc):
        if not of_words.search(sent):
            continue
        for anchor in spec["anchors"]:
            if not re.search(anchor["cue"], sent, re.IGNORECASE):
                continue
            for m in _DURATION_YEARS.finditer(sent):
                n = _number_word(m.group("n"))
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
def _office_lexicon() -> dict[str, Any]:
    with resources.files("storyline.lexicons").joinpath("office_terms.yaml").open(encoding="utf-8") as f:
        data: dict[str, Any] = yaml.safe_load(f)
    return data


@functools.lru_cache(maxsize=1)
def _terms() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], date, date | None, tuple[str, ...]]]]:
    """The ``not_after`` pattern, and each term's cue with its start, end and the literal pieces
    (:func:`_required_literals`) a text must hold for the cue to match in it."""
    data = _office_lexicon()
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
        for t in _office_lexicon()["terms"]
        if "ruler" in t
    ]


@functools.cache
def _ruler_anywhere(name: re.Pattern[str]) -> re.Pattern[str]:
    """A name pattern of :func:`_rulers` without its ``\\b``: it matches wherever ``name`` does,
    in any piece of the text."""
    assert name.pattern.startswith(r"\b(?:") and name.pattern.endswith(r")\b")
    return re.compile(name.pattern[2:-2])


def _rule_durations(doc: ArticleDoc) -> list[Evidence]:
    """ "Gadhafi's nearly 42-year rule": the start of his rule plus 41 to 42 years. A count that
    reaches the end of the rule, in a past clause, may tell of the whole rule after it ended
    ("Suharto's 32-year rule ended in 1998"): then it is only a lower bound."""
    out: list[Evidence] = []
    # A ruler not named anywhere in the text (the name without its word boundaries) is named in
    # no sentence: most articles name none, and each sentence was searched for each ruler.
    named = [r for r in _rulers() if _ruler_anywhere(r[0]).search(doc.text)]
    if not named:
        return out
    for sent in _sentences(doc):
        for name, start, end, ruler in named:
            if not name.search(sent):
                continue
            for m in _RULE_YEARS.finditer(sent):
                i = next(i for i in "123" if m.group("n" + i))
                n = _number_word(m.group("n" + i))
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


def _office_terms(doc: ArticleDoc) -> list[Evidence]:
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
                for y in _WRITTEN_YEAR.findall(_sentence_at(text, m.start(), m.end()))
            )
        ]
        if not found:
            continue
        tenses = [
            tense_at(doc.doc, m.start(), m.end())
            if doc.doc is not None
            else text_tense(_sentence_at(text, m.start(), m.end()))
            for m in found
        ]
        tense = "past" if all(t == "past" for t in tenses) else next(t for t in tenses if t != "past")
        out.append(Evidence("office", tense, found[0].group(0), earliest=start, latest=end))
    return out


def _within_terms(result: PublicationDate, evidence: list[Evidence]) -> PublicationDate:
    """An ``unknown`` answer, given bounds (or narrowed) by the terms of the office holders the
    text names with their title and by the length of a ruler's rule ("Gadhafi's nearly 42-year
    rule"). Bounds that contradict the answer's are left out. Answers from the day scoring are
    kept as they are."""
    if result.how != "unknown":
        return result
    low = date.fromisoformat(result.earliest) if result.earliest else None
    high = date.fromisoformat(result.latest) if result.latest else None
    reasons = [result.evidence] if result.earliest else []
    confidences: list[float] = []
    for bounds in (_term_bounds(evidence, low), _rule_bounds(evidence)):
        if bounds is None:
            continue
        b_low, b_high, confidence, reason = bounds
        new_low = max(low, b_low) if low else b_low
        new_high = min(high, b_high) if high and b_high else high or b_high
        if new_high is not None and new_low > new_high:
            continue
        low, high = new_low, new_high
        reasons.insert(len(confidences), reason)
        confidences.append(confidence)
    if not confidences or low is None:
        return result
    return PublicationDate(
        None,
        cal.iso(low),
        cal.iso(high) if high else None,
        "inferred" if high else "unknown",
        min(confidences) if high else 0.0,
        "; ".join(reasons),
    )


def _term_bounds(evidence: list[Evidence], floor: date | None) -> tuple[date, date | None, float, str] | None:
    """The latest start and earliest end of the terms named, each widened by a grace. A term
    that ended before ``floor`` (a date the text reports as past) is told of as past."""
    terms = [
        e
        for e in evidence
        if e.kind == "office" and e.earliest and not (floor and e.latest and _term_end(e) < floor)
    ]
    if not terms:
        return None
    latest_start = max(e.earliest for e in terms if e.earliest)
    # A term that ended before another began is told of as past ("under President George W.
    # Bush"); one named only in past clauses may be too ("protests toppled President Hosni
    # Mubarak" two months on), so its end counts later.
    ends = [(_term_end(e), e.tense != "past") for e in terms if e.latest and e.latest > latest_start]
    high, told_as_now = min(ends) if ends else (None, False)
    names = "; ".join(sorted({e.text for e in terms if not e.latest or e.latest > latest_start})[:4])
    confidence = TERM_CONFIDENCE if told_as_now else PAST_TERM_CONFIDENCE
    return (
        latest_start - timedelta(days=TERM_GRACE_DAYS),
        high,
        confidence,
        f"within the terms of office of: {names}",
    )


def _term_end(e: Evidence) -> date:
    assert e.latest is not None
    return e.latest + timedelta(days=TERM_GRACE_DAYS if e.tense != "past" else PAST_TERM_GRACE_DAYS)


def _rule_bounds(evidence: list[Evidence]) -> tuple[date, date | None, float, str] | None:
    rules = [e for e in evidence if e.kind == "rule_years" and e.earliest]
    if not rules:
        return None
    low = max(e.earliest for e in rules if e.earliest)
    high = min((e.latest for e in rules if e.latest), default=None)
    if high is not None and low > high:
        return None
    return low, high, RULE_CONFIDENCE, "; ".join(sorted({e.text for e in rules})[:3])


def _number_word(word: str) -> int | None:
    """A whole number of years read as a time expression's amount ("six", "12", "a"); None for a
    fraction ("half") or no number."""
    value = parse_number(word, amounts())
    return int(value) if value is not None and value == int(value) else None


def _sentences(doc: ArticleDoc) -> list[str]:
    if doc.doc is not None:  # the parse is of doc.text: slicing it is Span.text without making Tokens
        return [doc.text[s.start_char : s.end_char] for s in doc.doc.sents]
    return re.split(r"(?<=[.!?])\s+|\n+", doc.text)


def _since_agree(evidence: list[Evidence]) -> bool:
    """There are conflict durations and the years they allow overlap (so they, not the years
    written, set the years searched)."""
    since = [e for e in evidence if e.kind == "years_since" and e.earliest and e.latest]
    return bool(since) and max(e.earliest.year for e in since if e.earliest) <= min(
        e.latest.year for e in since if e.latest
    )


def _year_range(evidence: list[Evidence]) -> tuple[int, int] | None:
    """The years worth searching: bounded by conflict durations, else by the latest year written."""
    since = [e for e in evidence if e.kind == "years_since"]
    if since:
        low = max(e.earliest.year for e in since if e.earliest)
        high = min(e.latest.year for e in since if e.latest)
        if low <= high:
            return low, min(high, low + MAX_YEARS - 1)
    written = [e.year for e in evidence if e.kind in ("year", "dateline") and e.year and e.tense != "future"]
    written += [e.day.year for e in evidence if e.kind == "full_date" and e.day]
    if not written:
        return None
    latest = max(written)
    return latest, latest + 1


def score_day(d: date, evidence: list[Evidence]) -> float:
    """How well publication on day ``d`` agrees with the evidence (higher is better)."""
    return score_days([d], evidence)[0]


def score_days(days: list[date], evidence: list[Evidence]) -> list[float]:
    """:func:`score_day` of each day. Items that differ only in their wording ("Tuesday" twice)
    score alike, so each distinct one is scored once per day, a weekday once per day of the
    week (``cal.weekday_date`` reads only the weekday of its anchor) and a year once per year."""
    scores = [0.0] * len(days)
    past_months: list[set[tuple[int, int]]] | None = None
    if any(e.kind == "last_month" for e in evidence):
        past_months = [set() for _ in days]
    columns: dict[tuple[Any, ...], list[float]] = {}
    for e in evidence:
        key = (e.kind, e.tense, e.day, e.month, e.dom, e.weekday, e.year, e.earliest, e.latest)
        column = columns.get(key)
        if column is None:
            if e.kind == "weekday":
                week: dict[int, float] = {}
                column = [
                    week[wd] if wd in week else week.setdefault(wd, _item_score(d, e))
                    for d in days
                    for wd in (d.isoweekday(),)
                ]
            elif e.kind == "year":  # reads only the year of the day
                years: dict[int, float] = {}
                column = [
                    years[d.year] if d.year in years else years.setdefault(d.year, _item_score(d, e))
                    for d in days
                ]
            else:
                column = [_item_score(d, e) for d in days]
            columns[key] = column
        scores = [s + add for s, add in zip(scores, column, strict=True)]
        if past_months is not None and e.kind == "month_day" and e.tense == "past":
            for months, d in zip(past_months, days, strict=True):
                resolved = cal.month_day_year(e.month, e.dom, d, e.tense)
                if resolved and resolved <= d:
                    months.add((resolved.year, resolved.month))
    if past_months is not None:
        for i, (d, months) in enumerate(zip(days, past_months, strict=True)):
            if months:
                scores[i] += 1.5 if cal.add_months(d.year, d.month, -1) in months else 0.0
    return scores


def _item_score(d: date, e: Evidence) -> float:
    """What one evidence item adds to the score of publication on day ``d``."""
    if e.kind == "full_date" and e.day:
        return _dated(d, e.day, e.tense)
    if e.kind == "month_day":
        resolved = cal.month_day_year(e.month, e.dom, d, e.tense)
        return _dated(d, resolved, e.tense) if resolved else 0.0
    if e.kind == "weekday_date":
        resolved = cal.month_day_year(e.month, e.dom, d, e.tense)
        return (
            _dated(d, resolved, e.tense) + (1.5 if resolved.isoweekday() == e.weekday else -3.0)
            if resolved
            else 0.0
        )
    if e.kind == "dateline":
        if e.day:
            return 3.0 if 0 <= (d - e.day).days <= 1 else -3.0
        resolved = cal.month_day_year(e.month, e.dom, d, "past")
        return 3.0 if resolved and 0 <= (d - resolved).days <= 1 else -1.0
    if e.kind == "weekday":
        resolved = cal.weekday_date(e.weekday, d, e.tense)
        return _weekday_fit(abs((d - resolved).days), e.tense)
    if e.kind == "year":
        # a year in a future clause may be past already
        return -3.0 if e.tense != "future" and d.year < e.year else 0.0
    if e.kind == "month":
        # articles name their own month ("later this month", "in January")
        return 0.3 if e.month == d.month and cal.month_year(e.month, d, e.tense) == d.year else 0.0
    if e.kind == "years_since" and e.earliest and e.latest:
        return 0.5 if e.earliest <= d <= e.latest else -3.0
    return 0.0


def _dated(d: date, mentioned: date, tense: str | None) -> float:
    """Agreement of a mentioned date with publication on ``d``, given the clause's tense."""
    delta = (d - mentioned).days  # > 0: the mention lies before publication
    if tense == "future":
        delta = -delta
    elif tense is None:
        delta = abs(delta)
    if delta < 0:
        return -2.0
    if delta <= WEEKDAY_HORIZON:
        return 0.3  # news style would have named the weekday
    return max(0.1, math.exp(-(delta - WEEKDAY_HORIZON) / RECENT_DAYS))


def _weekday_fit(days_away: int, tense: str | None) -> float:
    """Weekdays in news point at publication day itself or the day just before (or after)."""
    if tense == "future":
        return (0.6, 1.0, 0.4, 0.3, 0.2, 0.2, 0.2)[days_away]
    return (1.0, 0.8, 0.4, 0.2, 0.2, 0.2, 0.2)[days_away]
