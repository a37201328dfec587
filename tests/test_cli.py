"""The CLI over a seed dossier: help with examples, listing, show, exports, extract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()
CORE_COMMANDS = ["build", "summary", "articles", "show", "mentions", "export", "extract"]


@pytest.mark.parametrize("command", CORE_COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: storyline " + command in " ".join(result.output.split())


def test_articles_and_mentions(seed_db: Path) -> None:
    result = runner.invoke(app, ["articles", "--db", str(seed_db)])
    assert result.exit_code == 0
    assert "France rules out" in result.output
    result = runner.invoke(app, ["mentions", "--label", "PERSON", "--db", str(seed_db)])
    assert result.exit_code == 0
    assert "Hollande" in result.output


def test_show_by_id_prefix(seed_db: Path) -> None:
    from storyline.api import Dossier

    with Dossier(seed_db) as d:
        (row,) = d.query("SELECT id FROM articles WHERE title LIKE 'France rules out%'")
    result = runner.invoke(app, ["show", row["id"][:8], "--db", str(seed_db)])
    assert result.exit_code == 0, result.output
    assert "Assad cannot be a partner" in result.output


def test_missing_dossier_is_one_clear_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["articles", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code == 2
    assert "storyline build" in result.output


def test_unknown_article_says_how_to_list_them(seed_db: Path) -> None:
    result = runner.invoke(app, ["show", "ffffffff", "--db", str(seed_db)])
    assert result.exit_code == 2
    assert "storyline articles" in result.output


@pytest.mark.parametrize("fmt", ["json", "csv", "parquet"])
def test_export(seed_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / fmt
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", str(seed_db)])
    assert result.exit_code == 0, result.output
    assert (out / f"articles.{fmt}").stat().st_size > 0
    assert (out / f"mentions.{fmt}").stat().st_size > 0
    if fmt == "json":
        rows = json.loads((out / "articles.json").read_text())
        assert len(rows) == 4 and all(r["text"] for r in rows)


def test_json_export_is_deterministic(seed_db: Path, tmp_path: Path) -> None:
    for name in ("a", "b"):
        runner.invoke(
            app, ["export", "--format", "json", "--out", str(tmp_path / name), "--db", str(seed_db)]
        )
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()


def test_extract_offsets_point_into_the_input_text(tmp_path: Path) -> None:
    text = "Title\n\nSyria\u00a0s president Bashar al-Assad said on Thursday that Raqqa is a symbol."
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a1", "text": text, "date": "2017-02-16"})
        + "\n{broken\n"
        + json.dumps({"id": "a2", "text": "Rebels withdrew."})
        + "\n"
    )
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["extract", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    preds = [json.loads(line) for line in out.read_text().splitlines()]
    assert [p["id"] for p in preds] == ["a1", "line-2", "a2"]  # one line per input line, in order
    first = preds[0]
    assert first["published"]["date"] == "2017-02-16" and first["published"]["how"] == "given"
    names = {text[m["start"] : m["end"]] for m in first["mentions"]}
    assert "Bashar al-Assad" in names
    assert set(first) == {"id", "published", "quotes", "timexes", "mentions", "claims"}


def test_python_api(seed_db: Path) -> None:
    from storyline import Dossier

    with Dossier(seed_db) as d:
        summary = d.summary()
        assert summary["articles"] == 4
        mentions = list(d.mention_records())
        assert mentions and all(m.text for m in mentions)
        df = d.df("SELECT id, words FROM articles")
        assert len(df) == 4


def test_export_timelinejs_and_geojson(seed_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "--format", "timelinejs", "--out", str(tmp_path), "--db", str(seed_db)]
    )
    assert result.exit_code == 0, result.output
    timeline = json.loads((tmp_path / "timeline.json").read_text())
    assert timeline["events"] and all("start_date" in e for e in timeline["events"])
    result = runner.invoke(
        app, ["export", "--format", "geojson", "--out", str(tmp_path), "--db", str(seed_db)]
    )
    assert result.exit_code == 0, result.output
    places = json.loads((tmp_path / "places.geojson").read_text())
    assert places["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in places["features"]}
    assert "Damascus" in names


def test_extract_reads_the_users_alias_file_for_speakers(tmp_path: Path) -> None:
    aliases = tmp_path / "mine.yaml"
    aliases.write_text(
        "actors:\n  - name: Anne Hidalgo\n    type: person\n"
        "    roles:\n      - {role: mayor of paris, from: 2014-04-05}\n"
    )
    text = "The mayor of Paris said on Monday that the river would be clean. Anne Hidalgo swam there."
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": text, "date": "2024-07-01"}) + "\n")
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["extract", str(src), "--out", str(out), "--aliases", str(aliases)])
    assert result.exit_code == 0, result.output
    (pred,) = [json.loads(line) for line in out.read_text().splitlines()]
    speakers = {text[slice(*q["speaker_span"][0])]: q["speaker"] for q in pred["quotes"] if q["speaker_span"]}
    assert speakers == {"The mayor of Paris": "Anne Hidalgo"}
    result = runner.invoke(
        app, ["extract", str(src), "--out", str(out), "--aliases", str(tmp_path / "no.yaml")]
    )
    assert result.exit_code == 2 and "no such file" in result.output


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("Paris: President Bashar Al-Assad on Thursday said Raqqa is not a priority", 60, None),
        ("Short title", 70, "Short title"),
        ("France rules out cooperation", 28, "France rules out cooperation"),
        ("France rules out cooperation with Syria", 20, "France rules out…"),
        ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
        ("A title,  with a comma", 9, "A title…"),
    ],
)
def test_clip_cuts_at_a_word(text: str, width: int, expected: str | None) -> None:
    from storyline.cli.app import clip

    got = clip(text, width)
    assert len(got) <= width
    if expected is not None:
        assert got == expected
    else:  # never half a word: what is kept before the ellipsis is whole words of the text
        assert got.endswith("\u2026") and text.startswith(got[:-1]) and text[len(got) - 1] == " "


def test_outlet_or_wire() -> None:
    from storyline.cli.app import outlet_or_wire

    assert outlet_or_wire("Gulf News", "AFP") == "Gulf News"
    assert outlet_or_wire(None, "AFP") == "AFP (wire)"
    assert outlet_or_wire(None, None) == ""


def test_summary_agrees_with_the_actors_view_and_spans_date_ranges(seed_db: Path) -> None:
    from storyline.api import Dossier

    with Dossier(seed_db) as d:
        summary = d.summary()
        (assad,) = d.query("SELECT mentions FROM actors WHERE name = 'Bashar al-Assad'")
        earliest = d.query("SELECT min(coalesce(published, published_earliest)) AS day FROM articles")[0][
            "day"
        ]
    # the top actor's count is the one `storyline actors` lists
    assert f"Bashar al-Assad ({assad['mentions']})" in summary["top actors"]
    # the Times of Israel seed (August 2014) is known only as a range: the span still starts in 2014
    assert summary["published from"] == earliest and str(earliest).startswith("2014")
    assert summary["undated articles"] >= 1
    assert summary["outlets"] >= 1  # the AFP seed's dateline ("PARIS (AFP) –")


def test_articles_and_stories_show_the_dateline_wire_and_date_ranges(seed_db: Path) -> None:
    result = runner.invoke(app, ["articles", "--db", str(seed_db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "AFP (wire)" in result.output
    assert "a prior " not in result.output and "a prior\u2026" not in result.output  # no word cut
    result = runner.invoke(app, ["stories", "--db", str(seed_db)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "----------" not in result.output and "AFP (wire)" in result.output
    line = next(
        x
        for x in result.output.splitlines()
        if x.strip().endswith("France rules out cooperation with Syria against Islamic State")
        and x.startswith("    ")
    )
    assert line.split()[0].startswith("2014-")


@pytest.mark.parametrize(
    ("context", "before", "after", "expected"),
    [
        ("take “every inch” of Syrian territory", True, True, "… “every inch” of Syrian …"),
        (" Assad said. Everywhere ", True, True, "Assad said. Everywhere"),
        ("Paris: President Bashar Al-Assad on", False, True, "Paris: President Bashar Al-Assad …"),
        ("Assad", True, True, "Assad"),
    ],
)
def test_actor_context_keeps_whole_words(context: str, before: bool, after: bool, expected: str) -> None:
    from storyline.cli.actors import _whole_words

    assert _whole_words(context, before, after) == expected


def test_actor_context_and_claims_dates_on_the_seed_dossier(seed_db: Path) -> None:
    result = runner.invoke(app, ["actor", "Assad", "--db", str(seed_db)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "to retake “every in " not in result.output and "asserting th " not in result.output
    # the Times of Israel seed is dated only as a range: its claims show the range
    result = runner.invoke(app, ["claims", "--db", str(seed_db)], env={"COLUMNS": "300"})
    line = next(x for x in result.output.splitlines() if "2,200 people" in x)
    assert " to 2014-" in line


@pytest.mark.parametrize("command", ["actors", "claims", "framing", "quotes", "stories", "timeline"])
def test_every_listing_takes_json_and_jsonl_alike(seed_db: Path, command: str) -> None:
    """Some commands said "json" and others "jsonl" for the same one-object-a-line output."""
    outputs = []
    for fmt in ("json", "jsonl"):
        result = runner.invoke(app, [command, "--format", fmt, "--db", str(seed_db)])
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert lines and all(json.loads(line) for line in lines)
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    result = runner.invoke(app, [command, "--format", "xml", "--db", str(seed_db)])
    assert result.exit_code == 2 and "use text or jsonl" in result.output
