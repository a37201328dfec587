"""The claims ledger: grouping by quantity and conflicts, on the seeds and on tables."""

from __future__ import annotations

from collections import Counter

import duckdb
import pytest
from seed_store import seed_store

from storyline.crossdoc.ledger import LedgerEntry, claim_country, country_of_place, group_claims, ledger
from storyline.records import Claim
from storyline.stages.claims import measure_of


def _entry(
    aid: str, value: float, counts: str, country: str | None, published: str = "2017-01-01"
) -> LedgerEntry:
    claim = Claim(aid, 0, 1, value, "more than", counts, text=str(value))
    return LedgerEntry(claim, "X", published, measure_of(counts), country)


def test_group_claims_by_measure_country_and_magnitude() -> None:
    groups = group_claims(
        [
            _entry("a", 300000, "people killed", "Syria"),
            _entry("b", 310000, "lives claimed", "Syria"),
            _entry("b", 48, "people killed", "Syria"),
            _entry("c", 100, "people killed", "France"),
            _entry("c", 1000, "troops", "France"),
        ]
    )
    big = groups[0]
    assert (big.measure, big.country, big.values, big.conflict) == ("deaths", "Syria", [300000, 310000], True)
    assert sum(1 for g in groups if g.conflict) == 1
    assert len(groups) == 4


@pytest.mark.parametrize(
    ("place", "country"),
    [("Raqqa", "Syria"), ("Paris", "France"), ("Syria", "Syria"), ("Nowhere-land", None), (None, None)],
)
def test_country_of_place(place: str | None, country: str | None) -> None:
    assert country_of_place(place) == country


def test_claim_country_prefers_the_closest_place_before() -> None:
    assert claim_country(100, [(10, "Damascus"), (50, "Paris")], Counter({"Syria": 5})) == "France"
    assert claim_country(100, [], Counter({"Syria": 5, "France": 1})) == "Syria"


@pytest.fixture(scope="module")
def seed_db() -> duckdb.DuckDBPyConnection:
    return seed_store()


def test_seed_death_toll_conflict(seed_db) -> None:
    conflicts = ledger(seed_db, conflicts_only=True)
    toll = next(g for g in conflicts if g.measure == "deaths" and g.country == "Syria")
    stated = {(e.outlet, e.published, e.claim.qualifier, e.claim.value) for e in toll.entries}
    assert ("Gulf News", "2017-02-16", "more than", 300000) in stated
    assert ("AFP", "2017-01-09", "more than", 310000) in stated
    assert all(e.claim.value >= 100000 for e in toll.entries)  # the 48 killed in Azaz are another quantity
    assert toll.to_dict()["conflict"] is True


def test_seed_ledger_keeps_other_quantities_apart(seed_db) -> None:
    groups = ledger(seed_db)
    paris = [g for g in groups if g.measure == "deaths" and g.country == "France"]
    assert paris and paris[0].values == [100]
    azaz = [g for g in groups if g.measure == "deaths" and 48 in g.values]
    assert azaz and azaz[0].values == [48]
