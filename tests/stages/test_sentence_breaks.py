"""A heading or a paragraph ends its sentence (storyline.nlp: the line-break component before the
parser); a line wrapped mid-sentence does not, and offsets stay those of the text."""

from __future__ import annotations

import pytest

from storyline.nlp import LINE_BREAKS, line_break_starts, load_nlp
from storyline.stages.document import parse
from storyline.stages.events import extract_events
from storyline.stages.timexes import extract_timexes
from storyline.testing import article_doc


def _forced(text: str) -> list[str]:
    """The words the component makes sentence starts, as the tokenizer cuts the text."""
    doc = load_nlp().make_doc(text)
    return [doc[i].text for i in line_break_starts(text, [(t.idx, t.text) for t in doc])]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # the QA case: a headline with no full stop, a blank line, the body
        ("Vote set for May\n\nSyrian officials said the vote would be held.", ["Syrian"]),
        # a blank line after a full stop starts a sentence too (the parser mostly did already)
        ("He left.\n\nShe stayed.", ["She"]),
        ("He left.\n \n\nShe stayed.", ["She"]),
        # a heading on a line of its own, no blank line (PolNeAR: titles, subtitles, list numbers)
        ("Campaign cash tied to Turkish group; \nSen. Kelly Ayotte returns the money.", ["Sen."]),
        ("The Republican Tax Plans Would All Cost A Fortune\nA reminder: the plans cost a lot.", ["A"]),
        ("Pierre Heslouin, 74\nHeslouin, a Frenchman, was traveling.", ["Heslouin"]),
        ("Top stories\n“We will win,” he said.", ["“"]),
        ("Results\n2016 was a year of change.", ["2016"]),
        # a line wrapped mid-sentence: the next line opens in lower case
        ("getting them to participate personally\nin caucuses and primaries.", []),
        # a line that goes on: after a comma, a colon (a quote or a list follows), a dash
        ("The president said,\nWe will not give in.", []),
        ("He wrote:\n\n“Has the candidate a record of activism?”", []),
        ("Blackwell wrote:\n“Cruz is the one.”", []),
        ("and Sen. Joseph R. Biden Jr. -LRB- D-Del . -RRB-\nAlaska Gov. Sarah Palin", []),
        # a line that ends in sentence punctuation: left to the parser
        ("He met Mr.\nSmith on Monday.", []),
        ("He left .\nShe stayed .", []),
        # one line: nothing
        ("Vote set for May. Syrian officials said so.", []),
    ],
)
def test_line_break_starts(text: str, starts: list[str]) -> None:
    assert _forced(text) == starts


def test_the_pipeline_runs_the_component_before_the_parser() -> None:
    names = load_nlp().pipe_names
    assert names.index(LINE_BREAKS) < names.index("parser")


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # one sentence from "Vote" to "held." before
        (
            "Vote set for May\n\nSyrian officials said on Monday that the vote would be held in May.",
            ["Vote set", "Syrian officials"],
        ),
        (
            "The Paris Climate Agreement Is One Huge Step For Mankind\n"
            "Speaking with one voice, the leaders signed the deal on Saturday.",
            ["The Paris", "Speaking with"],
        ),
        # a wrapped line stays one sentence
        (
            "Supporters of other candidates are not getting them to participate personally\n"
            "in caucuses and primaries, Blackwell wrote.",
            ["Supporters of"],
        ),
    ],
)
def test_sentence_starts_of_the_parse(text: str, starts: list[str]) -> None:
    doc = parse(load_nlp(), text)
    assert doc.text == text  # offsets are into the text itself
    got = [s.start_char for s in doc.sents]
    assert len(got) == len(starts)
    assert [text[i : i + len(w)] for i, w in zip(got, starts, strict=True)] == starts


def test_a_headline_is_its_own_sentence_in_the_parse() -> None:
    """The parser may cut the body further; the headline ends at the blank line either way."""
    text = (
        "France rules out cooperation with Syria against Islamic State\n\n"
        "Francois Hollande says Assad cannot be a partner against terrorism."
    )
    sents = list(parse(load_nlp(), text).sents)
    assert sents[0].text.rstrip() == "France rules out cooperation with Syria against Islamic State"
    # and the body's first word is no sentence of its own (the parser made "Francois" one)
    assert sents[1].text.startswith("Francois Hollande says")


def test_a_dated_event_does_not_start_with_the_headline() -> None:
    text = "Vote set for May\n\nSyrian officials said on Monday that the vote would be held on May 7."
    doc = article_doc(text, published="2017-03-01")
    doc.timexes = extract_timexes(doc)
    body = text.index("Syrian")
    events = [e for e in extract_events(doc) if e.timex_start >= body]
    assert events  # "on May 7" (before, the event's sentence was "Vote set for May\n\nSyrian ...")
    for event in events:
        assert event.start == body, event
        assert "Vote set" not in event.description, event
