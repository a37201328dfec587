"""Attributions: contexts in which a cue reports nobody's statement or belief (the Timeline17
audit, BENCHMARKS.md "Attributions"). Each row: a text and the contents expected of it; a cue
in such a context gives no attribution, the same cue elsewhere still does."""

from __future__ import annotations

import pytest

from storyline.stages.attribution_contexts import comment_thread_start
from storyline.stages.attributions import extract_attributions
from storyline.testing import article_doc


def _contents(text: str) -> list[str]:
    return [" … ".join(s.text(text) for s in a.content) for a in extract_attributions(article_doc(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a source's wish not to be named is no attribution; what the source said still is
        (
            "Six soldiers were captured, according to the doctors, who asked not to be identified.",
            ["Six soldiers were captured"],
        ),
        (
            '"Our job is to give options," said the official, who declined to be identified '
            "because of the sensitive nature of the situation.",
            ['"Our job is to give options,"'],
        ),
        (
            "The officials did not want to be named because of the sensitive intelligence matters.",
            [],
        ),
        (
            "The city was calm, said an elderly man who cited safety concerns in declining to be identified.",
            ["The city was calm"],
        ),
        # not a wish for anonymity: an ordinary intent and a report stay
        (
            "The senator wants to be named chairman of the committee.",
            ["to be named chairman of the committee"],
        ),
        (
            "The minister said he expected to be named to the cabinet.",
            ["he expected to be named to the cabinet"],
        ),
        # a generic "you" in a question or condition is the reader, not a source
        ("Who else do you think should be honored with a national memorial?", []),
        ("If you think you know it, shout it out!", []),
        ("And if you think they are corrupt, take them to court.", []),
        # "you" stating something stays
        ("You said the plan would fail.", ["the plan would fail"]),
        # a negated verification asserts nothing; an affirmed one stays
        ("CNN could not confirm the report.", []),
        ("Venezuela has confirmed at least 45 cases.", ["at least 45 cases"]),
        # a video script's language label is no content
        ('SHASHANK JOSHI, ANALYST, SAYING (English): "I think the divisions can be contained."', []),
    ],
)
def test_context_table(text: str, expected: list[str]) -> None:
    assert _contents(text) == expected


def test_reader_comment_thread_has_no_attributions() -> None:
    text = (
        "The foreign minister said the talks would resume on Monday.\n\n"
        "February 7, 2011 at 5:32 pm | Report abuse | I think Mubarak kept the region in peace.\n\n"
        "February 7, 2011 at 5:40 pm | Report abuse | Officials say nothing will change."
    )
    assert _contents(text) == ["the talks would resume on Monday"]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Body.\n\nWe welcome comments that advance the story.\n\nYa know they don't.", 7),
        ("Body.\n\nIt was 5 pm | Report abuse | Hi.", 7),
        ("No thread here; he said, reporting abuse.", 41),
    ],
)
def test_comment_thread_start(text: str, start: int) -> None:
    assert comment_thread_start(text) == start
