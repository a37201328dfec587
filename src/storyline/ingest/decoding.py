"""Bytes to text for the readers: binary detection and decoding with fallbacks.

News text that is not UTF-8 is almost always cp1252 (or latin-1, its subset in
practice), and such text is readable news: it is decoded, not skipped, and the
codec used is recorded (``RawDocument.encoding``). Only content that is binary
or that no fallback reads as text is refused, with a reason.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Only the head of a file is scanned for binary signs: a NUL byte in the first
# 8 KiB is what `file`, git and grep use to call a file binary.
BINARY_SNIFF_BYTES = 8192
# Share of control bytes (other than tab, newline, form feed, carriage return,
# escape) in the head above which a NUL-free file is still binary. Text in any
# single-byte or UTF-8 encoding has none; 10% leaves room for a few stray ones.
MAX_CONTROL_SHARE = 0.10
# A few undecodable bytes in otherwise good text (a truncated last character, a
# stray byte from a concatenation) are replaced with U+FFFD instead of refusing
# the article: up to 1 in 1,000 bytes, and at least 2 for short texts.
MAX_REPLACED_SHARE = 0.001
MIN_REPLACED_ALLOWED = 2

# Signatures of common binary formats, so the reason can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx/.epub)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ", "an xz-compressed file"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)

_CONTROL_BYTES = frozenset(set(range(0x00, 0x09)) | {0x0B} | set(range(0x0E, 0x1B)) | set(range(0x1C, 0x20)))
# cp1252 leaves these five bytes undefined; they are what makes strict cp1252 fail.
_CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
UTF8_EVIDENCE_RATIO = 10


class UndecodableError(ValueError):
    """The bytes are not text in any encoding the readers try."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # see RawDocument.encoding


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is binary rather than text, or None when it looks like text."""
    head = data[:BINARY_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # UTF-16 text has NUL bytes by design
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary content ({what})"
    if b"\x00" in head:
        return "binary content (NUL bytes)"
    if head:
        controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
        if controls / len(head) > MAX_CONTROL_SHARE:
            return f"binary content ({controls} control bytes in the first {len(head)})"
    return None


def _allowed_replacements(size: int) -> int:
    return max(MIN_REPLACED_ALLOWED, int(size * MAX_REPLACED_SHARE))


def _count_utf8_errors(data: bytes, stop_after: int) -> int:
    """Invalid UTF-8 sequences in ``data``, counting no further than ``stop_after``."""
    errors = 0
    view = memoryview(data)
    position = 0
    while errors <= stop_after:
        try:
            codecs.decode(view[position:], "utf-8")
            return errors
        except UnicodeDecodeError as error:
            errors += 1
            position += error.end
    return errors


def _codec_name(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` as text: BOM, UTF-8, the declared charset, cp1252/latin-1.

    ``declared`` is a charset the container states (an HTML meta tag, an HTTP
    header); it is used when the bytes are not UTF-8 and it decodes them cleanly. Raises
    ``UndecodableError`` with a reason when no fallback gives text.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8(data[len(codecs.BOM_UTF8) :], label="utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as error:
            raise UndecodableError(
                f"has a UTF-16 byte-order mark but is not UTF-16 ({error.reason})"
            ) from error
    # Valid UTF-8 wins over a declaration: text in another encoding that happens
    # to be valid UTF-8 is vanishingly rare, while pages that declare latin-1 and
    # serve UTF-8 are common.
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    codec = _codec_name(declared) if declared else None
    # HTML5 reads a declared latin-1 as cp1252; so do we (the superset decodes both).
    if codec in ("latin_1", "iso8859-1", "ascii"):
        codec = "cp1252"
    if codec and codec != "utf-8":
        try:
            return Decoded(data.decode(codec), codec.replace("_", "-"))
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration lies; fall back to what the bytes say
    # Mostly-valid UTF-8 with a few bad bytes: keep UTF-8 (cp1252 would garble
    # every multi-byte character). It is UTF-8 when valid multi-byte sequences
    # outnumber the errors ten to one; cp1252 text rarely forms even one.
    allowed = _allowed_replacements(len(data))
    errors = _count_utf8_errors(data, allowed)
    if errors <= allowed and len(_UTF8_MULTIBYTE.findall(data)) >= UTF8_EVIDENCE_RATIO * errors:
        return _decode_utf8(data, label="utf-8")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        undefined = sum(1 for byte in data if byte in _CP1252_UNDEFINED)
        if undefined > _allowed_replacements(len(data)):
            raise UndecodableError(
                f"not UTF-8, cp1252 or latin-1 text ({undefined} bytes undefined in cp1252)"
            ) from None
        return Decoded(data.decode("cp1252", errors="replace"), "cp1252+replaced")
    # Latin-1 text never uses bytes 0x80-0x9f (C1 controls there); cp1252 puts
    # quotes and dashes there. Both decode the same way through cp1252.
    return Decoded(text, "cp1252" if _C1_BYTES.search(data) else "latin-1")


def _decode_utf8(data: bytes, label: str) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), label)
    except UnicodeDecodeError:
        allowed = _allowed_replacements(len(data))
        if _count_utf8_errors(data, allowed) > allowed:
            raise UndecodableError(f"invalid UTF-8 (more than {allowed} bad byte sequences)") from None
        return Decoded(data.decode("utf-8", errors="replace"), f"{label}+replaced")


def _size(count: int) -> str:
    return f"{count:,} bytes" if count < 1 << 20 else f"{count / (1 << 20):.1f} MB"


def too_large_reason(what: str, max_bytes: int, size: int | None = None) -> str:
    """The one-line reason for input over the size cap, naming the CLI option that raises it."""
    actual = f" ({_size(size)})" if size is not None else ""
    return f"{what}{actual} is over the {_size(max_bytes)} cap; raise it with --max-mb to read it"
