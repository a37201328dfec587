"""Count and sample the PERSON/ORG mentions the actors stage retypes as places (Timeline17).

Timeline17 has no gold entity types, so this counts what ``actors_local._retype_places`` changes
on the cached NER mentions (``evaluation/out/t17_mentions.jsonl``, made by
``evaluation/stories.py t17``), by the population of the place the name finds (countries count as
any population), and prints a seeded sample at ``--threshold`` with context, to be judged by hand.

Usage:
    .venv/bin/python evaluation/place_retype.py [--threshold 100000] [--sample 40] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from parse_cache import t17_articles, t17_mentions  # noqa: E402  # evaluation/parse_cache.py, beside this script

from storyline.gazetteer import find_place  # noqa: E402
from storyline.names import load_aliases  # noqa: E402
from storyline.records import Mention  # noqa: E402
from storyline.stages import actors_local  # noqa: E402

BUCKETS = (15_000, 50_000, 100_000, 250_000, 500_000, 1_000_000)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threshold", type=int, default=actors_local.PLACE_RETYPE_MIN_POPULATION)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    texts = {r["id"]: r["text"] for r in t17_articles()}
    actors_local.PLACE_RETYPE_MIN_POPULATION = 0  # every gazetteer hit; bucketed below
    lexicon = load_aliases()
    retyped: list[tuple[str, Mention, int]] = []
    person_org = 0
    for aid, ms in t17_mentions().items():
        person_org += sum(m.label in ("PERSON", "ORG") for m in ms)
        for before, after in zip(
            ms, actors_local._retype_places(ms, lexicon, texts.get(aid, "")), strict=True
        ):
            if before.label in ("PERSON", "ORG") and after.label == "GPE":
                place = find_place(before.text)
                pop = 10**12 if place is None or place.kind == "country" else place.population
                retyped.append((aid, before, pop))
    counts = {b: sum(p >= b for *_, p in retyped) for b in BUCKETS}
    print(json.dumps({"person_org_mentions": person_org, "retyped_at_or_above": counts}))
    chosen = [r for r in retyped if r[2] >= args.threshold]
    print("by name:", Counter(m.text for _, m, _ in chosen).most_common(40))
    rng = random.Random(args.seed)
    for aid, m, pop in rng.sample(chosen, min(args.sample, len(chosen))):
        t = texts.get(aid, "")
        ctx = t[max(0, m.start - 70) : m.end + 50].replace("\n", " ")
        print(f"{m.label:6} {m.text!r:22} pop={pop if pop < 10**12 else 'country'}  ...{ctx}...")


if __name__ == "__main__":
    main()
