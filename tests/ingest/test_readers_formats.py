"""Each input format on small files written here: HTML, WARC, RSS/Atom, JSONL/JSON."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.ingest.html import fragment_text
from storyline.ingest.readers import read_inputs
from storyline.records import RawDocument, Skipped

PARAGRAPHS = [
    "Paris: President Bashar Al-Assad on Thursday said Raqqa is not a priority target for his forces.",
    "“Raqqa is a symbol,” Al Assad said in an interview with French media on Thursday evening.",
    "“You have Daesh close to Damascus, you have them everywhere,” Assad said in the interview.",
]


def page(
    title: str = "Assad says Raqqa not a priority",
    head: str = "",
    paragraphs: list[str] = PARAGRAPHS,
    charset: str = "utf-8",
) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title} | Gulf News</title>{head}</head>'
        f'<body><nav><a href="/">Home</a> <a href="/world">World news</a></nav>'
        f"<article><h1>{title}</h1>{body}</article><footer>Copyright 2017 Gulf News, all rights reserved</footer>"
        "</body></html>"
    )


META = (
    '<meta property="og:title" content="Assad says Raqqa not a priority">'
    '<meta property="og:site_name" content="Gulf News">'
    '<link rel="canonical" href="https://gulfnews.com/world/assad-raqqa-1.1979709">'
)
JSON_LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
    '"headline": "Assad says Raqqa not a priority", "datePublished": "2017-02-16T10:00:00+04:00"}</script>'
)


def only(path: Path) -> RawDocument | Skipped:
    (item,) = read_inputs([path])
    return item


def doc_of(item: RawDocument | Skipped) -> RawDocument:
    assert isinstance(item, RawDocument), item
    return item


def skip_of(item: RawDocument | Skipped, code: str) -> Skipped:
    assert isinstance(item, Skipped), item
    assert item.code == code, item
    assert item.reason and "\n" not in item.reason
    return item


# --- HTML --------------------------------------------------------------------------------------


def test_html_with_meta_tags_and_json_ld_date(tmp_path: Path) -> None:
    path = tmp_path / "gulfnews.html"
    path.write_text(page(head=META + JSON_LD), encoding="utf-8")
    doc = doc_of(only(path))
    assert doc.title == "Assad says Raqqa not a priority"
    assert doc.outlet == "Gulf News"
    assert doc.url == "https://gulfnews.com/world/assad-raqqa-1.1979709"
    assert (doc.published, doc.published_how) == ("2017-02-16", "metadata")
    lines = doc.text.split("\n")
    assert lines[0] == "Assad says Raqqa not a priority"
    assert lines[1:] == PARAGRAPHS  # one paragraph a line, no nav or footer
    assert doc.title_in_text
    assert doc.source == str(path) and doc.input_id is None


def test_html_date_from_article_meta_tag(tmp_path: Path) -> None:
    path = tmp_path / "a.htm"
    path.write_text(page(head='<meta property="article:published_time" content="2016-12-22T08:00:00Z">'))
    doc = doc_of(only(path))
    assert (doc.published, doc.published_how) == ("2016-12-22", "metadata")


def test_html_without_date_metadata_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(page())
    doc = doc_of(only(path))
    assert (doc.published, doc.published_how) == (None, "unknown")
    # without og:title, trafilatura takes the headline (h1 / <title> less the site name)
    assert doc.title == "Assad says Raqqa not a priority"


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    paragraphs = [p.replace("Assad", "Assad’s aide") for p in PARAGRAPHS]
    path.write_bytes(page(paragraphs=paragraphs, charset="windows-1252").encode("cp1252"))
    doc = doc_of(only(path))
    assert doc.encoding == "cp1252"
    assert "Assad’s aide" in doc.text and "“Raqqa is a symbol,”" in doc.text


def test_truncated_html_still_yields_its_text(tmp_path: Path) -> None:
    full = page(head=META)
    cut = full[: full.index(PARAGRAPHS[2]) + 30]
    path = tmp_path / "truncated.html"
    path.write_text(cut)
    doc = doc_of(only(path))
    assert PARAGRAPHS[0] in doc.text and PARAGRAPHS[1] in doc.text
    assert doc.title == "Assad says Raqqa not a priority"


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><script>var x = 'only a script here';</script></head><body><div></div></body></html>",
        "<html><head><title>A title but no body</title></head><body><nav><a href='/'>Home</a></nav></body>",
    ],
)
def test_html_without_article_text_is_malformed(tmp_path: Path, markup: str) -> None:
    path = tmp_path / "shell.html"
    path.write_text(markup)
    assert "no article text" in skip_of(only(path), "malformed").reason


def test_html_with_markup_and_no_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "bare.html"
    path.write_text("<html><body><div>")
    skip_of(only(path), "empty")


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>One</p><p>Two <b>bold</b> words</p>", "One\nTwo bold words"),
        ("Line one<br>Line two", "Line one\nLine two"),
        ("<div>A<script>var x=1;</script> B</div>", "A B"),
        ("<ul><li>first</li><li>second</li></ul>", "first\nsecond"),
        ("plain   text\u00a0with  spaces", "plain text with spaces"),
        ("", ""),
    ],
)
def test_fragment_text(fragment: str, text: str) -> None:
    assert fragment_text(fragment) == text


# --- WARC --------------------------------------------------------------------------------------


def write_warc(path: Path, gzip_records: bool) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))

        def response(url: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)

        response("https://example.org/a", page(head=META + JSON_LD).encode(), "text/html; charset=utf-8")
        response("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00", "image/png")
        response(
            "https://example.org/missing", page(title="Not found").encode(), "text/html", "404 Not Found"
        )
        legacy = page(title="Hollande rejects “Assad”", paragraphs=[p + " Café." for p in PARAGRAPHS])
        response("https://example.org/b", legacy.encode("cp1252"), "text/html; charset=windows-1252")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_are_articles(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, gzip_records=name.endswith(".gz"))
    first, second = (doc_of(item) for item in read_inputs([path]))
    assert first.url == "https://example.org/a"  # from the record header, not the canonical link
    assert first.source == f"{path}#record2"
    assert first.title == "Assad says Raqqa not a priority"
    assert (first.published, first.published_how) == ("2017-02-16", "metadata")
    assert PARAGRAPHS[1] in first.text
    assert second.url == "https://example.org/b"
    assert second.source == f"{path}#record5"
    assert second.encoding == "cp1252" and "Café." in second.text
    assert second.title == "Hollande rejects “Assad”"


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, gzip_records=name.endswith(".gz"))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])  # the cut falls inside the last page
    items = list(read_inputs([path]))
    assert doc_of(items[0]).url == "https://example.org/a"
    last = skip_of(items[-1], "malformed")
    assert last.source == str(path)
    assert "truncated inside record 5" in last.reason


def test_garbage_inside_a_warc_is_reported_after_the_good_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, gzip_records=False)
    path.write_bytes(path.read_bytes() + b"this is not a WARC record\r\n\r\n")
    items = list(read_inputs([path]))
    assert [doc_of(item).url for item in items[:2]] == ["https://example.org/a", "https://example.org/b"]
    assert "broken WARC after record 5" in skip_of(items[2], "malformed").reason


def test_a_warc_named_file_that_is_not_one_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("just some text, no WARC header")
    skip_of(only(path), "malformed")


def test_a_warc_without_html_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://x/a.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=headers
            )
        )
    skip_of(only(path), "empty")


def test_a_warc_record_above_the_cap_is_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, gzip_records=False)
    items = list(read_inputs([path], max_bytes=500))  # the pages are 600 and 1,000 bytes
    assert [item.code for item in items if isinstance(item, Skipped)] == ["too_large", "too_large"]


# --- RSS and Atom ------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>World News Feed</title><link>https://news.example/</link>
<item><title>Assad says Raqqa not a priority</title><link>https://news.example/assad</link>
<pubDate>Thu, 16 Feb 2017 23:30:00 -0400</pubDate>
<description>&lt;p&gt;President Assad said Raqqa is a symbol.&lt;/p&gt;&lt;p&gt;He spoke to French media.&lt;/p&gt;</description></item>
<item><title>No body here</title><link>https://news.example/empty</link></item>
<item><title>Hollande rejects Assad</title><link>https://news.example/hollande</link>
<description>France’s president rejected any cooperation.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:x</id><updated>2017-02-17T00:00:00Z</updated>
<entry><title>Aleppo retaken</title><id>urn:1</id><link href="https://wire.example/aleppo"/>
<published>2016-12-22T08:00:00+02:00</published><updated>2016-12-23T08:00:00Z</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Syrian forces retook Aleppo.&lt;/p&gt;&lt;p&gt;Assad called it a tipping point.&lt;/p&gt;</content>
</entry></feed>
"""


