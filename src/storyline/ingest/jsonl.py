"""JSON Lines and JSON inputs: one article an object.

Fields (``../shared/eval/README.md``): ``id``, ``text`` (required; when it is
empty, a non-empty ``title`` is read as the text), ``title``,
``date`` or ``dct`` (YYYY-MM-DD, the publication date: ``published_how="given"``),
``url``, ``publisher`` or ``outlet``. A bad line is a Skipped for that line only.
JSONL is streamed, so the size cap applies to each line, not to the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from storyline.ingest.decoding import UndecodableError, decode_bytes, too_large_reason
from storyline.ingest.html import iso_date
from storyline.records import RawDocument, Skipped

# Lines over the cap are skipped without holding them in memory: read this much at a time.
_DISCARD_CHUNK = 1 << 20


def article_from_object(obj: Any, source: str, encoding: str = "utf-8") -> RawDocument | Skipped:
    """A RawDocument from one decoded JSON value, or a Skipped saying what is wrong."""
    if not isinstance(obj, dict):
        return Skipped(
            source, "malformed", f"expected a JSON object with a 'text' field, got {type(obj).__name__}"
        )
    text = obj.get("text")
    if text is None:
        return Skipped(source, "malformed", "no 'text' field; every article needs its text")
    if not isinstance(text, str):
        return Skipped(source, "malformed", f"'text' is a {type(text).__name__}, not a string")
    title = _string(obj.get("title"))
    if not text.strip():
        if title is None:
            return Skipped(source, "empty", "'text' is empty")
        # A line that carries only a headline (ECB+ has 51) is a one-sentence article.
        text = title
    raw_date = _string(obj.get("date")) or _string(obj.get("dct"))
    published = iso_date(raw_date)
    raw_id = obj.get("id")
    return RawDocument(
        text=text,
        source=source,
        title=title,
        outlet=_string(obj.get("publisher")) or _string(obj.get("outlet")),
        url=_string(obj.get("url")),
        input_id=str(raw_id) if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) else None,
        published=published,
        published_how="given" if published else "unknown",
        encoding=encoding,
    )


def _string(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _parse_line(raw: bytes, source: str) -> RawDocument | Skipped | None:
    if not raw.strip():
        return None  # blank lines (a trailing newline, spacing) are not articles
    try:
        decoded = decode_bytes(raw)
    except UndecodableError as error:
        return Skipped(source, "encoding", f"line is {error}; re-save the file as UTF-8")
    try:
        obj = json.loads(decoded.text)
    except json.JSONDecodeError as error:
        return Skipped(
            source, "malformed", f"invalid JSON ({error.msg} at column {error.colno}); fix or drop the line"
        )
    return article_from_object(obj, source, decoded.encoding)


def read_jsonl_stream(stream: BinaryIO, name: str, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    """Each line of ``stream`` an article, source ``name#L<line>`` (1-based)."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        source = f"{name}#L{number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(_DISCARD_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield Skipped(source, "too_large", too_large_reason("line", max_bytes))
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        parsed = _parse_line(line, source)
        if parsed is not None:
            yield parsed


def read_jsonl(path: Path, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    with path.open("rb") as stream:
        yield from read_jsonl_stream(stream, str(path), max_bytes)


def read_json(data: bytes, name: str, max_bytes: int) -> Iterator[RawDocument | Skipped]:
    """A ``.json`` file: one article object, or a list of them (source ``name#item<n>``).

    A ``.json`` file that is really JSON Lines (one object a line) is read as such.
    """
    try:
        decoded = decode_bytes(data)
    except UndecodableError as error:
        yield Skipped(name, "encoding", f"JSON file is {error}; re-save it as UTF-8")
        return
    text = decoded.text.lstrip("\ufeff")
    if not text.strip():
        yield Skipped(name, "empty", "empty JSON file")
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # several values: JSON Lines under a .json name
            for number, line in enumerate(text.split("\n"), 1):
                parsed = _parse_line(line.encode("utf-8"), f"{name}#L{number}")
                if parsed is not None:
                    yield parsed
            return
        yield Skipped(
            name,
            "malformed",
            f"invalid JSON ({error.msg} at line {error.lineno} column {error.colno}); "
            "fix it, or write one article object a line as .jsonl",
        )
        return
    if isinstance(value, list):
        if not value:
            yield Skipped(name, "empty", "JSON list holds no articles")
        for number, item in enumerate(value, 1):
            yield article_from_object(item, f"{name}#item{number}", decoded.encoding)
    else:
        yield article_from_object(value, name, decoded.encoding)
