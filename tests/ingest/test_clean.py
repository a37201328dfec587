"""Table tests for the cleaner, and property tests for the raw <-> clean offset map."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.ingest.clean import clean, find_dateline, junk_reason, repair
from storyline.records import RawDocument


def _clean(text: str, title_in_text: bool = True):
    return clean(RawDocument(text=text, source="test", title_in_text=title_in_text))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("1.1979709-4116316550", "bare_id"),
        (
            "File: Fighters from the Daesh group during a parade in Raqqa, Syria. Image Credit: AFP",
            "caption_file",
        ),
        ("Smoke rises over the city. Image Credit: Reuters", "image_credit"),
        ("French President Francois Hollande (photo credit: AP/Philippe Wojazer, Pool)", "photo_credit"),
        ("AFP/Getty Images", "getty"),
        ("Assad said Raqqa is a symbol.", None),
        ("In 2015, 13,000 people were hanged.", None),
        ("File sharing is popular among students.", None),
    ],
)
def test_junk_lines(line: str, reason: str | None) -> None:
    assert junk_reason(line) == reason


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Syria\u00a0s war", "Syria's war"),
        ("We don\u00a0t do this", "We don't do this"),
        ("Assad\u00a0s term", "Assad's term"),
        ("the rebels\u00a0) supervision", "the rebels') supervision"),
        ("it\u2019s fine", "it\u2019s fine"),  # curly apostrophes are kept
        ("\u201cquoted\u201d", "\u201cquoted\u201d"),  # so are curly quotes
        ("caf\u00c3\u00a9 owner", "caf\u00e9 owner"),  # UTF-8 read as latin-1
        ("10\u00a0km away", "10 km away"),  # a no-break space between words is a space
    ],
)
def test_repair(raw: str, expected: str) -> None:
    assert repair(raw, nbsp_apostrophes=True) == expected


@pytest.mark.parametrize(
    ("paragraph", "place", "wire"),
    [
        ("PARIS (AFP) \u2013 Syrian President Bashar al-Assad said", "PARIS", "AFP"),
        ("BEIRUT, Lebanon (Reuters) - Rebels said", "BEIRUT, Lebanon", "Reuters"),
        ("PARIS, France \u2014 France\u2019s president rejected", "PARIS, France", None),
        ("Paris: President Bashar Al-Assad on Thursday said", "Paris", None),
        ("Damascus: The army said", "Damascus", None),
        ("Assad: The army said", None, None),  # not a place
        ("He argued: \u201cIf we commit\u201d", None, None),
        ("The talks resumed on Monday.", None, None),
    ],
)
def test_datelines(paragraph: str, place: str | None, wire: str | None) -> None:
    found = find_dateline(paragraph)
    if place is None:
        assert found is None
    else:
        assert found is not None
        assert (found[2], found[3]) == (place, wire)


def test_repeated_headline_and_trailer_dropped() -> None:
    raw = "A headline\n\nA headline\n\nFirst paragraph.\n\nSecond paragraph.\n\nread more:"
    article = _clean(raw)
    assert article.text == "A headline\n\nFirst paragraph.\n\nSecond paragraph."
    assert article.title == "A headline"


def test_read_more_inside_the_article_is_kept() -> None:
    raw = "Title\n\nread more: this line is early in the article.\n\nBody.\n\nMore body.\n\nEnd."
    assert "read more" in _clean(raw).text


def test_spans_map_back_to_raw_through_repairs() -> None:
    raw = "1.1979709-4116316550\nTitle\n\nSyria\u00a0s war is caf\u00c3\u00a9 talk, Assad\u00a0s term.\r\n\r\nEnd."
    article = _clean(raw)
    for word in ("Syria", "war", "talk", "Assad", "term", "End"):
        start = article.text.index(word)
        rs, re_ = article.to_raw(start, start + len(word))
        assert raw[rs:re_] == word
    start = article.text.index("café")
    rs, re_ = article.to_raw(start, start + 4)
    assert raw[rs:re_] == "caf\u00c3\u00a9"


_WORDS = st.text(alphabet="abcdefghij XYZ.,'\u00a0\u201c\u201d\u00c3\u00a9", min_size=0, max_size=40)
_LINES = st.lists(
    st.one_of(
        _WORDS,
        st.just("1.1979709-4116316550"),
        st.just("read more:"),
        st.just(""),
        st.just("(photo credit: AP)"),
    ),
    min_size=0,
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(_LINES, st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_every_clean_span_maps_back_to_raw(lines: list[str], newline: str) -> None:
    raw = newline.join(lines)
    article = _clean(raw)
    text = article.text
    previous = 0
    for i in range(len(text) + 1):
        rs, re_ = article.to_raw(i, i)
        assert 0 <= rs <= len(raw)
        assert rs >= previous  # monotonic
        previous = rs
    for match in re.finditer(r"[A-Za-z]+", text):
        rs, re_ = article.to_raw(match.start(), match.end())
        assert 0 <= rs <= re_ <= len(raw)
        # words the cleaner did not touch come back exactly
        if raw[rs:re_].isascii() and raw[rs:re_].isalpha():
            assert raw[rs:re_] == match.group()


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=200))
def test_clean_never_raises_and_is_deterministic(raw: str) -> None:
    a, b = _clean(raw), _clean(raw)
    assert a.text == b.text and a.id == b.id
    for seg in a.segments:
        assert 0 <= seg.raw_start <= seg.raw_end <= len(raw)


def test_headline_holds_no_dateline() -> None:
    # "Clinton" is a town, but a "Name: statement" headline names a speaker (PolNeAR train)
    raw = "Clinton: Time for intensification of ISIL strategy.\n\nHillary Clinton said on Sunday that ..."
    title = "Clinton: Time for intensification of ISIL strategy"
    given_title = clean(RawDocument(text=raw, source="t", title=title))
    assert given_title.dateline is None and given_title.dateline_place is None
    # a plain text's first line may be a lede with its dateline (seed 000: "Paris: President ...")
    assert _clean("Paris: President Bashar al-Assad said ...\n\nMore.").dateline_place == "Paris"
    # a title over two lines of the text
    raw2 = "Clinton: Trump's view is wrong;\nIn speech, she attacks.\n\nPARIS (AFP) - Body."
    title2 = "Clinton: Trump's view is wrong; In speech, she attacks"
    two = clean(RawDocument(text=raw2, source="t", title=title2))
    assert two.dateline_place == "PARIS" and two.wire == "AFP"
    # the lede's dateline is still found
    lede = _clean("A headline\n\nParis: President Bashar al-Assad said ...")
    assert lede.dateline_place == "Paris"
