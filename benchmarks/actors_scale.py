"""Cross-article actor resolution at 1x and 10x the articles: cost must grow near-linearly.

Mentions come from spaCy over ../shared/corpus/t17/articles.jsonl (2,896 real articles, the
full set is 10x the 1x sample of every tenth article) and are cached in benchmarks/out/.
Resolution (units, rules, blocking) runs on 1x and 10x in the same process, alternately,
best of --repeat; the report gives mentions, distinct names, name pairs compared by spelling
(next to the all-pairs count blocking avoids) and seconds, and the 10x/1x ratios.

Usage: .venv/bin/python benchmarks/actors_scale.py [--out BENCHMARKS.md]  (replaces its own table there)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from report import replace_section  # noqa: E402  benchmarks/report.py, beside this script

from storyline.crossdoc.actors import resolve, units_of  # noqa: E402
from storyline.records import Mention  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "t17" / "articles.jsonl"
CACHE = REPO / "benchmarks" / "out" / "t17_resolved_mentions.jsonl"


def resolved_mentions() -> list[list[Mention]]:
    """Per-article resolved mentions of the t17 corpus (parsed once, then read from the cache)."""
    if CACHE.exists():
        return [[Mention(*m) for m in json.loads(line)] for line in CACHE.open(encoding="utf-8")]
    from storyline.nlp import load_nlp
    from storyline.records import Article
    from storyline.stages.actors_local import resolve_mentions
    from storyline.stages.document import ArticleDoc
    from storyline.stages.entities import extract_mentions

    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    nlp = load_nlp()
    # Mentions need only the entity recognizer (and the tok2vec it listens to).
    keep = {"tok2vec", "ner"}
    texts = (r["text"] for r in rows)
    parsed_docs = nlp.pipe(texts, batch_size=32, disable=[p for p in nlp.pipe_names if p not in keep])
    out = []
    for row, parsed in zip(rows, parsed_docs, strict=True):
        doc = ArticleDoc(Article(id=row["id"], text=row["text"], raw=row["text"]), parsed)
        doc.mentions = extract_mentions(doc)
        out.append(resolve_mentions(doc))
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    with CACHE.open("w", encoding="utf-8") as f:
        for ms in out:
            f.write(json.dumps([[m.article_id, m.start, m.end, m.label, m.text, m.actor] for m in ms]) + "\n")
    return out


def run(articles: list[list[Mention]]) -> dict:
    started = time.perf_counter()
    units, placed = units_of(articles)
    res = resolve(units)
    seconds = time.perf_counter() - started
    n = len(units)
    return {
        "articles": len(articles),
        "mentions": len(placed),
        "names": n,
        "actors": len(res.actors),
        "compared": res.comparisons,
        "all_pairs": n * (n - 1) // 2,
        "seconds": seconds,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, help="append the section to this markdown file")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    full = resolved_mentions()
    sample = full[::10]
    best: dict[str, dict] = {}
    for _ in range(args.repeat):
        for label, arts in (("1x", sample), ("10x", full)):
            r = run(arts)
            if label not in best or r["seconds"] < best[label]["seconds"]:
                best[label] = r
    one, ten = best["1x"], best["10x"]
    lines = [
        "| scale | articles | mentions | distinct names | actors | name pairs compared | all pairs | seconds |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label in ("1x", "10x"):
        r = best[label]
        lines.append(
            f"| {label} | {r['articles']} | {r['mentions']} | {r['names']} | {r['actors']} | "
            f"{r['compared']} | {r['all_pairs']} | {r['seconds']:.2f} |"
        )
    ratio = (
        f"10x/1x: mentions x{ten['mentions'] / one['mentions']:.1f}, names x{ten['names'] / one['names']:.1f}, "
        f"pairs compared x{ten['compared'] / max(one['compared'], 1):.1f} (all pairs would be "
        f"x{ten['all_pairs'] / max(one['all_pairs'], 1):.1f}), time x{ten['seconds'] / one['seconds']:.1f}"
    )
    table = "\n".join(lines) + "\n\n" + ratio + "\n"
    print(table)
    if args.out:
        write_section(args.out, table)


SUBSECTION = "Cross-article resolution cost at 1x and 10x"


def write_section(path: Path, table: str) -> None:
    """Replace this benchmark's subsection of ``path`` (append it if absent)."""
    body = (
        f"### {SUBSECTION}\n\n`.venv/bin/python benchmarks/actors_scale.py --out BENCHMARKS.md` "
        "(best of 3, 1x and 10x alternately in one process)\n\n" + table
    )
    replace_section(path, SUBSECTION, body, level=3)


if __name__ == "__main__":
    main()
