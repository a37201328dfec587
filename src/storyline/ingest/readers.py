"""Input readers: paths to ``RawDocument``s, or ``Skipped``s with a reason.

``read_inputs`` takes files and folders (read recursively, in sorted order,
skipping hidden entries and storyline's own DuckDB files) and dispatches each
file by extension, sniffing the content where the extension lies or is missing:

- ``.txt``: plain text; the first meaningful line is the title (``title_in_text``);
- ``.html``/``.htm`` (and saved pages such as ``.php``): see ``ingest.html``;
- ``.jsonl``/``.json``: see ``ingest.jsonl``;
- ``.warc``/``.warc.gz``: see ``ingest.warc``;
- ``.rss``/``.atom`` and ``.xml`` feeds: see ``ingest.feeds``.

One bad file never stops the run: it becomes a ``Skipped`` with a stable code
(``binary``, ``empty``, ``encoding``, ``too_large``, ``unreadable``,
``malformed``, ``unsupported``; ``error`` for a reader bug) and a one-line
reason that says what to do.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.ingest.decoding import UndecodableError, binary_reason, decode_bytes, too_large_reason
from storyline.ingest.feeds import looks_like_feed, read_feed
from storyline.ingest.html import html_bytes_document
from storyline.ingest.jsonl import read_json, read_jsonl
from storyline.ingest.warc import read_warc
from storyline.records import RawDocument, Skipped

# Files read whole (text, HTML, JSON, feeds) above this size are skipped before
# reading: the longest news articles are well under 1 MB of HTML, so 20 MB only
# stops dumps and mislabeled binaries. Streamed formats (JSONL, WARC) apply it
# to each line or record instead.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A title longer than this is not a headline but a run-on first paragraph: it is
# cut at its first sentence, or at a word boundary.
MAX_TITLE_CHARS = 300
SNIFF_BYTES = 4096

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom"})
# storyline's own database, its write-ahead log and temp folder: never inputs.
_DATABASE_NAME = re.compile(r"\.duckdb(\.wal|\.tmp)?$", re.IGNORECASE)

# Lines that are not a title: no letters at all (bare ids such as
# "1.1979709-4116316550", dates, rules), and photo captions and credits.
_NO_LETTERS = re.compile(r"^[\W\d_]*$")
_CAPTION = re.compile(
    r"^(file( photo)?|photo|image|picture|pic|caption|video|watch)\s*[:|]"
    r"|\b(image|photo|picture)\s+credit\b|^\(?\s*(photo|image|credit)s?\s*:"
    r"|^advertisement$|^(share|read more)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s")
_HTML_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)[\s>]",
    re.IGNORECASE | re.DOTALL,
)


def read_inputs(
    paths: Iterable[str | Path] | str | Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | Skipped]:
    """Every article in ``paths`` (files or folders), and a Skipped for every input that is none."""
    if isinstance(paths, str | Path):
        paths = [paths]
    for path in paths:
        yield from _read_path(Path(path), max_bytes, visited=set(), top=True)


def _read_path(
    path: Path, max_bytes: int, visited: set[tuple[int, int]], top: bool
) -> Iterator[RawDocument | Skipped]:
    source = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        yield Skipped(source, "unreadable", "no such file or folder; check the path")
        return
    except OSError as error:
        yield Skipped(
            source, "unreadable", f"cannot read it ({error.strerror or error}); check its permissions"
        )
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_folder(path, max_bytes, visited, info)
        return
    if not top and _DATABASE_NAME.search(path.name):
        return
    if not stat.S_ISREG(info.st_mode):
        yield Skipped(
            source, "unreadable", "not a regular file (a pipe, socket or device); give a file or folder"
        )
        return
    try:
        yield from _read_file(path, max_bytes, info.st_size)
    except OSError as error:  # vanished or became unreadable while being read
        yield Skipped(
            source, "unreadable", f"cannot read it ({error.strerror or error}); check it still exists"
        )
    except Exception as error:  # a reader bug must not stop the run; report it instead
        yield Skipped(
            source, "error", f"reader failed ({type(error).__name__}: {error}); please report this file"
        )


def _read_folder(
    folder: Path, max_bytes: int, visited: set[tuple[int, int]], info: os.stat_result
) -> Iterator[RawDocument | Skipped]:
    key = (info.st_dev, info.st_ino)
    if key in visited:  # a symlink loop
        return
    visited.add(key)
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as error:
        yield Skipped(
            str(folder),
            "unreadable",
            f"cannot list the folder ({error.strerror or error}); check its permissions",
        )
        return
    for name in names:
        if name.startswith("."):
            continue
        yield from _read_path(folder / name, max_bytes, visited, top=False)


def _kind(path: Path) -> str:
    """The reader an extension asks for: txt, html, json, jsonl, warc, feed, xml, sniff or unsupported."""
    name = path.name.lower()
    suffix = path.suffix.lower()
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in TEXT_SUFFIXES:
        return "txt"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix == ".xml":
        return "xml"
    if _DATABASE_NAME.search(name):
        return "database"
    return "sniff" if not suffix or not suffix[1:].isalpha() else "unsupported_ext"


def _read_head(path: Path) -> bytes:
    with path.open("rb") as stream:
        return stream.read(SNIFF_BYTES)


def _read_file(path: Path, max_bytes: int, size: int) -> Iterator[RawDocument | Skipped]:
    source = str(path)
    kind = _kind(path)
    if kind == "database":
        yield Skipped(
            source, "unsupported", "this is a storyline database, not an input; give the article files"
        )
        return
    if kind in ("warc", "jsonl", "sniff", "unsupported_ext"):
        head = _read_head(path)
        if kind in ("sniff", "unsupported_ext"):
            kind = _sniff(head, allow_text=kind == "sniff", allow_json=kind == "sniff")
            if kind == "unsupported":
                what = f"{path.suffix} files" if path.suffix else "files of this kind"
                yield Skipped(
                    source, "unsupported", f"storyline does not read {what}; convert to .txt, .html or .jsonl"
                )
                return
        if kind == "warc":
            if not (head.startswith(b"\x1f\x8b") or head.lstrip().startswith(b"WARC/")):
                yield Skipped(source, "malformed", "not a WARC file (no WARC/ header); check the file")
                return
            yield from read_warc(path, max_bytes)
            return
        if kind == "jsonl":
            reason = binary_reason(head)
            if reason:
                yield Skipped(source, "binary", f"{reason}; a .jsonl file must be text")
                return
            yield from read_jsonl(path, max_bytes)
            return
    if size > max_bytes:
        yield Skipped(source, "too_large", too_large_reason("file", max_bytes, size))
        return
    with path.open("rb") as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:  # grew since stat
        yield Skipped(source, "too_large", too_large_reason("file", max_bytes))
        return
    if not data.strip():
        yield Skipped(source, "empty", "empty file: nothing to read")
        return
    reason = binary_reason(data)
    if reason:
        yield Skipped(source, "binary", f"{reason}; give text, HTML, JSON, WARC or feed files")
        return
    if kind == "txt":
        kind = _sniff(data, allow_text=True, allow_json=False)  # saved pages and feeds named .txt
    if kind == "xml":
        if not looks_like_feed(data):
            yield Skipped(
                source, "unsupported", "XML that is not an RSS/Atom feed; give the articles as .html or .txt"
            )
            return
        kind = "feed"
    if kind == "warc":
        yield from read_warc(path, max_bytes)
    elif kind == "html":
        yield html_bytes_document(data, source)
    elif kind == "feed":
        yield from read_feed(data, source)
    elif kind == "json":
        yield from read_json(data, source, max_bytes)
    elif kind == "jsonl":
        yield from read_jsonl(path, max_bytes)
    else:
        yield text_document(data, source)


def _sniff(head: bytes, allow_text: bool, allow_json: bool) -> str:
    """What the content says it is: warc, html, feed, json/jsonl, txt, or unsupported."""
    if head.startswith(b"\x1f\x8b"):
        return "unsupported"  # gzip of something else than a .warc.gz
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if body.startswith(b"WARC/"):
        return "warc"
    if looks_like_feed(body) and body.startswith(b"<"):
        return "feed"
    if _HTML_START.match(body):
        return "html"
    if binary_reason(head):
        return "unsupported"
    if allow_json and body[:1] in (b"{", b"["):
        return "jsonl" if body[:1] == b"{" else "json"
    return "txt" if allow_text else "unsupported"


def text_document(data: bytes, source: str) -> RawDocument | Skipped:
    """A plain-text article: decoded with fallbacks; its first meaningful line is the title."""
    try:
        decoded = decode_bytes(data)
    except UndecodableError as error:
        return Skipped(source, "encoding", f"{error}; re-save it as UTF-8")
    if not decoded.text.strip():
        return Skipped(source, "empty", "no text after decoding (only whitespace)")
    return RawDocument(
        text=decoded.text,
        source=source,
        title=first_meaningful_line(decoded.text),
        title_in_text=True,
        encoding=decoded.encoding,
    )


def is_title_line(line: str) -> bool:
    """Whether a stripped line could be a headline: words, not an id or a caption."""
    if not line or _NO_LETTERS.match(line) or _CAPTION.search(line):
        return False
    return len(re.findall(r"[^\W\d_]{2,}", line)) >= 2


def first_meaningful_line(text: str) -> str | None:
    """The title of a plain-text article: its first line that is words, cut to MAX_TITLE_CHARS."""
    for raw_line in text.splitlines():
        line = raw_line.strip()  # kept as written, so the title is found in the text
        if is_title_line(line):
            return _shorten(line)
    return None


def _shorten(line: str) -> str:
    if len(line) <= MAX_TITLE_CHARS:
        return line
    sentence = _SENTENCE_END.search(line)
    if sentence and sentence.end() <= MAX_TITLE_CHARS:
        return line[: sentence.end()].rstrip()
    cut = line.rfind(" ", 0, MAX_TITLE_CHARS)
    return line[: cut if cut > 0 else MAX_TITLE_CHARS].rstrip() + "…"
