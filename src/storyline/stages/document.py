"""The annotated document every stage reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.records import (
    Article,
    Attribution,
    Claim,
    Event,
    FramingLabel,
    Mention,
    PublicationDate,
    Timex,
)
from storyline.temporal import Candidate, find_candidates
from storyline.temporal.tense import tense_at

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class ArticleDoc:
    """One article with its parse and the results of the stages run so far.

    ``doc`` is spaCy's parse of ``article.text`` (so token and entity offsets are
    offsets into the clean text). The runner fills the result fields in stage
    order; a stage only reads fields of stages that run before it.
    """

    article: Article
    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    published: PublicationDate | None = None
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    labels: list[FramingLabel] = field(default_factory=list)
    vector: bytes = b""  # the story vector, when the pipeline embeds (stages/embedding.py)
    _timex_candidates: list[tuple[Candidate, str | None]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def id(self) -> str:
        return self.article.id

    def timex_candidates(self) -> list[tuple[Candidate, str | None]]:
        """The temporal expressions of the text, each with the tense of its clause (None when
        there is no parse), found once and shared by the stages that read them (the
        publication date and the timexes: running the finder twice cost 11% of the pipeline).
        """
        if self._timex_candidates is None:
            self._timex_candidates = [
                (cand, tense_at(self.doc, cand.start, cand.end) if self.doc is not None else None)
                for cand in find_candidates(self.text)
            ]
        return self._timex_candidates
