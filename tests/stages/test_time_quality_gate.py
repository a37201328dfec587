"""Quality gate: the timex stage on TempEval-3 dev must not fall below the measured figures.

Measured with `.venv/bin/python evaluation/timex.py dev` (BENCHMARKS.md, "Time"): strict 81.64,
relaxed 91.99, value 73.62 (2026-11-23, fifth pass). The floors sit just under them so that a real
regression fails.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
RELAXED_F1_FLOOR = 91.7
VALUE_F1_FLOOR = 73.3
STRICT_F1_FLOOR = 81.3


def _scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_timex", EVAL / "score_timex.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_tempeval3_dev_floors() -> None:
    from storyline.stages.timexes import extract_timexes
    from storyline.testing import article_doc

    gold_path = EVAL / "tempeval3_dev.jsonl"
    if not gold_path.exists():
        pytest.fail(f"{gold_path} missing: ../shared must sit beside the repository")
    scorer = _scorer()
    gold = scorer.load(str(gold_path))
    pred = {}
    for doc_id, g in gold.items():
        doc = article_doc(g["text"], published=g["dct"], article_id=doc_id)
        pred[doc_id] = {
            "timexes": [
                {"start": t.start, "end": t.end, "type": t.type, "value": t.value}
                for t in extract_timexes(doc)
            ]
        }
    result = scorer.score(gold, pred)
    print(json.dumps(result))
    assert result["relaxed"]["F1"] >= RELAXED_F1_FLOOR
    assert result["value"]["F1"] >= VALUE_F1_FLOOR
    assert result["strict"]["F1"] >= STRICT_F1_FLOOR
