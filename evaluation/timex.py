"""Score the timex stage on TempEval-3: predictions in the eval format, scored by the shared scorer.

    .venv/bin/python evaluation/timex.py [dev|train]

The document's ``dct`` is the given anchor. Predictions go to ``evaluation/out/timex_SPLIT.jsonl``.
The texts are parsed as the pipeline parses them (``stages.document.parse_pipe``: the NER reads
the text with blank-line runs made one new line) and cached in ``evaluation/out/timex_parse_SPLIT.spacy``
(the texts are fixed), so that re-scoring after a rule change skips the parser.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from parse_cache import cached_parses  # evaluation/parse_cache.py, beside this script

from storyline.records import Article, PublicationDate
from storyline.stages.document import ArticleDoc, parse_pipe
from storyline.stages.timexes import extract_timexes

if TYPE_CHECKING:
    from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
OUT = ROOT / "evaluation" / "out"


def _parses(split: str, texts: list[str]) -> list[Doc]:
    """Parses of ``texts`` as the pipeline makes them (``parse_pipe``), cached."""
    return cached_parses(
        OUT / f"timex_parse_{split}.spacy",
        texts,
        lambda nlp, ts: (doc for doc, _ in parse_pipe(nlp, ((t, None) for t in ts))),
    )


def predict(split: str) -> Path:
    gold_path = SHARED / f"tempeval3_{split}.jsonl"
    OUT.mkdir(parents=True, exist_ok=True)
    out_path = OUT / f"timex_{split}.jsonl"
    with gold_path.open(encoding="utf-8") as f:
        golds = [json.loads(line) for line in f if line.strip()]
    parses = _parses(split, [g["text"] for g in golds])
    with out_path.open("w", encoding="utf-8") as out:
        for gold, parse in zip(golds, parses, strict=True):
            dct = gold.get("dct")
            article = Article(
                id=gold["id"],
                text=gold["text"],
                raw=gold["text"],
                published=dct,
                published_how="given" if dct else "unknown",
            )
            doc = ArticleDoc(article=article, doc=parse)
            if dct:
                doc.published = PublicationDate(dct, dct, dct, "given", 1.0, "given")
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
