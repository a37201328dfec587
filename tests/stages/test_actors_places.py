"""Per-article actors: NER types the actors stage corrects with the gazetteer and the lexicons.

Mentions are given by hand (what spaCy's small model tagged in the seed dossier), so these
tables test the rules, not the model.
"""

from __future__ import annotations

import pytest

from storyline.records import Article, Mention
from storyline.stages.actors_local import is_demonym, resolve_mentions
from storyline.stages.document import ArticleDoc


def _doc(text: str, tagged: list[tuple[str, str]]) -> ArticleDoc:
    """An article whose NER mentions are the first occurrence of each (text, label)."""
    doc = ArticleDoc(article=Article(id="t", text=text, raw=text), doc=None)  # type: ignore[arg-type]
    mentions, at = [], 0
    for surface, label in tagged:
        start = text.index(surface, at)
        mentions.append(Mention("t", start, start + len(surface), label, surface))
        at = start + len(surface)
    doc.mentions = mentions
    return doc


def _labels(doc: ArticleDoc) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.label, m.actor) for m in resolve_mentions(doc)]


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # a well-known place the NER calls a person or an organization, with a place cue
        ("They are in Palmyra now.", [("Palmyra", "PERSON")], ("Palmyra", "GPE")),
        ("Some areas of the province of Hama are held.", [("Hama", "ORG")], ("Hama", "GPE")),
        ("Fighting in Homs, Hama and Idlib.", [("Homs", "GPE"), ("Hama", "ORG")], ("Hama", "GPE")),
        # no cue: a lone surname stays a person
        ("Prosecutors say Jackson took the drug.", [("Jackson", "PERSON")], ("Jackson", "PERSON")),
        # part of a full name in the article: a person
        (
            "Michael Jordan spoke. Fans in Jordan cheered.",
            [("Michael Jordan", "PERSON"), ("Jordan", "PERSON")],
            ("Jordan", "PERSON"),
        ),
        # a small town's name is not enough (Smithfield: an alternate name of a 15k town)
        ("He lives in Smithfield now.", [("Smithfield", "PERSON")], ("Smithfield", "PERSON")),
        # a lexicon person or group is never retyped
        ("Troops moved in Assad territory.", [("Assad", "PERSON")], ("Assad", "PERSON")),
        # a demonym the NER calls a place is a nationality
        ("talks in the Kazakh capital Astana", [("Kazakh", "GPE")], ("Kazakh", "NORP")),
        ("He flew to Washington on Monday.", [("Washington", "GPE")], ("Washington", "GPE")),
        # a place name that starts a broadcaster's name
        ("he told Europe 1 radio and TF1", [("Europe", "LOC")], ("Europe 1", "ORG")),
        ("he told France 24 television", [("France", "GPE")], ("France 24", "ORG")),
        ("27 cases in the UK 23 in England", [("UK", "GPE")], ("UK", "GPE")),
    ],
)
def test_retyped_labels(text: str, tagged: list[tuple[str, str]], expected: tuple[str, str]) -> None:
    got = {(t, label) for t, label, _ in _labels(_doc(text, tagged))}
    assert expected in got


@pytest.mark.parametrize(
    ("name", "demonym"),
    [
        ("Kazakh", True),  # GeoNames: an alternate name of Petropavl
        ("Thai", True),
        ("Syrian", False),  # no place by that name: nothing to correct
        ("UK", False),  # a country's short name in the countries lexicon
        ("Washington", False),
        ("Georgia", False),
        ("Raqqa", False),
    ],
)
def test_is_demonym(name: str, demonym: bool) -> None:
    assert is_demonym(name) is demonym


def test_a_lexicon_name_tagged_in_part_replaces_the_part() -> None:
    # spaCy's small model tags "Islamic" of "the Islamic State" as a nationality (NORP)
    doc = _doc("action against the Islamic State on security", [("Islamic", "NORP")])
    assert _labels(doc) == [("Islamic State", "ORG", "Islamic State")]


def test_a_framing_label_is_cut_off_the_name() -> None:
    doc = _doc("says the Daesh Takfiri terrorist group will go", [("Daesh Takfiri", "ORG")])
    [m] = resolve_mentions(doc)
    assert (m.text, m.actor) == ("Daesh", "Islamic State")
    assert doc.text[m.start : m.end] == "Daesh"


def test_a_lexicon_name_holding_a_label_word_stays_whole() -> None:
    doc = _doc("the Assad regime said", [("Assad regime", "ORG")])
    assert _labels(doc) == [("Assad regime", "ORG", "Syrian government")]


@pytest.mark.parametrize(
    ("text", "tagged", "repeats"),
    [
        # untagged repeats of a tagged place are added
        (
            "Assad said Raqqa is not a target.\n\n\u201cRaqqa is a symbol.\u201d\n\nRaqqa, Palmyra, Idlib.",
            [("Raqqa", "GPE")],
            3,
        ),
        # not beside another capitalized word or a number
        ("Mosul fell. Greater Mosul and Mosul University. Mosul 2 was a plan.", [("Mosul", "GPE")], 1),
        # a demonym is not repeated as a place
        ("the Kazakh capital; Kazakh officials", [("Kazakh", "GPE")], 0),
    ],
)
def test_untagged_repeats_of_a_place(text: str, tagged: list[tuple[str, str]], repeats: int) -> None:
    places = [m for m in resolve_mentions(_doc(text, tagged)) if m.label == "GPE"]
    assert len(places) == repeats
