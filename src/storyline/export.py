"""Exports of a dossier: every table as JSON, CSV or Parquet files.

JSON is deterministic (rows ordered by their keys, keys in column order), so the
exports of two builds of the same inputs compare equal file for file.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

EXPORT_FORMATS = ("json", "csv", "parquet")
# One-document formats: the dated events for Knight Lab TimelineJS, the places as GeoJSON.
DOCUMENT_FORMATS = ("timelinejs", "geojson")
# Tables with their sort keys; build metadata (ingested_at, skipped_at, the pipeline_version
# stamp) is left out of exports so that two builds of the same inputs export the same bytes.
EXPORT_TABLES: dict[str, tuple[str, str]] = {
    "articles": ("id", "* EXCLUDE (ingested_at, pipeline_version)"),
    "sentences": ("article_id, idx", "*"),
    "mentions": ("article_id, start_, end_", "*"),
    "attributions": ("article_id, idx", "*"),
    "timexes": ("article_id, start_, end_", "*"),
    "events": ("article_id, start_, end_, timex_start", "*"),
    "claims": ("article_id, start_, end_", "*"),
    "framing": ("article_id, start_, end_, kind", "*"),
    "actors": ("id", "*"),
    "stories": ("id", "*"),
    "story_articles": ("article_id", "*"),
    "wire_copies": ("article_id", "*"),
    "failures": ("article_id, stage", "*"),
    "skipped": ("source", "* EXCLUDE (skipped_at)"),
}


def export_dossier(con: duckdb.DuckDBPyConnection, out: str | Path, fmt: str) -> list[Path]:
    """Write one file per table into ``out``; returns the paths written."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table, (order, columns) in EXPORT_TABLES.items():
        query = f"SELECT {columns} FROM {table} ORDER BY {order}"
        path = out / f"{table}.{fmt}"
        if fmt == "json":
            cur = con.execute(query)
            names = [d[0] for d in cur.description]
            rows = [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
            path.write_text(
                json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8"
            )
        elif fmt == "csv":
            con.execute(f"COPY ({query}) TO '{_sql_path(path)}' (HEADER, DELIMITER ',')")
        else:
            con.execute(f"COPY ({query}) TO '{_sql_path(path)}' (FORMAT parquet)")
        written.append(path)
    return written


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def export_document(con: duckdb.DuckDBPyConnection, out: str | Path, fmt: str) -> Path:
    """Write the TimelineJS or GeoJSON document of a dossier into ``out``."""
    if fmt == "timelinejs":
        from storyline.store.timeline import timelinejs_from_db

        data = timelinejs_from_db(con)
        name = "timeline.json"
    elif fmt == "geojson":
        from storyline.web.exports import geojson

        data = geojson(con)
        name = "places.geojson"
    else:
        raise ValueError(f"unknown document format {fmt!r}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    return path
