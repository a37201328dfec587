"""How well publication dates are inferred from text alone: the known date is hidden, then compared.

    .venv/bin/python evaluation/published.py [tempeval3_train|tempeval3_dev|t17] [--limit N]

Reports: how often a date is given (``inferred`` with a day), exactly right, within one day; how
often the range (earliest..latest) holds the true date; how often the answer is ``unknown``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from storyline.stages.published import infer_publication_date
from storyline.testing import article_doc

SHARED = Path(__file__).resolve().parents[2] / "shared"
SOURCES = {
    "tempeval3_train": SHARED / "eval" / "tempeval3_train.jsonl",
    "tempeval3_dev": SHARED / "eval" / "tempeval3_dev.jsonl",
    "t17": SHARED / "corpus" / "t17" / "articles.jsonl",
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("source", choices=sorted(SOURCES))
    ap.add_argument("--limit", type=int, default=0, help="every k-th article so that about N are read")
    a = ap.parse_args()
    with SOURCES[a.source].open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    if a.limit and len(rows) > a.limit:
        rows = rows[:: len(rows) // a.limit][: a.limit]
    c: Counter[str] = Counter()
    for row in rows:
        truth = (row.get("dct") or row.get("date"))[:10]
        result = infer_publication_date(article_doc(row["text"], article_id=row["id"]))
        c["articles"] += 1
        c[f"how={result.how}"] += 1
        if result.date:
            c["dated"] += 1
            c["exact"] += result.date == truth
            from datetime import date

            c["within_1_day"] += abs((date.fromisoformat(result.date) - date.fromisoformat(truth)).days) <= 1
        if result.earliest or result.latest:
            c["with_bounds"] += 1
            c["bounds_hold"] += (result.earliest or "0000") <= truth <= (result.latest or "9999")
    n = c["articles"]
    print(json.dumps(dict(c)))
    print(
        f"{a.source}: {n} articles; a day given for {c['dated']} ({100 * c['dated'] / n:.1f}%), "
        f"exact {c['exact']}, within 1 day {c['within_1_day']}; bounds given for {c['with_bounds']}, "
        f"holding the true date {c['bounds_hold']}; unknown {c['how=unknown']}"
    )


if __name__ == "__main__":
    main()