def test_rss_items_are_articles(tmp_path: Path) -> None:
    path = tmp_path / "world.rss"
    path.write_text(RSS)
    first, empty, third = read_inputs([path])
    doc = doc_of(first)
    assert doc.title == "Assad says Raqqa not a priority"
    assert doc.url == "https://news.example/assad"
    assert doc.outlet == "World News Feed"
    assert doc.text == "President Assad said Raqqa is a symbol.\nHe spoke to French media."
    # the item's own day, not shifted to UTC (which would be 2017-02-17)
    assert (doc.published, doc.published_how) == ("2017-02-16", "metadata")
    assert doc.source == f"{path}#item1"
    assert skip_of(empty, "empty").source == f"{path}#item2"
    assert doc_of(third).published is None and doc_of(third).published_how == "unknown"


def test_atom_entries_use_full_content(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM)
    doc = doc_of(only(path))
    assert doc.text == "Syrian forces retook Aleppo.\nAssad called it a tipping point."
    assert (doc.title, doc.url, doc.outlet) == ("Aleppo retaken", "https://wire.example/aleppo", "Atom Wire")
    assert (doc.published, doc.published_how) == ("2016-12-22", "metadata")


def test_xml_that_is_a_feed_is_read_and_other_xml_is_not(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(ATOM)
    assert doc_of(only(feed)).title == "Aleppo retaken"
    other = tmp_path / "sitemap.xml"
    other.write_text('<?xml version="1.0"?><urlset><url><loc>https://x/</loc></url></urlset>')
    skip_of(only(other), "unsupported")


def test_a_broken_feed_is_malformed(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("this is not xml at all, just words")
    skip_of(only(path), "malformed")


def test_a_feed_without_items_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "quiet.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    skip_of(only(path), "empty")


# --- JSONL and JSON ----------------------------------------------------------------------------


def test_jsonl_fields_date_and_dct(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rows = [
        {
            "id": "a1",
            "text": "Assad spoke.",
            "title": "T1",
            "date": "2017-02-16",
            "url": "https://u/1",
            "publisher": "AFP",
        },
        {"id": 7, "text": "Hollande spoke.", "dct": "2015-08-20", "outlet": "Times of Israel"},
        {"text": "No id, no date."},
        {"id": "bad-date", "text": "Dated oddly.", "date": "sometime in 2017"},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    a, b, c, d = (doc_of(item) for item in read_inputs([path]))
    assert (a.input_id, a.text, a.title, a.url, a.outlet) == (
        "a1",
        "Assad spoke.",
        "T1",
        "https://u/1",
        "AFP",
    )
    assert (a.published, a.published_how, a.source) == ("2017-02-16", "given", f"{path}#L1")
    assert (b.input_id, b.outlet, b.published, b.published_how) == (
        "7",
        "Times of Israel",
        "2015-08-20",
        "given",
    )
    assert (c.input_id, c.published, c.published_how, c.title_in_text) == (None, None, "unknown", False)
    assert (d.published, d.published_how) == (None, "unknown")


def test_jsonl_line_with_only_a_title_reads_the_title_as_text(tmp_path: Path) -> None:
    path = tmp_path / "headlines.jsonl"
    lines = [
        json.dumps({"id": "h1", "text": "", "title": " Quake hits Chile ", "date": "2010-02-27"}),
        json.dumps({"id": "h2", "text": "  ", "title": "  "}),
        json.dumps({"id": "h3", "title": "no text field at all"}),
    ]
    path.write_text("\n".join(lines))
    headline, blank, missing = read_inputs([path])
    doc = doc_of(headline)
    assert (doc.text, doc.title, doc.input_id, doc.published) == (
        "Quake hits Chile",
        "Quake hits Chile",
        "h1",
        "2010-02-27",
    )
    assert skip_of(blank, "empty").source == f"{path}#L2"
    assert skip_of(missing, "malformed").source == f"{path}#L3"


def test_jsonl_bad_lines_are_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "1", "text": "Good one."}),
        "{not json",
        json.dumps({"id": "3", "title": "no text"}),
        "",
        json.dumps({"id": "5", "text": "   "}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "7", "text": 42}),
        json.dumps({"id": "8", "text": "Good two."}),
    ]
    path.write_text("\n".join(lines))
    items = list(read_inputs([path]))
    summary = [
        (item.source.rsplit("#", 1)[1], item.code if isinstance(item, Skipped) else "doc") for item in items
    ]
    assert summary == [
        ("L1", "doc"),
        ("L2", "malformed"),
        ("L3", "malformed"),
        ("L5", "empty"),
        ("L6", "malformed"),
        ("L7", "malformed"),
        ("L8", "doc"),
    ]
    for item in items:
        if isinstance(item, Skipped):
            assert item.reason and "\n" not in item.reason


