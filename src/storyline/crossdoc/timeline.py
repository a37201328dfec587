"""Timelines over many articles: the summary timeline (the Timeline17 task) and TimelineJS export.

Pure functions over records. ``dated_sentences`` needs only the regex timex finder, a cheap
sentence split and surface tense cues, so a summary over millions of words runs without the
parser; the dossier's own timeline feeds the same ``summarize`` from its stored events.
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from storyline.names import name_key, name_tokens
from storyline.records import Event
from storyline.temporal import DocState, find_candidates, resolve
from storyline.temporal.calendar import value_range
from storyline.temporal.tense import text_tense

# Weight of "articles published the day after" against "articles that name the day": a burst
# of reports follows an event. Set a priori to one half (not tuned on the Timeline17 dev topics).
NEXT_DAY_REPORTS_WEIGHT = 0.5
# Summaries are chosen among at most this many sentences per date (the most central win).
MAX_CANDIDATES = 300
# A second summary sentence must share less than this fraction of words with the first.
MAX_OVERLAP = 0.5
SENTENCE_SPLIT = re.compile(r"\n+|(?<=[.!?])\s+(?=[\"“'A-Z])")
_WORD = re.compile(r"[a-z][a-z'-]+")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "but",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "with",
        "by",
        "from",
        "as",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "said",
        "says",
        "will",
        "would",
        "could",
        "also",
        "after",
        "before",
        "than",
        "more",
        "not",
        "no",
        "who",
        "which",
        "what",
        "when",
        "where",
    ]
)


@dataclass(frozen=True, slots=True)
class DatedSentence:
    """A sentence of an article with the day it names (None when it names no single day)."""

    article_id: str
    published: str | None
    text: str
    date: str | None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by newlines and end punctuation: cheap, no model."""
    spans, start = [], 0
    for m in SENTENCE_SPLIT.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def dated_sentences(article_id: str, text: str, published: str | None) -> list[DatedSentence]:
    """Every sentence of an article with each single day it names, resolved against ``published``."""
    anchor = date.fromisoformat(published[:10]) if published else None
    spans = split_sentences(text)
    days: dict[int, list[str]] = defaultdict(list)
    state = DocState()
    cands = find_candidates(text)
    i = 0
    for cand in cands:
        while i < len(spans) - 1 and spans[i][1] <= cand.start:
            i += 1
        s, e = spans[i] if spans else (0, len(text))
        resolved = resolve(cand, anchor, text_tense(text[s:e]), state)
        if resolved is None or resolved.type not in ("DATE", "TIME"):
            continue
        day = resolved.value.split("T")[0]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            days[i].append(day)
    out = []
    for index, (s, e) in enumerate(spans):
        sentence = text[s:e].strip()
        for day in dict.fromkeys(days.get(index, [])):
            out.append(DatedSentence(article_id, published, sentence, day))
        if index not in days:
            out.append(DatedSentence(article_id, published, sentence, None))
    return out


def rank_dates(sentences: Sequence[DatedSentence]) -> list[tuple[str, float]]:
    """Days ranked by how many articles name them, plus a share of the reports published next day;
    only days inside the collection's publication window count."""
    published = sorted({s.published[:10] for s in sentences if s.published})
    first, last = (published[0], published[-1]) if published else ("0000", "9999")
    naming: dict[str, set[str]] = defaultdict(set)
    for s in sentences:
        if s.date and first <= s.date <= last:
            naming[s.date].add(s.article_id)
    reports = Counter({p: len(ids) for p, ids in _articles_by_day(sentences).items()})
    scores: dict[str, float] = {}
    for day in set(naming) | {_previous(p) for p in reports}:
        if not first <= day <= last:
            continue
        scores[day] = len(naming.get(day, ())) + NEXT_DAY_REPORTS_WEIGHT * reports.get(_next(day), 0)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


def summarize(sentences: Iterable[DatedSentence], n: int, per_date: int = 2) -> list[dict[str, Any]]:
    """The ``n`` days that matter most, in date order, each with 1-2 sentences saying what happened.

    ``named`` says whether a sentence names the day; a day chosen only for the reports published
    the day after it is summarized by their undated sentences, which a reader must not take for
    sentences dated that day (the CLI says so)."""
    pool = list(sentences)
    by_day: dict[str, list[str]] = defaultdict(list)
    for s in pool:
        if s.date:
            by_day[s.date].append(s.text)
    chosen = [day for day, _ in rank_dates(pool)[:n]]
    timeline = []
    for day in sorted(chosen):
        # a day chosen for the reports that followed it: their undated sentences say what happened
        named = bool(by_day.get(day))
        candidates = by_day.get(day) or [
            s.text for s in pool if s.date is None and s.published and _previous(s.published[:10]) == day
        ]
        timeline.append(
            {"date": day, "summary": central_sentences(candidates[:MAX_CANDIDATES], per_date), "named": named}
        )
    return timeline


