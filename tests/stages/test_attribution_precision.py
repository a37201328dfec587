"""Attributions, precision side: nested attributions that restate their outer one are dropped,
reporting chains and quotes running on are kept."""

from __future__ import annotations

import pytest

from storyline.records import Attribution
from storyline.stages.attributions import extract_attributions
from storyline.testing import article_doc


def _attrs(text: str) -> list[Attribution]:
    return extract_attributions(article_doc(text))


def _contents(text: str) -> list[str]:
    return [" … ".join(s.text(text) for s in a.content) for a in _attrs(text)]


@pytest.mark.parametrize(
    ("text", "outer", "restated"),
    [
        # "declined to confirm X": "confirm" sits in the outer content with no source of its own there
        (
            "A campaign spokesman declined to confirm the purchases on Tuesday.",
            "to confirm the purchases on Tuesday",
            "the purchases on Tuesday",
        ),
        (
            "Trump declined to say who he plans to vote for in the primary.",
            "to say who he plans to vote for in the primary",
            "who he plans to vote for in the primary",
        ),
    ],
)
def test_restated_nested_attribution_is_dropped(text: str, outer: str, restated: str) -> None:
    contents = _contents(text)
    assert outer in contents
    assert restated not in contents


def test_reporting_chain_is_kept() -> None:
    text = (
        "Thierry Mariani, a French lawmaker, said Bashar al-Assad also declared himself willing "
        "to negotiate with nearly 100 rebel groups."
    )
    attrs = _attrs(text)
    inner = [a for a in attrs if a.speaker == "Bashar al-Assad"]
    assert inner and inner[0].parent is not None
    assert attrs[inner[0].parent].speaker == "Thierry Mariani"


def test_nested_attribution_with_words_of_its_own_is_kept() -> None:
    # the inner content runs on into the next paragraph's quote: not a restatement
    text = (
        "Bashar al-Assad denounced the coalition for supporting "
        "“those groups that represented the terrorists against the government.\n\n"
        "“They did not want to achieve peace in Syria.”"
    )
    assert any("They did not want to achieve peace" in c for c in _contents(text))


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        (
            '"In fact, when the Senate bill was proposed, he proposed giving them work permits," Rubio said.',
            "giving them work permits",
        ),
        (
            '"I have been warning throughout this campaign that North Korea is run by a lunatic," Rubio said.',
            "that North Korea is run by a lunatic",
        ),
    ],
)
def test_cue_inside_an_attributed_quote_is_not_a_second_attribution(text: str, inner: str) -> None:
    attrs = _attrs(text)
    contents = [" … ".join(s.text(text) for s in a.content) for a in attrs]
    assert inner not in contents
    assert [a.speaker for a in attrs] == ["Rubio"]


def test_weak_nested_attribution_outside_a_reporting_chain_is_dropped() -> None:
    text = (
        "He has criticized Clinton for accepting campaign donations and speaking fees from Wall Street firms."
    )
    attrs = _attrs(text)
    assert [a.cue.text(text) for a in attrs if a.cue] == ["criticized"]


def test_confident_nested_attribution_is_kept() -> None:
    text = "The St. Paul City Council approved a resolution condemning the remarks."
    assert "the remarks" in _contents(text)


def _cues(text: str) -> list[str]:
    return [text[a.cue.start : a.cue.end] for a in _attrs(text) if a.cue is not None]


@pytest.mark.parametrize(
    ("text", "cue", "kept"),
    [
        # a past participle of a non-speech verb modifying a noun reports nothing
        (
            "Four sergeants from Denmark are to face a court martial accused of mistreating Iraqi prisoners.",
            "accused",
            False,
        ),
        ("The senators attended hearings intended to consider help for Puerto Rico.", "intended", False),
        # the same verb as the clause's own verb stays
        ("Human rights groups accused the sergeants of mistreating Iraqi prisoners.", "accused", True),
        # infinitive and -ing modifiers stay (PolNeAR annotates them often enough)
        ("Trump's refusal to denounce the group angered many Republicans.", "denounce", True),
        # a speech verb modifying a noun stays: "a report saying X"
        ("Amnesty issued a report saying the new rulers were abusing prisoners.", "saying", True),
    ],
)
def test_noun_modifying_past_participle_cue_is_dropped(text: str, cue: str, kept: bool) -> None:
    assert (cue in _cues(text)) is kept
