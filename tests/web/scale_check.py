"""How the web layer holds up at corpus scale: start-up (search index) and page latencies.

The texts are the 2,896 real t17 articles; the fact rows are synthetic but sized like a
built dossier (sentences split on ". ", ~25 mentions, 6 quotes, 8 dates, 2 events, 1 claim
and 1 label per article), so the queries see realistic row counts without a 10-minute build.

    .venv/bin/python -m tests.web.scale_check [--articles N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import duckdb
from fastapi.testclient import TestClient

from storyline.store import migrate
from storyline.web.app import create_app

T17 = Path(__file__).resolve().parents[3] / "shared/corpus/t17/articles.jsonl"
ACTORS = [
    "Bashar al-Assad",
    "Barack Obama",
    "Syria",
    "Egypt",
    "Hosni Mubarak",
    "BP",
    "Libya",
    "Moamer Kadhafi",
]


def build(path: Path, limit: int) -> int:
    con = duckdb.connect(str(path))
    migrate(con)
    rows = []
    with T17.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= limit:
                break
            obj = json.loads(line)
            text = obj["text"]
            rows.append((f"t{i:05d}", obj.get("title") or text[:60], obj.get("publisher") or obj.get("outlet") or f"outlet-{i % 40}",
                         (obj.get("date") or obj.get("dct") or "2011-01-01")[:10], text))  # fmt: skip
    con.executemany(
        "INSERT INTO articles (id, source, title, outlet, raw, text, segments, published, published_how, words) "
        "VALUES (?, 't17', ?, ?, ?, ?, '[]', TRY_CAST(? AS DATE), 'given', 0)",
        [(a, t, o, x, x, d) for a, t, o, d, x in rows],
    )
    con.execute("UPDATE articles SET words = len(string_split(text, ' '))")
    # Sentences: split on '. ' with offsets computed in SQL.
    con.execute("""
        INSERT INTO sentences
        WITH parts AS (
            SELECT id, unnest(string_split(text, '. ')) AS part, generate_subscripts(string_split(text, '. '), 1) AS idx
            FROM articles
        ), lens AS (
            SELECT id, idx, length(part) + 2 AS len FROM parts
        )
        SELECT id, idx - 1, coalesce(sum(len) OVER w, 0) - len, coalesce(sum(len) OVER w, 0) - 2
        FROM lens WINDOW w AS (PARTITION BY id ORDER BY idx ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    """)
    con.execute("DELETE FROM sentences WHERE end_ <= start_")
    actors = json.dumps(ACTORS)
    # Facts at fixed character positions inside each article (the UI only needs valid spans).
    con.execute(f"""
        INSERT INTO mentions SELECT id, k * 97, k * 97 + 6, 'PERSON', substring(text, k * 97 + 1, 6),
               list_extract(CAST('{actors}' AS VARCHAR[]), (k % 8) + 1)
        FROM articles, range(25) r(k) WHERE k * 97 + 6 < length(text)
    """)
    con.execute(f"""
        INSERT INTO attributions SELECT id, k, 'direct', list_extract(CAST('{actors}' AS VARCHAR[]), (k % 8) + 1),
               k * 331, k * 331 + 5, k * 331 + 6, k * 331 + 10, json_array(json_array(k * 331 + 12, k * 331 + 90)),
               k * 331 + 12, k * 331 + 90, NULL, 0.8
        FROM articles, range(6) r(k) WHERE k * 331 + 90 < length(text)
    """)
    con.execute("""
        INSERT INTO timexes SELECT id, k * 211 + 50, k * 211 + 58, 'DATE', strftime(published - CAST(k AS INTEGER), '%Y-%m-%d'), 'Thursday'
        FROM articles, range(8) r(k) WHERE k * 211 + 58 < length(text)
    """)
    con.execute(f"""
        INSERT INTO events SELECT id, k * 211 + 40, k * 211 + 90, strftime(published - CAST(k AS INTEGER), '%Y-%m-%d'), published - CAST(k AS INTEGER),
               published - CAST(k AS INTEGER), substring(title, 1, 50), k * 211 + 50, k * 211 + 58,
               json_array(list_extract(CAST('{actors}' AS VARCHAR[]), CAST(hash(id) % 8 AS BIGINT) + 1)), '[]'
        FROM articles, range(2) r(k) WHERE k * 211 + 90 < length(text)
    """)
    con.execute("""
        INSERT INTO claims SELECT id, 120, 140, 1000 + CAST(hash(id) % 50 AS BIGINT), 'more than', 'people killed', NULL, NULL, 'x'
        FROM articles WHERE length(text) > 140
    """)
    con.execute(f"""
        INSERT INTO framing SELECT id, 200, 210, 'label', 'regime',
               list_extract(CAST('{actors}' AS VARCHAR[]), CAST(hash(id) % 8 AS BIGINT) + 1), 'pejorative'
        FROM articles WHERE length(text) > 210
    """)
    n = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in  # type: ignore[index]
              ("sentences", "mentions", "attributions", "timexes", "events", "claims", "framing")}  # fmt: skip
    print(f"dossier: {n} articles, {counts}")
    con.close()
    return n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "scale.duckdb"
        build(db, args.articles)
        started = time.perf_counter()
        app = create_app(db)
        print(f"start-up (pages served from here): {time.perf_counter() - started:.2f} s")
        with TestClient(app) as c:
            assert c.get("/api/search", params={"q": "oil"}).status_code == 200
            print(
                f"search index built (background), first search answered: {time.perf_counter() - started:.2f} s"
            )
            urls = ["/", "/articles", "/articles/t00042", "/actors", "/actors/Bashar%20al-Assad", "/timeline",
                    "/timeline?actor=Syria", "/claims", "/framing", "/search?q=oil+spill", "/search?q=protesters&kind=quote",
                    "/api/articles?limit=500", "/api/quotes?speaker=Syria&limit=500", "/api/events?limit=500",
                    "/api/export/geojson", "/api/export/timelinejs", "/api/export/parquet"]  # fmt: skip
            for url in urls:
                times = []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    r = c.get(url)
                    times.append(time.perf_counter() - t)
                    assert r.status_code == 200, (url, r.status_code)
                print(
                    f"{url:45s} median {statistics.median(times) * 1000:8.1f} ms  ({len(r.content):,} bytes)"
                )


if __name__ == "__main__":
    main()
