"""Attributions, recall side: constructions that PolNeAR train annotates and the cue verbs miss
(speaker labels "FALLIN: ...", "Sanders: ...", "Poll: ..."), and what must stay unattributed."""

from __future__ import annotations

import pytest

from storyline.records import Attribution
from storyline.stages.attributions import extract_attributions
from storyline.testing import article_doc


def _attrs(text: str) -> list[Attribution]:
    return extract_attributions(article_doc(text))


def _by_content(text: str) -> dict[str, Attribution]:
    return {" … ".join(s.text(text) for s in a.content): a for a in _attrs(text)}


# (text, content, speaker span text, canonical speaker or None, cue)
LABELS = [
    # a transcript: the label is the surname of a person the article names
    (
        "Jake Tapper interviewed Governor Mary Fallin on Sunday.\n\n"
        "FALLIN: I think he is trying to campaign as a racial healer.",
        "I think he is trying to campaign as a racial healer.",
        "FALLIN",
        "Mary Fallin",
        ":",
    ),
    (
        "Jake Tapper interviewed Governor Mary Fallin on Sunday.\n\nTAPPER: Do you trust him with his words?",
        "Do you trust him with his words?",
        "TAPPER",
        "Jake Tapper",
        ":",
    ),
    # a headline the parser tags no name in
    (
        "Sanders: Clinton email story has moved.\n\nBernie Sanders spoke in Iowa on Sunday.",
        "Clinton email story has moved.",
        "Sanders",
        None,
        ":",
    ),
    # a transcript: an upper-case label that opens several lines, named nowhere else
    (
        "KATE BOULDUAN: Why not debate in New York?\n\nJOEL BENENSON: Senator Sanders does not decide.\n\n"
        "BOULDUAN: You were open to more debates.\n\nBENENSON: We will debate him again.",
        "Senator Sanders does not decide.",
        "JOEL BENENSON",
        None,
        ":",
    ),
    # a source noun of the lexicon
    (
        "Poll: Trump and Clinton hold narrow leads in Pennsylvania.\n\nThe race is close.",
        "Trump and Clinton hold narrow leads in Pennsylvania.",
        "Poll",
        None,
        ":",
    ),
    (
        "Q: Did the immigration service take care of you?\n\nA: No, no one checked up on me.",
        "Did the immigration service take care of you?",
        "Q",
        None,
        ":",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker_text", "speaker", "cue"), LABELS)
def test_speaker_label_says_the_rest_of_its_line(
    text: str, content: str, speaker_text: str, speaker: str | None, cue: str
) -> None:
    a = _by_content(text)[content]
    assert a.speaker_span is not None and a.speaker_span.text(text) == speaker_text
    assert a.cue is not None and a.cue.text(text) == cue
    assert a.speaker == speaker
    assert a.type == "indirect"


@pytest.mark.parametrize(
    "text",
    [
        # a dateline and a day are no speakers, whatever the line's length
        "PARIS: Francois Hollande met Angela Merkel in Paris on Monday to discuss the crisis.",
        "Tuesday: The Senate votes on the budget bill for next year.\n\nMitch McConnell leads the Senate.",
        # a dateline and a heading in upper case, each opening one line only, make no transcript
        "TOP STORIES: The Senate votes on the budget bill today.\n\nPARIS: The summit opens on Monday with forty leaders.",
        # a heading whose last word names nobody of the article
        "The bottom line: Mitch McConnell will not hold hearings this year.",
    ],
)
def test_line_heads_that_name_nobody_are_no_speakers(text: str) -> None:
    assert all(a.cue is None or a.cue.text(text) != ":" for a in _attrs(text))


# (text, content, speaker span text, cue): an "as" clause reports the clause it modifies
AS_CLAUSES = [
    (
        "As Politico revealed, most of the payments for books went to the chairman of the super PAC.",
        "most of the payments for books went to the chairman of the super PAC.",
        "Politico",
        "revealed",
    ),
    (
        "Roger Ailes also met with Mr. Trump that day, as The New York Times reported on Tuesday.",
        "Roger Ailes also met with Mr. Trump that day",
        "The New York Times",
        "reported",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker_text", "cue"), AS_CLAUSES)
def test_as_clause_reports_the_clause_it_modifies(
    text: str, content: str, speaker_text: str, cue: str
) -> None:
    a = _by_content(text)[content]
    assert a.speaker_span is not None and a.speaker_span.text(text) == speaker_text
    assert a.cue is not None and a.cue.text(text) == cue
    assert a.type == "indirect"


# (text, content, speaker span text, cue): a stance adjective after a copula
ADJECTIVES = [
    (
        "Senator Ted Cruz has been critical of the nuclear deal with Iran.",
        "the nuclear deal with Iran",
        "Senator Ted Cruz",
        "critical of",
    ),
    (
        "Donald Trump is eager to debate Hillary Clinton again.",
        "to debate Hillary Clinton again",
        "Donald Trump",
        "eager",
    ),
    (
        "Many Democrats are concerned that the party will lose the Senate.",
        "that the party will lose the Senate",
        "Many Democrats",
        "concerned",
    ),
]


@pytest.mark.parametrize(("text", "content", "speaker_text", "cue"), ADJECTIVES)
def test_stance_adjective_attributes_its_complement(
    text: str, content: str, speaker_text: str, cue: str
) -> None:
    a = _by_content(text)[content]
    assert a.speaker_span is not None and a.speaker_span.text(text) == speaker_text
    assert a.cue is not None and a.cue.text(text) == cue


def test_adjective_that_train_shows_unreliable_is_no_cue() -> None:
    # "ready/adj" is right 1 time in 12 on PolNeAR train: its learned weight drops it
    text = "The troops are ready for a long campaign in the north."
    assert _attrs(text) == []
