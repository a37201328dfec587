"""Audit sample of the timexes the time stage finds on fresh news (Timeline17, not an eval set).

    .venv/bin/python evaluation/timex_audit.py [--seed 4] [--n 150] [--articles 60]

A seeded random draw of ``--articles`` Timeline17 articles is parsed as the pipeline parses them
(``stages.document.parse_pipe``; cached in ``evaluation/out/timex_audit_parse_SEED.spacy``) and run through the time stage's own entry point
(``extract_timexes``, the article's publication date as the given anchor); ``--n`` of the timexes
found are drawn by a seeded hash of (article, start), stable across rule changes, and printed in corpus order, each with its anchor, the
predicted type / value and its sentence (the span in [brackets]), for judging by hand against the
TimeML / TIDES conventions.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path

from parse_cache import cached_parses  # evaluation/parse_cache.py, beside this script

from storyline.records import Article, PublicationDate
from storyline.stages.document import ArticleDoc, parse_pipe
from storyline.stages.timexes import extract_timexes

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "t17" / "articles.jsonl"
OUT = ROOT / "evaluation" / "out"


def _key(seed: int, article_id: str, start: int) -> str:
    return hashlib.sha1(f"{seed}:{article_id}:{start}".encode()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--articles", type=int, default=60)
    args = ap.parse_args()
    with CORPUS.open(encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    picked = sorted(random.Random(args.seed).sample(range(len(articles)), args.articles))
    chosen = [articles[i] for i in picked]
    parses = cached_parses(
        OUT / f"timex_audit_parse_{args.seed}.spacy",
        [a["text"] for a in chosen],
        lambda nlp, ts: (doc for doc, _ in parse_pipe(nlp, ((t, None) for t in ts))),
    )
    pool = []
    for art, parse in zip(chosen, parses, strict=True):
        dct = art["date"]
        article = Article(
            id=art["id"], text=art["text"], raw=art["text"], published=dct, published_how="given"
        )
        doc = ArticleDoc(article=article, doc=parse)
        doc.published = PublicationDate(dct, dct, dct, "given", 1.0, "given")
        for t in extract_timexes(doc):
            pool.append((art["id"], dct, parse, t))
    # each timex ranked by a seeded hash of its article and start, so that a rule change keeps the
    # draw wherever a timex keeps its start (a span grown or re-valued stays in the sample)
    rank = sorted(range(len(pool)), key=lambda i: _key(args.seed, pool[i][0], pool[i][3].start))
    sample = sorted(rank[: args.n])
    print(f"{len(chosen)} articles, {len(pool)} timexes, {len(sample)} drawn (seed {args.seed})\n")
    for k, i in enumerate(sample, 1):
        art_id, dct, parse, t = pool[i]
        sent = parse.char_span(t.start, t.end, alignment_mode="expand")
        s = sent.sent if sent is not None else parse[:0]
        text = parse.text[s.start_char : t.start] + "[" + t.text + "]" + parse.text[t.end : s.end_char]
        print(f"#{k:03d} {art_id} anchor {dct}  {t.type} {t.value}  «{t.text}»")
        print("     " + " ".join(text.split()) + "\n")


if __name__ == "__main__":
    main()
