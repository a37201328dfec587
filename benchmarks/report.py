"""Writing a benchmark's section of BENCHMARKS.md (shared by the benchmark scripts)."""

from __future__ import annotations

from pathlib import Path


def replace_section(path: Path, section: str, body: str) -> None:
    """Replace the "## <section>" part of ``path`` with ``body`` (which starts with that
    heading), or append it when the file has no such section yet."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    header = f"## {section}\n"
    start = text.find(header)
    if start >= 0:
        end = text.find("\n## ", start + len(header))
        body = body.rstrip("\n") + "\n\n"  # a blank line before the next section
        text = text[:start] + body + (text[end + 1 :] if end >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + body
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
