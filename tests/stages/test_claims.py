"""Numeric claims: number parsing tables, phrase tables and golden claims of the seeds."""

from __future__ import annotations

import pytest

from storyline.records import Attribution, Span, Timex
from storyline.seeds import seed_doc
from storyline.stages.actors_local import resolve_mentions
from storyline.stages.claims import extract_claims, measure_of, parse_number
from storyline.testing import article_doc


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("13,000", 13000),
        ("310,000", 310000),
        ("100", 100),
        ("1.5", 1.5),
        ("1,000-strong", 1000),
        ("six", 6),
        ("twenty five", 25),
        ("twenty-five", 25),
        ("two million", 2_000_000),
        ("1.5 million", 1_500_000),
        ("two hundred", 200),
        ("three hundred thousand", 300_000),
        ("a dozen", 12),
        ("half", 0.5),
        ("two-thirds", 0.6667),
        ("a thousand", 1000),
        ("many", None),
        ("Raqqa", None),
    ],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == (pytest.approx(value) if value is not None else None)


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
