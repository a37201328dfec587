"""The dated evidence the publication-date inference reads, and the evidence of the time expressions.

An :class:`Evidence` item is one thing the text says about when it was written, with the tense
of its clause: a full date, a month-day, a weekday, a year, a month, "last month", a dateline's
date, a conflict's duration, an office holder's term or a rule's length. :func:`timex_evidence`
makes the items of the time expressions (the others come from ``published_anchors``); the text
helpers here (sentences, amounts of years) are shared with that module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from storyline.numbers import amounts, parse_number
from storyline.stages.document import ArticleDoc
from storyline.temporal import Candidate, DocState, resolve
from storyline.temporal.finder import time_words
from storyline.temporal.tense import text_tense

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


def timex_evidence(doc: ArticleDoc) -> list[Evidence]:
    """The evidence of the article's time expressions, in text order; a month-day or full date
    right at the start followed by a wire credit or a dash is the dateline's."""
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
        sentence = sentence_at(text, cand.start, cand.end)
        if _LOOKS_AHEAD.search(sentence):
            item = replace(item, ahead=True)
        word_before = re.search(r"([\w-]+)\W*$", text[max(0, cand.start - 20) : cand.start])
        if word_before:
            item = replace(item, before=word_before.group(1).lower())
        out.append(item)
    return out


def sentence_at(text: str, start: int, end: int) -> str:
    s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    e = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    return text[s:e]


def _sentence_tense(text: str, cand: Candidate) -> str | None:
    return text_tense(sentence_at(text, cand.start, cand.end))


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


def number_word(word: str) -> int | None:
    """A whole number of years read as a time expression's amount ("six", "12", "a"); None for a
    fraction ("half") or no number."""
    value = parse_number(word, amounts())
    return int(value) if value is not None and value == int(value) else None


def sentences(doc: ArticleDoc) -> list[str]:
    if doc.doc is not None:  # the parse is of doc.text: slicing it is Span.text without making Tokens
        return [doc.text[s.start_char : s.end_char] for s in doc.doc.sents]
    return re.split(r"(?<=[.!?])\s+|\n+", doc.text)
