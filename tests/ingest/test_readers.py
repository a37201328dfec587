"""read_inputs: folders, plain text, dispatch, and every kind of bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.ingest import readers
from storyline.ingest.readers import first_meaningful_line, read_inputs
from storyline.records import RawDocument, Skipped

CODES = {"binary", "empty", "encoding", "too_large", "unreadable", "malformed", "unsupported", "error"}
ARTICLE = "Assad says Raqqa is not a priority\n\nPARIS (AFP) – President Bashar al-Assad said on Thursday.\n"


def read_all(*paths: str | Path, **kwargs: int) -> list[RawDocument | Skipped]:
    return list(read_inputs(list(paths), **kwargs))


def only(path: Path, **kwargs: int) -> RawDocument | Skipped:
    (item,) = read_all(path, **kwargs)
    return item


def skipped(item: RawDocument | Skipped, code: str) -> Skipped:
    assert isinstance(item, Skipped), item
    assert item.code == code, item
    assert item.reason and "\n" not in item.reason
    return item


# --- the seed articles -------------------------------------------------------------------------

SEED_TITLES = {
    "000": "Paris: President Bashar Al-Assad on Thursday said Raqqa is not a priority target for his "
    "forces, saying his goal is to retake “every inch” of Syrian territory.",
    "001": "Bashar al-Assad said that his forces are on the road to victory after recapturing Aleppo last month.",
    "002": "France rules out cooperation with Syria against Islamic State",
    "003": "The French military chief says the Daesh Takfiri terrorist group will have been flushed out "
    "from all the territory it once controlled in Syria under a self-proclaimed “caliphate” before "
    "the end of this year.",
}


def test_seeds_folder_reads_four_articles_with_titles(seeds_dir: Path) -> None:
    items = read_all(seeds_dir)
    assert all(isinstance(item, RawDocument) for item in items)
    docs = [item for item in items if isinstance(item, RawDocument)]
    assert [Path(doc.source).name[:3] for doc in docs] == ["000", "001", "002", "003"]
    for doc in docs:
        assert doc.title == SEED_TITLES[Path(doc.source).name[:3]]
        assert doc.title_in_text and doc.title in doc.text
        assert doc.encoding == "utf-8"
        assert doc.text == Path(doc.source).read_text(encoding="utf-8")
        assert doc.published is None and doc.published_how == "unknown"


def test_seed_000_title_skips_the_id_line_and_the_caption(seeds_dir: Path) -> None:
    (path,) = seeds_dir.glob("000_*.txt")
    doc = only(path)
    assert isinstance(doc, RawDocument)
    assert doc.text.startswith("1.1979709-4116316550\nFile: ")
    assert doc.title is not None and doc.title.startswith("Paris: President Bashar Al-Assad")


# --- titles of plain text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("France rules out cooperation\n\nBody text here.", "France rules out cooperation"),
        ("\n\n   Leading blanks are skipped  \nbody", "Leading blanks are skipped"),
        ("1.1979709-4116316550\nAssad speaks to French media", "Assad speaks to French media"),
        ("2017-02-16\n---\nAssad speaks to French media", "Assad speaks to French media"),
        ("File: Fighters in Raqqa. Image Credit: AFP\nAssad speaks", "Assad speaks"),
        (
            "Photo: Reuters\n(photo credit: AP/Philippe Wojazer, Pool)\nHollande rejects Assad",
            "Hollande rejects Assad",
        ),
        ("Advertisement\nRead more: other story\nThe real headline", "The real headline"),
        ("Syria\u00a0s war goes on\nbody", "Syria\u00a0s war goes on"),  # kept as written: found in the text
        ("Brexit\nA headline of two words at least", "A headline of two words at least"),
        ("12345\n---\n", None),
        ("", None),
    ],
)
def test_first_meaningful_line(text: str, title: str | None) -> None:
    assert first_meaningful_line(text) == title


def test_a_run_on_first_line_is_cut_at_its_first_sentence() -> None:
    first = "Assad said the war would go on. " + "More words follow in a long run-on paragraph " * 10
    title = first_meaningful_line(first + "\nbody")
    assert title == "Assad said the war would go on."


def test_a_run_on_first_line_without_sentences_is_cut_at_a_word() -> None:
    title = first_meaningful_line("word " * 200)
    assert title is not None and title.endswith("…")
    assert len(title) <= readers.MAX_TITLE_CHARS + 1
    assert title[:-1].strip() == title[:-1]


# --- folders -----------------------------------------------------------------------------------


def test_folders_are_read_recursively_in_sorted_order_skipping_hidden_and_database(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed headline here\nbody")
    (tmp_path / "b" / "a.txt").write_text("Ay headline here\nbody")
    (tmp_path / "a.txt").write_text("Top headline here\nbody")
    (tmp_path / "c.txt").write_text("Last headline here\nbody")
    (tmp_path / ".hidden.txt").write_text("Hidden file text\nbody")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden folder text\nbody")
    (tmp_path / "storyline.duckdb").write_bytes(b"DUCK\x00\x00")
    (tmp_path / "storyline.duckdb.wal").write_bytes(b"\x00\x01")
    items = read_all(tmp_path)
    assert [Path(item.source).relative_to(tmp_path).as_posix() for item in items] == [
        "a.txt",
        "b/a.txt",
        "b/z.txt",
        "c.txt",
    ]
    assert all(isinstance(item, RawDocument) for item in items)
    assert read_all(tmp_path) == items  # deterministic


def test_a_database_given_by_name_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "storyline.duckdb"
    db.write_bytes(b"DUCK\x00")
    assert "database" in skipped(only(db), "unsupported").reason


def test_a_single_path_string_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(ARTICLE)
    (doc,) = read_inputs(str(path))
    assert isinstance(doc, RawDocument) and doc.source == str(path)


def test_a_symlink_loop_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "loop").symlink_to(tmp_path)
    assert len(read_all(tmp_path)) == 1


# --- dispatch and sniffing ---------------------------------------------------------------------


def test_txt_that_is_html_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    body = "".join(
        f"<p>Paragraph {i} says Assad spoke to French media about Raqqa and Aleppo.</p>" for i in range(5)
    )
    path.write_text(
        f"<!DOCTYPE html><html><head><title>Saved page title</title></head><body>{body}</body></html>"
    )
    doc = only(path)
    assert isinstance(doc, RawDocument)
    assert "<p>" not in doc.text and "Paragraph 0 says Assad" in doc.text
    assert doc.title == "Saved page title"


def test_a_file_without_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "ARTICLE").write_text(ARTICLE)
    (tmp_path / "1.1979709-4116316550").write_text('{"id": "x", "text": "Assad spoke."}\n')
    items = read_all(tmp_path)
    assert [type(item).__name__ for item in items] == ["RawDocument", "RawDocument"]
    assert isinstance(items[0], RawDocument) and items[0].input_id == "x"  # sorted: "1..." < "ARTICLE"
    assert isinstance(items[1], RawDocument) and items[1].title == "Assad says Raqqa is not a priority"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        ("story.docx", b"PK\x03\x04\x14\x00\x06\x00"),
        ("notes.md", b"# Some markdown\n"),
        ("page.csv", b"a,b\n1,2\n"),
        ("archive.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00"),
    ],
)
def test_unknown_extensions_are_unsupported(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert "convert" in skipped(only(path), "unsupported").reason


def test_a_saved_page_with_a_server_extension_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "article.php"
    body = "".join(
        f"<p>Paragraph {i}: Hollande rejected any cooperation with Assad in Syria.</p>" for i in range(5)
    )
    path.write_text(f"<html><head><title>A saved page</title></head><body>{body}</body></html>")
    doc = only(path)
    assert isinstance(doc, RawDocument) and "Hollande rejected" in doc.text


# --- bad input ---------------------------------------------------------------------------------


def test_binary_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "PNG" in skipped(only(path), "binary").reason


def test_nul_bytes_in_a_txt_make_it_binary(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"looks like text\x00\x00\x01\x02")
    assert "NUL" in skipped(only(path), "binary").reason


@pytest.mark.parametrize("data", [b"", b"  \n\n\t \r\n"])
@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.json", "empty.rss"])
def test_empty_files_are_skipped(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    skipped(only(path), "empty")


def test_empty_jsonl_yields_nothing_to_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"\n\n")
    assert read_all(path) == []


def test_cp1252_text_is_re_decoded(tmp_path: Path) -> None:
    text = "Assad’s “every inch” – Raqqa\n\nHe said it’s a “symbol”.\n"
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = only(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == text
    assert doc.encoding == "cp1252"
    assert doc.title == "Assad’s “every inch” – Raqqa"


def test_latin1_text_is_re_decoded(tmp_path: Path) -> None:
    text = "Hollande à Paris: l'été syrien\n\nLe président français a parlé.\n"
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    doc = only(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == text and doc.encoding == "latin-1"


def test_undecodable_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "weird.txt"
    path.write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x41, 0x20]) * 40)
    assert "UTF-8" in skipped(only(path), "encoding").reason


def test_a_file_above_the_cap_is_skipped_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Big headline here\n" + "word " * 400)
    opened: list[Path] = []
    real_open = Path.open

    def spy_open(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy_open)
    reason = skipped(only(path, max_bytes=1000), "too_large").reason
    assert "1,000 bytes cap" in reason and "--max-mb" in reason
    assert opened == []
    assert isinstance(only(path, max_bytes=10_000), RawDocument)


def test_the_default_cap_is_twenty_megabytes() -> None:
    assert readers.DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_a_missing_path_is_unreadable(tmp_path: Path) -> None:
    assert "no such file" in skipped(only(tmp_path / "gone.txt"), "unreadable").reason


def test_a_dangling_symlink_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(tmp_path / "vanished.txt")
    skipped(only(tmp_path), "unreadable")


def test_a_file_that_cannot_be_opened_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "a_locked.txt"
    locked.write_text(ARTICLE)
    (tmp_path / "b_fine.txt").write_text(ARTICLE)
    real_open = Path.open

    def deny(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.name == "a_locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    first, second = read_all(tmp_path)
    assert "Permission denied" in skipped(first, "unreadable").reason
    assert isinstance(second, RawDocument)


def test_a_folder_that_cannot_be_listed_is_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "sub").mkdir()
    real_scandir = os.scandir

    def deny(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(readers.os, "scandir", deny)
    assert skipped(only(tmp_path), "unreadable").source == str(tmp_path / "sub")


def test_a_pipe_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert "regular file" in skipped(only(tmp_path), "unreadable").reason


def test_a_reader_bug_is_reported_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)

    def broken(data: bytes, source: str) -> RawDocument:
        if source.endswith("a.txt"):
            raise RuntimeError("boom")
        return RawDocument(text="ok", source=source)

    monkeypatch.setattr(readers, "text_document", broken)
    first, second = read_all(tmp_path)
    assert "RuntimeError: boom" in skipped(first, "error").reason
    assert isinstance(second, RawDocument)


def test_one_bad_file_among_good_ones(tmp_path: Path) -> None:
    (tmp_path / "1_good.txt").write_text(ARTICLE)
    (tmp_path / "2_binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "3_empty.txt").write_bytes(b"")
    (tmp_path / "4_bad.json").write_text("{not json")
    (tmp_path / "5_good.txt").write_text(ARTICLE)
    kinds = [item.code if isinstance(item, Skipped) else "doc" for item in read_all(tmp_path)]
    assert kinds == ["doc", "binary", "empty", "malformed", "doc"]


_SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".warc", ".warc.gz", ".rss", ".xml", ".atom", "", ".bin"]


_CONTENT = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(lambda text: f"<html><body><p>{text}</p>".encode()),
    st.text(max_size=500).map(lambda text: f'<rss version="2.0"><channel><item><description>{text}'.encode()),
    st.text(max_size=300).map(lambda text: ('{"text": "' + text + '"}\n{"id": 1}').encode()),
    st.text(max_size=500).map(lambda text: text.encode("utf-8", "surrogatepass")),
)


@given(data=_CONTENT, suffix=st.sampled_from(_SUFFIXES))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_bytes_under_any_name_give_documents_or_skips(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    for item in read_inputs([path]):
        if isinstance(item, Skipped):
            assert item.code in CODES - {"error"}, item
            assert item.reason and "\n" not in item.reason
        else:
            assert isinstance(item, RawDocument) and item.text.strip()


_LINES = st.one_of(
    st.text(),
    st.from_regex(r"[A-Za-z]{2,9}( [A-Za-z,]{1,9}[.!?]?){0,90} ?", fullmatch=True),
    st.sampled_from(["1.1979709-4116316550", "File: Raqqa. Image Credit: AFP", "", "  \t"]),
)


@given(st.lists(_LINES, max_size=6).map("\n".join))
@settings(max_examples=100, deadline=None)
def test_a_title_is_always_a_line_of_the_text_or_its_shortened_start(text: str) -> None:
    title = first_meaningful_line(text)
    if title is None:
        return
    assert len(title) <= readers.MAX_TITLE_CHARS + 1
    lines = [line.strip() for line in text.splitlines()]
    assert any(line.startswith(title.removesuffix("…")) for line in lines)


def test_an_xhtml_file_without_extension_is_sniffed_as_html(tmp_path: Path) -> None:
    body = "".join(f"<p>Paragraph {i}: Assad spoke to French media about Raqqa.</p>" for i in range(5))
    (tmp_path / "page").write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html>'
    )
    doc = only(tmp_path / "page")
    assert isinstance(doc, RawDocument) and "<p>" not in doc.text and "Paragraph 4" in doc.text
