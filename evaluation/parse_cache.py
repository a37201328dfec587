"""Parses of an evaluation set, cached on disk (evaluation/out) and reused while the texts match."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc


def cached_parses(
    cache: Path, texts: list[str], parse: Callable[[Any, list[str]], Iterable[Doc]]
) -> list[Doc]:
    """``parse(nlp, texts)``, read from ``cache`` when it holds exactly these texts, else made and
    written there."""
    from spacy.tokens import DocBin

    nlp = load_nlp()
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(parse(nlp, texts))
    cache.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(cache)
    return docs
