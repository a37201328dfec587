"""Audit the attributions stage on fresh news: a seeded sample of Timeline17 articles.

    .venv/bin/python evaluation/quote_audit.py [--n 25] [--seed 17] [--out FILE]

Timeline17 (``../shared/corpus/t17/articles.jsonl``, 2,896 news articles 2009-2013) is no
evaluation set: it has no gold attributions. This script draws a seeded random sample of
``--n`` articles, undoes the corpus's PTB tokenization (`` '' -> ", -LRB- -> (, " 's" ->
"'s", " ," -> "," ...) so that the text reads as an outlet published it, runs the product
pipeline (``storyline.pipeline.ArticlePipeline`` on ``storyline.records.Article``, as
``storyline extract`` does after cleaning) and prints, per article, every attribution:
its type, the speaker span's text, the resolved speaker, the cue, the content, and the
sentence the cue sits in. The output is read by hand and each attribution judged against
PolNeAR's conventions (content = the reported clause, "that" included; the source span;
direct / indirect / mixed); the counts are kept in BENCHMARKS.md ("## Attributions").
``--misses`` adds, per article, each quoted passage of 25 or more characters that no
attribution's content covers ("MISS?" lines): candidates for missed reported speech
(titles and headlines among them are read off by hand). ``--clean`` first runs the product's
cleaner (``storyline.ingest.clean.clean``, as ``storyline extract`` does), which drops site
chrome such as comment rules ("We welcome comments on our articles ..."); without it the
detokenized text goes to the pipeline as it is (the basis of the counts in BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
T17 = ROOT.parent / "shared" / "corpus" / "t17" / "articles.jsonl"

# PTB token forms of the corpus and what an outlet prints instead.
_PTB = [
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r"-LRB-\s*"), "("),
    (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"\\/"), "/"),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m|')(?=\W)", re.I), r"\1"),
    (re.compile(r" ([,.;:?!%])"), r"\1"),
    (re.compile(r"\$ (?=\d)"), "$"),
]


def detokenize(text: str) -> str:
    """The corpus's PTB-tokenized ``text`` as running prose (one paragraph per line kept)."""
    for pat, rep in _PTB:
        text = pat.sub(rep, text)
    return text.replace("\n", "\n\n")


def sample(n: int, seed: int) -> list[dict]:
    """``n`` Timeline17 articles drawn with ``random.Random(seed)``, in the order drawn."""
    with T17.open(encoding="utf-8") as f:
        arts = [json.loads(line) for line in f]
    return random.Random(seed).sample(arts, n)


def sentence_of(sents: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding character ``pos``."""
    for s, e in sents:
        if s <= pos < e:
            return s, e
    return pos, pos


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=25)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--out", type=Path, help="write the listing here instead of stdout")
    ap.add_argument(
        "--misses",
        action="store_true",
        help="also list each quoted passage of 25+ characters that no content covers (miss candidates)",
    )
    ap.add_argument(
        "--clean",
        action="store_true",
        help="run the product's cleaner first, as storyline extract does (drops comment rules and other site chrome)",
    )
    a = ap.parse_args()

    from storyline.ingest.clean import clean
    from storyline.pipeline import ArticlePipeline
    from storyline.records import Article, RawDocument

    pipe = ArticlePipeline()
    out = a.out.open("w", encoding="utf-8") if a.out else sys.stdout
    total = 0
    for art in sample(a.n, a.seed):
        text = detokenize(art["text"])
        if a.clean:
            article = clean(RawDocument(text=text, source=art["id"]))
            text = article.text
        else:
            article = Article(id=art["id"], text=text, raw=text)
        f = pipe(article)
        # sentence bounds: split on sentence-final punctuation or a paragraph break
        sents, start = [], 0
        for m in re.finditer(r"(?<=[.?!\"])\s+(?=[A-Z\"(])|\n\n", text):
            sents.append((start, m.start()))
            start = m.end()
        sents.append((start, len(text)))
        print(f"\n######## {art['id']} ({len(f.attributions)} attributions)", file=out)
        for at in f.attributions:
            total += 1
            sp = at.speaker_span
            anchor = at.cue.start if at.cue else at.content[0].start
            s, e = sentence_of(sents, anchor)
            print(
                f"[{at.index}] {at.type} | span: {text[sp.start : sp.end] if sp else None!r}"
                f" | speaker: {at.speaker!r} | cue: {text[at.cue.start : at.cue.end] if at.cue else None!r}"
                f"{' | parent ' + str(at.parent) if at.parent is not None else ''}",
                file=out,
            )
            print("    content: " + " / ".join(text[c.start : c.end] for c in at.content), file=out)
            print("    sent:    " + text[s:e].replace("\n", " "), file=out)
        if a.misses:
            covered = [(c.start, c.end) for at in f.attributions for c in at.content]
            for m in re.finditer(r'"[^"\n]{25,}?"', text):
                if not any(s < m.end() and e > m.start() for s, e in covered):
                    print(f"MISS? {m.group(0)[:160]}", file=out)
        print(f"-------- text of {art['id']}:\n{text}", file=out)
    print(f"\n{total} attributions in {a.n} articles (seed {a.seed})", file=out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
