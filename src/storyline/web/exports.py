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


def _date_parts(value: str | None) -> dict[str, str] | None:
    """TimelineJS date object from YYYY, YYYY-MM or YYYY-MM-DD (precision kept)."""
    if not value or not value[:4].isdigit():
        return None
    parts = value[:10].split("-")
    names = ("year", "month", "day")
    return {names[i]: str(int(p)) for i, p in enumerate(parts[:3]) if p.isdigit()}


def timelinejs(con: duckdb.DuckDBPyConnection, base_url: str = "") -> dict[str, Any]:
    """Knight Lab TimelineJS JSON: one slide per dated event, its source sentence linked."""
    from storyline.web.app import article_url

    events = queries.list_events(con, limit=ALL_ROWS).items
    slides = []
    for e in events:
        start = _date_parts(e.date) or _date_parts(e.earliest)
        if start is None:
            continue
        slide: dict[str, Any] = {
            "start_date": start,
            "text": {
                "headline": e.description,
                "text": f'{_html(e.outlet or "unknown outlet")}: <a href="{base_url}{article_url(e.article_id, e.sentence_start)}">'
                f"{_html(e.title or e.article_id)}</a>",
            },
            "group": _html(e.outlet or "unknown outlet"),  # TimelineJS sets group labels as HTML too
            "unique_id": f"{e.article_id}-{e.start}",
        }
        if e.latest and e.earliest and e.latest != e.earliest and len(e.date) == 10:
            slide["end_date"] = _date_parts(e.latest)
        slide["text"]["headline"] = _html(e.description)
        slides.append(slide)
    overview = queries.overview(con, top=1)
    title = overview.stories[0]["title"] if overview.stories else "storyline dossier"
    return {
        "title": {
            "text": {"headline": _html(title), "text": f"{overview.articles} articles, {len(slides)} events"}
        },
        "events": slides,
    }


def _html(text: str) -> str:
    # TimelineJS renders headline and text as HTML: article text must arrive escaped.
    from markupsafe import escape

    return str(escape(text))


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
