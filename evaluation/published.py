"""How well publication dates are inferred from text alone: the known date is hidden, then compared.

    .venv/bin/python evaluation/published.py [tempeval3_train|tempeval3_dev|t17] [--limit N [--offset K]] [--show]

Reports: how often a date is given (``inferred`` with a day), exactly right, within one day; how
often a range is given (both bounds) and holds the true date, and its median width; how often a
one-sided bound holds; how often the answer is ``unknown``; and a reliability table (confidence
bucket against the share of answers whose range holds the true date). Parses are cached under
``evaluation/out/`` (keyed by the texts), so a second run only re-runs the inference.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from parse_cache import cached_parses  # evaluation/parse_cache.py, beside this script

from storyline.records import Article
from storyline.stages.document import ArticleDoc, parse_pipe
from storyline.stages.published import infer_publication_date

if TYPE_CHECKING:
    from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "evaluation" / "out"
SOURCES = {
    "tempeval3_train": SHARED / "eval" / "tempeval3_train.jsonl",
    "tempeval3_dev": SHARED / "eval" / "tempeval3_dev.jsonl",
    "t17": SHARED / "corpus" / "t17" / "articles.jsonl",
}
# The day the sources are read on (``as_of`` of the published stage: a date reported as past after
# it is a misread number, no bound). TempEval-3 (SemEval 2013) and Timeline17 (Tran et al. 2013)
# were both published in 2013, so none of their articles is later; a fixed day keeps the figures
# the same whatever day they are measured on.
READ_ON = date(2013, 12, 31)
# Confidence buckets of the reliability table (upper bounds).
BUCKETS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


def _parses(name: str, texts: list[str]) -> list[Doc]:
    """Parses of ``texts`` as the pipeline makes them (``parse_pipe``), cached."""
    return cached_parses(
        OUT / f"published_parse_{name}.spacy",
        texts,
        lambda nlp, ts: (doc for doc, _ in parse_pipe(nlp, ((t, None) for t in ts))),
    )


def _bucket(confidence: float) -> str:
    for low, high in zip(BUCKETS, BUCKETS[1:], strict=False):
        if confidence <= high:
            return f"({low:.1f}, {high:.1f}]" if confidence > 0 else "0"
    return "1.0"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("source", choices=sorted(SOURCES))
    ap.add_argument("--limit", type=int, default=0, help="every k-th article so that about N are read")
    ap.add_argument("--offset", type=int, default=0, help="start the every-k-th sample at this row")
    ap.add_argument("--show", action="store_true", help="print each article's answer and truth")
    a = ap.parse_args()
    with SOURCES[a.source].open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    if a.limit and len(rows) > a.limit:
        rows = rows[a.offset :: len(rows) // a.limit][: a.limit]
    name = f"{a.source}_{a.limit or 'all'}" + (f"_{a.offset}" if a.offset else "")
    parses = _parses(name, [row["text"] for row in rows])
    c: Counter[str] = Counter()
    widths: list[int] = []
    reliability: dict[str, Counter[str]] = {}
    for row, parsed in zip(rows, parses, strict=True):
        truth = (row.get("dct") or row.get("date"))[:10]
        article = Article(
            id=row["id"], text=row["text"], raw=row["text"], published=None, published_how="unknown"
        )
        result = infer_publication_date(ArticleDoc(article=article, doc=parsed), as_of=READ_ON)
        c["articles"] += 1
        c[f"how={result.how}"] += 1
        holds = (result.earliest or "0000") <= truth <= (result.latest or "9999")
        if result.date:
            c["dated"] += 1
            c["exact"] += result.date == truth
            c["within_1_day"] += abs((date.fromisoformat(result.date) - date.fromisoformat(truth)).days) <= 1
        if result.earliest or result.latest:
            c["with_bounds"] += 1
            c["bounds_hold"] += holds
        if result.earliest and result.latest:
            c["ranges"] += 1
            c["ranges_hold"] += holds
            widths.append((date.fromisoformat(result.latest) - date.fromisoformat(result.earliest)).days + 1)
            r = reliability.setdefault(_bucket(result.confidence), Counter())
            r["n"] += 1
            r["hold"] += holds
        if a.show:
            mark = "" if holds else "  <-- MISSES"
            print(
                f"{row['id']}\ttruth {truth}\t{result.how} {result.date} [{result.earliest}..{result.latest}] "
                f"c={result.confidence}\t{result.evidence[:140]}{mark}"
            )
    n = c["articles"]
    print(json.dumps(dict(c)))
    print(
        f"{a.source}: {n} articles; a day given for {c['dated']} ({100 * c['dated'] / n:.1f}%), "
        f"exact {c['exact']}, within 1 day {c['within_1_day']}; bounds given for {c['with_bounds']}, "
        f"holding the true date {c['bounds_hold']}; closed ranges {c['ranges']} (hold {c['ranges_hold']}, "
        f"median width {statistics.median(widths) if widths else 0:.0f} days); unknown {c['how=unknown']}"
    )
    print("reliability of closed ranges: confidence bucket, ranges, holding the true date")
    for bucket in sorted(reliability):
        r = reliability[bucket]
        print(f"  {bucket:>8}  {r['n']:4d}  {r['hold']:4d}  ({100 * r['hold'] / r['n']:.0f}%)")


if __name__ == "__main__":
    main()
