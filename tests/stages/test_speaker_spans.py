"""Speaker spans: which words of the sentence are the source of a cue (what PolNeAR scores),
one table row per rule: (text, cue word, expected speaker span)."""

from __future__ import annotations

import pytest

from storyline.stages.attributions import extract_attributions
from storyline.stages.speaker_spans import speaker_after_quote
from storyline.testing import article_doc

# (text, cue, speaker span or None)
SPANS = [
    # object control: the object of "lead", "leave", "prompt", "urge" is the infinitive's subject
    (
        "The defeat in Iowa led many Republicans to declare that the race was over.",
        "declare",
        "many Republicans",
    ),
    ("The ruling left some lawmakers to wonder whether the law would survive.", "wonder", "some lawmakers"),
    (
        "The scandal prompted Anderson Cooper to accuse the attorney general of hypocrisy.",
        "accuse",
        "Anderson Cooper",
    ),
    ("The campaign urged its supporters to say that the election was rigged.", "say", "its supporters"),
    # ... but not for other verbs: the subject still says it
    (
        "The senator used much of his speech to criticize the governor for the delays.",
        "criticize",
        "The senator",
    ),
    # an infinitive that describes a noun: the subject of the clause that holds the noun speaks
    (
        "The governor held a press conference on Friday to announce that the state would sue.",
        "announce",
        "The governor",
    ),
    (
        "Senators Kirk and Collins were the only Republicans to vote against the bill.",
        "vote",
        "Senators Kirk and Collins",
    ),
    (
        "The judge pointed to an earlier ruling to argue that the records must be released.",
        "argue",
        "The judge",
    ),
    # ... but a noun with an owner keeps it: the owner is the source
    ("Trump's refusal to denounce the group angered many Republicans.", "denounce", "Trump's refusal"),
    # a passive cue with no agent has no source: who asked is not named (an opening "Asked" the
    # parser tags a past tense, "after being asked")
    (
        'Asked what a firm commitment looks like, Devine replied: "We are a long way off from that."',
        "Asked",
        None,
    ),
    ("His comments came after being asked yet again to defend his criticism of the plan.", "asked", None),
    # a name right after a cue that follows a quote, which the parser hung elsewhere
    (
        '"The risk," said Edward Leamer, an economist at the university, "is that we lose jobs."',
        "said",
        "Edward Leamer",
    ),
    # a piece of the quote the parser took for the subject of the cue after it
    ('"Every single amendment," said Cruz, who had introduced some of those amendments.', "said", "Cruz"),
    ('"Meh," wrote a Trump supporter who runs the Twitter account.', "wrote", "a Trump supporter"),
    # a subject the parser did not give the cue: the perfect "'s said" read as a passive, a verb
    # hung as "dep" on its subject noun or on the previous verb
    ("He's said he gets his ideas about monetary policy from a novel.", "said", "He"),
    (
        "Majorities of Democrats in five states going to the polls Tuesday say they would be satisfied.",
        "say",
        "Majorities of Democrats in five states",
    ),
    ("Clinton paused, then revealed why the activism was especially moving.", "revealed", "Clinton"),
    ("It's been reported that the senator will resign.", "reported", None),
    # a relative "that" on a thing its maker put out: the maker speaks
    ("Senator Paul has released a video that accuses Cruz of welcoming refugees.", "accuses", "Senator Paul"),
    (
        "The newspaper ran a piece that noted his plan would benefit affluent households.",
        "noted",
        "The newspaper",
    ),
    # a participle the parser hung on a "that" clause completing the verb's object
    (
        "The senator denied the notion that a shakeup is coming, explaining that he was unaware of the interview.",
        "explaining",
        "The senator",
    ),
    # a subject the parser hung inside the phrase that opens the sentence
    (
        "At the town hall in Ho Chi Minh City, a young woman who had studied in Montana asked Obama "
        "what he thought of the candidates.",
        "asked",
        "a young woman",
    ),
]


@pytest.mark.parametrize(("text", "cue", "speaker"), SPANS)
def test_speaker_span(text: str, cue: str, speaker: str | None) -> None:
    attrs = [
        a for a in extract_attributions(article_doc(text)) if a.cue is not None and a.cue.text(text) == cue
    ]
    assert attrs, f"no attribution with the cue {cue!r}"
    got = attrs[0].speaker_span.text(text) if attrs[0].speaker_span is not None else None
    assert got == speaker


def test_speaker_between_a_quote_and_a_verb_the_parser_left_without_subject() -> None:
    """'"...," Ramos, 58, told AFP' parsed (as in some articles) with "Ramos" hung on the quote:
    the noun phrase after the closing quote mark is the speaker. The parse is built by hand: on
    a sentence alone the parser finds the subject itself."""
    import spacy
    from spacy.tokens import Doc

    words = ['"', "It", "is", "over", ",", '"', "Ramos", ",", "58", ",", "told", "AFP", "."]
    heads = [2, 2, 2, 2, 2, 2, 2, 6, 6, 10, 10, 10, 10]
    deps = [
        "punct",
        "nsubj",
        "ROOT",
        "acomp",
        "punct",
        "punct",
        "npadvmod",
        "punct",
        "appos",
        "punct",
        "ROOT",
        "dobj",
        "punct",
    ]
    pos = [
        "PUNCT",
        "PRON",
        "AUX",
        "ADJ",
        "PUNCT",
        "PUNCT",
        "PROPN",
        "PUNCT",
        "NUM",
        "PUNCT",
        "VERB",
        "PROPN",
        "PUNCT",
    ]
    tags = ["``", "PRP", "VBZ", "JJ", ",", "''", "NNP", ",", "CD", ",", "VBD", "NNP", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    span = speaker_after_quote(doc[10])
    assert span is not None and doc.text[span[0] : span[1]] == "Ramos"
    assert speaker_after_quote(doc[2]) is None  # "is" has its subject
