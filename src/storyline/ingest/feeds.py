"""RSS and Atom feeds (feedparser): each item an article.

Text is the item's full content when the feed carries it, else its summary,
stripped of HTML. The item's date is the publication date from metadata, taken
as written (its own day, not converted to UTC, which could shift it).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Iterator
from typing import Any

import feedparser

from storyline.ingest.html import fragment_text
from storyline.records import RawDocument, Skipped

# A feed is recognized from its root element within the head of the file.
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
FEED_SNIFF_BYTES = 4096


def looks_like_feed(data: bytes) -> bool:
    return bool(_FEED_ROOT.search(data[:FEED_SNIFF_BYTES]))


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not isinstance(raw, str) or not raw.strip():
            continue
        raw = raw.strip()
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()  # RSS: RFC 822
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return dt.datetime.fromisoformat(raw).date().isoformat()  # Atom: RFC 3339
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")  # feedparser's own reading of odd formats (UTC)
        if parsed:
            try:
                return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
            except ValueError:
                pass
    return None


def _entry_text(entry: Any) -> str:
    """The longest full content of the item, else its summary, as plain text."""
    bodies = [part.get("value", "") for part in entry.get("content", []) if isinstance(part, dict)]
    bodies = [body for body in bodies if body and body.strip()]
    body = max(bodies, key=len) if bodies else entry.get("summary", "") or ""
    return fragment_text(body)


def read_feed(data: bytes, name: str) -> Iterator[RawDocument | Skipped]:
    """Items of the RSS/Atom feed in ``data``, source ``name#item<n>`` (1-based)."""
    parsed = feedparser.parse(data)  # bytes, never a URL: feedparser would fetch it
    if not parsed.get("version"):
        error = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(error).split())[:160]})" if error else ""
        yield Skipped(
            name, "malformed", f"not a readable RSS/Atom feed{detail}; check the file is the feed XML"
        )
        return
    entries = parsed.get("entries", [])
    if not entries:
        yield Skipped(name, "empty", "feed has no items")
        return
    feed_title = fragment_text(parsed.feed.get("title", "") or "") or None
    encoding = (parsed.get("encoding") or "utf-8").lower()
    if encoding in ("utf-8", "utf8", "us-ascii", "ascii"):
        encoding = "utf-8"
    for number, entry in enumerate(entries, 1):
        source = f"{name}#item{number}"
        text = _entry_text(entry)
        if not text:
            yield Skipped(source, "empty", "feed item has no content or summary text")
            continue
        published = _entry_date(entry)
        yield RawDocument(
            text=text,
            source=source,
            title=fragment_text(entry.get("title", "") or "") or None,
            outlet=feed_title,
            url=entry.get("link") or None,
            published=published,
            published_how="metadata" if published else "unknown",
            encoding=encoding,
        )
