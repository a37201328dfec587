"""Cross-article actors: golden merges and non-merges on the seeds, rules, hand edits, the store."""

from __future__ import annotations

from collections import Counter

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.crossdoc.actors import Edit, Unit, add_edit, build_actors, resolve, units_of
from storyline.names import AliasLexicon
from storyline.seeds import seed_doc
from storyline.stages.actors_local import resolve_mentions
from storyline.store import migrate


@pytest.fixture(scope="module")
def seed_mentions():
    return [resolve_mentions(seed_doc(i)) for i in range(4)]


@pytest.fixture(scope="module")
def seeds(seed_mentions):
    units, _ = units_of(seed_mentions)
    return resolve(units)


@pytest.mark.parametrize(
    ("surface", "actor"),
    [
        ("Bashar Al-Assad", "Bashar al-Assad"),  # seed 000
        ("Bashar al-Assad", "Bashar al-Assad"),  # seed 001
        ("Bashar Assad", "Bashar al-Assad"),  # seed 002
        ("Al Assad", "Bashar al-Assad"),
        ("Assad", "Bashar al-Assad"),
        ("the Syrian president", "Bashar al-Assad"),
        ("Moamer Kadhafi", "Muammar Gaddafi"),
        ("Nikolas Sarkozy", "Nicolas Sarkozy"),
        ("Daesh", "Islamic State"),
        ("Islamic State", "Islamic State"),
        ("Hollande", "Francois Hollande"),
        ("Lecointre", "Francois Lecointre"),
        ("Syria", "Syria"),
        ("the Syrian Democratic Forces", "Syrian Democratic Forces"),
        ("Raqqa", "Raqqa"),
        ("Palmyra", "Palmyra"),  # the NER's PERSON, a place by the gazetteer
    ],
)
def test_seed_mentions_resolve_across_articles(seeds, seed_mentions, surface, actor) -> None:
    units, placed = units_of(seed_mentions)
    found = {seeds.actor_of[k] for m, k in placed if m.text == surface}
    assert found == {actor}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Syria", "Syrian Democratic Forces"),
        ("Francois Hollande", "Francois Lecointre"),
        ("Francois Hollande", "Nicolas Sarkozy"),
        ("Syria", "Syrian"),  # a country and a nationality adjective
        ("Islamic State", "Syria"),
    ],
)
def test_seed_non_merges(seeds, a, b) -> None:
    assert a in seeds.actors and b in seeds.actors


def test_seed_ner_type_errors_corrected(seeds) -> None:
    """What spaCy's small model gets wrong in the seeds: places typed person/organization, a
    demonym typed place, "Islamic" cut off "the Islamic State", a framing label in a name."""
    actors = seeds.actors
    assert actors["Palmyra"].type == "place" and actors["Palmyra"].country == "SY"
    assert actors["Hama"].type == "place" and actors["Hama"].country == "SY"
    assert actors["Kazakh"].type == "nationality" and actors["Kazakh"].lat is None
    assert "Islamic" not in actors
    assert not any("Takfiri" in a for a in actors["Islamic State"].aliases)
    # all six in seed 000's text (seed_doc does not clean it; a build drops the image caption and
    # finds five); the NER tags three, the others are untagged repeats
    assert seeds.counts["Raqqa"] == 6


def test_actor_types_and_places(seeds) -> None:
    actors = seeds.actors
    assert actors["Bashar al-Assad"].type == "person"
    assert actors["Islamic State"].type == "armed_group"
    assert actors["Syrian Democratic Forces"].type == "armed_group"
    assert actors["Syria"].type == "country" and actors["Syria"].country == "SY"
    raqqa = actors["Raqqa"]
    assert raqqa.type == "place" and raqqa.country == "SY" and "Ar Raqqah" in raqqa.aliases
    assert raqqa.lat == pytest.approx(35.95, abs=0.01) and raqqa.lon == pytest.approx(39.01, abs=0.01)
    assert {"ISIL", "Daesh"} & set(actors["Islamic State"].aliases) == {"Daesh"}


@pytest.mark.parametrize(
    ("name", "label", "kind", "country"),
    [
        ("Syrian", "NORP", "nationality", "SY"),
        ("Iraqis", "NORP", "nationality", "IQ"),  # plural of a demonym in "n"/"i"
        ("Americans", "NORP", "nationality", "US"),
        ("Islamic", "NORP", "other", None),  # a religion, no country
        ("Republican", "NORP", "other", None),  # a party
        ("Arab", "NORP", "other", None),  # left out of the lexicon on purpose: no one country
        ("Syria", "GPE", "country", "SY"),  # the country stays the country
    ],
)
def test_demonyms_are_nationalities_of_their_country(name, label, kind, country) -> None:
    actor = resolve(_units((name, label)), lexicon=AliasLexicon()).actors[name]
    assert (actor.type, actor.country) == (kind, country)


def test_seed_nationalities(seeds) -> None:
    assert (seeds.actors["Syrian"].type, seeds.actors["Syrian"].country) == ("nationality", "SY")
    assert (seeds.actors["French"].type, seeds.actors["French"].country) == ("nationality", "FR")


