"""Publication dates: given by the input, or inferred from the text with a range and a confidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.records import Article
from storyline.stages.document import ArticleDoc
from storyline.stages.published import infer_publication_date
from storyline.testing import article_doc

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"


def seed(prefix: str) -> str:
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def test_given_date_is_returned_as_given() -> None:
    doc = article_doc("Talks resumed on Friday.", published="2017-02-17")
    result = infer_publication_date(doc)
    assert (result.date, result.how, result.confidence) == ("2017-02-17", "given", 1.0)


def test_metadata_date_keeps_how() -> None:
    parsed = article_doc("Talks resumed on Friday.")
    article = Article(id="m", text=parsed.text, raw=parsed.text, published="2016-05-02", published_how="metadata")
    result = infer_publication_date(ArticleDoc(article=article, doc=parsed.doc))
    assert (result.date, result.earliest, result.latest, result.how) == ("2016-05-02",) * 3 + ("metadata",)


def test_seed_001_is_inferred_as_january_8_or_9_2017() -> None:
    result = infer_publication_date(article_doc(seed("001")))
    assert result.how == "inferred"
    assert result.date in ("2017-01-08", "2017-01-09")
    assert result.earliest is not None and result.latest is not None
    assert result.earliest <= result.date <= result.latest
    assert 0.0 < result.confidence <= 1.0


def test_seed_000_is_inferred_in_february_2017() -> None:
    result = infer_publication_date(article_doc(seed("000")))
    assert result.how == "inferred"
    assert result.date is not None and result.date.startswith("2017-02")
    assert result.date < "2017-02-23"  # "due to begin in Geneva on February 23" is still to come


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_weak_evidence_gives_no_confident_date(prefix: str) -> None:
    # 002 (August 2014) and 003 (January 2018) only write years older than their dates.
    result = infer_publication_date(article_doc(seed(prefix)))
    assert result.how == "unknown"
    assert result.date is None
    assert result.latest is None  # no upper bound can be known
    assert result.earliest is not None and result.earliest[:4] in ("2011", "2015")


def test_no_dated_evidence_is_unknown() -> None:
    result = infer_publication_date(article_doc("The minister spoke to reporters about the economy."))
    assert (result.date, result.how, result.confidence) == (None, "unknown", 0.0)


def test_full_date_and_weekday_agree() -> None:
    text = "Police said on Tuesday that the suspect was arrested on March 3, 2015. He was charged on Wednesday."
    result = infer_publication_date(article_doc(text))
    assert result.how == "inferred"
    assert result.earliest is not None and result.earliest >= "2015-03-10"
    assert result.latest is not None and result.latest <= "2015-04-30"
