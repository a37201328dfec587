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
