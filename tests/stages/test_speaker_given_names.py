"""Speakers who share a surname: a full name resolves to the person of its own given name.

The resolver used to key persons by surname alone, so "Musa Ibrahim said", "Jumma Ibrahim said"
and "Hasan Ali Ibrahim said" in one article were one speaker (Timeline17 t17_libya_619, the
attributions audit of seed 17: 7 wrong names). A full name now keeps to the person whose given
names agree with it (``storyline.names.given_names_agree``, or one actor of the alias lexicon);
a bare surname shared by people of different given names takes the one the alias lexicon or the
honorific's gender singles out, else the one named first as before, unless another is named in
full more often: then it stays the bare surname.
"""

from __future__ import annotations

import pytest
from tests.conftest import speaker_of

from storyline.stages.attributions import extract_attributions
from storyline.testing import article_doc

# The audit article, cut down: three Ibrahims, the government spokesman named most.
LIBYA_619 = (
    'Abdel Salam Jalloud "is in Zintan and he is a free man among the rebels," said Jumma Ibrahim, '
    "a spokesman for the Military Council of the Western Mountain Region, a rebel group.\n\n"
    "Government spokesman Musa Ibrahim downplayed the movements Friday, saying rebel supply lines "
    "have been cut off from the coast and from the south.\n\n"
    '"We have paid a heavy price, and the prize is victory over those traitors," Ibrahim said.\n\n'
    "A NATO airstrike Thursday night killed a brother of Ibrahim, the government spokesman, a "
    "Libyan government official said.\n\n"
    "Hasan Ali Ibrahim, a younger brother of Musa Ibrahim, was working as a civilian volunteer "
    "for the Gadhafi government, the official said.\n\n"
    'Musa Ibrahim said on Saturday that "nobody will leave Tripoli."'
)

# (text, speaker words, which occurrence, expected canonical speaker)
RESOLVE = [
    # full names keep their own person
    (LIBYA_619, "Jumma Ibrahim", 0, "Jumma Ibrahim"),
    (LIBYA_619, "Musa Ibrahim", 0, "Musa Ibrahim"),
    (LIBYA_619, "Hasan Ali Ibrahim", 0, "Hasan Ali Ibrahim"),
    # the bare surname: Jumma Ibrahim is named first but Musa more often: no pick
    (LIBYA_619, "Ibrahim", 2, "Ibrahim"),
    (
        "Hillary Clinton spoke in Ohio. Her husband Bill Clinton was there. Bill Clinton said the state mattered.",
        "Bill Clinton",
        1,
        "Bill Clinton",
    ),
    (
        "Bill Clinton and Hillary Clinton came to Ohio. Hillary Clinton said the state mattered.",
        "Hillary Clinton",
        1,
        "Hillary Clinton",
    ),
    # Clinton as before: the bare surname is the Clinton named first (and no less often)
    (
        "Hillary Clinton spoke in Ohio on Monday. Her husband Bill Clinton was there. Hillary Clinton "
        "met voters later. Clinton said the state mattered.",
        "Clinton",
        3,
        "Hillary Clinton",
    ),
    # the honorific forms the alias lexicon knows
    (
        "Hillary Clinton spoke in Ohio. Her husband Bill Clinton was there. Mrs. Clinton said the state mattered.",
        "Mrs. Clinton",
        0,
        "Hillary Clinton",
    ),
    (
        "Hillary Clinton spoke in Ohio. Her husband Bill Clinton was there. Mr. Clinton said the state mattered.",
        "Mr. Clinton",
        0,
        "Bill Clinton",
    ),
    # the one named first is named less often: the bare surname picks neither
    (
        "Jumma Ibrahim spoke in Zintan. Musa Ibrahim spoke in Tripoli. Musa Ibrahim met NATO envoys. "
        "Ibrahim said the war was over.",
        "Ibrahim",
        3,
        "Ibrahim",
    ),
    # forms of one person's name still agree: an initial, the surname of two words, the same sounds
    (
        "James Smith, the mayor, opened the bridge on Monday. J. Smith said it cost too much.",
        "J. Smith",
        0,
        "James Smith",
    ),
    (
        "Marine Le Pen leads the National Front. Le Pen said the vote was a victory.",
        "Le Pen",
        0,
        "Marine le Pen",
    ),
    (
        "Moammar Gadhafi spoke on state television. Muammar Gadhafi said he would not leave.",
        "Muammar Gadhafi",
        0,
        "Moammar Gadhafi",
    ),
    # one surname, one person: unchanged
    (
        "Syrian President Bashar al-Assad spoke on Monday. Assad said the war was over.",
        "Assad",
        1,
        "Bashar al-Assad",
    ),
]


@pytest.mark.parametrize(("text", "words", "occurrence", "expected"), RESOLVE)
def test_speakers_of_one_surname(text: str, words: str, occurrence: int, expected: str) -> None:
    assert speaker_of(text, words, occurrence) == expected


def test_pronoun_after_the_other_person_of_the_surname() -> None:
    """'He' after Bill Clinton is Bill Clinton: the Clintons were one person named Hillary."""
    text = "Hillary Clinton spoke in Ohio on Monday. Later Bill Clinton arrived in Toledo. He said the state mattered."
    assert speaker_of(text, "He", 0) == "Bill Clinton"


def test_audit_article_attributions() -> None:
    """Through the attributions stage: each Ibrahim who speaks is named as himself (all three
    were "Hasan Ali Ibrahim", the longest name, who says nothing)."""
    doc = article_doc(LIBYA_619)
    got = {
        LIBYA_619[a.speaker_span.start : a.speaker_span.end]: a.speaker
        for a in extract_attributions(doc)
        if a.speaker_span is not None and "Ibrahim" in LIBYA_619[a.speaker_span.start : a.speaker_span.end]
    }
    assert got.get("Government spokesman Musa Ibrahim") == "Musa Ibrahim"
    assert got.get("Ibrahim") == "Ibrahim"  # Jumma named first, Musa more often: no pick
    assert any(k.startswith("Jumma Ibrahim") and v == "Jumma Ibrahim" for k, v in got.items())
    assert got.get("Musa Ibrahim") == "Musa Ibrahim"
    assert "Hasan Ali Ibrahim" not in got.values()
