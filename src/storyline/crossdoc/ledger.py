"""The claims ledger: claims about the same quantity grouped across articles, conflicts flagged.

A quantity is (measure, country, magnitude): "people killed" and "lives claimed" are both
``deaths``; the country is that of the place named closest before the number in its
sentence ("Syria's war has killed ...", "the Paris attack ... killed" -> France), else the
article's most mentioned country; numbers of one measure and country are one quantity while
each is within ``MAGNITUDE_RATIO`` of the next (300,000 and 310,000 are; 48 and 300,000 are
not). A group is a conflict when its articles state different values.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from storyline.gazetteer import country_place, find_place
from storyline.records import Claim
from storyline.stages.claims import measure_of

# Two values of one measure and country count as the same quantity while the larger is at
# most this multiple of the smaller. Death tolls of one war reported months apart differ by
# 3-30% (300,000 / 310,000 in the seeds); distinct events of one country by 10x and more.
MAGNITUDE_RATIO = 2.0
PLACE_LABELS = ("GPE", "LOC", "FAC")


@dataclass(frozen=True)
class LedgerEntry:
    claim: Claim
    outlet: str | None
    published: str | None
    measure: str | None
    country: str | None  # common country name ("Syria")


@dataclass
class LedgerGroup:
    measure: str | None
    country: str | None
    entries: list[LedgerEntry] = field(default_factory=list)

    @property
    def values(self) -> list[float]:
        return sorted({e.claim.value for e in self.entries})

    @property
    def conflict(self) -> bool:
        """Different values stated by different articles."""
        by_value = {e.claim.value for e in self.entries}
        return len(by_value) > 1 and len({e.claim.article_id for e in self.entries}) > 1

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


def group_claims(entries: Iterable[LedgerEntry]) -> list[LedgerGroup]:
    """Groups of claims about one quantity, largest first; each group sorted by date."""
    by_key: dict[tuple[str | None, str | None], list[LedgerEntry]] = defaultdict(list)
    for e in entries:
        if e.measure:
            by_key[(e.measure, e.country)].append(e)
    groups: list[LedgerGroup] = []
    for (measure, country), items in by_key.items():
        items.sort(key=lambda e: e.claim.value)
        current = LedgerGroup(measure, country)
        for e in items:
            if current.entries and e.claim.value > current.entries[-1].claim.value * MAGNITUDE_RATIO:
                groups.append(current)
                current = LedgerGroup(measure, country)
            current.entries.append(e)
        groups.append(current)
    for g in groups:
        g.entries.sort(key=lambda e: (e.published or "", e.claim.article_id, e.claim.start))
    return sorted(groups, key=lambda g: (-len({e.claim.article_id for e in g.entries}), -len(g.entries)))


def ledger(con: Any, conflicts_only: bool = False) -> list[LedgerGroup]:
    """The ledger of a dossier (claims, articles, sentences and place mentions)."""
    claims = con.execute(
        "SELECT c.article_id, c.start_, c.end_, c.value, c.qualifier, c.counts, c.claimant, c.as_of, c.text, "
        "coalesce(a.outlet, a.wire), CAST(a.published AS VARCHAR) FROM claims c JOIN articles a ON a.id = c.article_id "
        "ORDER BY c.article_id, c.start_"
    ).fetchall()
    places: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    placeholders = ", ".join("?" for _ in PLACE_LABELS)
    for aid, s, e, name in con.execute(
        f"SELECT article_id, start_, end_, coalesce(actor, text) FROM mentions WHERE label IN ({placeholders})",
        list(PLACE_LABELS),
    ).fetchall():
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
        before = [(pe, n) for ps, pe, n in places[aid] if sent[0] <= ps and pe <= s]
        claim = Claim(aid, s, e, value, qual, counts, claimant, as_of, text)
        entries.append(
            LedgerEntry(
                claim, outlet, published, measure_of(counts), claim_country(s, before, countries[aid])
            )
        )
    groups = group_claims(entries)
    return [g for g in groups if g.conflict] if conflicts_only else groups