def central_sentences(candidates: Sequence[str], k: int) -> list[str]:
    """The ``k`` sentences closest to the word centroid of all candidates, without near-repeats."""
    unique = list(dict.fromkeys(c.strip() for c in candidates if c.strip()))
    bags = [Counter(w for w in _WORD.findall(c.lower()) if w not in _STOP) for c in unique]
    centroid: Counter[str] = Counter()
    for bag in bags:
        centroid.update(set(bag))
    norm_c = math.sqrt(sum(v * v for v in centroid.values())) or 1.0

    def score(i: int) -> float:
        bag = bags[i]
        norm = math.sqrt(sum(v * v for v in bag.values())) or 1.0
        return sum(centroid[w] * v for w, v in bag.items()) / (norm * norm_c)

    picked: list[int] = []
    for i in sorted(range(len(unique)), key=score, reverse=True):
        words = set(bags[i])
        if any(len(words & set(bags[j])) > MAX_OVERLAP * max(1, len(words)) for j in picked):
            continue
        picked.append(i)
        if len(picked) == k:
            break
    return [unique[i] for i in picked]


def _articles_by_day(sentences: Sequence[DatedSentence]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for s in sentences:
        if s.published:
            out[s.published[:10]].add(s.article_id)
    return out


def _next(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def _previous(day: str) -> str:
    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def timeline_from_events(
    events: Iterable[Event], actor: str | None = None, names: Collection[str] | None = None
) -> list[Event]:
    """A dossier's events in date order, optionally only those naming ``actor`` or one of ``names``.

    Names compare by their words (``names.name_key``: case, hyphens and the particles "al", "el"
    and "the" set aside). ``actor`` matches an actor or place whose name holds all its words
    ("Assad" and "al-Assad" match "Bashar al-Assad"; "US" does not match "Damascus", as a
    substring did); ``names`` (what ``store.timeline.actor_names`` resolves a name to) match whole.
    """
    chosen = list(events)
    if actor is not None:
        words = set(name_tokens(actor))
        chosen = [
            e for e in chosen if words and any(words <= set(name_tokens(n)) for n in (*e.actors, *e.places))
        ]
    if names is not None:
        keys = {name_key(n) for n in names} - {""}
        chosen = [e for e in chosen if any(name_key(n) in keys for n in (*e.actors, *e.places))]
    return sorted(chosen, key=lambda e: (e.earliest, e.latest, e.article_id, e.start))


def timelinejs(
    events: Iterable[Event],
    title: str = "storyline timeline",
    texts: dict[str, str] | None = None,
    groups: dict[str, str] | None = None,
    link: Callable[[Event], str] | None = None,
) -> dict[str, Any]:
    """Knight Lab TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html).

    One slide per (date, description), the one layout that the CLI export and the web download
    share. ``texts`` may map article ids to a source line, ``groups`` article ids to a group
    label (the outlet: a row per outlet), and ``link`` gives the URL the source line points to.
    An event without a group label is grouped by its first place.
    TimelineJS renders headlines, texts and group labels as HTML, and every one of them comes
    from article text (names, descriptions, outlet and title), so each is HTML-escaped here.
    """
    slides = []
    seen = set()
    for e in timeline_from_events(events):
        key = (e.date, e.description)
        if key in seen:
            continue
        seen.add(key)
        span = value_range(e.date)
        start = span[0] if span else date.fromisoformat(e.earliest)
        text = html.escape(e.description)
        source = html.escape(texts[e.article_id]) if texts and e.article_id in texts else ""
        if link is not None:
            source = f'<a href="{html.escape(link(e))}">{source or html.escape(e.article_id)}</a>'
        if source:
            text += f"<br><small>{source}</small>"
        slide: dict[str, Any] = {
            "start_date": _tljs_date(e.date, start),
            "text": {"headline": html.escape(_headline(e)), "text": text},
            "unique_id": f"{e.article_id}-{e.start}-{e.timex_start}",
        }
        if e.earliest != e.latest:
            slide["end_date"] = _tljs_date(e.date, date.fromisoformat(e.latest), end=True)
        group = (groups or {}).get(e.article_id) or (e.places[0] if e.places else "")
        if group:
            slide["group"] = html.escape(group)
        slides.append(slide)
    return {
        "title": {"text": {"headline": html.escape(title), "text": f"{len(slides)} dated events"}},
        "events": slides,
    }


def _tljs_date(value: str, day: date, end: bool = False) -> dict[str, str]:
    """TimelineJS dates carry only the precision the value has (year, month or day)."""
    out = {"year": str(day.year)}
    if re.fullmatch(r"\d{4}(?:/\d{4})?", value):  # a year, or a range of years ("2011/2015")
        return out
    out["month"] = str(day.month)
    if re.fullmatch(r"\d{4}-\d{2}", value) and not end:
        return out
    out["day"] = str(day.day)
    return out


def _headline(e: Event) -> str:
    who = ", ".join((*e.actors[:2], *e.places[:1]))
    return f"{e.date}: {who}" if who else e.date
