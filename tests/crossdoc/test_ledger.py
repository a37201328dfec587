"""The claims ledger: grouping by quantity and conflicts, on the seeds and on tables."""

from __future__ import annotations

from collections import Counter

import duckdb
import pytest
from seed_store import seed_store

from storyline.crossdoc.ledger import (
    LedgerEntry,
    claim_country,
    country_of_place,
    disagree,
    group_claims,
    ledger,
)
from storyline.records import Claim
from storyline.stages.claims import measure_of


def _entry(
    aid: str,
    value: float,
    counts: str,
    country: str | None,
    published: str = "2017-01-01",
    qualifier: str | None = None,
    as_of: str | None = None,
    place: str | None = None,
) -> LedgerEntry:
    claim = Claim(aid, 0, 1, value, qualifier, counts, as_of=as_of or published, text=str(value))
    return LedgerEntry(claim, "X", published, measure_of(counts), country, place)


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


def test_seed_death_tolls_are_one_quantity_but_no_conflict(seed_db) -> None:
    toll = next(
        g for g in ledger(seed_db) if g.measure == "deaths" and g.country == "Syria" and 300000 in g.values
    )
    stated = {(e.outlet, e.published, e.claim.qualifier, e.claim.value) for e in toll.entries}
    assert ("Gulf News", "2017-02-16", "more than", 300000) in stated
    assert ("AFP", "2017-01-09", "more than", 310000) in stated
    assert all(e.claim.value >= 100000 for e in toll.entries)  # the 48 killed in Azaz are another quantity
    # five weeks apart, and "more than 300,000" and "more than 310,000" can both be true
    assert toll.to_dict()["conflict"] is False


# (value, qualifier, as of, place) of two articles' claims of one quantity -> whether they disagree
@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ((5000, None, "2012-01-10", None), (6000, None, "2012-01-10", None), True),  # same day, two tolls
        ((5000, None, "2012-01-10", None), (6000, None, "2012-01-11", None), False),  # the next day's
        ((5000, None, "2012-01-10", None), (6000, None, "2012-02-10", None), False),  # a month on: an update
        (
            (300000, "more than", "2017-01-09", None),
            (310000, "more than", "2017-01-09", None),
            False,
        ),  # both true
        ((100, "at least", "2012-01-10", None), (60, None, "2012-01-10", None), True),
        (
            (100, "at least", "2012-01-10", None),
            (20, None, "2012-01-10", None),
            False,
        ),  # 5x apart: two quantities
        ((100, "at least", "2012-01-10", None), (120, None, "2012-01-10", None), False),
        ((1100, "about", "2012-01-10", None), (1150, None, "2012-01-10", None), False),
        ((20, None, "2012-01-10", "Homs"), (30, None, "2012-01-10", "Hama"), False),  # two places
        (
            (20, None, "2012-01-10", "Homs"),
            (30, None, "2012-01-10", None),
            False,
        ),  # a toll in Homs, one unplaced
        ((20, None, "2012-01-10", "Homs"), (30, None, "2012-01-10", "Homs"), True),
        ((20, None, "2011-06", None), (30, None, "2011-06-10", None), False),  # a month is no day
    ],
)
def test_disagree(a: tuple, b: tuple, conflict: bool) -> None:
    ea = _entry("a", a[0], "people killed", "Syria", qualifier=a[1], as_of=a[2], place=a[3])
    eb = _entry("b", b[0], "people killed", "Syria", qualifier=b[1], as_of=b[2], place=b[3])
    assert disagree(ea, eb) is conflict
    assert disagree(ea, _entry("a", b[0], "people killed", "Syria", as_of=b[2])) is False  # one article


def test_generic_measures_never_conflict() -> None:
    groups = group_claims([_entry("a", 40, "percent", "Syria"), _entry("b", 45, "percent", "Syria")])
    assert [g.conflict for g in groups] == [False, False]


def test_claims_of_no_quantity_of_their_own_are_groups_of_their_own() -> None:
    """ "40 percent" and "45 percent" of one country (a jobless rate, a poll) are not one quantity,
    nor are two numbers of no measure; each is a group, after the groups of several claims."""
    groups = group_claims(
        [
            _entry("a", 45, "percent", "Syria"),
            _entry("b", 5000, "people", "Egypt"),
            _entry("c", 40, "percent", "Syria"),
            _entry("d", 3, "", "Syria"),  # no measure
            _entry("e", 2, "", "Syria"),
            _entry("a", 1000, "troops", "France"),
            _entry("b", 300, "people killed", "Syria"),
            _entry("c", 310, "lives lost", "Syria"),
        ]
    )
    assert [(g.label, g.values) for g in groups] == [
        ("deaths in Syria", [300, 310]),  # two articles
        ("people in Egypt", [5000]),  # then one claim each: by measure, country and value
        ("percent in Syria", [40]),
        ("percent in Syria", [45]),
        ("troops in France", [1000]),
        ("unnamed quantity in Syria", [2]),  # no measure: last
        ("unnamed quantity in Syria", [3]),
    ]
    assert [g.measure for g in groups[-2:]] == [None, None]
    assert [g.conflict for g in groups] == [True] + [False] * 6  # 300 and 310 dead on one day


def test_seed_ledger_keeps_other_quantities_apart(seed_db) -> None:
    groups = ledger(seed_db)
    paris = [g for g in groups if g.measure == "deaths" and g.country == "France"]
    assert paris and paris[0].values == [100]
    azaz = [g for g in groups if g.measure == "deaths" and 48 in g.values]
    assert azaz and azaz[0].values == [48]


def test_conflict_is_worked_out_once_per_group(monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.crossdoc.ledger as ledger_module

    calls: list[tuple[str, str]] = []

    def counting(a: LedgerEntry, b: LedgerEntry) -> bool:
        calls.append((a.claim.article_id, b.claim.article_id))
        return disagree(a, b)

    monkeypatch.setattr(ledger_module, "disagree", counting)
    (group,) = group_claims(
        [
            _entry("a", 300, "people killed", "Syria"),
            _entry("b", 310, "people killed", "Syria"),
            _entry("c", 320, "people killed", "Syria"),
        ]
    )
    assert group.conflict is True  # three articles, one day, three numbers
    assert group.to_dict()["conflict"] is True and group.conflict is True
    assert len(calls) == 1  # the first pair already disagrees; later reads reuse the answer
    (apart,) = group_claims(
        [_entry("a", 300, "people killed", "Syria"), _entry("b", 300, "people killed", "Syria")]
    )
    calls.clear()
    assert [apart.conflict, apart.conflict, apart.to_dict()["conflict"]] == [False, False, False]
    assert calls == [("a", "b")]  # one pair, tested once
