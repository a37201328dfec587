"""Full-text search over articles and quotes: DuckDB's fts extension, ranked by BM25.

The dossier is opened read-only, so the index cannot live in it. At start-up
(and after each upload job) the texts are copied, as an Arrow table, into an
in-memory DuckDB where ``PRAGMA create_fts_index`` builds the index. On the
3k-article t17 corpus that is a few seconds and a few tens of MB; a dossier
much larger than memory would want the index built into the file at build time.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
from markupsafe import Markup, escape

SNIPPET_CHARS = 220


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # article | quote
    article_id: str
    title: str | None
    outlet: str | None
    speaker: str | None
    start: int  # where the hit points: 0 for an article, the quote's sentence for a quote
    score: float
    snippet: Markup  # escaped HTML with <mark> around the terms


def fts_extension_path() -> Path:
    """The fts extension shipped in the ``duckdb-extension-fts`` wheel (never downloaded)."""
    import duckdb_extension_fts

    base = Path(duckdb_extension_fts.__file__).parent / "extensions"
    found = sorted(base.glob(f"v{duckdb.__version__}/fts.duckdb_extension")) or sorted(
        base.glob("*/fts.duckdb_extension")
    )
    if not found:
        raise RuntimeError(
            f"the DuckDB fts extension is missing under {base}: reinstall duckdb-extension-fts"
        )
    return found[0]


_DOCS = """
SELECT 'article' AS kind, id AS article_id, title, outlet, NULL AS speaker, 0 AS start_,
       coalesce(title, '') AS head, text AS body
FROM articles
UNION ALL
SELECT 'quote', q.article_id, a.title, a.outlet, q.speaker,
       coalesce((SELECT max(s.start_) FROM sentences s WHERE s.article_id = q.article_id
                 AND s.start_ <= q.content_start AND q.content_start < s.end_), q.content_start),
       coalesce(q.speaker, ''), substring(a.text, q.content_start + 1, q.content_end - q.content_start)
FROM attributions q JOIN articles a ON a.id = q.article_id
"""


class SearchIndex:
    """An in-memory BM25 index of the dossier's articles (title + text) and quotes (speaker + words)."""

    def __init__(self, source: duckdb.DuckDBPyConnection) -> None:
        docs = source.execute(_DOCS).to_arrow_table()
        self._con = duckdb.connect(":memory:")
        self._con.execute(f"LOAD '{fts_extension_path()}'")
        self._con.register("src_docs", docs)
        self._con.execute("CREATE TABLE docs AS SELECT row_number() OVER () AS doc_id, * FROM src_docs")
        self._con.unregister("src_docs")
        self.size = int((self._con.execute("SELECT count(*) FROM docs").fetchone() or (0,))[0])
        if self.size:
            self._con.execute(
                "PRAGMA create_fts_index('docs', 'doc_id', 'head', 'body', stemmer='porter', stopwords='english')"
            )
        self._lock = threading.Lock()

    def search(
        self, query: str, *, kind: str | None = None, limit: int = 20, offset: int = 0
    ) -> tuple[list[Hit], int]:
        query = query.strip()
        if not query or not self.size:
            return [], 0
        kind_filter = "AND kind = ?" if kind else ""
        params: list[object] = [query, *([kind] if kind else [])]
        sql = f"""
            SELECT * FROM (SELECT *, fts_main_docs.match_bm25(doc_id, ?) AS score FROM docs)
            WHERE score IS NOT NULL {kind_filter}
        """
        with self._lock:  # one in-memory connection; searches are short
            total_row = self._con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
            rows = self._con.execute(
                f"SELECT kind, article_id, title, outlet, speaker, start_, score, body FROM ({sql}) "
                "ORDER BY score DESC, article_id, start_ LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ).fetchall()
        hits = [
            Hit(k, aid, title, outlet, speaker, int(start), float(score), snippet(body, query))
            for k, aid, title, outlet, speaker, start, score, body in rows
        ]
        return hits, int(total_row[0]) if total_row else 0


def _terms(query: str) -> list[str]:
    return [t for t in re.findall(r"\w+", query.lower()) if len(t) > 1]


def snippet(body: str, query: str, width: int = SNIPPET_CHARS) -> Markup:
    """A window of ``body`` around the first query term, escaped, with each term's word start marked."""
    terms = _terms(query)
    if not terms:
        return Markup(escape(body[:width]))
    # Stemmed matching: a word that starts with the first 4+ letters of a term counts ("killed" for "kill").
    stems = sorted({t[: max(4, len(t) - 2)] if len(t) > 4 else t for t in terms}, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)
    first = pattern.search(body)
    start = max(0, (first.start() if first else 0) - width // 3)
    if start:
        space = body.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    window = body[start : start + width]
    if start + width < len(body) and " " in window[width // 2 :]:  # end on a word boundary
        window = window[: window.rindex(" ")]
    out, pos = [], 0
    for m in pattern.finditer(window):
        out.append(str(escape(window[pos : m.start()])))
        out.append(f"<mark>{escape(m.group(0))}</mark>")
        pos = m.end()
    out.append(str(escape(window[pos:])))
    prefix = "… " if start else ""
    suffix = " …" if start + len(window) < len(body) else ""
    return Markup(prefix + "".join(out) + suffix)
