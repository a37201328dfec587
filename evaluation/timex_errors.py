"""List TIMEX3 errors of the last prediction run (for error analysis on TRAIN only).

    .venv/bin/python evaluation/timex_errors.py train [fp|fn|value]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"


def main() -> None:
    split, kind = sys.argv[1], sys.argv[2]
    gold_path = SHARED / f"tempeval3_{split}.jsonl" if split in ("train", "dev") else ROOT / "evaluation" / "out" / split
    gold = {d["id"]: d for d in map(json.loads, gold_path.open())}
    split = "train" if split not in ("dev",) else split
    pred = {d["id"]: d for d in map(json.loads, (ROOT / "evaluation" / "out" / f"timex_{split}.jsonl").open())}
    counts: Counter[str] = Counter()
    for did, g in gold.items():
        text = g["text"]
        for p in pred[did]["timexes"]:
            overl = [t for t in g["timexes"] if t["start"] < p["end"] and p["start"] < t["end"]]
            if kind == "fp" and not overl:
                counts[f"{p['text']!r} {p['value']}"] += 1
            if kind == "value" and overl and overl[0]["value"].upper() != p["value"].upper():
                t = overl[0]
                counts[f"{p['text']!r}={p['value']} gold {t['text']!r}={t['value']} dct {g['dct']}"] += 1
            if kind == "span" and overl and (overl[0]["start"], overl[0]["end"]) != (p["start"], p["end"]):
                counts[f"{p['text']!r} gold {overl[0]['text']!r}"] += 1
        for t in g["timexes"]:
            if kind == "fn" and not any(t["start"] < p["end"] and p["start"] < t["end"] for p in pred[did]["timexes"]):
                ctx = text[max(0, t["start"] - 30) : t["end"] + 30].replace("\n", " ")
                counts[f"{t['text']!r} {t['value']} | {ctx}"] += 1
    for k, n in counts.most_common(int(sys.argv[3]) if len(sys.argv) > 3 else 80):
        print(n, k)


if __name__ == "__main__":
    main()
