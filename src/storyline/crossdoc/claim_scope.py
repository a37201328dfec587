"""What a ledger claim is about beyond its measure: the country and place it counts in, who it
counts, the days it can speak of, and whether it is a plural of no figure. The ledger
(:mod:`storyline.crossdoc.ledger`) reads a claim's country and place with these, and the grouping
(:mod:`storyline.crossdoc.claim_grouping`) compares claims by them."""

from __future__ import annotations

import functools
import re
from collections import Counter
from datetime import date, timedelta

from storyline.crossdoc.ledger_entry import LedgerEntry
from storyline.gazetteer import country_place, find_place
from storyline.lexicons import load_yaml
from storyline.records import Claim
from storyline.stages.claim_lexicon import load_claim_lexicon

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def country_of_place(name: str | None) -> str | None:
    """The common name of the country a place or country name lies in."""
    if not name:
        return None
    place = find_place(name)
    if place is None:
        return None
    if place.kind == "country":
        return place.name
    country = country_place(place.country)
    return country.name if country else None


def is_town(name: str) -> bool:
    place = find_place(name)
    return place is not None and place.kind != "country"


def claim_place(start: int, end: int, places: list[tuple[int, int, str]]) -> str | None:
    """The place named closest to the claim in its sentence, before or after it ("four were
    killed in Binnish"); ``places`` is (start, end, name)."""
    if not places:
        return None
    return min(places, key=lambda p: p[0] - end if p[0] >= end else start - p[1])[2]


def claim_country(
    claim_start: int, places_before: list[tuple[int, str]], article_countries: Counter[str]
) -> str | None:
    """The country of the closest place named before the claim in its sentence, else the
    article's most mentioned country. ``places_before`` is (end offset, place name)."""
    for _, name in sorted(places_before, reverse=True):
        country = country_of_place(name)
        if country:
            return country
    return article_countries.most_common(1)[0][0] if article_countries else None


def as_of_day(entry: LedgerEntry) -> date | None:
    """The day a claim speaks of: its as-of date when that is a day, else (no as-of) its
    publication day; None for a coarser as-of ("2011-06", "1982"), which no day can be compared to."""
    text = entry.claim.as_of or entry.published
    m = _DAY.match(text or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


@functools.lru_cache(maxsize=1)
def _counted_fillers() -> frozenset[str]:
    """``counted_fillers`` of lexicons/claims.yaml: words of a counted noun that name no subject."""
    return frozenset(load_yaml("claims.yaml")["counted_fillers"])


def counted_subject(counts: str | None, measure: str | None) -> str | None:
    """Who a claim counts beyond its measure, the head word left once the measure's own words and
    ``counted_fillers`` are dropped: "civilians killed" -> "civilians", "security forces personnel
    died" -> "personnel", "more people killed" -> None (anyone)."""
    if not counts or not measure:
        return None
    lex = load_claim_lexicon()
    text = counts.lower()
    for phrase, m in lex.measures.items():
        if m == measure and " " in phrase:
            text = re.sub(rf"\b{re.escape(phrase)}\b", " ", text)
    words = [
        w
        for w in re.findall(r"[a-z][a-z'-]+", text)
        if w != measure
        and lex.measures.get(w) != measure
        and w not in _counted_fillers()
        and not w.endswith("ed")  # the participle of what befell them ("lives claimed", "people shot")
    ]
    return words[-1] if words else None


def claim_scope(entry: LedgerEntry) -> str | None:
    """The place a claim counts in below its country: the place named closest to it in its
    sentence, None when that is its own country or none is named (a country-wide count)."""
    if not entry.place:
        return None
    place = find_place(entry.place)
    if place is None:
        return entry.place  # a square or district the gazetteer lacks ("Tahrir Square")
    if place.kind == "country" and place.name == entry.country:
        return None
    return place.name


def as_of_days(entry: LedgerEntry) -> tuple[date, date] | None:
    """The first and last day a claim can speak of: its as-of day, week, month or year (else, an
    as-of that names none of these, or no as-of, its publication day); None when neither is known."""
    for text in (entry.claim.as_of, entry.published):
        try:
            if m := _DAY.match(text or ""):
                day = date(int(m[1]), int(m[2]), int(m[3]))
                return day, day
            if m := _WEEK.match(text or ""):
                first = date.fromisocalendar(int(m[1]), int(m[2]), 1)
                return first, first + timedelta(days=6)
            if m := _MONTH.match(text or ""):
                first = date(int(m[1]), int(m[2]), 1)
                return first, (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
            if m := _YEAR.match(text or ""):
                return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        except ValueError:
            continue
    return None


def is_vague(claim: Claim) -> bool:
    """A plural of no figure ("thousands of protesters", "several hundred", "dozens")."""
    lex = load_claim_lexicon()
    return any(
        w in lex.vague_first or w in lex.vague_before_scale for w in re.findall(r"[a-z]+", claim.text.lower())
    )
