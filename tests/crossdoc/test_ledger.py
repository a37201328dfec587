"""The claims ledger: grouping by quantity and conflicts, on the seeds and on tables."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from itertools import combinations

import duckdb
import pytest
from seed_store import seed_store

from storyline.crossdoc.claim_grouping import _candidate_pairs, _Node, _node_distance, scoped_all
from storyline.crossdoc.claim_scope import as_of_days, claim_country, counted_subject, country_of_place
from storyline.crossdoc.ledger import LedgerEntry, disagree, group_claims, ledger
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


def _values(groups: list) -> list[list[float]]:
    return sorted(sorted(e.claim.value for e in g.entries) for g in groups)


# (article, value, counts, as of, place, text) of claims of one measure and country -> the values of
# each group. No group chains neighbours: every pair in a group is one quantity.
@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        (  # a chain A~B~C of one day: 10~18 and 18~30 are within 2x, 10 and 30 are not; 18 joins the
            # closer of the two (1.67x against 1.8x)
            [("a", 10, "2012-01-10"), ("b", 18, "2012-01-10"), ("c", 30, "2012-01-10")],
            [[10], [18, 30]],
        ),
        (  # the same chain with B nearer A
            [("a", 10, "2012-01-10"), ("b", 14, "2012-01-10"), ("c", 25, "2012-01-10")],
            [[10, 14], [25]],
        ),
        (  # the chain the old rule made of one country's deaths: 3 ... 800 in one group
            [("a", v, "2011-01-29") for v in (3, 5, 8, 13, 24, 38, 80)]
            + [("b", v, "2011-01-29") for v in (4, 6, 10, 17, 31, 50, 100, 200, 300, 500, 800)],
            # closest pairs first; 200 and 300, 500 and 800 are one article's two numbers
            [[3, 4], [5, 6], [8, 10], [13, 17], [24], [31, 38], [50], [80, 100], [200], [300], [500], [800]],
        ),
        (  # a running total retold and updated over weeks (the seeds: 1.03x, 38 days)
            [("a", 310000, "2017-01-09"), ("b", 300000, "2017-02-16")],
            [[300000, 310000]],
        ),
        ([("a", 300000, "2017-01-09"), ("b", 310000, "2017-04-09")], [[300000], [310000]]),  # 90 days apart
        ([("a", 3000, "2011-10-15"), ("b", 4000, "2011-10-20")], [[3000], [4000]]),  # 1.33x on other days
        (  # a chain of updates: 1,000 ~ 1,150 ~ 1,300 a week apart each, 1,000 and 1,300 are 1.3x apart
            [("a", 1000, "2011-06-01"), ("b", 1150, "2011-06-08"), ("c", 1300, "2011-06-15")],
            [[1000], [1150, 1300]],
        ),
        (  # an incident's count retold the next day is one; the same count a week on is another incident
            [("a", 8, "2011-02-02"), ("b", 8, "2011-02-03"), ("c", 8, "2011-02-10")],
            [[8], [8, 8]],
        ),
        ([("a", 5, "2011-01-29"), ("b", 6, "2011-01-30")], [[5], [6]]),  # small counts of other days
        (  # one article's two numbers of one measure are two things ("35 students", "about 20")
            [("a", 35, "2011-01-31"), ("a", 20, "2011-01-31"), ("b", 35, "2011-01-31")],
            [[20], [35, 35]],
        ),
    ],
)
def test_group_claims_complete_link(
    claims: list[tuple[str, float, str]], expected: list[list[float]]
) -> None:
    groups = group_claims(
        [_entry(aid, v, "people killed", "Syria", as_of=day, published=day) for aid, v, day in claims]
    )
    assert _values(groups) == expected


def test_group_claims_keeps_subject_place_and_crowds_apart() -> None:
    groups = group_claims(
        [
            _entry("a", 20, "civilians killed", "Syria", place="Homs"),
            _entry("b", 22, "soldiers killed", "Syria", place="Homs"),  # another subject
            _entry("c", 21, "people killed", "Syria", place="Hama"),  # another place
            _entry("d", 19, "dead", "Syria", place="Homs"),  # no subject: may count the civilians
        ]
    )
    assert _values(groups) == [[19, 20], [21], [22]]
    crowds = [
        Claim("a", 0, 1, 2000, "at least", "protesters", as_of="2011-01-25", text="thousands of protesters"),
        Claim("b", 0, 1, 2000, "at least", "protesters", as_of="2011-01-25", text="Thousands of protesters"),
        Claim("c", 0, 1, 2000, "at least", "protesters", as_of="2011-01-28", text="thousands of protesters"),
    ]
    groups = group_claims([LedgerEntry(c, "X", c.as_of, "protesters", "Egypt") for c in crowds])
    assert sorted(len(g.entries) for g in groups) == [1, 2]  # the crowd of 28 January is another


def _wire_copies(entries: list[LedgerEntry], copies: int) -> list[LedgerEntry]:
    """``entries`` and each article's claims again under ``copies`` new article ids."""
    out = list(entries)
    for k in range(1, copies + 1):
        for e in entries:
            out.append(replace(e, claim=replace(e.claim, article_id=f"{e.claim.article_id}~{k}")))
    return out


