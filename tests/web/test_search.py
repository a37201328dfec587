"""Search snippets: a window around the first term, escaped, the terms marked."""

from __future__ import annotations

import pytest

from storyline.web.search import fts_extension_path, snippet


@pytest.mark.parametrize(
    ("body", "query", "expected"),
    [
        ("short text here", "text", "short <mark>text</mark> here"),
        ("The war has killed many", "kill", "The war has <mark>killed</mark> many"),  # stems match
        ("<b>Raqqa</b> & co", "raqqa", "&lt;b&gt;<mark>Raqqa</mark>&lt;/b&gt; &amp; co"),
        ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu", "delta",
         "… gamma <mark>delta</mark> epsilon zeta eta …"),  # cut on word boundaries
        ("nothing matches", "zebra", "nothing matches"),
        ("no terms at all", "a ?", "no terms at all"),
    ],
)  # fmt: skip
def test_snippet(body: str, query: str, expected: str) -> None:
    width = 30 if "alpha" in body else 220
    assert str(snippet(body, query, width=width)) == expected


def test_the_fts_extension_comes_from_the_wheel() -> None:
    path = fts_extension_path()
    assert path.name == "fts.duckdb_extension" and "duckdb_extension_fts" in str(path)
