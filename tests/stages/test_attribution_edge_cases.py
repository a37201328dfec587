"""Attributions on odd input and the lexicon they are given: a dateline the parser took for the
speaker, a "Head: rest" line with no head, a content cut by the lexicon passed (not the default)."""

from __future__ import annotations

import dataclasses

import pytest

from storyline.stages.attribution_filters import drop_datelines
from storyline.stages.attribution_headlines import headline_candidates
from storyline.stages.attribution_spans import Candidate
from storyline.stages.attributions import extract_with_keys
from storyline.stages.cue_lexicon import load_cues
from storyline.testing import article_doc


@pytest.mark.parametrize(
    ("text", "parser_source", "speaker"),
    [
        # the parser took the dateline for the subject of "said": the name between it and the cue
        (
            "PARIS: Francois Hollande said on Tuesday that the talks would resume.",
            "PARIS",
            "Francois Hollande",
        ),
        # no name between the dateline and the cue: no speaker
        ("PARIS: Officials said on Tuesday that the talks would resume.", "PARIS", None),
    ],
)
def test_dateline_taken_for_the_speaker_falls_back_to_the_name_after_it(
    text: str, parser_source: str, speaker: str | None
) -> None:
    doc = article_doc(text)
    cue = text.index(" said") + 1
    cue_token = next(t.i for t in doc.doc if t.idx == cue)
    source = (text.index(parser_source), text.index(parser_source) + len(parser_source))
    cand = Candidate((cue, cue + len("said")), cue_token, "speech", source, [], key="say/speech")
    (out,) = drop_datelines([cand], doc)
    assert (text[out.source[0] : out.source[1]] if out.source else None) == speaker


@pytest.mark.parametrize(
    "text",
    [
        " : the rest of it here was said",
        "The senator spoke.\n   : the rest of it here was said by nobody",
        "\t:\tthe rest of it here was said",
    ],
)
def test_line_with_no_head_before_its_colon_is_no_headline(text: str) -> None:
    assert headline_candidates(article_doc(text), load_cues()) == []


@pytest.mark.parametrize(
    ("worry_is_speech", "content"),
    [
        (False, "the plan was working and worried that it would fail"),
        (True, "the plan was working"),
    ],
)
def test_content_is_cut_by_the_lexicon_passed(worry_is_speech: bool, content: str) -> None:
    # "worried", a conjunct of the reported clause, is cut as the speaker's next cue only when the
    # lexicon passed (here the learner's open-class one) holds it as a speech cue, whatever the
    # default lexicon's learned weights say
    text = "Clinton said the plan was working and worried that it would fail."
    lex = load_cues(open_class=True)
    classes = {k: v for k, v in lex.classes.items() if k != "worry"}
    if worry_is_speech:
        classes["worry"] = ("speech",)
    lex = dataclasses.replace(lex, classes=classes)
    said = [a for a, _ in extract_with_keys(article_doc(text), lex) if a.cue and a.cue.text(text) == "said"]
    assert [" … ".join(s.text(text) for s in a.content) for a in said] == [content]
