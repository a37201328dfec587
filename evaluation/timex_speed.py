"""Throughput of the parse-free timex finder + normalizer over the Timeline17 corpus.

.venv/bin/python evaluation/timex_speed.py
"""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

from storyline.temporal import DocState, find_candidates, resolve

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "t17" / "articles.jsonl"


def main() -> None:
    with CORPUS.open(encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    find_candidates("warm up the rules on Friday")
    words = sum(len(a["text"].split()) for a in articles)
    start = time.perf_counter()
    found = 0
    for a in articles:
        state, anchor = DocState(), date.fromisoformat(a["date"])
        for cand in find_candidates(a["text"]):
            found += resolve(cand, anchor, None, state) is not None
    seconds = time.perf_counter() - start
    print(
        f"{len(articles)} articles, {words:,} words, {found:,} timexes in {seconds:.1f} s: {words / seconds:,.0f} words/s"
    )


if __name__ == "__main__":
    main()
