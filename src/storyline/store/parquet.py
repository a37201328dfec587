"""Partitioned Parquet between the map and the store (``storyline build --parquet DIR``).

The design is the simplest that keeps the store's single writer:

1. **Write.** Each chunk of facts that comes back from the map (any engine) is
   written by the driver as one partition, ``DIR/chunk=<key>/<table>.parquet``,
   one file per fact table, where ``key`` hashes the chunk's article ids and the
   pipeline version that extracted them (:mod:`storyline.pipeline_version`). The
   files go into a hidden temporary folder that is then renamed, so a partition
   is either complete or absent, whatever kills the build.
2. **Load.** The driver loads that partition into DuckDB in one transaction
   (``INSERT ... SELECT FROM read_parquet``: native, no Python rows), skipping
   articles the store already holds with the partition's pipeline version and
   replacing those it holds with another (re-extracted after an upgrade), then
   drops a ``_LOADED`` marker in it.
3. **Resume.** A build started on an existing ``DIR`` first loads the
   partitions that have no marker (mapped, but killed before or during the
   load) without re-parsing them; loading is idempotent because article ids
   are content hashes and stored ones are skipped. Articles that never reached
   a partition are parsed again, as in a build without ``--parquet``. A
   partition mapped by another pipeline version only adds the articles the
   store lacks; the build then finds them stale and extracts them again.

The folder doubles as a dataset for other tools, e.g. in DuckDB
``read_parquet('DIR/*/mentions.parquet', hive_partitioning = true)``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyarrow.parquet as pq

from storyline.records import ArticleFacts, Skipped
from storyline.store import (
    _COLUMNS,
    ARTICLE_TABLES,
    Store,
    Written,
    _rows,
    arrow_table,
    column_names,
    current_pipeline_version,
    forget_articles,
    record_skipped,
    transaction,
)

LOADED = "_LOADED"


def partition_key(facts: Sequence[ArticleFacts], pipeline_version: str | None = None) -> str:
    """The chunk's name: its article ids and, when given, the pipeline version that extracted them
    (so a chunk extracted again after an upgrade is a new partition, not the old one)."""
    ids = "\n".join(f.article.id for f in facts)
    if pipeline_version:
        ids = f"{pipeline_version}\n{ids}"
    return hashlib.sha1(ids.encode("utf-8")).hexdigest()[:20]


def write_partition(
    facts: Sequence[ArticleFacts],
    root: str | Path,
    *,
    pipeline_version: str | None = None,
    overwrite: bool = False,
) -> Path:
    """Write the facts of one chunk, stamped ``pipeline_version`` (by default this storyline's), as
    ``root/chunk=<key>/``; returns that folder. A partition of the same chunk and version is
    kept as it is (an earlier run mapped it) unless ``overwrite``."""
    root = Path(root)
    version = pipeline_version or current_pipeline_version()
    unique = list({f.article.id: f for f in facts}.values())
    final = root / f"chunk={partition_key(unique, version)}"
    if final.exists() and not overwrite:
        return final  # the same chunk was mapped by an earlier run
    tmp = root / f".tmp-{final.name}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for table, rows in _rows(unique, version).items():
        if rows:
            pq.write_table(arrow_table(table, rows), tmp / f"{table}.parquet")
    if final.exists():  # overwrite: move the old one aside first (a directory cannot be replaced)
        old = root / f".old-{final.name}-{os.getpid()}"
        shutil.rmtree(old, ignore_errors=True)
        os.replace(final, old)
        os.replace(tmp, final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, final)
    return final


def _select(table: str, path: Path) -> str:
    """The columns to read from a table's Parquet file: a partition written before stamps
    existed has no ``pipeline_version`` (read as NULL: stale)."""
    present = set(pq.read_schema(path).names)
    return ", ".join(c if c in present else f"NULL AS {c}" for c in column_names(table))


def load_partition(
    store: Store,
    part: str | Path,
    skipped: Iterable[Skipped] = (),
    *,
    pipeline_version: str | None = None,
    replace: bool = False,
) -> Written:
    """Load one partition into the store in one transaction; returns how many articles were new
    and how many replaced.

    An article the store lacks is added. One it holds is replaced when the partition was made
    by the current pipeline version ``pipeline_version`` (by default this storyline's) and the
    stored one by another, or with ``replace``; otherwise it is left as it is."""
    part = Path(part)
    current = pipeline_version or current_pipeline_version()
    con = store.con
    new = replaced = 0
    with transaction(con):
        articles = part / "articles.parquet"
        if articles.exists():
            made_by = "pipeline_version" if "pipeline_version" in pq.read_schema(articles).names else "NULL"
            rows = con.execute(
                f"SELECT p.id, p.made_by, a.id IS NOT NULL, a.pipeline_version "
                f"FROM (SELECT DISTINCT id, {made_by} AS made_by FROM read_parquet(?)) p "
                "LEFT JOIN articles a ON a.id = p.id",
                [str(articles)],
            ).fetchall()
            fresh = [i for i, _, stored, _ in rows if not stored]
            stale = [
                i
                for i, made_by, stored, stored_by in rows
                if stored and (replace or (made_by == current and stored_by != current))
            ]
            new, replaced = len(fresh), len(stale)
            if fresh or stale:
                forget_articles(con, stale)
                con.execute(
                    "CREATE OR REPLACE TEMP TABLE _storyline_fresh AS SELECT unnest(?) AS id", [fresh + stale]
                )
                for table, columns in _COLUMNS.items():
                    path = part / f"{table}.parquet"
                    if path.exists():
                        con.execute(
                            f"INSERT INTO {table} ({columns}) SELECT {_select(table, path)} FROM read_parquet(?) "
                            f"WHERE {ARTICLE_TABLES[table]} IN (SELECT id FROM _storyline_fresh)",
                            [str(path)],
                        )
                con.execute("DROP TABLE _storyline_fresh")
        record_skipped(con, skipped)
    (part / LOADED).touch()
    return Written(new, replaced)


def pending_partitions(root: str | Path) -> list[Path]:
    """Complete partitions under ``root`` not yet loaded, in name order."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(p for p in root.glob("chunk=*") if p.is_dir() and not (p / LOADED).exists())


def load_pending(store: Store, root: str | Path, *, pipeline_version: str | None = None) -> int:
    """Load every partition a killed build left unloaded; returns how many articles were new
    or replaced (``pipeline_version`` is the current one, see :func:`load_partition`)."""
    return sum(
        sum(load_partition(store, part, pipeline_version=pipeline_version))
        for part in pending_partitions(root)
    )
