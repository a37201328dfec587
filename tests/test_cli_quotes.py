"""`storyline quotes` over the seed dossier: filters, formats and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()


def test_quotes_help_has_an_example() -> None:
    result = runner.invoke(app, ["quotes", "--help"])
    assert result.exit_code == 0
    assert "Example: storyline quotes" in " ".join(result.output.split())


def test_quotes_by_speaker_and_type(seed_db: Path) -> None:
    result = runner.invoke(app, ["quotes", "--speaker", "assad", "--type", "direct", "--db", str(seed_db)])
    assert result.exit_code == 0, result.output
    assert "Raqqa is a symbol" in result.output
    assert "Bashar al-Assad" in result.output
    assert "Hollande" not in result.output.split("—")[0]


def test_quotes_jsonl_rows_point_into_the_article(seed_db: Path) -> None:
    result = runner.invoke(
        app, ["quotes", "--format", "jsonl", "--speaker", "Hollande", "--db", str(seed_db)]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert rows and all(r["speaker"] == "Francois Hollande" for r in rows)
    assert any("Assad cannot be a partner in the fight against terrorism" in r["content"] for r in rows)
    assert {r["type"] for r in rows} <= {"direct", "indirect", "mixed"}


def test_quotes_indirect_only(seed_db: Path) -> None:
    result = runner.invoke(app, ["quotes", "--type", "indirect", "--format", "jsonl", "--db", str(seed_db)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert rows and all(r["type"] == "indirect" for r in rows)
    assert any(
        "at least 14 rebels were among the dead" in r["content"]
        and r["speaker"] == "Syrian Observatory for Human Rights"
        for r in rows
    )


def test_quotes_errors_are_one_clear_line(tmp_path: Path, seed_db: Path) -> None:
    result = runner.invoke(app, ["quotes", "--type", "sarcastic", "--db", str(seed_db)])
    assert result.exit_code == 2 and "use direct, indirect or mixed" in result.output
    result = runner.invoke(app, ["quotes", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "storyline build" in result.output
    result = runner.invoke(app, ["quotes", "--speaker", "Nobody Atall", "--db", str(seed_db)])
    assert result.exit_code == 0 and "no attributions" in result.output
