"""The Python API for notebook users: open a dossier, iterate its records, get DataFrames.

>>> from storyline import Dossier, build
>>> build(["../shared/corpus/seeds"], "storyline.duckdb")
>>> with Dossier("storyline.duckdb") as d:
...     for m in d.mention_records(): print(m.text, m.actor)
...     df = d.df("SELECT * FROM attributions")
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.records import Article, Mention
from storyline.store import connect


class Dossier:
    """A read-only view of a dossier file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.con = connect(self.path, read_only=True)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Dossier:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- generic access -------------------------------------------------------
    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def df(self, sql: str, params: list[Any] | None = None) -> Any:
        """A pandas DataFrame of a query (needs pandas installed)."""
        return self.con.execute(sql, params or []).df()

    # --- what the CLI and web read -------------------------------------------
    def summary(self) -> dict[str, Any]:
        def one(sql: str) -> Any:
            row = self.con.execute(sql).fetchone()
            return row[0] if row else None

        counts = {
            "articles": one("SELECT count(*) FROM articles"),
            "words": one("SELECT coalesce(sum(words), 0) FROM articles"),
            "outlets": one(
                "SELECT count(DISTINCT coalesce(outlet, wire)) FROM articles"
            ),  # a dateline wire counts
            # an article known only as a range ("2014-07-07 to 2014-09-05") widens the span too
            "published from": one("SELECT min(coalesce(published, published_earliest)) FROM articles"),
            "published to": one("SELECT max(coalesce(published, published_latest)) FROM articles"),
            "undated articles": one("SELECT count(*) FROM articles WHERE published IS NULL"),
            "entity mentions": one("SELECT count(*) FROM mentions"),
            "actors": one("SELECT count(*) FROM actors"),
            "attributions": one("SELECT count(*) FROM attributions"),
            "time expressions": one("SELECT count(*) FROM timexes"),
            "dated events": one("SELECT count(*) FROM events"),
            "claims": one("SELECT count(*) FROM claims"),
            "framing labels": one("SELECT count(*) FROM framing"),
            "stories": one("SELECT count(*) FROM stories"),
            "skipped inputs": one("SELECT count(*) FROM skipped"),
            "stage failures": one("SELECT count(*) FROM failures"),
        }
        # the counts `storyline actors` lists (every mention of the actor, descriptions such as
        # "the Syrian president" included), so the two views agree
        top = self.con.execute(
            "SELECT name, mentions FROM actors WHERE mentions > 0 ORDER BY mentions DESC, name LIMIT 5"
        ).fetchall()
        counts["top actors"] = ", ".join(f"{name} ({n})" for name, n in top)
        return counts

    def articles(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        return self.query(
            "SELECT id, input_id, title, outlet, wire, published, published_how, published_earliest, "
            "published_latest, words, source FROM articles "
            "ORDER BY published NULLS LAST, id LIMIT ? OFFSET ?",
            [limit, offset],
        )

    def article(self, article_id: str) -> dict[str, Any] | None:
        rows = self.query(
            "SELECT * FROM articles WHERE id = ? OR id LIKE ? || '%' ORDER BY id = ? DESC LIMIT 2",
            [article_id, article_id, article_id],
        )
        if not rows or (len(rows) > 1 and rows[0]["id"] != article_id):
            return None
        return rows[0]

    def article_record(self, article_id: str) -> Article | None:
        import json

        from storyline.ingest.offsets import segments_from_json
        from storyline.records import Span

        row = self.article(article_id)
        if row is None:
            return None
        dateline = (
            Span(row["dateline_start"], row["dateline_end"]) if row["dateline_start"] is not None else None
        )
        return Article(
            id=row["id"],
            text=row["text"],
            raw=row["raw"],
            segments=segments_from_json(json.loads(row["segments"])),
            title=row["title"],
            outlet=row["outlet"],
            url=row["url"],
            input_id=row["input_id"],
            source=row["source"],
            published=str(row["published"]) if row["published"] else None,
            published_how=row["published_how"],
            dateline=dateline,
            dateline_place=row["dateline_place"],
            wire=row["wire"],
        )

    def mentions(self, label: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        where = "WHERE label = ?" if label else ""
        params: list[Any] = [label] if label else []
        return self.query(
            f"SELECT article_id, start_, end_, label, text, actor FROM mentions {where} "
            "ORDER BY article_id, start_ LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    def mention_records(self) -> Iterator[Mention]:
        for r in self.con.execute(
            "SELECT article_id, start_, end_, label, text, actor FROM mentions ORDER BY article_id, start_"
        ).fetchall():
            yield Mention(*r)

    def highlights(self, article_id: str) -> list[tuple[str, int, int]]:
        """(kind, start, end) of every fact span in an article, for display."""
        rows = self.con.execute(
            """
            SELECT 'quote', content_start, content_end FROM attributions WHERE article_id = $1
            UNION ALL SELECT 'mention', start_, end_ FROM mentions WHERE article_id = $1
            UNION ALL SELECT 'timex', start_, end_ FROM timexes WHERE article_id = $1
            UNION ALL SELECT 'claim', start_, end_ FROM claims WHERE article_id = $1
            UNION ALL SELECT 'dateline', dateline_start, dateline_end FROM articles
                WHERE id = $1 AND dateline_start IS NOT NULL
            """,
            [article_id],
        ).fetchall()
        order = {"quote": 0, "mention": 1, "timex": 2, "claim": 3, "dateline": 4}
        return sorted(((k, s, e) for k, s, e in rows), key=lambda r: (order[r[0]], r[1]))
