"""Score the timex stage on TempEval-3: predictions in the eval format, scored by the shared scorer.

    .venv/bin/python evaluation/timex.py [dev|train]

The document's ``dct`` is the given anchor. Predictions go to ``evaluation/out/timex_SPLIT.jsonl``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from storyline.stages.timexes import extract_timexes
from storyline.testing import article_doc

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
OUT = ROOT / "evaluation" / "out"


def predict(split: str) -> Path:
    gold_path = SHARED / f"tempeval3_{split}.jsonl"
    OUT.mkdir(parents=True, exist_ok=True)
    out_path = OUT / f"timex_{split}.jsonl"
    with gold_path.open(encoding="utf-8") as f, out_path.open("w", encoding="utf-8") as out:
        for line in f:
            gold = json.loads(line)
            doc = article_doc(gold["text"], published=gold.get("dct"), article_id=gold["id"])
            timexes = [
                {"start": t.start, "end": t.end, "type": t.type, "value": t.value, "text": t.text}
                for t in extract_timexes(doc)
            ]
            out.write(json.dumps({"id": gold["id"], "timexes": timexes}) + "\n")
    return out_path


def main() -> None:
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    pred = predict(split)
    gold = SHARED / f"tempeval3_{split}.jsonl"
    subprocess.run([sys.executable, str(SHARED / "score_timex.py"), str(gold), str(pred)], check=True)


if __name__ == "__main__":
    main()
