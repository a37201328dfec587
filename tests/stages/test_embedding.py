"""Story vectors are made in the per-article map: the stories stage on the driver embeds nothing."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pytest

import storyline.crossdoc.storystore as storystore
from storyline.build import build
from storyline.crossdoc.storyfeatures import StoryArticle, document_text
from storyline.embeddings import DIMENSION, DOCUMENT_MODEL, Embedder
from storyline.pipeline import ArticlePipeline
from storyline.records import RawDocument

TEXT = (
    "Assad says Raqqa is a priority\n\n"
    "Syrian President Bashar al-Assad said on Thursday that Raqqa was a priority for his army."
)


def test_the_embedding_stage_gives_the_document_vector_of_the_article() -> None:
    facts = ArticlePipeline(embed=True)(RawDocument(text=TEXT, source="t.txt"))
    vector = np.frombuffer(facts.vector, dtype=np.float32)
    assert vector.shape == (DIMENSION,)
    a = facts.article
    expected = Embedder().encode_documents([document_text(StoryArticle(a.id, a.text, a.title))])[0]
    assert float(vector @ expected) > 0.999  # int8 activations are quantized per batch
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5


def test_extraction_alone_does_not_embed() -> None:
    facts = ArticlePipeline()(RawDocument(text=TEXT, source="t.txt"))
    assert facts.vector == b"" and "embedding" not in {s.name for s in ArticlePipeline().stages}


def _no_driver_embedding(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> Embedder:
        raise AssertionError("the stories stage embedded on the driver")

    monkeypatch.setattr(storystore, "_default_embedder", refuse)


@pytest.mark.parametrize("parquet", [False, True])
def test_a_build_stores_the_vectors_the_map_made(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, parquet: bool
) -> None:
    _no_driver_embedding(monkeypatch)
    db = tmp_path / "d.duckdb"
    report = build([str(seeds_dir)], db, parquet=tmp_path / "parts" if parquet else None)
    assert report.crossdoc["stories"] == "ok", report.crossdoc
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT a.id, v.model, v.vector FROM articles a JOIN article_vectors v ON v.article_id = a.id"
        )
        stored = rows.fetchall()
        assert len(stored) == report.stored == 4
        assert {model for _, model, _ in stored} == {DOCUMENT_MODEL}
        assert all(abs(float(np.linalg.norm(v)) - 1.0) < 1e-5 for _, _, v in stored)
        assert con.execute("SELECT count(*) FROM stories").fetchone()[0] > 0
    finally:
        con.close()


def test_a_map_only_build_stores_the_vectors_for_the_stages_run_later(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """`build(crossdoc=False)` (the benchmark's map, a cluster build whose stages run apart) embeds too."""
    db = tmp_path / "d.duckdb"
    report = build([str(seeds_dir)], db, crossdoc=False)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM article_vectors").fetchone()[0] == report.stored == 4
    finally:
        con.close()
