"""Quality gate: story grouping on ECB+ dev stays at or above its measured figures, and Timeline17
mixes no more topics than measured.

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

# Floors a little under the measured BCubed F1 (held-out half 94.86, all dev 94.21 since leftovers
# attach to their closest story, 92.86 and 92.61 before; added in 4 incremental batches: 94.22 and
# 94.82, 92.65 and 92.99 before), so noise-free regressions show.
FLOORS = {
    "report (even topics)": 94.5,
    "all dev (not held out)": 93.8,
}
INCREMENTAL_FLOORS = {"report (even topics)": 93.9, "all dev (not held out)": 94.4}


def _evaluation():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("evaluation_stories", ROOT / "evaluation" / "stories.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Timeline17 (2,896 articles on 8 topics): stories that hold articles of two topics, measured with
# ``evaluation/stories.py t17`` after the country guard and the cleaner's site chrome (the articles
# cleaned as `storyline build` cleans them, its 6 site pages and 2 promotion-only lines left out):
# 21 (18 without the 16 articles filed under two topics with one text); in 4 batches in
# publication order 24 and 21. With leftovers attached to their closest story of 8 or more
# (StoryConfig.attach_size): 22 and 19; in 4 batches 25 and 22. Most of what is left is content the labels do not follow
# (Syria-filed reports from Libya; BENCHMARKS.md). A ceiling a little above those, so a change
# that mixes more topics fails.
T17_MIXED_CEILING = {"mixed_stories": 23, "mixed_stories_without_cross_filed": 20}
T17_NEEDS = [
    ROOT.parent / "shared" / "corpus" / "t17" / "articles.jsonl",
    ROOT / "evaluation" / "out" / "t17_mentions.jsonl",
    ROOT / "evaluation" / "out" / "t17_vectors.npy",
    ROOT / "evaluation" / "out" / "t17_clean_vectors.npz",  # the cleaned articles' vectors
]


@pytest.mark.skipif(
    not all(p.exists() for p in T17_NEEDS),
    reason="needs ../shared/corpus/t17 and its caches (`evaluation/stories.py t17` makes them: about 25 minutes on 2 cores)",
)
def test_t17_mixed_stories_ceiling() -> None:
    evaluation = _evaluation()
    result = evaluation.run_t17(evaluation.DEFAULT_CONFIG)
    for key, ceiling in T17_MIXED_CEILING.items():
        assert result[key] <= ceiling, (key, result)


# End to end (``evaluation/stories.py e2e``: the stories `storyline stories --rebuild` stores for a
# build of ECB+ dev, scored on all of dev and on each half) measured all dev 93.84, report half
# 95.03 since leftovers attach to their closest story (92.38 and 93.29 since the NER reads blank
# lines as one new line; 91.76 before; 90.35 and 91.47 while title-only articles were keyed by
# their headline's names).
E2E_DOSSIER = ROOT / "evaluation" / "out" / "ecb_e2e.duckdb"
E2E_FLOORS = {"bcubed": 93.5, "bcubed report (even topics)": 94.7}


@pytest.mark.skipif(
    not E2E_DOSSIER.exists(),
    reason="needs the e2e dossier (`evaluation/stories.py e2e` builds it: about 11 minutes on 2 cores)",
)
def test_e2e_bcubed_floor() -> None:
    result = _evaluation().run_e2e()
    for part, floor in E2E_FLOORS.items():
        assert result[part]["F1"] >= floor, (part, result[part])


@pytest.mark.parametrize(("batches", "floors"), [(1, FLOORS), (4, INCREMENTAL_FLOORS)])
def test_ecb_bcubed_floor(batches: int, floors: dict[str, float]) -> None:
    evaluation = _evaluation()
    results = evaluation.run_ecb(evaluation.DEFAULT_CONFIG, batches)
    for part, floor in floors.items():
        assert results[part]["bcubed"]["F1"] >= floor, (part, results[part])
