"""The store through `build`: idempotence, resuming after SIGKILL, bad inputs, migrations."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from storyline.build import build
from storyline.store import Store, connect, migration_files, schema_version

REPO = Path(__file__).resolve().parents[2]


def _table_counts(db: Path) -> dict[str, int]:
    con = connect(db)
    try:
        tables = ["articles", "sentences", "mentions", "skipped"]
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


def test_build_twice_same_rows(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "d.duckdb"
    first = build([str(seeds_dir)], db)
    counts = _table_counts(db)
    second = build([str(seeds_dir)], db)
    assert first.stored == 4 and second.stored == 0 and second.already == 4 and second.reextracted == 0
    assert _table_counts(db) == counts


def test_same_text_in_two_files_is_stored_once(tmp_path: Path) -> None:
    text = "Title line\n\nThe minister said the talks would resume on Monday in Geneva."
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(text)
    (tmp_path / "in" / "b.txt").write_text(text + "\n\n")
    report = build([str(tmp_path / "in")], tmp_path / "d.duckdb")
    assert report.stored == 1 and report.already == 1


def test_migrations_are_versioned_and_applied_once(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    with Store(db):
        pass
    with Store(db) as store:
        assert schema_version(store.con) == migration_files()[-1][0]
        assert store.con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(
            migration_files()
        )


def test_bad_inputs_are_skipped_with_reasons_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Good title\n\nThe army said on Sunday that it had retaken the town.")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 200)
    (folder / "broken.jsonl").write_text('{"id": "1", "text": "Rebels said they withdrew."}\n{not json\n')
    report = build([str(folder)], tmp_path / "d.duckdb")
    assert report.stored == 2
    codes = {Path(s.source.split("#")[0]).name: s.code for s in report.skipped}
    assert codes["empty.txt"] == "empty"
    assert codes["binary.txt"] == "binary"
    assert codes["broken.jsonl"] == "malformed"
    con = connect(tmp_path / "d.duckdb")
    try:
        stored = con.execute("SELECT count(*) FROM skipped").fetchone()[0]
    finally:
        con.close()
    assert stored == len(report.skipped) == 3


def test_cli_exit_status_says_whether_anything_was_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Good title\n\nThe army said on Sunday that it had retaken the town.")
    cli = [sys.executable, "-m", "storyline", "build", str(folder), "--db", str(tmp_path / "d.duckdb")]
    assert subprocess.run(cli, capture_output=True, text=True).returncode == 0
    (folder / "empty.txt").write_text("")
    run = subprocess.run(cli, capture_output=True, text=True)
    assert run.returncode == 1
    assert "empty" in run.stdout


def _corpus(path: Path, n: int) -> list[str]:
    rng = random.Random(7)
    places = ["Aleppo", "Raqqa", "Mosul", "Idlib", "Homs", "Geneva", "Astana", "Paris"]
    ids = []
    with path.open("w") as out:
        for i in range(n):
            place = rng.choice(places)
            text = (
                f"Report {i} from {place}\n\n"
                f"Officials in {place} said on Monday that {i + 3} people were killed in clashes. "
                f"The United Nations envoy said talks in {rng.choice(places)} would resume. "
                f"Witnesses told reporters that the fighting lasted {i % 9 + 1} hours."
            )
            ids.append(f"doc-{i}")
            out.write(json.dumps({"id": f"doc-{i}", "text": text, "date": "2017-01-09"}) + "\n")
    return ids


@pytest.mark.slow
def test_sigkill_midway_then_rerun_stores_every_article_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    ids = _corpus(corpus, 300)
    db = tmp_path / "crash.duckdb"
    cmd = [sys.executable, "-m", "storyline", "build", str(corpus), "--db", str(db)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    # Kill once the first batches are committed: wait for the file, then a random delay.
    deadline = time.monotonic() + 120
    while not db.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(random.uniform(1.0, 6.0))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    con = duckdb.connect(str(db), read_only=True)
    # On a loaded machine the kill can land before the first migration committed: then there is no
    # table yet, which is a crash point like any other (nothing committed, everything to redo).
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    partial = con.execute("SELECT count(*) FROM articles").fetchone()[0] if "articles" in tables else 0
    con.close()
    assert partial < len(ids)  # it really was killed midway
    rerun = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert rerun.returncode == 0, rerun.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT input_id, count(*) FROM articles GROUP BY input_id").fetchall()
        sentences = con.execute(
            "SELECT count(*) FROM (SELECT article_id, idx FROM sentences GROUP BY ALL HAVING count(*) > 1)"
        ).fetchone()[0]
        orphans = con.execute(
            "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
    finally:
        con.close()
    assert sorted(r[0] for r in rows) == sorted(ids)
    assert all(r[1] == 1 for r in rows)
    assert sentences == 0 and orphans == 0


def test_user_alias_file_joins_names_the_bundled_file_does_not(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Minister speaks\n\nJean Dupont-Moretti said on Monday that the talks would resume."
    )
    (folder / "b.txt").write_text("Talks\n\nJDM told reporters in Paris that he was optimistic.")
    aliases = tmp_path / "mine.yaml"
    aliases.write_text("actors:\n  - name: Jean Dupont-Moretti\n    type: person\n    aliases: [JDM]\n")
    db = tmp_path / "d.duckdb"
    report = build([str(folder)], db, aliases=aliases)
    assert report.crossdoc["actors"] == "ok"
    con = connect(db)
    try:
        rows = con.execute(
            "SELECT DISTINCT text, actor FROM mentions WHERE text IN ('JDM', 'Jean Dupont-Moretti')"
        ).fetchall()
    finally:
        con.close()
    assert {text for text, _ in rows} == {"JDM", "Jean Dupont-Moretti"}
    assert {actor for _, actor in rows} == {"Jean Dupont-Moretti"}


def test_a_version_1_dossier_gains_article_vectors(tmp_path: Path) -> None:
    db = tmp_path / "v1.duckdb"
    version, sql = migration_files()[0]
    assert version == 1
    con = duckdb.connect(str(db))
    con.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    con.execute(sql)
    con.execute("INSERT INTO schema_version (version) VALUES (1)")
    con.execute("INSERT INTO stories VALUES ('story-x', 'Kept', 1)")
    con.close()
    with Store(db) as store:
        assert schema_version(store.con) >= 2
        assert store.con.execute("SELECT * FROM stories").fetchall() == [("story-x", "Kept", 1)]
        assert store.con.execute("SELECT count(*) FROM article_vectors").fetchone()[0] == 0
        columns = store.con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'article_vectors'"
        ).fetchall()
        assert dict(columns)["vector"] == "FLOAT[384]"
        assert dict(columns)["counts"] == "VARCHAR"  # migration 003


def test_cli_says_how_many_articles_an_upgrade_reextracted(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks\n\nThe minister said on Monday that talks in Geneva would resume.")
    (folder / "b.txt").write_text("Clashes\n\nOfficials said 12 people were killed in Aleppo on Sunday.")
    db = tmp_path / "d.duckdb"
    cli = [sys.executable, "-m", "storyline", "build", "--db", str(db)]
    env = {**os.environ, "COLUMNS": "300"}  # one line per message
    assert subprocess.run([*cli, str(folder)], capture_output=True, text=True, env=env).returncode == 0
    con = duckdb.connect(str(db))
    con.execute("UPDATE articles SET pipeline_version = '0.0.1+older'")  # what an upgrade finds
    con.close()
    run = subprocess.run([*cli, str(folder / "a.txt")], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert "0 articles stored, 1 re-extracted (stored by another version" in run.stdout
    assert "1 stored articles not among these inputs were extracted by another version" in run.stdout
    run = subprocess.run([*cli, str(folder), "--reextract"], capture_output=True, text=True, env=env)
    assert "0 articles stored, 2 re-extracted (--reextract), 0 already there" in run.stdout


def test_a_kill_right_after_the_migrations_leaves_a_dossier_that_opens(tmp_path: Path) -> None:
    """The migrations are checkpointed: a process killed before any other write leaves a readable file."""
    db = tmp_path / "killed.duckdb"
    # the store stays open (a dropped connection would checkpoint on close) until the kill
    code = f"import os\nfrom storyline.store import Store\nstore = Store({str(db)!r})\nos._exit(0)\n"
    subprocess.run([sys.executable, "-c", code], check=True)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert schema_version(con) == migration_files()[-1][0]
    finally:
        con.close()
