"""Article text is hostile input: a text full of markup renders as text on every page and in the API."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

ASSAD = "Bashar%20al-Assad"
HOSTILE_PAGES = [
    "/", "/articles", "/articles/a-hostile", f"/actors/{ASSAD}", "/search?q=script", "/search?q=alert&kind=quote",
    "/search?q=%3Cscript%3Ealert(9)%3C/script%3E", "/articles?outlet=%3Cb%3EEvil%3C/b%3E%20Outlet",
    "/actors?q=%22%3E%3Cscript%3Ealert(5)%3C/script%3E", "/timeline?actor=%22%3E%3Csvg%20onload=alert(6)%3E",
    "/articles/%3Cscript%3Ealert(7)%3C%2Fscript%3E",
]  # fmt: skip


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


@pytest.mark.parametrize("url", HOSTILE_PAGES)
def test_hostile_text_renders_as_text(client: TestClient, url: str) -> None:
    r = client.get(url)
    body = r.text
    found = elements(body)
    # The only script is ours, loaded from /static; no element the article could have brought in.
    assert [a for t, a in found if t == "script"] == [{"src": "/static/app.js", "defer": None}]
    assert not {t for t, _ in found} & {"img", "iframe", "object", "embed", "style", "base"}
    for tag, attrs in found:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        for key in ("href", "src", "action"):
            assert not (attrs.get(key) or "").strip().lower().startswith("javascript:"), (tag, attrs)
        if tag == "svg":
            assert "viewbox" in attrs  # only the timeline's own SVG
    assert "<b>Evil</b>" not in body
    assert r.headers["content-security-policy"].startswith("default-src 'none'; script-src 'self';")


def test_the_hostile_article_shows_its_markup_as_text(client: TestClient) -> None:
    body = client.get("/articles/a-hostile").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;a href=&#34;javascript:alert(2)&#34;&gt;here&lt;/a&gt;" in body
    assert "&lt;img src=x onerror=alert(4)&gt;" in body  # inside a highlighted quote, still text
    assert "<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Breaking · storyline</title>" in body
    assert "&lt;b&gt;Evil&lt;/b&gt; Outlet" in body


def test_the_api_returns_hostile_text_as_data_and_snippets_escaped(client: TestClient) -> None:
    a = client.get("/api/articles/a-hostile")
    assert a.headers["content-type"] == "application/json"
    assert "<script>alert(1)</script>" in a.json()["text"]  # JSON carries the text as it is
    hit = client.get("/api/search", params={"q": "onerror"}).json()["items"][0]
    assert (
        "<img" not in hit["snippet"] and "&lt;img src=x <mark>onerror</mark>=alert(4)&gt;" in hit["snippet"]
    )
    tl = client.get("/api/export/timelinejs").json()  # TimelineJS renders HTML: outlet and titles escaped
    assert "<b>" not in str(tl)
