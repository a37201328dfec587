"""Helpers for tests and evaluation scripts: an annotated document from plain text."""

from __future__ import annotations

from storyline.records import Article, PublicationDate
from storyline.stages.document import ArticleDoc, parse


def article_doc(text: str, published: str | None = None, article_id: str = "test") -> ArticleDoc:
    """Parse ``text`` as it is (no cleaning) into an :class:`ArticleDoc` with its mentions."""
    from storyline.nlp import load_nlp
    from storyline.stages.entities import extract_mentions

    article = Article(
        id=article_id,
        text=text,
        raw=text,
        published=published,
        published_how="given" if published else "unknown",
    )
    doc = ArticleDoc(article=article, doc=parse(load_nlp(), text))
    if published:
        doc.published = PublicationDate(published, published, published, "given", 1.0, "given")
    doc.mentions = extract_mentions(doc)
    return doc
