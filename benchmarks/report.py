"""Writing a benchmark's section of BENCHMARKS.md (shared by the benchmark scripts)."""

from __future__ import annotations

import re
from pathlib import Path


def replace_section(path: Path, section: str, body: str, level: int = 2) -> None:
    """Replace the ``level``-deep heading "<#s> <section>" part of ``path`` with ``body`` (which
    starts with that heading), or append it when the file has no such section yet.

    The part runs to the next heading of the same or a higher level, so a "###" subsection
    written by one benchmark leaves its sibling subsections and the next "##" section alone.
    """
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    header = f"{'#' * level} {section}\n"
    start = text.find(header)
    if start >= 0:
        following = re.compile(rf"^#{{1,{level}}} ", re.MULTILINE).search(text, start + len(header))
        body = body.rstrip("\n") + "\n\n"  # a blank line before the next section
        text = text[:start] + body + (text[following.start() :] if following else "")
    else:
        text = text.rstrip("\n") + "\n\n" + body
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
