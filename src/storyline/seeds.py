"""The four seed articles of ``../shared/corpus/seeds`` as annotated documents, for tests and demos.

The seed files carry no metadata; the outlet and publication date of each are stated here
from the articles themselves (Gulf News' article id, AFP's dateline, the Times of Israel and
PressTV pages they were saved from).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from pathlib import Path

from storyline.stages.document import ArticleDoc

SEEDS_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"
SEEDS = {
    0: ("000_cd6004c9c7d521f2.txt", "Gulf News", "2017-02-16"),
    1: ("001_9cadb752c523c41e.txt", "AFP", "2017-01-09"),
    2: ("002_203da8ee1888e23b.txt", "Times of Israel", "2014-08-28"),
    3: ("003_dd461df23c5d90be.txt", "PressTV", "2018-01-04"),
}
# Seed 001 has its apostrophes turned into no-break spaces ("don\u00a0t"); the pipeline's cleaner
# repairs that, and so does this loader.
_NBSP_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\u00a0(?=[a-z]\b|[a-z]{2}\b|\s)")


def seed_text(n: int) -> str:
    name = SEEDS[n][0]
    text = (SEEDS_DIR / name).read_text(encoding="utf-8")
    return _NBSP_APOSTROPHE.sub("\u2019", text)


def seed_doc(n: int) -> ArticleDoc:
    """Seed ``n`` parsed, with its mentions, outlet and publication date.

    The parse is cached per process; each call returns a fresh document, so a test that sets
    its fields leaves the next test's copy alone.
    """
    doc = _parsed_seed(n)
    return replace(
        doc, mentions=list(doc.mentions), attributions=[], timexes=[], events=[], claims=[], labels=[]
    )


@functools.lru_cache(maxsize=8)
def _parsed_seed(n: int) -> ArticleDoc:
    from storyline.testing import article_doc

    _, outlet, published = SEEDS[n]
    doc = article_doc(seed_text(n), published=published, article_id=f"seed{n:03d}")
    doc.article = replace(doc.article, outlet=outlet)
    return doc
