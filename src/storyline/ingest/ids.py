"""Content-hash ids: the same text ingested twice gets the same id."""

from __future__ import annotations

import hashlib

ID_LENGTH = 16  # hex chars of sha256: 64 bits, collision-free far beyond a billion articles


def article_id(clean_text: str) -> str:
    """Id of an article: hash of its clean text with whitespace normalized."""
    normalized = " ".join(clean_text.split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:ID_LENGTH]
