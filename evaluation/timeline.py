"""Summary timelines on the Timeline17 dev topics, scored by date F1.

    .venv/bin/python evaluation/timeline.py [TOPIC ...]

Per topic: the articles of ``../shared/corpus/t17/articles.jsonl`` (with their publication dates)
become dated sentences (regex timex finder, no parser; cached under ``evaluation/out/t17``),
``summarize`` picks N dates (N = the topic's number of gold dates), and
``../shared/eval/score_timeline.py`` scores them against ``t17_timelines_dev.jsonl``.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from storyline.crossdoc.timeline import DatedSentence, dated_sentences, summarize

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "eval" / "t17_timelines_dev.jsonl"
OUT = ROOT / "evaluation" / "out" / "t17"


def _code_version() -> str:
    """A hash of the finder's rules and code: the sentence cache is rebuilt when they change."""
    src = ROOT / "src" / "storyline"
    files = [src / "lexicons" / "time_rules.yaml", src / "lexicons" / "time_words.yaml"]
    files += sorted((src / "temporal").glob("*.py")) + [src / "crossdoc" / "timeline.py"]
    return hashlib.sha1(b"".join(f.read_bytes() for f in files)).hexdigest()[:10]


def topic_sentences(topic: str) -> list[DatedSentence]:
    cache = OUT / f"{topic}.{_code_version()}.sentences.jsonl"
    if cache.exists():
        with cache.open(encoding="utf-8") as f:
            return [DatedSentence(**json.loads(line)) for line in f]
    out: list[DatedSentence] = []
    with (SHARED / "corpus" / "t17" / "articles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            art = json.loads(line)
            if art["topic"] == topic:
                out.extend(dated_sentences(art["id"], art["text"], art.get("date")))
    OUT.mkdir(parents=True, exist_ok=True)
    with cache.open("w", encoding="utf-8") as f:
        for s in out:
            f.write(json.dumps(asdict(s)) + "\n")
    return out


def main() -> None:
    with GOLD.open(encoding="utf-8") as f:  # N: the topic's number of distinct gold dates
        entries = {(d["topic"], d["date"][:10]) for d in map(json.loads, f)}
    gold_dates = Counter(topic for topic, _ in entries)
    topics = sys.argv[1:] or sorted(gold_dates)
    for topic in topics:
        t0 = time.perf_counter()
        sentences = topic_sentences(topic)
        timeline = summarize(sentences, gold_dates[topic])
        pred = OUT / f"{topic}.timeline.jsonl"
        with pred.open("w", encoding="utf-8") as f:
            for entry in timeline:
                f.write(json.dumps(entry) + "\n")
        subprocess.run(
            [
                sys.executable,
                str(SHARED / "eval" / "score_timeline.py"),
                str(GOLD),
                str(pred),
                "--topic",
                topic,
            ],
            check=True,
        )
        print(f"  ({len(sentences)} sentences, {time.perf_counter() - t0:.1f}s)")


if __name__ == "__main__":
    main()
