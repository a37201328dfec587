"""Events of articles dated only by a range: Timeline17 with the listed date hidden.

    .venv/bin/python evaluation/timex_range_anchor.py [--offset K ...] [--show]

The published stage infers each article's date from its text alone (as ``evaluation/published.py``
does, reading on ``READ_ON``); where it gives no day but both bounds, the time and events stages
run on that range. Reports, for the articles whose range is narrow enough for the time stage
(``timexes.MAX_ANCHOR_RANGE_DAYS``): their events, and of the events dated by a span (the ISO
interval ``lo/hi``) how many spans hold the day the sentence reports, read against the listed
date (the article's true date: the same expression resolved with that date as the anchor must
fall inside the span). Uses the parse caches of ``published.py t17 --limit 150 [--offset K]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
from collections import Counter
from datetime import date

from parse_cache import product_parses  # evaluation/parse_cache.py, beside this script
from published import OUT, READ_ON, SOURCES

from storyline.records import Article, PublicationDate
from storyline.stages import timexes
from storyline.stages.document import ArticleDoc
from storyline.stages.events import extract_events
from storyline.stages.published import infer_publication_date
from storyline.stages.timexes import extract_timexes
from storyline.temporal.calendar import value_range

LIMIT = 150
# the time stage's limit (90 also for a tree before it, to count that tree's events on the same articles)
MAX_ANCHOR_RANGE_DAYS = getattr(timexes, "MAX_ANCHOR_RANGE_DAYS", 90)


def _doc(row: dict, parse, published: PublicationDate | None) -> ArticleDoc:
    article = Article(
        id=row["id"], text=row["text"], raw=row["text"], published=None, published_how="unknown"
    )
    doc = ArticleDoc(article=article, doc=parse)
    doc.published = published
    doc.timexes = extract_timexes(doc)
    return doc


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--offset", type=int, nargs="*", default=[0, 5, 9])
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    with SOURCES["t17"].open(encoding="utf-8") as f:
        all_rows = [json.loads(line) for line in f]
    c: Counter[str] = Counter()
    widths: list[int] = []
    for offset in a.offset:
        rows = all_rows[offset :: len(all_rows) // LIMIT][:LIMIT]
        name = f"t17_{LIMIT}" + (f"_{offset}" if offset else "")
        parses = product_parses(OUT / f"published_parse_{name}.spacy", [row["text"] for row in rows])
        for row, parse in zip(rows, parses, strict=True):
            truth = (row.get("dct") or row.get("date"))[:10]
            bare = Article(
                id=row["id"], text=row["text"], raw=row["text"], published=None, published_how="unknown"
            )
            result = infer_publication_date(ArticleDoc(article=bare, doc=parse), as_of=READ_ON)
            c["articles"] += 1
            if result.date or not (result.earliest and result.latest):
                continue
            width = (date.fromisoformat(result.latest) - date.fromisoformat(result.earliest)).days + 1
            c["closed ranges, no day"] += 1
            if width > MAX_ANCHOR_RANGE_DAYS:
                continue
            c["narrow ranges"] += 1
            c["narrow ranges holding the true date"] += result.earliest <= truth <= result.latest
            doc = _doc(row, parse, result)
            events = extract_events(doc)
            true_doc = _doc(row, parse, PublicationDate(truth, truth, truth, "given", 1.0, "given"))
            true_values = {(t.start, t.end): t.value for t in true_doc.timexes}
            c["events"] += len(events)
            if hasattr(timexes, "anchor_range"):  # values both ends agree on, against the true date's
                undated = {(t.start, t.end): t.value for t in timexes.extract_timexes(_doc(row, parse, None))}
                for t in doc.timexes:
                    if undated.get((t.start, t.end)) != t.value:
                        c["values set by both ends"] += 1
                        c["of them as the true date reads"] += true_values.get((t.start, t.end)) == t.value
            for e in events:
                if "/" not in e.date or e.date[:4].isdigit() and len(e.date) == 9:
                    continue  # a day, month ... or a range of years: not read at the range's ends
                c["spanned events"] += 1
                true = value_range(true_values.get((e.timex_start, e.timex_end), ""))
                hold = (
                    true is not None and e.earliest <= true[0].isoformat() and true[1].isoformat() <= e.latest
                )
                c["spans holding the true reading"] += hold
                widths.append((date.fromisoformat(e.latest) - date.fromisoformat(e.earliest)).days + 1)
                if a.show:
                    mark = "" if hold else "  <-- MISSES"
                    print(f"{row['id']}\ttruth {truth}\t{e.date}\t{true}\t{e.description[:100]}{mark}")
    print(json.dumps(dict(c)))
    if widths:
        print(f"span widths: median {statistics.median(widths)} days, max {max(widths)}")


if __name__ == "__main__":
    main()
