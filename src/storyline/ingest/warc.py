"""WARC archives (``.warc``, ``.warc.gz``): each HTML response an article.

Records that are not HTML pages (requests, metadata, images, scripts, redirects,
errors) are not articles and pass silently; a broken archive yields the articles
read before the break and one Skipped for the rest. The size cap applies to each
record's body, not to the archive.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.ingest.decoding import too_large_reason
from storyline.ingest.html import html_bytes_document
from storyline.records import RawDocument, Skipped

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _content_type(record: object) -> tuple[str, str | None]:
    """Media type and charset of a record's payload."""
    http = getattr(record, "http_headers", None)
    header = http.get_header("Content-Type") if http is not None else None
    if header is None:
        header = record.rec_headers.get_header("Content-Type")  # type: ignore[attr-defined]
    media, _, params = (header or "").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _status_ok(record: object) -> bool:
    http = getattr(record, "http_headers", None)
    if http is None:
        return True  # a "resource" record stores the page itself, no HTTP exchange
    status = http.get_statuscode()
    return bool(status) and str(status).startswith("2")


def read_warc(path: Path, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    """Articles from the HTML responses of a WARC file, source ``path#record<n>``."""
    name = str(path)
    found = 0
    number = 0
    truncated: tuple[int, int] | None = None
    with path.open("rb") as stream:
        try:
            for number, record in enumerate(ArchiveIterator(stream), 1):  # noqa: B007 (number is read after)
                if record.rec_type not in ("response", "resource"):
                    continue
                media, charset = _content_type(record)
                if media not in _HTML_TYPES or not _status_ok(record):
                    continue
                found += 1
                source = f"{name}#record{number}"
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield Skipped(source, "too_large", too_large_reason("record", max_bytes))
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield html_bytes_document(body, source, url=url or None, charset=charset)
                missing = getattr(record.raw_stream, "limit", 0)
                if missing:  # the archive ends inside this record: its page was cut short
                    truncated = (number, missing)
        except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as error:
            where = f"after record {number} (the records up to it were read)" if number else "at its start"
            detail = " ".join(str(error).split())[:200]
            yield Skipped(
                name,
                "malformed",
                f"broken WARC {where} ({type(error).__name__}: {detail}); re-fetch or re-pack the archive",
            )
            return
    if truncated:
        yield Skipped(
            name,
            "malformed",
            f"WARC is truncated inside record {truncated[0]} ({truncated[1]:,} bytes missing; "
            "the part read was kept); re-fetch or re-pack the archive",
        )
    elif not found:
        yield Skipped(name, "empty", "WARC holds no HTML response records (2xx text/html)")