def test_every_join_is_explained(seeds) -> None:
    joins = seeds.explain("Islamic State")
    assert any(j.rule == "alias" and {j.a, j.b} >= {"Daesh"} for j in joins)
    assert all(j.rule and j.detail for j in seeds.joins)


def _units(*names: tuple[str, str]) -> dict[str, Unit]:
    from storyline.names import name_key

    return {name_key(n): Unit(n, Counter({label: 1})) for n, label in names}


def test_fuzzy_rule_joins_transliterations_without_the_lexicon() -> None:
    units = _units(
        ("Muammar Gaddafi", "PERSON"),
        ("Moammar Gadhafi", "PERSON"),
        ("Ted Cruz", "PERSON"),
        ("Tom Cruise", "PERSON"),
        ("Francois Hollande", "PERSON"),
        ("Francois Lecointre", "PERSON"),
    )
    res = resolve(units, lexicon=AliasLexicon())
    assert res.canonical("Moammar Gadhafi") == res.canonical("Muammar Gaddafi")
    assert res.canonical("Ted Cruz") != res.canonical("Tom Cruise")
    assert res.canonical("Francois Hollande") != res.canonical("Francois Lecointre")
    (join,) = [j for j in res.joins if j.rule == "fuzzy"]
    assert "similar spelling" in join.detail


def test_lone_surname_joins_the_only_full_name() -> None:
    units = _units(
        ("Thierry Mariani", "PERSON"),
        ("Mariani", "PERSON"),
        ("Smith", "PERSON"),
        ("John Smith", "PERSON"),
        ("Anna Smith", "PERSON"),
    )
    res = resolve(units, lexicon=AliasLexicon())
    assert res.canonical("Mariani") == "Thierry Mariani"
    assert res.canonical("Smith") == "Smith"  # two Smiths: stays apart


def test_an_initial_does_not_bridge_two_given_names() -> None:
    """ "J. Smith" agrees with "Jim Smith" and with "Joe Smith"; the two must stay apart, so it
    joins at most one of them."""
    units = _units(("J Smith", "PERSON"), ("Jim Smith", "PERSON"), ("Joe Smith", "PERSON"))
    res = resolve(units, lexicon=AliasLexicon())
    assert res.canonical("Jim Smith") != res.canonical("Joe Smith")


GIVEN = ["j", "jim", "joe", "james", "musa", "moussa", "jumma", "hasan", "m"]
SURNAMES = ["smith", "smyth", "ibrahim", "ibrahem"]


@settings(max_examples=200, deadline=None)
@given(
    st.sets(
        st.tuples(st.sampled_from(GIVEN + [""]), st.sampled_from(SURNAMES)),
        min_size=1,
        max_size=8,
    )
)
def test_no_actor_holds_two_incompatible_given_names(names) -> None:
    from storyline.names import given_names_agree

    units = _units(*((f"{g} {s}".strip(), "PERSON") for g, s in names))
    res = resolve(units, lexicon=AliasLexicon())
    for members in res.members.values():
        firsts = {m.split()[0].lower() for m in members if len(m.split()) >= 2}
        assert all(given_names_agree(a, b) for a in firsts for b in firsts), members


def test_user_split_and_join_are_respected() -> None:
    units = _units(
        ("Moamer Kadhafi", "PERSON"),
        ("Muammar Gaddafi", "PERSON"),
        ("Abu Example", "PERSON"),
        ("Ex Ample", "PERSON"),
    )
    res = resolve(units)
    assert res.canonical("Moamer Kadhafi") == res.canonical("Muammar Gaddafi")
    res = resolve(
        units, [Edit("split", "Moamer Kadhafi", "Muammar Gaddafi"), Edit("join", "Abu Example", "Ex Ample")]
    )
    assert res.canonical("Moamer Kadhafi") != res.canonical("Muammar Gaddafi")
    assert res.vetoed and res.vetoed[0].rule == "alias"
    assert res.canonical("Abu Example") == res.canonical("Ex Ample")
    alone = resolve(units, [Edit("split", "Moamer Kadhafi")])
    assert alone.canonical("Moamer Kadhafi") != alone.canonical("Muammar Gaddafi")


def test_build_actors_writes_actors_and_mentions_and_respects_edits(seed_mentions) -> None:
    con = duckdb.connect(":memory:")
    migrate(con)
    rows = [(m.article_id, m.start, m.end, m.label, m.text, m.actor) for ms in seed_mentions for m in ms]
    con.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)", rows)
    build_actors(con)
    (n_actors,) = con.execute("SELECT count(*) FROM actors").fetchone()
    assert n_actors > 30
    actors = dict(
        con.execute("SELECT text, actor FROM mentions WHERE text IN ('Daesh', 'Al Assad')").fetchall()
    )
    assert actors == {"Daesh": "Islamic State", "Al Assad": "Bashar al-Assad"}
    add_edit(con, "split", "Daesh", "Islamic State")
    build_actors(con)  # a rebuild reads the same mentions and applies the split
    (daesh,) = con.execute("SELECT DISTINCT actor FROM mentions WHERE text = 'Daesh'").fetchone()
    assert daesh != "Islamic State"
    (n_again,) = con.execute("SELECT count(*) FROM actors").fetchone()
    assert n_again == n_actors + 1
