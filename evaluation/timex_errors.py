"""List TIMEX3 errors of the last prediction run (for error analysis on TRAIN only).

    .venv/bin/python evaluation/timex_errors.py train [fp|fn|value|span|types] [N] [--source APW,NYT]

``types`` prints value accuracy of the relaxed matches by source (the id's prefix: wsj, APW, NYT,
...) and by gold type. ``--source`` keeps only documents whose id starts with one of the prefixes
(the newswire part of TimeBank, APW and NYT, is the closest to AQUAINT).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"


def _source(doc_id: str) -> str:
    m = re.match(r"[A-Za-z]+", doc_id)
    return m.group(0).lower()[:3] if m else "?"


def _matches(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one relaxed matches, largest overlap first (as the scorer)."""
    cands = sorted(
        (
            (min(p["end"], g["end"]) - max(p["start"], g["start"]), i, j)
            for i, p in enumerate(pred)
            for j, g in enumerate(gold)
            if p["start"] < g["end"] and g["start"] < p["end"]
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((pred[i], gold[j]))
    return out


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--source")]
    sources = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--source=")), "")
    split, kind = args[0], args[1]
    limit = int(args[2]) if len(args) > 2 else 80
    gold_path = SHARED / f"tempeval3_{split}.jsonl"
    gold = {d["id"]: d for d in map(json.loads, gold_path.open())}
    if sources:
        prefixes = tuple(s.lower() for s in sources.split(","))
        gold = {k: v for k, v in gold.items() if k.lower().startswith(prefixes)}
    pred = {
        d["id"]: d for d in map(json.loads, (ROOT / "evaluation" / "out" / f"timex_{split}.jsonl").open())
    }
    counts: Counter[str] = Counter()
    for did, g in gold.items():
        text = g["text"]
        matched = _matches(g["timexes"], pred[did]["timexes"])
        for p, t in matched:
            right = p["value"].upper() == t["value"].upper()
            for key in (f"source {_source(did)}", f"type {t['type']}", "all"):
                counts[f"{key} n"] += 1
                counts[f"{key} ok"] += right
            if kind == "value" and not right:
                counts[f"{p['text']!r}={p['value']} gold {t['text']!r}={t['value']} dct {g['dct']}"] += 1
            if kind == "span" and (t["start"], t["end"]) != (p["start"], p["end"]):
                counts[f"{p['text']!r} gold {t['text']!r}"] += 1
        for p in pred[did]["timexes"]:
            if kind == "fp" and not any(
                t["start"] < p["end"] and p["start"] < t["end"] for t in g["timexes"]
            ):
                counts[f"{p['text']!r} {p['value']}"] += 1
        for t in g["timexes"]:
            if kind == "fn" and not any(
                t["start"] < p["end"] and p["start"] < t["end"] for p in pred[did]["timexes"]
            ):
                ctx = text[max(0, t["start"] - 30) : t["end"] + 30].replace("\n", " ")
                counts[f"{t['text']!r} {t['value']} | {ctx}"] += 1
    if kind == "types":
        keys = sorted({k.rsplit(" ", 1)[0] for k in counts})
        for key in keys:
            n, ok = counts[f"{key} n"], counts[f"{key} ok"]
            print(f"{key:14} matched {n:5}  value right {ok:5}  {100 * ok / n:5.1f}%")
        return
    for k, n in counts.most_common(limit):
        if not k.endswith((" n", " ok")):
            print(n, k)


if __name__ == "__main__":
    main()
