"""Partitioned Parquet between the map and the store: same dossier, resumable after a kill."""

from __future__ import annotations

import filecmp
from pathlib import Path

from storyline.build import build
from storyline.export import export_dossier
from storyline.store import Store, connect
from storyline.store.parquet import LOADED, load_partition, pending_partitions


def _export(db: Path, out: Path) -> list[str]:
    con = connect(db)
    try:
        paths = export_dossier(con, out, "json")
    finally:
        con.close()
    return sorted(p.name for p in paths)


def test_parquet_build_resumes_from_mapped_but_unloaded_partitions(
    tmp_path: Path, seeds_dir: Path, seed_db: Path
) -> None:
    parts = tmp_path / "parquet"
    build([str(seeds_dir)], tmp_path / "first.duckdb", parquet=parts, chunk_size=2, crossdoc=False)
    partitions = sorted(parts.glob("chunk=*"))
    assert len(partitions) == 2 and all((p / "articles.parquet").exists() for p in partitions)

    # A build killed after mapping both chunks but before loading them: markers gone, store empty.
    for p in partitions:
        (p / LOADED).unlink()
    assert pending_partitions(parts) == partitions
    report = build([str(seeds_dir)], tmp_path / "resumed.duckdb", parquet=parts, chunk_size=2)
    assert report.stored == 0 and report.already == 4  # loaded from Parquet, nothing parsed again
    assert pending_partitions(parts) == []
    with Store(tmp_path / "resumed.duckdb") as store:  # loading again is idempotent
        before = store.con.execute("SELECT count(*) FROM mentions").fetchone()
        assert [tuple(load_partition(store, p)) for p in partitions] == [(0, 0), (0, 0)]
        assert store.con.execute("SELECT count(*) FROM mentions").fetchone() == before

    names = _export(seed_db, tmp_path / "direct")
    assert _export(tmp_path / "resumed.duckdb", tmp_path / "resumed") == names
    match, mismatch, errors = filecmp.cmpfiles(
        tmp_path / "direct", tmp_path / "resumed", names, shallow=False
    )
    assert (mismatch, errors) == ([], [])
