"""The MiniLM embedder: unit vectors, meaningful similarities, picklable, batch-invariant."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from storyline.embeddings import DIMENSION, Embedder, word_chunks


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


def test_vectors_are_unit_length(embedder: Embedder) -> None:
    vectors = embedder.encode(["An earthquake struck northern Chile.", "Markets rallied on Friday."])
    assert vectors.shape == (2, DIMENSION)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@pytest.mark.parametrize(
    ("anchor", "close", "far"),
    [
        (
            "Police arrested a man in Paris.",
            "A man was detained by French police.",
            "The central bank raised interest rates.",
        ),
        (
            "A 6.1 earthquake hit Indonesia.",
            "A strong quake shook the Indonesian islands.",
            "The singer released a new album.",
        ),
        (
            "The actress checked into rehab.",
            "The actress entered a rehabilitation clinic.",
            "Rebels shelled the city overnight.",
        ),
    ],
)
def test_paraphrase_closer_than_unrelated(embedder: Embedder, anchor: str, close: str, far: str) -> None:
    a, c, f = embedder.encode([anchor, close, far])
    assert float(a @ c) > float(a @ f) + 0.3


def test_batching_and_order_do_not_change_vectors(embedder: Embedder) -> None:
    texts = ["short", "a much longer sentence about a court ruling in the capital", "medium length text here"]
    together = embedder.encode(texts)
    one_by_one = np.vstack([embedder.encode([t]) for t in texts])
    assert np.allclose(together, one_by_one, atol=1e-4)


def test_pickles_without_session_and_reloads(embedder: Embedder) -> None:
    embedder.encode(["load it"])
    clone = pickle.loads(pickle.dumps(embedder))
    assert clone._session is None
    text = ["The ministry confirmed the figures."]
    assert np.allclose(clone.encode(text), embedder.encode(text), atol=1e-6)


def test_empty_inputs(embedder: Embedder) -> None:
    assert embedder.encode([]).shape == (0, DIMENSION)
    docs = embedder.encode_documents(["", "Some words here."])
    assert docs.shape == (2, DIMENSION)


def test_document_vector_is_mean_of_chunks(embedder: Embedder) -> None:
    text = " ".join(f"word{i}" for i in range(30))
    chunks = word_chunks(text, 10)
    assert len(chunks) == 3
    expected = embedder.encode(chunks).sum(axis=0)
    expected /= np.linalg.norm(expected)
    got = embedder.encode_documents([text], chunk_words=10, max_chunks=4)[0]
    assert np.allclose(got, expected, atol=1e-5)
