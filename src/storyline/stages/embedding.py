"""The article's story vector, made in the per-article map.

Embedding is per-article work: run on the workers, it scales with them, and the
driver's story grouping (crossdoc/storystore.py) only reads the stored vectors.
An article is embedded on its own (its chunks are one batch), so its vector is a
function of its text alone, whichever engine, worker or chunk it lands in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.crossdoc.storyfeatures import StoryArticle, document_text
from storyline.stages.document import ArticleDoc

if TYPE_CHECKING:
    from storyline.embeddings import Embedder


def _embedder() -> Embedder:
    from storyline.embeddings import Embedder

    return Embedder()


@dataclass(frozen=True)
class EmbedArticle:
    """``doc -> bytes``: the float32 story vector of the article (storyline.embeddings.DOCUMENT_MODEL).
    The ONNX session loads on first use, once per process; pickling carries only the settings."""

    embedder: Embedder = field(default_factory=_embedder)

    def __call__(self, doc: ArticleDoc) -> bytes:
        a = doc.article
        text = document_text(StoryArticle(a.id, a.text, a.title))
        return bytes(self.embedder.encode_documents([text])[0].tobytes())
