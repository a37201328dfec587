"""Wire copy: one dispatch lightly edited by several outlets is found; own reports are not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.crossdoc.wirecopy import (
    COPY_SIMILARITY,
    WireArticle,
    WireIndex,
    copy_diff,
    find_copies,
    jaccard,
    sentence_spans,
    shingles,
)

# A dispatch written for these tests (not third-party text).
DISPATCH = (
    "PORT-AU-PRINCE, Jan 14 (AFP) - Rescue teams pulled three survivors from the rubble of a collapsed "
    "hotel in the Haitian capital on Thursday, two days after a magnitude 7.0 earthquake levelled much "
    "of the city, officials said.\n"
    "The interior ministry said at least 4,000 bodies had been recovered so far, but aid groups warned "
    "that the final toll could be many times higher as entire neighbourhoods remained cut off.\n"
    "Aircraft carrying water, food and medical supplies began landing at the damaged airport, where "
    "the control tower was destroyed and flights were being guided by radio from a table on the tarmac.\n"
    '"We are working around the clock, but the needs are enormous," said a spokesman for the World '
    "Food Programme, which planned to feed one million people within two weeks.\n"
    "The United States said it would send an aircraft carrier and several thousand troops to help "
    "distribute aid and restore order in the shattered capital."
)

EDITS = {
    # new headline, last paragraph cut
    "outlet-a": "Survivors pulled from Haiti hotel rubble\n" + DISPATCH.rsplit("\n", 1)[0],
    # a few words changed, agency credit rewritten
    "outlet-b": DISPATCH.replace("(AFP)", "(Agence France-Presse)")
    .replace("much of the city", "large parts of the city")
    .replace("many times higher", "far higher"),
    # an added closing line, British spellings changed
    "outlet-c": DISPATCH.replace("neighbourhoods", "neighborhoods").replace("levelled", "leveled")
    + "\nCopyright 2010 AFP. All rights reserved.",
}

OWN_REPORT = (
    "Haiti's capital lay in ruins on Thursday as rescuers dug through collapsed buildings with bare "
    "hands, searching for survivors of Tuesday's powerful earthquake. Government officials gave "
    "estimates of the dead ranging from thousands to more than 100,000, and foreign aid flights "
    "began arriving at an airport whose tower had been destroyed. The World Food Programme said it "
    "would need weeks to reach everyone, while Washington prepared to send troops and a carrier."
)

UNRELATED = (
    "Shares in European banks fell sharply on Thursday after a report showed that lending to small "
    "businesses had contracted for a third consecutive quarter, deepening fears of a prolonged "
    "downturn. Analysts said the figures would add pressure on the central bank to cut interest rates "
    "again at its next meeting, although several policymakers have signalled caution."
)


def corpus() -> list[WireArticle]:
    articles = [WireArticle("original", DISPATCH, "2010-01-14")]
    articles += [WireArticle(k, v, "2010-01-15") for k, v in EDITS.items()]
    articles += [
        WireArticle("own-report", OWN_REPORT, "2010-01-14"),
        WireArticle("markets", UNRELATED, "2010-01-14"),
    ]
    return articles


def test_edited_copies_map_to_the_original() -> None:
    copies = {c.article_id: c for c in find_copies(corpus())}
    assert set(copies) == set(EDITS)
    for copy in copies.values():
        assert copy.original_id == "original"
        assert COPY_SIMILARITY <= copy.similarity < 1.0


def test_earliest_is_the_original_whatever_the_input_order() -> None:
    copies = find_copies(list(reversed(corpus())))
    assert {c.original_id for c in copies} == {"original"}


def test_incremental_adds_map_to_existing_original() -> None:
    index = WireIndex()
    assert index.add(corpus()[:1]) == []
    found = index.add([WireArticle("late", EDITS["outlet-b"], "2010-01-20")])
    assert [(c.article_id, c.original_id) for c in found] == [("late", "original")]
    assert index.original_of("late") == "original"
    assert index.add([WireArticle("late", EDITS["outlet-b"])]) == []  # already in: ignored


def test_identical_text_similarity_is_one() -> None:
    copies = find_copies([WireArticle("a", DISPATCH, "2010-01-14"), WireArticle("b", DISPATCH, "2010-01-16")])
    assert [(c.article_id, c.original_id, c.similarity) for c in copies] == [("b", "a", 1.0)]


def test_short_texts_are_not_judged() -> None:
    text = "Police said the road was closed."
    assert find_copies([WireArticle("a", text), WireArticle("b", text)]) == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("one two three four five", "one two three four five", 1.0),
        ("one two three four five six", "one two three four five seven", 1 / 3),
        ("One, two THREE four five", "one two three four five", 1.0),  # case and punctuation do not count
        ("", "one two three four five", 0.0),
    ],
)
def test_shingle_jaccard_table(a: str, b: str, expected: float) -> None:
    assert jaccard(shingles(a), shingles(b)) == pytest.approx(expected)


def test_diff_shows_cut_changed_and_added_sentences() -> None:
    copy = EDITS["outlet-a"]
    changes = copy_diff(DISPATCH, copy)
    kinds = [c.kind for c in changes]
    assert kinds.count("added") == 1  # the headline
    assert kinds.count("removed") == 1  # the last paragraph
    added = next(c for c in changes if c.kind == "added")
    assert copy[added.copy_start : added.copy_end] == "Survivors pulled from Haiti hotel rubble"
    removed = next(c for c in changes if c.kind == "removed")
    assert DISPATCH[removed.original_start : removed.original_end].startswith("The United States said")

    changed = copy_diff(DISPATCH, EDITS["outlet-b"])
    assert [c.kind for c in changed] == ["changed", "changed"]
    first = changed[0]
    assert "(AFP)" in DISPATCH[first.original_start : first.original_end]
    assert "(Agence France-Presse)" in EDITS["outlet-b"][first.copy_start : first.copy_end]


def test_diff_of_identical_texts_is_empty() -> None:
    assert copy_diff(DISPATCH, DISPATCH) == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .!?\n\"'"), max_size=80))
def test_sentence_spans_are_stripped_and_ordered(text: str) -> None:
    spans = sentence_spans(text)
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        last = end
