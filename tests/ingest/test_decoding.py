"""Decoding bytes to text: binary detection, UTF-8 first, cp1252/latin-1 fallbacks."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from storyline.ingest.decoding import UndecodableError, binary_reason, decode_bytes, too_large_reason

CP1252_TEXT = "Assad’s “every inch” – café, naïve, €5"


@pytest.mark.parametrize(
    ("data", "declared", "text", "encoding"),
    [
        (b"plain ascii", None, "plain ascii", "utf-8"),
        ("Assad’s “war”".encode(), None, "Assad’s “war”", "utf-8"),
        (codecs.BOM_UTF8 + "Raqqa “symbol”".encode(), None, "Raqqa “symbol”", "utf-8"),
        ("Syrie: Alep".encode("utf-16"), None, "Syrie: Alep", "utf-16"),
        (CP1252_TEXT.encode("cp1252"), None, CP1252_TEXT, "cp1252"),
        ("Hollande à Paris, été".encode("latin-1"), None, "Hollande à Paris, été", "latin-1"),
        ("Привет мир".encode("cp1251"), "windows-1251", "Привет мир", "cp1251"),
        # a declared charset that does not fit the bytes is ignored
        ("Assad’s".encode(), "shift_jis-nonsense", "Assad’s", "utf-8"),
        ("café".encode("latin-1"), "utf-8", "café", "latin-1"),
        # valid UTF-8 under a latin-1 declaration is UTF-8 (the common server mistake)
        ("Assad’s “war”".encode(), "iso-8859-1", "Assad’s “war”", "utf-8"),
        # a declared latin-1 is read as cp1252 (HTML5), so its quotes survive
        ("“quoted”".encode("cp1252"), "iso-8859-1", "“quoted”", "cp1252"),
        # a truncated last character in long UTF-8 text is replaced, not re-decoded as cp1252
        (("“x” " * 10).encode() + b"\xe2\x80", None, "“x” " * 10 + "\ufffd", "utf-8+replaced"),
        # one accented letter before a cp1252 quote is not taken for UTF-8
        ("café’s".encode("cp1252"), None, "café’s", "cp1252"),
    ],
)
def test_decode_table(data: bytes, declared: str | None, text: str, encoding: str) -> None:
    decoded = decode_bytes(data, declared)
    assert decoded.text == text
    assert decoded.encoding == encoding


def test_undecodable_bytes_raise_with_reason() -> None:
    with pytest.raises(UndecodableError, match="undefined in cp1252"):
        decode_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x41]) * 20)


def test_a_stray_undefined_byte_in_cp1252_text_is_replaced() -> None:
    data = ("“" + "word " * 100).encode("cp1252") + b"\x81"
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp1252+replaced"
    assert decoded.text.endswith("\ufffd")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"%PDF-1.7\n...", "a PDF"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"PK\x03\x04rest", "ZIP"),
        (b"text then \x00 a NUL", "NUL bytes"),
        (bytes(range(1, 9)) * 50, "control bytes"),
    ],
)
def test_binary_reasons(data: bytes, fragment: str) -> None:
    reason = binary_reason(data)
    assert reason is not None
    assert fragment in reason


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"plain text\n",
        "“quoted”\tand tabbed\r\n".encode(),
        "x".encode("utf-16"),
        CP1252_TEXT.encode("cp1252"),
    ],
)
def test_text_is_not_binary(data: bytes) -> None:
    assert binary_reason(data) is None


@given(st.text())
@settings(max_examples=200, deadline=None)
def test_utf8_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")).text == text.removeprefix("\ufeff")


_CP1252_CHARS = st.characters(codec="cp1252")


@given(st.text(alphabet=_CP1252_CHARS))
@settings(max_examples=200, deadline=None)
def test_cp1252_round_trips_unless_the_bytes_are_valid_utf8(text: str) -> None:
    data = text.encode("cp1252")
    # cp1252 text opening with "þÿ" or "ÿþ" is a UTF-16 byte-order mark: read as UTF-16 by design
    # (test_cp1252_text_opening_like_a_utf16_bom_is_read_by_its_bom)
    assume(not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        decoded = decode_bytes(data)
        assert decoded.encoding in ("cp1252", "latin-1", "utf-8+replaced")
        if decoded.encoding != "utf-8+replaced":
            assert decoded.text == text


@pytest.mark.parametrize(("text", "readable"), [("þÿ0", False), ("ÿþab", True), ("þÿ Syria", True)])
def test_cp1252_text_opening_like_a_utf16_bom_is_read_by_its_bom(text: str, readable: bool) -> None:
    """The byte-order mark wins (decode_bytes): such bytes are read as UTF-16, or are undecodable
    with the reason, never silently read as something else. Hypothesis found "þÿ0" in the cp1252
    round trip above."""
    data = text.encode("cp1252")
    if readable:
        decoded = decode_bytes(data)
        assert (decoded.encoding, decoded.text) == ("utf-16", data.decode("utf-16"))
    else:
        with pytest.raises(UndecodableError, match="byte-order mark"):
            decode_bytes(data)


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_bytes_decode_or_raise_undecodable(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except UndecodableError as error:
        assert str(error)
    else:
        assert isinstance(decoded.text, str)


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (
            ("file", 1000, 5000),
            "file (5,000 bytes) is over the 1,000 bytes cap; raise it with --max-mb to read it",
        ),
        (("line", 20 * 1024 * 1024), "line is over the 20.0 MB cap; raise it with --max-mb to read it"),
        (("file", 20 * 1024 * 1024, 31_500_000), "file (30.0 MB) is over the 20.0 MB cap"),
    ],
)
def test_too_large_reason(args: tuple[str, int] | tuple[str, int, int], reason: str) -> None:
    assert too_large_reason(*args).startswith(reason)
