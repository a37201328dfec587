"""The actors, actor, actor-split/join, claims and framing commands on a seed dossier."""

from __future__ import annotations

import json

import pytest
from seed_store import seed_store
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("actors") / "seeds.duckdb"
    seed_store(path).close()
    return path


def test_actors_lists_canonical_actors(db) -> None:
    result = runner.invoke(app, ["actors", "--db", str(db), "--format", "json", "--type", "person"])
    assert result.exit_code == 0, result.output
    names = [json.loads(line)["name"] for line in result.output.splitlines()]
    assert names[0] == "Bashar al-Assad"
    assert "Francois Lecointre" in names and "Francois Hollande" in names


def test_actor_explains_its_joins(db) -> None:
    result = runner.invoke(app, ["actor", "Daesh", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Islamic State" in result.output and "alias" in result.output
    result = runner.invoke(app, ["actor", "Raqqa", "--db", str(db)])
    assert "SY" in result.output and "35.95" in result.output


def test_unknown_actor_is_a_one_line_error(db) -> None:
    result = runner.invoke(app, ["actor", "Nobody Atall", "--db", str(db)])
    assert result.exit_code == 2 and "storyline actors" in result.output


def test_claims_ledger_and_conflicts(db) -> None:
    result = runner.invoke(app, ["claims", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    groups = [json.loads(line) for line in result.output.splitlines()]
    toll = next(g for g in groups if g["measure"] == "deaths" and 300000 in {c["value"] for c in g["claims"]})
    assert {c["value"] for c in toll["claims"]} >= {300000, 310000}
    assert {c["outlet"] for c in toll["claims"]} >= {"Gulf News", "AFP"}
    # "more than 300,000" (16 February) and "more than 310,000" (9 January) are no disagreement
    result = runner.invoke(app, ["claims", "--conflicts", "--db", str(db)])
    assert result.exit_code == 0 and "no conflicting claims" in result.output


def test_framing_for_one_actor(db) -> None:
    result = runner.invoke(app, ["framing", "--actor", "ISIS", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["outlet"]: r for r in map(json.loads, result.output.splitlines())}
    assert rows["PressTV"]["labels"]["takfiri"] >= 1
    assert rows["PressTV"]["outlet_facts"]["state_relation"] == "state-owned"


def test_split_then_join_by_hand(tmp_path) -> None:
    path = tmp_path / "edit.duckdb"
    seed_store(path).close()
    result = runner.invoke(app, ["actor-split", "Daesh", "--db", str(path)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["actor", "Daesh", "--db", str(path)])
    assert result.output.startswith("Daesh ")
    assert "kept apart by a hand split" in result.output
    result = runner.invoke(app, ["actor-join", "Francois Lecointre", "Thierry Mariani", "--db", str(path)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["actor", "Mariani", "--db", str(path)])
    assert "joined by hand" in result.output
