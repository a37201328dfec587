"""The highlighter: well-formed HTML whatever the spans, every character of the text escaped and kept."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.web.highlight import Mark, render

VOID = {"br", "img"}


class _Checker(HTMLParser):
    """Collects the text and checks that tags nest properly and links never nest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.marker_text: list[str] = []
        self.in_marker = 0
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and "a" in self.stack:
            self.errors.append("nested link")
        classes = (dict(attrs).get("class") or "").split()
        self.stack.append(tag)
        if "marker" in classes:
            self.in_marker = len(self.stack)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> with {self.stack}")
            return
        if self.in_marker == len(self.stack):
            self.in_marker = 0
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        (self.marker_text if self.in_marker else self.text).append(data)


def check(text: str, marks: list[Mark]) -> _Checker:
    checker = _Checker()
    checker.feed(str(render(text, marks)))
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    assert "".join(checker.text) == text
    return checker


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("Assad said.", [Mark(0, 5, "ent", href="/actors/A")], '<a class="ent" href="/actors/A">Assad</a> said.'),
        # A date inside a quote nests inside it.
        ("He said it on Monday.", [Mark(8, 20, "quote"), Mark(14, 20, "timex")],
         'He said <span class="quote">it on <span class="timex">Monday</span></span>.'),
        # Crossing spans: the inner one is closed and reopened, its id only on the first piece.
        ("abcdef", [Mark(0, 4, "x", id="x1"), Mark(2, 6, "y", id="y1")],
         '<span class="x" id="x1">ab<span class="y" id="y1">cd</span></span><span class="y">ef</span>'),
        # A link inside a link is demoted to a span.
        ("abc", [Mark(0, 3, "q", href="/q"), Mark(1, 2, "e", href="/e")],
         '<a class="q" href="/q">a<span class="e">b</span>c</a>'),
        # Zero-length anchors and markers.
        ("abc", [Mark(1, 1, "anchor", id="s-1")], 'a<span id="s-1" class="anchor"></span>bc'),
        ("abc", [Mark(1, 3, "quote", marker="Assad", marker_href="#quote-0")],
         'a<a class="marker" href="#quote-0">Assad</a><span class="quote">bc</span>'),
        # Hostile text and attributes are escaped.
        ("<b>x</b>", [Mark(3, 4, "e", title='"><script>')],
         '&lt;b&gt;<span class="e" title="&#34;&gt;&lt;script&gt;">x</span>&lt;/b&gt;'),
        # Spans past the end are clipped, empty ones dropped.
        ("abc", [Mark(2, 99, "x"), Mark(1, 1, "y")], 'ab<span class="x">c</span>'),
    ],
)  # fmt: skip
def test_render(text: str, marks: list[Mark], expected: str) -> None:
    assert str(render(text, marks)) == expected
    check(text, marks)


spans = st.tuples(st.integers(0, 30), st.integers(0, 30)).map(lambda t: (min(t), max(t)))


@given(
    text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n")), min_size=1, max_size=30),
    marks=st.lists(st.tuples(spans, st.booleans(), st.booleans()), max_size=8),
)
def test_any_spans_give_well_formed_html_with_the_text_unchanged(text: str, marks: list) -> None:
    built = [
        Mark(s, e, "m", href="/x" if link else None, marker="M" if marker else None)
        for (s, e), link, marker in marks
    ]
    check(text, built)
    # no raw markup from the text survives
    assert not re.search(r"<(?!/?(a|span)\b)", str(render(text, built)))
