"""Partitioned Parquet between the map and the store (``storyline build --parquet DIR``).

The design is the simplest that keeps the store's single writer:

1. **Write.** Each chunk of facts that comes back from the map (any engine) is
   written by the driver as one partition, ``DIR/chunk=<key>/<table>.parquet``,
   one file per fact table, where ``key`` hashes the chunk's article ids. The
   files go into a hidden temporary folder that is then renamed, so a partition
   is either complete or absent, whatever kills the build.
2. **Load.** The driver loads that partition into DuckDB in one transaction
   (``INSERT ... SELECT FROM read_parquet``: native, no Python rows), skipping
   articles the store already holds, then drops a ``_LOADED`` marker in it.
3. **Resume.** A build started on an existing ``DIR`` first loads the
   partitions that have no marker (mapped, but killed before or during the
   load) without re-parsing them; loading is idempotent because article ids
   are content hashes and stored ones are skipped. Articles that never reached
   a partition are parsed again, as in a build without ``--parquet``.

The folder doubles as a dataset for other tools, e.g. in DuckDB
``read_parquet('DIR/*/mentions.parquet', hive_partitioning = true)``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from storyline.records import ArticleFacts, Skipped
from storyline.store import _COLUMNS, Store, _rows, record_skipped, transaction

LOADED = "_LOADED"
# The column of each table that names its article (for skipping stored ones).
_KEY = {table: ("id" if table == "articles" else "article_id") for table in _COLUMNS}


def partition_key(facts: Sequence[ArticleFacts]) -> str:
    ids = "\n".join(f.article.id for f in facts)
    return hashlib.sha1(ids.encode("utf-8")).hexdigest()[:20]


def write_partition(facts: Sequence[ArticleFacts], root: str | Path) -> Path:
    """Write the facts of one chunk as ``root/chunk=<key>/``; returns that folder."""
    root = Path(root)
    unique = list({f.article.id: f for f in facts}.values())
    final = root / f"chunk={partition_key(unique)}"
    if final.exists():
        return final  # the same chunk was mapped by an earlier run
    tmp = root / f".tmp-{final.name}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for table, rows in _rows(unique).items():
        if rows:
            columns = [c.strip() for c in _COLUMNS[table].split(",")]
            batch = pa.table({name: [row[i] for row in rows] for i, name in enumerate(columns)})
            pq.write_table(batch, tmp / f"{table}.parquet")
    os.replace(tmp, final)
    return final


def load_partition(store: Store, part: str | Path, skipped: Iterable[Skipped] = ()) -> int:
    """Load one partition into the store in one transaction; returns how many articles were new."""
    part = Path(part)
    con = store.con
    with transaction(con):
        new = 0
        articles = part / "articles.parquet"
        if articles.exists():
            con.execute(
                "CREATE OR REPLACE TEMP TABLE _storyline_fresh AS SELECT DISTINCT id FROM read_parquet(?) "
                "WHERE id NOT IN (SELECT id FROM articles)",
                [str(articles)],
            )
            row = con.execute("SELECT count(*) FROM _storyline_fresh").fetchone()
            new = int(row[0]) if row else 0
            for table, columns in _COLUMNS.items():
                path = part / f"{table}.parquet"
                if new and path.exists():
                    con.execute(
                        f"INSERT INTO {table} ({columns}) SELECT {columns} FROM read_parquet(?) "
                        f"WHERE {_KEY[table]} IN (SELECT id FROM _storyline_fresh)",
                        [str(path)],
                    )
            con.execute("DROP TABLE _storyline_fresh")
        record_skipped(con, skipped)
    (part / LOADED).touch()
    return new


def pending_partitions(root: str | Path) -> list[Path]:
    """Complete partitions under ``root`` not yet loaded, in name order."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(p for p in root.glob("chunk=*") if p.is_dir() and not (p / LOADED).exists())


def load_pending(store: Store, root: str | Path) -> int:
    """Load every partition a killed build left unloaded; returns how many articles were new."""
    return sum(load_partition(store, part) for part in pending_partitions(root))
