"""Property tests: the timex finder and normalizer on arbitrary mixes of time words."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.numbers import amounts
from storyline.temporal import DocState, find_candidates, resolve
from storyline.temporal.finder import time_words

_W = time_words()
VOCAB = sorted(
    {
        *_W["months"],
        *_W["weekdays"],
        *_W["seasons"],
        *_W["parts_of_day"],
        *_W["units"],
        *(w for w in amounts().names() if " " not in w),
        *_W["references"],
        *_W["ordinals"],
        *_W["holidays"],
    }
    | {
        "last",
        "next",
        "this",
        "the",
        "ago",
        "earlier",
        "later",
        "of",
        "early",
        "mid-",
        "late",
        "every",
        "quarter",
        "half",
        "1998",
        "2017",
        "'98",
        "1990s",
        "23",
        "7",
        "10:30",
        "p.m.",
        "Jan.",
        "Sept.",
        ",",
        ".",
        "-",
        "May",
        "March",
        "Christmas",
        "Easter",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "noon",
        "fiscal",
        "year-earlier",
    }
)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(VOCAB), min_size=1, max_size=12),
    anchor=st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))),
    tense=st.sampled_from([None, "past", "present", "future"]),
)
def test_finder_and_normalizer_never_fail(words: list[str], anchor: date | None, tense: str | None) -> None:
    text = " ".join(words)
    cands = find_candidates(text)
    state = DocState()
    previous_end = -1
    for cand in cands:
        assert text[cand.start : cand.end] == cand.text  # spans point into the text
        assert cand.start >= previous_end  # no overlaps, in text order
        previous_end = cand.end
        resolved = resolve(cand, anchor, tense, state)
        if resolved is not None:
            assert resolved.type in ("DATE", "TIME", "DURATION", "SET")
            assert resolved.value and " " not in resolved.value
