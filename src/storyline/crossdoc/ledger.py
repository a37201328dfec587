"""The claims ledger: claims about the same quantity grouped across articles, conflicts flagged.

A quantity is one measure ("people killed" and "lives claimed" are both ``deaths``) of one
country: that of the place named closest before the number in its sentence ("Syria's war has
killed ...", "the Paris attack ... killed" -> France), else the article's most mentioned country.
Claims of one quantity are grouped by :mod:`storyline.crossdoc.claim_grouping` (pairwise the
same thing, complete-link), with what :mod:`storyline.crossdoc.claim_scope` reads of each claim.

A group is a conflict when two of its articles disagree: values that cannot both be true (a
qualifier read as a range: "more than 300,000" and "more than 310,000" can) for the same time
(as-of days at most ``AS_OF_DAYS`` apart: a toll that grows from week to week is an update, not
a disagreement), the same place (the place named closest to each in its sentence, or none for
both) and the same magnitude; a measure that names no quantity of its own ("people",
"percent": ``generic_measures`` of lexicons/claims.yaml) never conflicts, and each of its claims
is a group of its own, as is a claim of no measure.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from typing import Any

from storyline.crossdoc.claim_grouping import AS_OF_DAYS, MAGNITUDE_RATIO, complete_link, scoped_all
from storyline.crossdoc.claim_scope import as_of_day, claim_country, claim_place, country_of_place, is_town
from storyline.crossdoc.ledger_entry import LedgerEntry
from storyline.records import Claim
from storyline.stages.claim_lexicon import load_claim_lexicon
from storyline.stages.claims import measure_of

PLACE_LABELS = ("GPE", "LOC", "FAC")
# "about 1,100" is read as 1,100 give or take this fraction ("some", "roughly", "an estimated").
ABOUT_MARGIN = 0.1
# The label of a claim whose counted noun names no measure (a store of an older claims stage
# holds numbers with no ``counts``); such a claim is a group of its own, never one with another.
UNNAMED_MEASURE = "unnamed quantity"


def value_range(value: float, qualifier: str | None) -> tuple[float, float]:
    """The values a qualified number allows: "more than 300,000" -> (300000, inf)."""
    if qualifier in ("more than", "at least"):
        return value, float("inf")
    if qualifier in ("less than", "at most"):
        return 0.0, value
    if qualifier == "nearly":
        return value * (1 - ABOUT_MARGIN), value
    if qualifier == "about":
        return value * (1 - ABOUT_MARGIN), value * (1 + ABOUT_MARGIN)
    return value, value


def disagree(a: LedgerEntry, b: LedgerEntry) -> bool:
    """Two claims of one quantity from different articles that cannot both be true of the same
    time and place."""
    if a.claim.article_id == b.claim.article_id:
        return False
    if a.place != b.place:
        return False  # "35 killed across Syria" and "up to 20 killed" in Idlib; a toll with a place and one without
    day_a, day_b = as_of_day(a), as_of_day(b)
    if day_a is None or day_b is None or abs((day_a - day_b).days) > AS_OF_DAYS:
        return False
    small, large = sorted((a.claim.value, b.claim.value))
    if large > small * MAGNITUDE_RATIO:
        return False  # far apart: two quantities (a group holds none such since complete link)
    low_a, high_a = value_range(a.claim.value, a.claim.qualifier)
    low_b, high_b = value_range(b.claim.value, b.claim.qualifier)
    return high_a < low_b or high_b < low_a


@dataclass
class LedgerGroup:
    """Claims of one quantity. ``entries`` is complete once :func:`group_claims` returns it:
    ``conflict`` is worked out on first read and kept (the ledger, ``to_dict``, the CLI and the
    web each read it)."""

    measure: str | None
    country: str | None
    entries: list[LedgerEntry] = field(default_factory=list)

    @property
    def values(self) -> list[float]:
        return sorted({e.claim.value for e in self.entries})

    @property
    def label(self) -> str:
        """What the group counts, as the CLI and the web name it ("deaths in Syria")."""
        return f"{self.measure or UNNAMED_MEASURE} in {self.country or 'unknown country'}"

    @cached_property
    def conflict(self) -> bool:
        """Two articles disagree on the quantity (see :func:`disagree`)."""
        if self.measure in load_claim_lexicon().generic_measures:
            return False
        return any(disagree(a, b) for a, b in combinations(self.entries, 2))

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "country": self.country,
            "conflict": self.conflict,
            "claims": [
                {
                    "article_id": e.claim.article_id,
                    "start": e.claim.start,
                    "end": e.claim.end,
                    "text": e.claim.text,
                    "value": e.claim.value,
                    "qualifier": e.claim.qualifier,
                    "counts": e.claim.counts,
                    "claimant": e.claim.claimant,
                    "as_of": e.claim.as_of,
                    "outlet": e.outlet,
                    "published": e.published,
                }
                for e in self.entries
            ],
        }


def group_claims(entries: Iterable[LedgerEntry]) -> list[LedgerGroup]:
    """Groups of claims about one quantity, every claim in one: those of most articles (then
    claims) first, ties by measure, country and lowest value (the groups of one claim close the
    ledger, by measure). A claim of a measure that names no quantity of its own ("40 percent",
    "5,000 people": ``generic_measures``) or of none is a group of its own: two such numbers of
    one country are not one quantity (tax rates, poll shares and jobless rates were one group of
    75 "percent in United States" on 300 Timeline17 articles). Claims of one measure and country
    are grouped complete-link (:func:`claim_distance`). Each group sorted by date."""
    generic = load_claim_lexicon().generic_measures
    by_key: dict[tuple[str | None, str | None], list[LedgerEntry]] = defaultdict(list)
    groups: list[LedgerGroup] = []
    for e in entries:
        if e.measure and e.measure not in generic:
            by_key[(e.measure, e.country)].append(e)
        else:
            groups.append(LedgerGroup(e.measure, e.country, [e]))
    for (measure, country), items in by_key.items():
        items.sort(key=lambda e: (e.claim.value, e.published or "", e.claim.article_id, e.claim.start))
        for cluster in complete_link(scoped_all(items)):
            groups.append(LedgerGroup(measure, country, [s.entry for s in cluster]))
    for g in groups:
        g.entries.sort(key=lambda e: (e.published or "", e.claim.article_id, e.claim.start))
    return sorted(groups, key=_group_order)


def _group_order(g: LedgerGroup) -> tuple[int, int, bool, str, str, float]:
    lowest = min((e.claim.value for e in g.entries), default=0.0)
    articles = len({e.claim.article_id for e in g.entries})
    return -articles, -len(g.entries), g.measure is None, g.measure or "", g.country or "", lowest


def ledger(con: Any, conflicts_only: bool = False) -> list[LedgerGroup]:
    """The ledger of a dossier (claims, articles, sentences and place mentions)."""
    groups = group_claims(ledger_entries(con))
    return [g for g in groups if g.conflict] if conflicts_only else groups


def ledger_entries(con: Any) -> list[LedgerEntry]:
    """Each claim of a dossier with its outlet, day, measure, country and place."""
    claims = con.execute(
        "SELECT c.article_id, c.start_, c.end_, c.value, c.qualifier, c.counts, c.claimant, c.as_of, c.text, "
        "coalesce(a.outlet, a.wire), CAST(a.published AS VARCHAR) FROM claims c JOIN articles a ON a.id = c.article_id "
        "ORDER BY c.article_id, c.start_"
    ).fetchall()
    places: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    labels = [*PLACE_LABELS, "NORP"]
    placeholders = ", ".join("?" for _ in labels)
    for aid, s, e, name, label in con.execute(
        f"SELECT article_id, start_, end_, coalesce(actor, text), label FROM mentions WHERE label IN ({placeholders})",
        labels,
    ).fetchall():
        if label == "NORP" and not is_town(name):
            continue  # "Syrian" is a nationality; "Aleppo" tagged NORP is a city
        places[aid].append((s, e, name))
    sentences: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for aid, s, e in con.execute("SELECT article_id, start_, end_ FROM sentences").fetchall():
        sentences[aid].append((s, e))
    countries: dict[str, Counter[str]] = {}
    entries = []
    for aid, s, e, value, qual, counts, claimant, as_of, text, outlet, published in claims:
        if aid not in countries:
            countries[aid] = Counter(c for _, _, n in places[aid] if (c := country_of_place(n)))
        sent = next(((a, b) for a, b in sentences[aid] if a <= s < b), (0, s))
        in_sentence = [(ps, pe, n) for ps, pe, n in places[aid] if sent[0] <= ps and pe <= sent[1]]
        before = [(pe, n) for ps, pe, n in in_sentence if pe <= s]
        claim = Claim(aid, s, e, value, qual, counts, claimant, as_of, text)
        entries.append(
            LedgerEntry(
                claim,
                outlet,
                published,
                measure_of(counts),
                claim_country(s, before, countries[aid]),
                claim_place(s, e, [p for p in in_sentence if p[1] <= s or p[0] >= e]),
            )
        )
    return entries
