"""HTML pages to RawDocuments: trafilatura for the body, meta tags for the rest.

Used for ``.html`` files and for HTML records inside WARC files. The body is
trafilatura's text, one paragraph a line. Title, outlet and URL come from the
page's metadata (og:title, og:site_name, canonical link, JSON-LD, <title>), and
the date from htmldate restricted to markup and URL (``extensive_search`` off:
a date guessed from the running text is an inference, not metadata).
"""

from __future__ import annotations

import datetime as dt
import logging
import re

import trafilatura
from lxml import html as lxml_html

from storyline.ingest.decoding import UndecodableError, decode_bytes
from storyline.records import RawDocument, Skipped

# How much of the head is searched for a <meta charset>: HTML5 requires the
# declaration within the first 1024 bytes; 4 KiB tolerates sloppy pages.
CHARSET_SNIFF_BYTES = 4096
# Below this many words trafilatura's text is a menu or a stub ("Home"), not an
# article: on a page with no article body it falls back to the navigation.
MIN_ARTICLE_WORDS = 5

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HAS_MARKUP_TEXT = re.compile(r">[^<>]*\w[^<>]*<|^[^<]*\w", re.DOTALL)
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr"}
    | {"tr", "table", "section", "article", "header", "footer", "dd", "dt", "figure", "figcaption"}
)
_DROPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")

# trafilatura logs every page it finds too short at WARNING; the Skipped says it once.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its head (<meta charset> or http-equiv)."""
    match = _META_CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` when ``value`` starts with a valid ISO date, else None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def _same_line(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def html_bytes_document(
    data: bytes, source: str, url: str | None = None, charset: str | None = None
) -> RawDocument | Skipped:
    """Decode an HTML page (BOM, HTTP ``charset``, <meta charset>, fallbacks) and read it."""
    try:
        decoded = decode_bytes(data, charset or declared_charset(data))
    except UndecodableError as error:
        return Skipped(source, "encoding", f"HTML {error}; re-save it as UTF-8")
    return html_document(decoded.text, source, url=url, encoding=decoded.encoding)


def html_document(
    page: str, source: str, url: str | None = None, encoding: str = "utf-8"
) -> RawDocument | Skipped:
    """One article from the HTML ``page``; a Skipped when it holds no article text.

    ``url`` is where the page was fetched (a WARC record); it wins over the
    page's canonical link, which is used otherwise.
    """
    if not page.strip():
        return Skipped(source, "empty", "empty HTML file: nothing to read")
    try:
        extracted = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,  # tables in news pages are mostly scores and listings
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, AttributeError) as error:  # lxml/trafilatura on pathological markup
        return Skipped(source, "malformed", f"HTML could not be parsed ({type(error).__name__}: {error})")
    text = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        if not _HAS_MARKUP_TEXT.search(page):
            return Skipped(source, "empty", "HTML has no text at all; check the file is the saved article")
        return Skipped(
            source,
            "malformed",
            "no article text found in the HTML (truncated, or a page without an article); "
            "if it is an article, save its text as .txt",
        )
    title = _clean(getattr(extracted, "title", None))
    published = iso_date(getattr(extracted, "date", None))
    first_line = text.split("\n", 1)[0]
    return RawDocument(
        text=text,
        source=source,
        title=title,
        outlet=_clean(getattr(extracted, "sitename", None)),
        url=url or _clean(getattr(extracted, "url", None)),
        published=published,
        published_how="metadata" if published else "unknown",
        title_in_text=bool(title) and _same_line(first_line, title or ""),
        encoding=encoding,
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item's content), one block a line."""
    if "<" not in fragment:
        return "\n".join(
            line for line in (_SPACES.sub(" ", x).strip() for x in fragment.splitlines()) if line
        )
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises ParserError and friends on junk; keep the raw text
        return _SPACES.sub(" ", re.sub(r"<[^>]*>", " ", fragment)).strip()
    pieces: list[str] = []

    def walk(element: lxml_html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _DROPPED_TAGS:
            if element.tail:
                pieces.append(element.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            pieces.append("\n")
        if element.text and tag:
            pieces.append(element.text)
        for child in element:
            walk(child)
        if block:
            pieces.append("\n")
        if element.tail:
            pieces.append(element.tail)

    walk(root)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)
