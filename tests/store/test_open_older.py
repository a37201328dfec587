"""A dossier made by an older storyline opens in every reader and writer: brought to the current
schema on open, its rows kept."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.store import connect, migration_files, schema_version

runner = CliRunner()
LATEST = migration_files()[-1][0]


def _older_dossier(path: Path, version: int) -> Path:
    """A dossier at schema ``version`` holding one article, as an older storyline left it."""
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    for number, sql in migration_files():
        if number <= version:
            con.execute(sql)
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [number])
    con.execute(
        "INSERT INTO articles (id, raw, text, segments, published_how, words)"
        " VALUES ('a1', 'Talks resume.', 'Talks resume.', '[]', 'unknown', 2)"
    )
    con.close()
    return path


@pytest.mark.parametrize("version", [1, 2, 3])
@pytest.mark.parametrize("read_only", [True, False])
def test_connect_brings_an_older_dossier_to_the_current_schema(
    tmp_path: Path, version: int, read_only: bool
) -> None:
    db = _older_dossier(tmp_path / f"v{version}.duckdb", version)
    con = connect(db, read_only=read_only)
    try:
        assert schema_version(con) == LATEST
        assert con.execute("SELECT id FROM articles").fetchall() == [("a1",)]
    finally:
        con.close()


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--format", "json"],
        ["stories", "--rebuild"],
        ["stories", "--format", "jsonl"],
        ["wire", "--rebuild"],
        ["quotes"],
    ],
)
def test_cli_commands_read_and_write_a_dossier_built_before_the_last_migrations(
    tmp_path: Path, command: list[str]
) -> None:
    db = _older_dossier(tmp_path / "v1.duckdb", 1)
    args = [*command, "--db", str(db)]
    if command[0] == "export":
        args += ["--out", str(tmp_path / "out")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    con = connect(db)
    try:
        assert schema_version(con) == LATEST
    finally:
        con.close()
