"""Fast inner loop for attributions: PolNeAR -> article_doc + extract_attributions -> scorer.

    .venv/bin/python evaluation/quotes.py [--split dev|train] [--limit N] [--cache] [--out PRED.jsonl]

Parses every article with the project's spaCy model as the product does
(``storyline.stages.document.parse_pipe``, the parse of ``ArticlePipeline``), runs the actors
stage and ``extract_attributions`` and writes predictions in the eval format of
``../shared/eval/README.md``, then runs ``../shared/eval/score_quotes.py`` on them.
``--cache`` keeps the parses in ``evaluation/out/cache`` (ignored by git) so that a
second run only times the attribution stage. Tune on train; report on dev.
``--timing`` prints the stage's time against the parse time (the speed target).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

from parse_cache import cache_is_current, mark_current  # evaluation/parse_cache.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "evaluation" / "out"


WORD = re.compile(r"\w+")


def word_tokens(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each word of ``text``, as the scorer counts words."""
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


def token_set(spans, toks: list[tuple[int, int]]) -> set[int]:
    """The indexes of the words of ``toks`` that the character ``spans`` touch."""
    return {i for a, b in spans or () for i, (s, e) in enumerate(toks) if s < b and e > a}


def overlap50_matches(preds: list[set[int]], golds: list[set[int]]) -> dict[int, int]:
    """Prediction index -> gold index, one to one, as ``score_quotes.py`` matches contents: a pair
    shares at least half the words of each, and the best overlaps are taken first."""
    pairs = sorted(
        (
            (len(p & g) / max(len(p), len(g)), i, j)
            for i, p in enumerate(preds)
            for j, g in enumerate(golds)
            if p and g and len(p & g) * 2 >= max(len(p), len(g))
        ),
        reverse=True,
    )
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in pairs:
        if i not in matched and j not in taken:
            matched[i] = j
            taken.add(j)
    return matched


def to_eval(attrs) -> list[dict]:
    out = []
    for a in attrs:
        out.append(
            {
                "speaker_span": [[a.speaker_span.start, a.speaker_span.end]] if a.speaker_span else None,
                "speaker": a.speaker,
                "cue_span": [[a.cue.start, a.cue.end]] if a.cue else None,
                "content_span": [[s.start, s.end] for s in a.content],
                "type": a.type,
                "confidence": a.confidence,
                "parent": a.parent,
            }
        )
    return out


def docs_for(arts: list[dict], split: str, cache: bool):
    """ArticleDocs for the articles, parsed once (from the cache when asked) and the parse time."""
    from spacy.tokens import DocBin

    from storyline.nlp import load_nlp
    from storyline.records import Article
    from storyline.stages.actors_local import resolve_mentions
    from storyline.stages.document import ArticleDoc, parse_pipe
    from storyline.stages.entities import extract_mentions

    nlp = load_nlp()
    # the name tells parse_pipe parses from the older nlp.pipe ones (polnear_{split}.spacy)
    path = OUT / "cache" / f"polnear_{split}.parse_pipe.spacy"
    t0 = time.perf_counter()
    if cache and cache_is_current(path):
        parsed = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(parsed) < len(arts) or any(d.text != a["text"] for d, a in zip(parsed, arts, strict=False)):
            parsed = None
    else:
        parsed = None
    if parsed is None:
        parsed = [doc for doc, _ in parse_pipe(nlp, ((a["text"], None) for a in arts))]
        if cache:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = DocBin(store_user_data=False)
            for d in parsed:
                db.add(d)
            db.to_disk(path)
            mark_current(path)
    parse_s = time.perf_counter() - t0
    docs = []
    for a, d in zip(arts, parsed, strict=False):
        art = Article(id=a["id"], text=a["text"], raw=a["text"], published=a.get("date"))
        ad = ArticleDoc(article=art, doc=d)
        ad.mentions = extract_mentions(ad)
        ad.mentions = resolve_mentions(ad)  # as the pipeline's actors stage, before attributions
        docs.append(ad)
    return docs, parse_s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--cache", action="store_true", help="reuse parses from evaluation/out/cache")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--timing", action="store_true", help="time the stage against a fresh parse")
    a = ap.parse_args()

    from storyline.stages.attributions import extract_attributions

    gold_path = EVAL / f"polnear_{a.split}.jsonl"
    arts = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    if a.limit:
        arts = arts[: a.limit]
    docs, parse_s = docs_for(arts, a.split, a.cache and not a.timing)
    t0 = time.perf_counter()
    preds = [{"id": d.id, "quotes": to_eval(extract_attributions(d))} for d in docs]
    stage_s = time.perf_counter() - t0
    out = a.out or OUT / f"quotes_{a.split}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p) + "\n")
    gold = gold_path
    if a.limit:
        gold = OUT / f"gold_{a.split}_{a.limit}.jsonl"
        with gold.open("w", encoding="utf-8") as f:
            for art in arts:
                f.write(json.dumps(art) + "\n")
    words = sum(len(x["text"].split()) for x in arts)
    if a.timing:
        print(
            f"articles {len(arts)}, words {words}: spaCy parse {parse_s:.2f}s, "
            f"attributions {stage_s:.2f}s ({100 * stage_s / parse_s:.1f}% of the parse time)"
        )
    sys.stdout.flush()
    return subprocess.call([sys.executable, str(EVAL / "score_quotes.py"), str(gold), str(out)])


if __name__ == "__main__":
    sys.exit(main())