def test_jsonl_line_above_the_cap_is_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(
        json.dumps({"id": "1", "text": "x" * 5000}) + "\n" + json.dumps({"id": "2", "text": "small"}) + "\n"
    )
    big, small = read_inputs([path], max_bytes=1000)
    assert skip_of(big, "too_large").source == f"{path}#L1"
    assert doc_of(small).input_id == "2" and doc_of(small).source == f"{path}#L2"


def test_jsonl_in_cp1252_and_with_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + json.dumps({"id": "1", "text": "plain"}).encode()
        + b"\n"
        + json.dumps({"id": "2", "text": "Assad’s"}, ensure_ascii=False).encode("cp1252")
        + b"\n"
    )
    first, second = (doc_of(item) for item in read_inputs([path]))
    assert (first.text, first.encoding) == ("plain", "utf-8")
    assert (second.text, second.encoding) == ("Assad’s", "cp1252")


def test_json_list_and_single_object(tmp_path: Path) -> None:
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "a", "text": "One."}, {"id": "b"}, {"id": "c", "text": "Three."}]))
    items = list(read_inputs([many]))
    assert [item.source for item in items] == [f"{many}#item1", f"{many}#item2", f"{many}#item3"]
    assert [type(item).__name__ for item in items] == ["RawDocument", "Skipped", "RawDocument"]
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "z", "text": "Single.", "dct": "2017-01-09"}))
    doc = doc_of(only(one))
    assert (doc.source, doc.input_id, doc.published, doc.published_how) == (
        str(one),
        "z",
        "2017-01-09",
        "given",
    )


def test_json_that_is_json_lines_is_read_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text(
        json.dumps({"id": "1", "text": "A."}) + "\n" + json.dumps({"id": "2", "text": "B."}) + "\n"
    )
    assert [doc_of(item).input_id for item in read_inputs([path])] == ["1", "2"]


@pytest.mark.parametrize("content", ["{not json", "[1, 2", '"just a string"', "[]"])
def test_bad_json_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    (item,) = read_inputs([path])
    assert isinstance(item, Skipped) and item.code in ("malformed", "empty")


def test_gzip_of_a_warc_with_a_plain_gz_name_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "articles.txt.gz"
    path.write_bytes(gzip.compress(b"Some headline\nbody"))
    skip_of(only(path), "unsupported")


def test_a_warc_resource_record_is_an_article(tmp_path: Path) -> None:
    path = tmp_path / "saved.warc"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        record = writer.create_warc_record(
            "https://example.org/saved",
            "resource",
            payload=io.BytesIO(page(head=META).encode()),
            warc_content_type="text/html; charset=utf-8",
        )
        writer.write_record(record)
    doc = doc_of(only(path))
    assert doc.url == "https://example.org/saved" and PARAGRAPHS[0] in doc.text
