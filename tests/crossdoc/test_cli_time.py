"""`storyline timeline` and `storyline timelinejs` on the seed dossier."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()


def test_timeline_lists_events_in_date_order(seed_db: Path) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(seed_db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    earliest = [r["earliest"] for r in rows]
    assert earliest == sorted(earliest)
    assert any(r["date"] == "2016-12-22" and "recapture" in r["description"] for r in rows)


def test_timeline_by_actor(seed_db: Path) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(seed_db), "--actor", "Azaz"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2017-01-07")
    assert "tanker truck bomb" in result.stdout


def test_summary_timeline_jsonl(seed_db: Path) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(seed_db), "--summary", "2", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    entries = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(entries) == 2
    assert all(set(e) == {"date", "summary", "named"} and 1 <= len(e["summary"]) <= 2 for e in entries)


def test_timelinejs_file(seed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tl.json"
    result = runner.invoke(app, ["timelinejs", "--db", str(seed_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["events"] and all("start_date" in e and e["text"]["text"] for e in data["events"])


def test_missing_db_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no dossier" in result.output


def test_timeline_names_the_words_and_article_each_date_comes_from(seed_db: Path) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(seed_db), "--actor", "Azaz"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith("2017-01-07") and "\u2190 \u201cSaturday\u201d, " in first
    result = runner.invoke(app, ["timeline", "--db", str(seed_db), "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    azaz = next(r for r in rows if "Azaz" in r["places"] or "Azaz" in r["description"])
    assert azaz["timex_text"] == "Saturday"
    assert all(r["timex_text"] for r in rows)


def test_timelinejs_credits_the_dateline_wire(seed_db: Path, tmp_path: Path) -> None:
    """The AFP seed has no outlet metadata; its dateline credits AFP: its slides sit on AFP's row
    and name AFP in the source line, not a row named after a place."""
    out = tmp_path / "tl.json"
    assert runner.invoke(app, ["timelinejs", "--db", str(seed_db), "--out", str(out)]).exit_code == 0
    slides = json.loads(out.read_text(encoding="utf-8"))["events"]
    (azaz,) = [s for s in slides if "Azaz" in s["text"]["text"]]
    assert azaz["group"] == "AFP" and "<small>AFP · " in azaz["text"]["text"]


def test_summary_timeline_says_when_no_sentence_names_the_day(seed_db: Path) -> None:
    """Gulf News (2017-02-16) makes 2017-02-15 a candidate day for the reports that follow it;
    its undated sentences ("Al Assad also lashed out ...") are not dated 2017-02-15 by the text."""
    result = runner.invoke(app, ["timeline", "--db", str(seed_db), "--summary", "4", "--format", "jsonl"])
    entries = {e["date"]: e for e in map(json.loads, result.stdout.splitlines())}
    assert entries["2017-02-16"]["named"] is True
    unnamed = [day for day, e in entries.items() if not e["named"]]
    assert unnamed, entries
    text = runner.invoke(app, ["timeline", "--db", str(seed_db), "--summary", "4"], env={"COLUMNS": "300"})
    line = next(x for x in text.stdout.splitlines() if x.startswith(unnamed[0]))
    assert "no sentence names this day" in line


def _jsonl(args: list[str]) -> list[dict]:  # type: ignore[type-arg]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_actor_name_variants_give_one_timeline(seed_db: Path) -> None:
    """ "Assad", "al-Assad", "Al Assad" and "Bashar Assad" are Bashar al-Assad's events ("Al Assad"
    and "Bashar Assad" listed none: the filter was a substring of the stored name)."""
    rows = {
        name: _jsonl(["timeline", "--db", str(seed_db), "--actor", name, "--format", "jsonl"])
        for name in ("Bashar al-Assad", "Assad", "al-Assad", "Al Assad", "Bashar Assad")
    }
    assert rows["Bashar al-Assad"] and all(r == rows["Bashar al-Assad"] for r in rows.values())
    assert all("Bashar al-Assad" in r["actors"] for r in rows["Assad"])


def test_actor_us_is_not_the_us_of_damascus(seed_db: Path) -> None:
    """ "US" names the United States, not every event in Damascus (a substring match took them)."""
    rows = _jsonl(["timeline", "--db", str(seed_db), "--actor", "US", "--format", "jsonl"])
    assert rows and all("United States" in r["actors"] + r["places"] for r in rows)
    hollande = _jsonl(["timeline", "--db", str(seed_db), "--actor", "Hollande", "--format", "jsonl"])
    assert any(r["date"] == "2013" and "Damascus" in r["places"] for r in hollande)  # not a US event


def test_unknown_actor_is_a_one_line_error_that_says_what_to_do(seed_db: Path, tmp_path: Path) -> None:
    """It exited 0 with "no dated events naming 'Nobody'" (and --summary printed nothing at all)."""
    for args in (
        ["timeline"],
        ["timeline", "--summary", "3"],
        ["timeline", "--summary", "3", "--format", "jsonl"],
        ["timelinejs", "--out", str(tmp_path / "tl.json")],
    ):
        result = runner.invoke(app, [*args, "--db", str(seed_db), "--actor", "Nobody"])
        assert result.exit_code == 2, (args, result.output)
        assert result.stdout == ""
        (line,) = result.stderr.splitlines()
        assert "no actor or place named 'Nobody'" in line and "storyline actors" in line
    assert not (tmp_path / "tl.json").exists()


def test_timelinejs_by_actor_variant(seed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "tl.json"
    result = runner.invoke(
        app, ["timelinejs", "--db", str(seed_db), "--out", str(out), "--actor", "al-Assad"]
    )
    assert result.exit_code == 0, result.output
    slides = json.loads(out.read_text(encoding="utf-8"))["events"]
    rows = _jsonl(["timeline", "--db", str(seed_db), "--actor", "Bashar al-Assad", "--format", "jsonl"])
    assert slides and len(slides) == len({(r["date"], r["description"]) for r in rows})
    assert {s["unique_id"] for s in slides} <= {
        f"{r['article_id']}-{r['span'][0]}-{r['timex_span'][0]}" for r in rows
    }


def test_each_event_says_its_report_date_and_whether_it_is_after_it(seed_db: Path) -> None:
    """The event's date is not the report's: the French election of April 23 is read in a report
    of 2017-02-16 (inferred), so it lies after it; the timeline said neither."""
    rows = _jsonl(["timeline", "--db", str(seed_db), "--format", "jsonl"])
    (vote,) = [r for r in rows if r["date"] == "2017-04-23"]
    assert vote["reported"]["date"] == "2017-02-16" and vote["reported"]["how"] == "inferred"
    assert vote["after_report"] is True
    azaz = next(r for r in rows if r["date"] == "2017-01-07")
    assert azaz["after_report"] is False and azaz["reported"]["date"] == "2017-01-09"
    result = runner.invoke(app, ["timeline", "--db", str(seed_db)], env={"COLUMNS": "300"})
    line = next(x for x in result.stdout.splitlines() if x.startswith("2017-04-23"))
    assert line.endswith("reported 2017-02-16 (inferred), before the event")


def test_summary_with_more_dates_asked_than_there_are(seed_db: Path) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(seed_db), "--summary", "500", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    entries = [json.loads(line) for line in result.stdout.splitlines()]
    assert 0 < len(entries) < 500 and [e["date"] for e in entries] == sorted(e["date"] for e in entries)
    assert f"{len(entries)} of the 500 dates asked for" in result.stderr
    result = runner.invoke(app, ["timeline", "--db", str(seed_db), "--summary", "0"])
    assert (
        result.exit_code == 2 and result.stdout == "" and "--summary needs a positive number" in result.stderr
    )


def test_timelinejs_of_a_dossier_without_dated_events_warns(tmp_path: Path) -> None:
    """TimelineJS refuses a document without events ("Timeline configuration has no events."):
    `export --format timelinejs` wrote one without a word."""
    from tests.web import dossier

    db = dossier.build(tmp_path / "bare.duckdb", facts=False)  # articles, no events
    result = runner.invoke(app, ["export", "--format", "timelinejs", "--out", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))["events"] == []
    assert "TimelineJS shows nothing" in result.stderr
    result = runner.invoke(app, ["timelinejs", "--out", str(tmp_path / "tl.json"), "--db", str(db)])
    assert result.exit_code == 0 and "TimelineJS shows nothing" in result.stderr
