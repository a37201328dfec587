"""Numeric claims: phrase tables and golden claims of the seeds (number parsing: tests/test_numbers.py)."""

from __future__ import annotations

import pytest

from storyline.records import Attribution, Span, Timex
from storyline.seeds import seed_doc
from storyline.stages.actors_local import resolve_mentions
from storyline.stages.claims import extract_claims, measure_of
from storyline.testing import article_doc


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The war has killed more than 300,000 people.", (300000, "more than", "people killed")),
        ("At least 14 rebels were among the dead.", (14, "at least", "rebels")),
        ("He met nearly 100 rebel groups.", (100, "nearly", "rebel groups")),
        ("Some 13,000 people were hanged at the prison.", (13000, "about", "people hanged")),
        ("The blast killed 48 people near the border.", (48, None, "people killed")),
        (
            "The violence has displaced half the country's population.",
            (0.5, None, "country's population displaced"),
        ),
        ("Police arrested two million protesters.", (2_000_000, None, "protesters arrested")),
        ("Almost 2,000 troops were deployed.", (2000, "nearly", "troops deployed")),
    ],
)
def test_claim_phrases(text: str, claim: tuple) -> None:
    (found,) = extract_claims(article_doc(text))
    assert (found.value, found.qualifier, found.counts) == claim
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    "text",
    [
        "The talks are due to begin in Geneva on February 23.",  # a date
        "It was the fifth time negotiators met.",  # an ordinal
        "The two countries signed a deal.",  # a small word number, no claim
        "He spoke on Europe 1 radio.",  # part of a name
        "The war began in 2011.",  # a year
    ],
)
def test_non_claims(text: str) -> None:
    assert extract_claims(article_doc(text)) == []


def _claims(n: int) -> dict[str, tuple]:
    doc = seed_doc(n)
    doc.mentions = resolve_mentions(doc)
    return {c.text: (c.value, c.qualifier, c.counts, c.claimant) for c in extract_claims(doc)}


def test_seed_000_claims() -> None:
    claims = _claims(0)
    assert claims["some 13,000 people were hanged"] == (
        13000,
        "about",
        "people hanged",
        "Amnesty International",
    )
    assert claims["more than 300,000 people"] == (300000, "more than", "people killed", None)
    assert claims["more than 300,000 lives"][:2] == (300000, "more than")
    assert claims["half the country\u2019s population"][0] == 0.5


def test_seed_001_claims_with_claimants() -> None:
    claims = _claims(1)
    assert claims["at least 14 rebels"] == (14, "at least", "rebels", "Syrian Observatory for Human Rights")
    assert claims["more than 310,000 people"] == (310000, "more than", "people killed", None)
    assert claims["nearly 100 rebel groups"][:3] == (100, "nearly", "rebel groups")


def test_seed_003_strength_claim() -> None:
    claims = _claims(3)
    assert claims["more than 1,000-strong"] == (1000, "more than", "French troop contingent", None)


def test_claimant_from_an_attribution_and_time_from_a_timex() -> None:
    text = "Officials believe that 200 people died in the flood last week."
    doc = article_doc(text, published="2020-05-10")
    content = Span(text.index("200"), len(text) - 1)
    doc.attributions = [Attribution("test", 0, "indirect", (content,), speaker="Officials of Ruritania")]
    doc.timexes = [Timex("test", text.index("last week"), text.index("last week") + 9, "DATE", "2020-W18")]
    (claim,) = extract_claims(doc)
    assert claim.claimant == "Officials of Ruritania"
    assert claim.as_of == "2020-W18"
    assert extract_claims(article_doc("200 people died.", published="2020-05-10"))[0].as_of == "2020-05-10"


@pytest.mark.parametrize(
    ("counts", "measure"),
    [
        ("people killed", "deaths"),
        ("lives claimed", "deaths"),
        ("people lost lives", "deaths"),
        ("people hanged", "executions"),
        ("French troop contingent", "troops"),
        (None, None),
    ],
)
def test_measure_of(counts: str | None, measure: str | None) -> None:
    assert measure_of(counts) == measure


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("They fired at least 216 surface-to-air missiles.", "surface-to-air missiles"),
        ("They sent a 1,000-strong force.", "force"),
        (
            "The French troop contingent -- currently more than 1,000-strong -- stays.",
            "French troop contingent",
        ),
    ],
)
def test_what_is_counted_is_quoted_as_written(text: str, counts: str) -> None:
    (claim,) = extract_claims(article_doc(text))
    assert claim.counts == counts


