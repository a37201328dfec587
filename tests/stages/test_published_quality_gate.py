"""Quality gate: publication dates inferred from the text of TempEval-3 dev must not regress.

Measured with `.venv/bin/python evaluation/published.py tempeval3_dev` (BENCHMARKS.md, "Time",
2026-11-23): 30 closed ranges, all holding the true date; bounds for 42 articles, 41 holding it;
no day given. The floors sit just under them so that a real regression fails; a wrong day fails
at once (a wrong confident day is worse than an honest range).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"
CLOSED_RANGES_FLOOR = 28
RANGES_HOLDING_SHARE_FLOOR = 0.96
BOUNDS_HOLDING_SHARE_FLOOR = 0.95


@pytest.mark.slow
def test_tempeval3_dev_publication_ranges() -> None:
    from storyline.stages.published import infer_publication_date
    from storyline.testing import article_doc

    gold_path = EVAL / "tempeval3_dev.jsonl"
    if not gold_path.exists():
        pytest.fail(f"{gold_path} missing: ../shared must sit beside the repository")
    ranges = ranges_hold = bounds = bounds_hold = 0
    with gold_path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            truth = row["dct"][:10]
            result = infer_publication_date(article_doc(row["text"], article_id=row["id"]))
            holds = (result.earliest or "0000") <= truth <= (result.latest or "9999")
            assert result.date is None or result.date == truth, (row["id"], result)
            if result.earliest or result.latest:
                bounds += 1
                bounds_hold += holds
            if result.earliest and result.latest:
                ranges += 1
                ranges_hold += holds
    assert ranges >= CLOSED_RANGES_FLOOR
    assert ranges_hold / ranges >= RANGES_HOLDING_SHARE_FLOOR
    assert bounds_hold / bounds >= BOUNDS_HOLDING_SHARE_FLOOR
