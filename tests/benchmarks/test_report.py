"""benchmarks/report.py: a benchmark rewrites its own part of BENCHMARKS.md and nothing else."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from report import replace_section  # noqa: E402

BEFORE = """# Benchmarks

## Actors

intro

### Merges

merge table

### Cross-article resolution cost at 1x and 10x

old table

### Reading the cost figures

notes

## Scale

scale table
"""


@pytest.mark.parametrize(
    ("section", "level", "body", "kept", "gone"),
    [
        (
            "Cross-article resolution cost at 1x and 10x",
            3,
            "### Cross-article resolution cost at 1x and 10x\n\nnew table\n",
            ["merge table", "### Reading the cost figures", "notes", "## Scale", "scale table", "intro"],
            ["old table"],
        ),
        (
            "Actors",
            2,
            "## Actors\n\nrewritten\n",
            ["## Scale", "scale table", "# Benchmarks"],
            ["intro", "merge table", "old table", "notes"],
        ),
        ("Scale", 2, "## Scale\n\nnew scale\n", ["old table", "notes", "intro"], ["scale table"]),
    ],
)
def test_replace_section_rewrites_only_its_part(
    tmp_path: Path, section: str, level: int, body: str, kept: list[str], gone: list[str]
) -> None:
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(BEFORE, encoding="utf-8")
    replace_section(path, section, body, level=level)
    text = path.read_text(encoding="utf-8")
    assert body.strip() in text
    assert text.count(body.splitlines()[0] + "\n") == 1
    for line in kept:
        assert line in text
    for line in gone:
        assert line not in text


def test_replace_section_appends_a_missing_section(tmp_path: Path) -> None:
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(BEFORE, encoding="utf-8")
    replace_section(path, "Time", "## Time\n\nfigures\n")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(BEFORE.rstrip("\n"))
    assert text.endswith("## Time\n\nfigures\n")
