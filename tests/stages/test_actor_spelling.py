"""The spelling an actor is shown with does not depend on a set's iteration order.

Two runs of one Timeline17 sample with different PYTHONHASHSEED values named 5 actors differently
("CARL AZUZ" / "Carl Azuz"): same-length spellings of one name tied and the set's order chose.
"""

from __future__ import annotations

import os
import subprocess
import sys

from storyline.records import Article, Mention
from storyline.stages.actors_local import _fullest, resolve_mentions
from storyline.stages.document import ArticleDoc

TEXT = "CARL AZUZ, CNN ANCHOR: Welcome. Carl Azuz reports from Atlanta. Azuz said the show goes on."
PEOPLE = ["CARL AZUZ", "Carl Azuz", "Azuz"]


def _actors() -> list[str | None]:
    spans = []
    at = 0
    for name in PEOPLE:
        start = TEXT.index(name, at)
        spans.append((start, start + len(name)))
        at = start + len(name)
    doc = ArticleDoc(Article(id="a", text=TEXT, raw=TEXT), None)  # type: ignore[arg-type]
    doc.mentions = [Mention("a", s, e, "PERSON", TEXT[s:e]) for s, e in spans]
    return [m.actor for m in resolve_mentions(doc) if m.label == "PERSON"]


def test_fullest_prefers_longest_then_not_capitals_then_alphabetical() -> None:
    assert _fullest({"CARL AZUZ", "Carl Azuz"}) == "Carl Azuz"
    assert _fullest({"Azuz", "Carl Azuz"}) == "Carl Azuz"
    assert _fullest({"Moamer Kadhafi", "Moammar Gadhafi"}) == "Moammar Gadhafi"
    assert _fullest(["Ab Cd", "Ab Ce"]) == _fullest(["Ab Ce", "Ab Cd"]) == "Ab Cd"


def test_bare_surname_takes_the_mixed_case_spelling() -> None:
    assert _actors() == ["Carl Azuz", "Carl Azuz", "Carl Azuz"]


def test_same_actors_under_any_hash_seed() -> None:
    code = (
        "import sys; sys.path.insert(0, 'tests/stages'); "
        "from test_actor_spelling import _actors; print(_actors())"
    )
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        outs.add(run.stdout)
    assert len(outs) == 1, outs
