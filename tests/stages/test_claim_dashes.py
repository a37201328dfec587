"""Numbers written with an en dash or a non-breaking hyphen are claims too.

spaCy kept "2,000–3,000" and "1,000‑strong" as one token each, so the claims stage saw no number
in them; `nlp.load_nlp` now splits such a dash off (NUMBER_DASH_INFIXES) as it splits an ASCII
hyphen, and the stage reads every such dash (claim_numbers.RANGE_DASHES).
"""

from __future__ import annotations

import pytest

from storyline.stages.claims import extract_claims
from storyline.testing import article_doc

CASES = [
    ("Officials said 2,000-3,000 troops were sent.", "2,000-3,000 troops were sent", 2000.0, "troops sent"),
    (
        "Officials said 2,000\u20133,000 troops were sent.",
        "2,000\u20133,000 troops were sent",
        2000.0,
        "troops sent",
    ),
    (
        "Officials said 2,000\u20113,000 troops were sent.",
        "2,000\u20113,000 troops were sent",
        2000.0,
        "troops sent",
    ),
    # a number's words joined by any hyphen the stage joins on (numbers.HYPHENS) parse too
    ("Officials said 10\u2010million people fled.", "10\u2010million people", 10_000_000.0, "people fled"),
    ("Officials said 10\u2011million people fled.", "10\u2011million people", 10_000_000.0, "people fled"),
    ("A 1,000-strong force arrived.", "1,000-strong force", 1000.0, "force"),
    ("A 1,000\u2011strong force arrived.", "1,000\u2011strong force", 1000.0, "force"),
    ("A 1,000\u2013strong force arrived.", "1,000\u2013strong force", 1000.0, "force"),
]


@pytest.mark.parametrize(("text", "span", "value", "counts"), CASES)
def test_dashed_numbers_are_claims(text: str, span: str, value: float, counts: str) -> None:
    doc = article_doc(text, published="2016-01-01")
    assert doc.doc.text == text  # the split changes tokens, never the text facts point into
    claims = extract_claims(doc)
    assert [(text[c.start : c.end], c.value, c.counts) for c in claims] == [(span, value, counts)]


def test_a_dash_inside_a_word_is_left_alone() -> None:
    doc = article_doc("The pro\u2011government side and the 1990\u2013s crowd met.", published="2016-01-01")
    assert "pro\u2011government" in [t.text for t in doc.doc]
