"""Downloads: the library's table exports (JSON, CSV, Parquet) as one zip or one table,
a Knight Lab TimelineJS document of the events, and GeoJSON of the places with their events.

The table files are written by :func:`storyline.export.export_dossier` into a
temporary folder this module creates (a request only names a format and a table
from a fixed list), then read back into memory.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import duckdb

from storyline.export import EXPORT_FORMATS, EXPORT_TABLES, export_dossier
from storyline.web import queries

FORMATS = (*EXPORT_FORMATS, "timelinejs", "geojson")
MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "zip": "application/zip",
    "timelinejs": "application/json",
    "geojson": "application/geo+json",
}
ALL_ROWS = 10**9


def table_export(con: duckdb.DuckDBPyConnection, fmt: str, table: str | None) -> tuple[bytes, str]:
    """One table as a file, or every table zipped; returns (bytes, file name)."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if table is not None and table not in EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}: use one of {', '.join(EXPORT_TABLES)}")
    with tempfile.TemporaryDirectory(prefix="storyline-export-") as tmp:
        paths = export_dossier(con, tmp, fmt)
        if table is not None:
            return Path(tmp, f"{table}.{fmt}").read_bytes(), f"{table}.{fmt}"
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in paths:
                zf.write(path, arcname=f"storyline-{fmt}/{path.name}")
        return buffer.getvalue(), f"storyline-{fmt}.zip"


def timelinejs(con: duckdb.DuckDBPyConnection, base_url: str = "") -> dict[str, Any]:
    """Knight Lab TimelineJS JSON, the same document as `storyline export --format timelinejs`,
    titled by the dossier's largest story and with each source line linked to its sentence."""
    from storyline.store.timeline import timelinejs_from_db
    from storyline.web.app import article_url

    overview = queries.overview(con, top=1)
    title = overview.stories[0]["title"] if overview.stories else "storyline dossier"
    return timelinejs_from_db(
        con,
        title=title,
        link=lambda e: base_url + article_url(e.article_id, e.start),  # an event's span is its sentence
    )


def geojson(con: duckdb.DuckDBPyConnection, base_url: str = "") -> dict[str, Any]:
    """A FeatureCollection of every actor with coordinates, each with the events that name it."""
    from storyline.web.app import article_url

    places = [
        a for a in queries.list_actors(con, limit=ALL_ROWS).items if a.lat is not None and a.lon is not None
    ]
    events = queries.list_events(con, limit=ALL_ROWS).items
    features = []
    for a in places:
        linked = [e for e in events if a.name in e.places or a.name in e.actors]
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [a.lon, a.lat]},
                "properties": {
                    "name": a.name,
                    "type": a.type,
                    "country": a.country,
                    "mentions": a.mentions,
                    "events": [
                        {
                            "date": e.date,
                            "description": e.description,
                            "outlet": e.outlet,
                            "article_id": e.article_id,
                            "start": e.start,
                            "end": e.end,
                            "url": base_url + article_url(e.article_id, e.sentence_start),
                        }
                        for e in linked
                    ],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