def test_group_claims_wire_copies_change_no_group() -> None:
    # Timeline17's "five people" of 29 January 2011 in Egypt: a count of no place (articles a, d,
    # e) may join the count in Nasr City (b) or the one in Cairo (c, f), which may not join each
    # other; copies of every article must leave each copy in its original's group.
    day = "2011-01-29"
    entries = [
        _entry("a", 5, "people killed", "Egypt", day, as_of=day),
        _entry("b", 5, "people killed", "Egypt", day, as_of=day, place="Nasr City"),
        _entry("c", 5, "people killed", "Egypt", day, as_of=day, place="Cairo"),
        _entry("d", 5, "people killed", "Egypt", day, as_of=day),
        _entry("e", 5, "people killed", "Egypt", day, as_of=day),
        _entry("f", 5, "people killed", "Egypt", day, as_of=day, place="Cairo"),
        _entry("g", 5, "people killed", "Egypt", "2011-01-30", as_of="2011-01-30", place="Nasr City"),
        _entry("h", 80, "people killed", "Egypt", day, as_of=day),
        _entry("h", 300, "people killed", "Egypt", day, as_of=day),
        _entry("i", 320, "people killed", "Egypt", "2011-02-05", as_of="2011-02-05"),
    ]
    entries = [e for e in entries if e.measure]
    groups = group_claims(entries)
    # the claims of no place stay together (one figure), with the first place they may join
    assert sorted(sorted(e.claim.article_id for e in g.entries) for g in groups) == [
        ["a", "b", "d", "e", "g"],
        ["c", "f"],
        ["h"],
        ["h", "i"],
    ]
    copied = group_claims(_wire_copies(entries, 30))
    assert sorted(sorted(e.claim.article_id.split("~")[0] for e in g.entries) for g in copied) == sorted(
        sorted(e.claim.article_id for e in g.entries for _ in range(31)) for g in groups
    )


def test_group_claims_copies_keep_one_article_rule() -> None:
    # 40 and 45 deaths of one day would be one quantity, but article "z" gives both: the node of
    # the two "40" claims (first claim from "a") holds z's claim and may not take z's "45".
    day = "2012-03-01"
    groups = group_claims(
        [
            _entry("a", 40, "people killed", "Syria", day, as_of=day),
            _entry("z", 40, "people killed", "Syria", day, as_of=day),
            _entry("z", 45, "people killed", "Syria", day, as_of=day),
        ]
    )
    assert _values(groups) == [[40, 40], [45]]


def test_candidate_pairs_are_every_pair_claim_distance_accepts() -> None:
    # The blocked search (one day within MAGNITUDE_RATIO, else REPEAT_RATIO and the day windows)
    # finds what a scan of every pair of nodes finds.
    rng = random.Random(5)
    subjects = ("people killed", "people killed", "civilians killed", "soldiers killed")
    entries = []
    for k in range(400):
        day = date(2012, 1, 1) + timedelta(days=rng.randrange(120))
        as_of = rng.choice(
            [day.isoformat()] * 6 + [day.strftime("%Y-%m"), day.strftime("%G-W%V"), "2012", "FUTURE_REF"]
        )
        value = rng.choice([0, 0.5, 1, 2, 3, 5, 100, 110, 120, 150, 200, 1000, 1150, 2000])
        text = rng.choice(["thousands of people", f"{value} people", f"{value} people", f"{value} people"])
        claim = Claim(
            f"a{rng.randrange(150)}", k, k + 1, value, None, rng.choice(subjects), as_of=as_of, text=text
        )
        entries.append(
            LedgerEntry(
                claim, "X", day.isoformat(), "deaths", "Syria", rng.choice([None, None, "Homs", "Hama"])
            )
        )
    entries.sort(key=lambda e: (e.claim.value, e.published or "", e.claim.article_id, e.claim.start))
    scoped = scoped_all(entries)
    nodes: dict[tuple, _Node] = {}
    for n, s in enumerate(scoped):
        key = (s.entry.claim.value, s.subject, s.scope, s.days, s.vague, s.standing)
        if key in nodes:
            nodes[key].members.append(n)
            nodes[key].articles.add(s.entry.claim.article_id)
        else:
            nodes[key] = _Node(s, n)
    listed = list(nodes.values())
    every = {
        (d, i, j)
        for i, j in combinations(range(len(listed)), 2)
        if (d := _node_distance(listed[i], listed[j])) is not None
    }
    found = _candidate_pairs(listed)
    assert len(found) == len(set(found))
    assert set(found) == every
    assert len(every) > 200  # the table has pairs of each kind to find


@pytest.mark.parametrize(
    ("counts", "measure", "subject"),
    [
        ("people killed", "deaths", None),
        ("lives claimed", "deaths", None),
        ("civilians killed", "deaths", "civilians"),
        ("soldiers killed", "deaths", "soldiers"),  # a word of another measure names the subject
        ("security forces personnel died", "deaths", "personnel"),
        ("more people killed", "deaths", None),
        ("lost their lives", "deaths", None),
        ("of the dead", "deaths", None),
        ("protesters", "protesters", None),
        (None, None, None),
    ],
)
def test_counted_subject(counts: str | None, measure: str | None, subject: str | None) -> None:
    assert counted_subject(counts, measure) == subject


@pytest.mark.parametrize(
    ("as_of", "days"),
    [
        ("2011-02-03", ("2011-02-03", "2011-02-03")),
        ("2011-W05", ("2011-01-31", "2011-02-06")),
        ("2011-02", ("2011-02-01", "2011-02-28")),
        ("1982", ("1982-01-01", "1982-12-31")),
        ("PRESENT_REF", ("2011-02-10", "2011-02-10")),  # no period: the publication day
    ],
)
def test_as_of_days(as_of: str, days: tuple[str, str]) -> None:
    entry = _entry("a", 1, "people killed", "Egypt", published="2011-02-10", as_of=as_of)
    assert as_of_days(entry) == (date.fromisoformat(days[0]), date.fromisoformat(days[1]))