# Sentence -> every claim found, as (text, value, qualifier, counts): the error classes of the
# Timeline17 audit (evaluation/claims_audit.py --seed 7), Timeline17's tokenized spelling kept.
@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # numbers written in words across "and" and hyphens
        (
            "The earthquake killed around two hundred and fifty thousand people .",
            [("around two hundred and fifty thousand people", 250_000, "about", "people killed")],
        ),
        (
            "Weeks of rain have led to two-hundred thousand people losing their homes .",
            [("two-hundred thousand people", 200_000, None, "people")],
        ),
        (
            "Children make up almost half of Haiti 's 10-million population .",
            [
                (
                    "almost half of Haiti 's 10-million population",
                    0.5,
                    "nearly",
                    "Haiti's 10 - million population",
                ),
                ("10-million population", 10_000_000, None, "population"),
            ],
        ),
        # a fraction of a number, "a" before a scale, qualifiers after the number
        (
            "Misrata is a city of half a million people .",
            [("half a million people", 500_000, None, "people")],
        ),
        (
            "It could affect three-quarters of a million Britons .",
            [("three-quarters of a million Britons", 750_000, None, "Britons")],
        ),
        (
            "A convoy carried about a dozen trucks .",
            [("about a dozen trucks", 12, "about", "trucks")],
        ),
        (
            "Boards consist of a dozen or more well-known executives .",
            [("a dozen or more well-known executives", 12, "at least", "well-known executives")],
        ),
        # ranges: the lower number, "at least"; "from ... to" is a change, the later number counts
        (
            "Seasonal influenza kills 250,000 to 500,000 people every year .",
            [("250,000 to 500,000 people", 250_000, "at least", "people killed")],
        ),
        (
            "Seasonal flu causes 250000-500000 deaths .",
            [("250000-500000 deaths", 250_000, "at least", "deaths")],
        ),
        (
            "Between 2 and 3 million people fled .",
            [("Between 2 and 3 million people", 2_000_000, "at least", "people fled")],
        ),
        (
            "He was going to kill two - or three-hundred Americans .",
            [("two - or three-hundred Americans", 200, "at least", "Americans killed")],
        ),
        ("The toll rose from 20 to 30 people .", [("30 people", 30, None, "people")]),
        # plural numbers: the least they mean
        (
            "Rights groups say hundreds of people have been killed .",
            [("hundreds of people", 200, "at least", "people killed")],
        ),
        (
            "The quake is feared to have killed tens of thousands of people .",
            [("tens of thousands of people", 20_000, "at least", "people killed")],
        ),
        (
            "He would not kill several hundred people .",
            [("several hundred people", 200, "at least", "people killed")],
        ),
        (
            "Hama , in which many thousands were killed in 1982 .",
            [("thousands", 2000, "at least", "killed")],
        ),
        (
            "Turkey is preparing to take in thousands more refugees .",
            [("thousands more refugees", 2000, "at least", "more refugees")],
        ),
        # a number with a thousands comma is no date, whatever the NER says
        (
            "Colonel Riad al-Asaad said last week 10,000 soldiers had deserted .",
            [("10,000 soldiers", 10_000, None, "soldiers")],
        ),
        # percentages
        (
            "Libya once supplied two percent of the world 's oil .",
            [("two percent of the world 's oil", 2, None, "percent of world 's oil")],
        ),
        (
            "What we know is that something like half to sixty per cent of the money has n't yet made it here .",
            [("sixty per cent of the money", 60, None, "percent of money")],
        ),
        # what is counted
        (
            "Clashes led to the deaths of at least 32 people .",
            [("at least 32 people", 32, "at least", "deaths of people")],
        ),
        (
            "An 80-strong rescue team was heading for the capital .",
            [("80-strong rescue team", 80, None, "rescue team")],
        ),
        (
            "They said 12 people had been killed and 30 injured .",
            [
                ("12 people had been killed", 12, None, "people killed"),
                ("30 injured", 30, None, "injured"),
            ],
        ),
    ],
)
def test_claim_table(text: str, claims: list[tuple]) -> None:
    found = [(c.text, c.value, c.qualifier, c.counts) for c in extract_claims(article_doc(text))]
    assert found == [(t, pytest.approx(v), q, n) for t, v, q, n in claims]


@pytest.mark.parametrize(
    "text",
    [
        "Misrata lies 200 km -LRB- 125 miles -RRB- east of Tripoli .",  # distances
        "A 7.0-magnitude quake struck the capital .",  # a magnitude
        "Corpses Used In Aid Protest - 9 hrs ago Guardian .",  # a time
        "Look , I 'm at the start of my administration .",  # "'m" is no million
        "The government has donated more than # 6m to the rescue efforts .",  # money (# is the pound sign)
        "3 -RRB- The Roots",  # a numbered list item
        "Fannie Mae agreed to pay hundreds of millions of dollars in fines .",  # money
        "He said one in four Britons could die .",  # a ratio
    ],
)
def test_table_non_claims(text: str) -> None:
    assert extract_claims(article_doc(text)) == []


# Sentence -> the claimant of its one claim: the subject of the verb of saying that introduces it.
@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Activists say at least 100 people died .", "Activists"),
        ("Rights groups say over 1,100 civilians have been killed since March .", "Rights groups"),
        ("Mexican officials say the virus is suspected in more than 160 deaths .", "Mexican officials"),
        (
            "U.S. planes fired at three Libyan boats , military officials said in a statement .",
            "military officials",
        ),
        ("A witness in Damascus told Reuters he saw 40 tanks heading north .", "witness"),
        ("The United Nations said the crackdown has killed 3,000 people .", "United Nations"),
    ],
)
def test_claimant_is_the_subject_of_saying(text: str, claimant: str) -> None:
    doc = article_doc(text)
    doc.mentions = resolve_mentions(doc)
    (claim,) = extract_claims(doc)
    assert claim.claimant == claimant


@pytest.mark.parametrize(
    ("text", "timex", "value", "as_of"),
    [
        # a count "since" a date is as of the report, not as of the date
        ("Over 1,100 civilians have been killed since March .", "March", "2011-03", "2011-06-08"),
        (
            "More than 5,000 people have been killed since protests first erupted last March .",
            "last March",
            "2011-03",
            "2011-06-08",
        ),
        (
            "Some 100 tents are now up near the border .",
            "now",
            "PRESENT_REF",
            "2011-06-08",
        ),  # no calendar date
        ("At least 100 people died on Friday .", "Friday", "2011-06-03", "2011-06-03"),
    ],
)
def test_as_of_date(text: str, timex: str, value: str, as_of: str) -> None:
    doc = article_doc(text, published="2011-06-08")
    doc.timexes = [Timex("test", text.index(timex), text.index(timex) + len(timex), "DATE", value)]
    (claim,) = extract_claims(doc)
    assert claim.as_of == as_of
