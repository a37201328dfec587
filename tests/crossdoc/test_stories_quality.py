"""Quality gate: story grouping on ECB+ dev stays at or above its measured figures.

Measured with ``.venv/bin/python evaluation/stories.py ecb`` (BENCHMARKS.md, "Stories and wire
copy"): the weights were calibrated on the odd ECB+ topics; the even topics are held out.
Slow: the first run parses and embeds the 772 articles (cached under evaluation/out/).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ECB = ROOT.parent / "shared" / "eval" / "ecbplus_dev_docs.jsonl"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not ECB.exists(), reason="needs ../shared/eval/ecbplus_dev_docs.jsonl"),
]

# Floors a little under the measured BCubed F1 (held-out half 92.86, all dev 92.49;
# added in 4 incremental batches: 92.65 and 92.99), so noise-free regressions show.
FLOORS = {
    "report (even topics)": 92.5,
    "all dev (not held out)": 92.0,
}
INCREMENTAL_FLOORS = {"report (even topics)": 92.3, "all dev (not held out)": 92.5}


def _evaluation():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("evaluation_stories", ROOT / "evaluation" / "stories.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("batches", "floors"), [(1, FLOORS), (4, INCREMENTAL_FLOORS)])
def test_ecb_bcubed_floor(batches: int, floors: dict[str, float]) -> None:
    evaluation = _evaluation()
    results = evaluation.run_ecb(evaluation.DEFAULT_CONFIG, batches)
    for part, floor in floors.items():
        assert results[part]["bcubed"]["F1"] >= floor, (part, results[part])
