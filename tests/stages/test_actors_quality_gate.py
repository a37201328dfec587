"""Quality gate: merge precision and recall of actor resolution on PolNeAR dev alias pairs.

Measured with `.venv/bin/python evaluation/actor_pairs.py --split dev` (BENCHMARKS.md, "Actors,
claims and framing"): precision 1.000, recall 0.872 on 118 pairs. The floors sit just under them.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRECISION_FLOOR = 0.97
RECALL_FLOOR = 0.84


@pytest.mark.slow
def test_polnear_dev_alias_pair_floors() -> None:
    spec = importlib.util.spec_from_file_location("actor_pairs", ROOT / "evaluation" / "actor_pairs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result, _ = module.evaluate("dev")
    assert result["pairs"] >= 100
    assert result["precision"] >= PRECISION_FLOOR, result
    assert result["recall"] >= RECALL_FLOOR, result
