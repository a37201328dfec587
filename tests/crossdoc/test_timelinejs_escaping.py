"""TimelineJS renders headlines, texts and group labels as HTML: article text in them must arrive
escaped, from the CLI (`storyline timelinejs`, `storyline export --format timelinejs`) as from the web."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import duckdb
import pytest
from tests.web import dossier
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()

# the web test dossier's hostile article has the title "<script>alert('title')</script> Breaking"
# and the outlet "<b>Evil</b> Outlet"; this event adds a hostile sentence, actor and place
SENTENCE = 'Assad said "<img src=x onerror=alert(1)>" twice on 1 March 2017.'
ACTOR = "<script>alert(5)</script>"
PLACE = "<svg onload=alert(6)>"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = dossier.build(tmp_path_factory.mktemp("hostile") / "hostile.duckdb")
    con = duckdb.connect(str(path))
    con.execute(
        "INSERT INTO events VALUES ('a-hostile', 0, 40, '2017-03-01', '2017-03-01', '2017-03-01', ?, 30, 40, ?, ?)",
        [SENTENCE, json.dumps([ACTOR]), json.dumps([PLACE])],
    )
    con.close()
    return path


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))


def rendered(timeline: dict[str, Any]) -> list[str]:
    """Every field TimelineJS renders as HTML."""
    fields = [timeline["title"]["text"]["headline"], timeline["title"]["text"]["text"]]
    for slide in timeline["events"]:
        fields += [slide["text"]["headline"], slide["text"]["text"], slide.get("group", "")]
    return fields


def assert_escaped(timeline: dict[str, Any], allowed: set[str]) -> str:
    """No element but ``allowed`` (the exporter's own markup) and no attribute in any rendered field."""
    for field in rendered(timeline):
        parser = _Elements()
        parser.feed(field)
        assert {tag for tag, _ in parser.elements} <= allowed, field
        assert all(not attrs or tag == "a" for tag, attrs in parser.elements), field
    return "\n".join(rendered(timeline))


def hostile_slide(timeline: dict[str, Any]) -> dict[str, Any]:
    (slide,) = [s for s in timeline["events"] if "onerror" in s["text"]["headline"] + s["text"]["text"]]
    return slide


def test_timelinejs_command_escapes_article_text(hostile_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tl.json"
    title = "<i>My</i> & timeline"
    result = runner.invoke(app, ["timelinejs", "--db", str(hostile_db), "--out", str(out), "--title", title])
    assert result.exit_code == 0, result.output
    timeline = json.loads(out.read_text(encoding="utf-8"))
    text = assert_escaped(timeline, {"br", "small"})
    assert "<script" not in text and "<img" not in text and "<svg" not in text and "<b>" not in text
    slide = hostile_slide(timeline)
    assert slide["text"]["text"] == (
        "Assad said &quot;&lt;img src=x onerror=alert(1)&gt;&quot; twice on 1 March 2017."
        "<br><small>&lt;b&gt;Evil&lt;/b&gt; Outlet · &lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;"
        " Breaking</small>"
    )
    assert (
        slide["text"]["headline"]
        == "2017-03-01: &lt;script&gt;alert(5)&lt;/script&gt;, &lt;svg onload=alert(6)&gt;"
    )
    assert slide["group"] == "&lt;b&gt;Evil&lt;/b&gt; Outlet"  # a row per outlet
    assert timeline["title"]["text"]["headline"] == "&lt;i&gt;My&lt;/i&gt; &amp; timeline"
    # the other slides' plain text is unchanged
    assert any(s["text"]["text"].startswith("Talks resumed in Geneva<br><small>") for s in timeline["events"])


def test_export_format_timelinejs_escapes_article_text(hostile_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "--format", "timelinejs", "--out", str(tmp_path), "--db", str(hostile_db)]
    )
    assert result.exit_code == 0, result.output
    timeline = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))
    text = assert_escaped(timeline, {"br", "small"})
    assert "<script" not in text and "<img" not in text and "<svg" not in text and "<b>" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile_slide(timeline)["text"]["text"]


def test_web_timelinejs_escapes_article_text_and_the_outlet_group(hostile_db: Path) -> None:
    from storyline.web import exports

    con = duckdb.connect(str(hostile_db), read_only=True)
    try:
        timeline = exports.timelinejs(con)
    finally:
        con.close()
    text = assert_escaped(timeline, {"a", "br", "small"})
    assert "<script" not in text and "<img" not in text and "<b>" not in text
    slide = hostile_slide(timeline)
    assert slide["group"] == "&lt;b&gt;Evil&lt;/b&gt; Outlet"
    assert "&lt;img src=x onerror=alert(1)&gt;" in slide["text"]["text"]
    assert '<a href="/articles/a-hostile#s-0">&lt;b&gt;Evil&lt;/b&gt; Outlet · ' in slide["text"]["text"]


def test_the_web_download_and_the_cli_export_are_one_layout(hostile_db: Path, tmp_path: Path) -> None:
    """Same slides, dates, groups and texts; the web adds only the links and its title."""
    import re

    from storyline.web import exports

    result = runner.invoke(app, ["timelinejs", "--db", str(hostile_db), "--out", str(tmp_path / "tl.json")])
    assert result.exit_code == 0, result.output
    cli = json.loads((tmp_path / "tl.json").read_text(encoding="utf-8"))
    con = duckdb.connect(str(hostile_db), read_only=True)
    try:
        web = exports.timelinejs(con)
    finally:
        con.close()
    for slide in web["events"]:
        slide["text"]["text"] = re.sub(r"</?a[^>]*>", "", slide["text"]["text"])
    assert web["events"] == cli["events"] and len(cli["events"]) >= 2
