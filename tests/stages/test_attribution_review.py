"""Attributions: speaker and content errors found in a review of the seed dossier
(BENCHMARKS.md "Attributions", seed review). Each row: a text and the attributions expected
of it, as (cue, speaker span, content), and contents no attribution may hold."""

from __future__ import annotations

import pytest

from storyline.stages.attributions import extract_attributions
from storyline.testing import article_doc


def _attributions(text: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (
            a.cue.text(text) if a.cue else None,
            a.speaker_span.text(text) if a.speaker_span else None,
            " … ".join(s.text(text) for s in a.content),
        )
        for a in extract_attributions(article_doc(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "adding" hung on a clause inside the quote before it: the one adding is the subject
        # of the "he said" that introduced that quote
        (
            "Regarding torture, he said, “We don’t do this, it’s not our policy,” adding: "
            "“Torture for what? ... For sadism? ... to get information? We have all the information.”",
            [
                ("said", "he", "“We don’t do this, it’s not our policy,”"),
                (
                    "adding",
                    "he",
                    "“Torture for what? ... For sadism? ... to get information? We have all the information.”",
                ),
            ],
        ),
        # a participle after a parenthetical "he said": he denounces, not the clause's subject
        (
            "While Turkey, Russia and Iran take the lead in the talks in Astana, the West has become "
            "“passive”, he said, denouncing the coalition for supporting the rebels.",
            [("denouncing", "he", "the coalition for supporting the rebels")],
        ),
        # without the parenthetical the participle keeps the clause's subject
        (
            "The West has become passive, denouncing the coalition for supporting the rebels.",
            [("denouncing", "The West", "the coalition for supporting the rebels")],
        ),
        # a quoted phrase inside a relative clause is not the content of a cue outside it
        (
            "PARIS, France — France’s president rejected Thursday any cooperation with Bashar Assad, "
            "whom he accused of being a “de facto ally” of jihadists wreaking havoc in Syria and Iraq, "
            "and urged a “humanitarian and military” response to the threat.",
            [
                ("rejected", "France’s president", "any cooperation with Bashar Assad"),
                ("urged", "France’s president", "“humanitarian and military”"),
            ],
        ),
        # a content that stops before a quote's closing mark ends at it
        (
            "And on Libya, which he said was his current “major concern,” Hollande called on the "
            "United Nations to provide special support for authorities in the north African nation.",
            [
                ("said", "he", "which he said was his current “major concern,”"),
                (
                    "called",
                    "Hollande",
                    "to provide special support for authorities in the north African nation",
                ),
            ],
        ),
    ],
)
def test_review_table(text: str, expected: list[tuple[str | None, str | None, str]]) -> None:
    got = _attributions(text)
    for row in expected:
        assert row in got


def test_quote_in_relative_clause_is_not_urged() -> None:
    text = (
        "PARIS, France — France’s president rejected Thursday any cooperation with Bashar Assad, "
        "whom he accused of being a “de facto ally” of jihadists wreaking havoc in Syria and Iraq, "
        "and urged a “humanitarian and military” response to the threat."
    )
    assert not any("de facto" in content for _, _, content in _attributions(text))
