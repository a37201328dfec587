"""The DuckDB store: one writer, content-hash ids, transactions, versioned migrations.

``Store`` is the only writer. Each ``write`` is one transaction: a build killed
midway keeps every batch committed before the kill, and a rerun skips the
articles already stored (their ids are hashes of their clean text), so it
resumes without duplicates. Each article row carries the stamp of the pipeline
that extracted it (:mod:`storyline.pipeline_version`); a write replaces, in its
transaction, the facts of an article stored with another stamp. Readers use
:func:`connect` with ``read_only=True``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import duckdb
import numpy as np
import pyarrow as pa

from storyline.embeddings import DOCUMENT_MODEL
from storyline.ingest.offsets import segments_from_json, segments_to_json
from storyline.records import Article, ArticleFacts, Skipped, Span

MIGRATIONS_PACKAGE = "storyline.store.migrations"


def connect(path: str | Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A connection to a dossier file; read-only unless asked otherwise.

    A dossier made by an older storyline is brought to the current schema first (the
    migrations add tables and columns and keep every row), so every reader and writer sees
    one schema. Read-only, that needs the file to be free for a moment; when a build holds
    it, that build has migrated it already.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise FileNotFoundError(f"no dossier at {path}: build one with `storyline build PATH --db {path}`")
    if not read_only:
        con = duckdb.connect(str(path))
        migrate(con)
        return con
    con = duckdb.connect(str(path), read_only=True)
    if schema_version(con) < migration_files()[-1][0]:
        con.close()
        migrate_file(path)
        con = duckdb.connect(str(path), read_only=True)
    return con


def migrate_file(path: str | Path) -> int:
    """Bring the dossier at ``path`` to the current schema; returns its schema version."""
    con = duckdb.connect(str(path))
    try:
        return migrate(con)
    finally:
        con.close()


def migration_files() -> list[tuple[int, str]]:
    """(version, sql) of every migration file, in order."""
    found = []
    for entry in resources.files(MIGRATIONS_PACKAGE).iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, **tables: pa.Table) -> Iterator[None]:
    """Arrow ``tables`` readable by ``con``'s SQL under their keyword names for the ``with`` body,
    unregistered at its end, error or not."""
    for name, table in tables.items():
        con.register(name, table)
    try:
        yield
    finally:
        for name in tables:
            con.unregister(name)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run the ``with`` body in one transaction: committed at its end, rolled back on any error,
    so a failure or a crash leaves nothing half-written."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations the database lacks, each in its own transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    current = schema_version(con)
    applied = False
    for version, sql in migration_files():
        if version <= current:
            continue
        with transaction(con):
            con.execute(sql)
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
        current = version
        applied = True
    if applied:
        # Write the new schema into the file now, out of the write-ahead log: DuckDB 1.5.5 cannot
        # replay an `ALTER TABLE articles ADD COLUMN` from its WAL, as replay binds the table's
        # `DEFAULT current_timestamp` with no database set (duckdb/duckdb#18259, #20543), so a
        # process killed before its first checkpoint left a dossier nobody could open
        # (tests/store/test_build.py::test_a_kill_right_after_the_migrations...).
        con.execute("CHECKPOINT")
    return current


def _rows(facts: Sequence[ArticleFacts], pipeline_version: str | None = None) -> dict[str, list[tuple]]:
    """The rows of each table for ``facts``; each article row carries ``pipeline_version``."""
    tables: dict[str, list[tuple]] = {name: [] for name in _COLUMNS}
    for f in facts:
        a = f.article
        pub = f.published
        tables["articles"].append(
            (
                a.id,
                a.input_id,
                a.source,
                a.title,
                a.outlet,
                a.url,
                a.raw,
                a.text,
                json.dumps(segments_to_json(a.segments)),
                pub.date if pub else a.published,
                pub.earliest if pub else a.published,
                pub.latest if pub else a.published,
                pub.how if pub else a.published_how,
                pub.confidence if pub else (1.0 if a.published else 0.0),
                pub.evidence if pub else None,
                a.dateline.start if a.dateline else None,
                a.dateline.end if a.dateline else None,
                a.dateline_place,
                a.wire,
                len(a.text.split()),
                pipeline_version,
            )
        )
        for i, s in enumerate(f.sentences):
            tables["sentences"].append((a.id, i, s.start, s.end))
        seen: set[tuple] = set()
        for m in f.mentions:
            key = (m.start, m.end)
            if key not in seen:
                seen.add(key)
                tables["mentions"].append((a.id, m.start, m.end, m.label, m.text, m.actor))
        for at in f.attributions:
            content = [[s.start, s.end] for s in at.content]
            tables["attributions"].append(
                (
                    a.id,
                    at.index,
                    at.type,
                    at.speaker,
                    at.speaker_span.start if at.speaker_span else None,
                    at.speaker_span.end if at.speaker_span else None,
                    at.cue.start if at.cue else None,
                    at.cue.end if at.cue else None,
                    json.dumps(content),
                    min(s.start for s in at.content) if at.content else 0,
                    max(s.end for s in at.content) if at.content else 0,
                    at.parent,
                    at.confidence,
                )
            )
        seen = set()
        for t in f.timexes:
            if (t.start, t.end) not in seen:
                seen.add((t.start, t.end))
                tables["timexes"].append((a.id, t.start, t.end, t.type, t.value, t.text))
        seen = set()
        for e in f.events:
            if (e.start, e.end, e.timex_start) not in seen:
                seen.add((e.start, e.end, e.timex_start))
                tables["events"].append(
                    (
                        a.id,
                        e.start,
                        e.end,
                        e.date,
                        e.earliest,
                        e.latest,
                        e.description,
                        e.timex_start,
                        e.timex_end,
                        json.dumps(list(e.actors)),
                        json.dumps(list(e.places)),
                    )
                )
        seen = set()
        for c in f.claims:
            if (c.start, c.end) not in seen:
                seen.add((c.start, c.end))
                tables["claims"].append(
                    (a.id, c.start, c.end, c.value, c.qualifier, c.counts, c.claimant, c.as_of, c.text)
                )
        seen = set()
        for lab in f.labels:
            if (lab.start, lab.end, lab.kind) not in seen:
                seen.add((lab.start, lab.end, lab.kind))
                tables["framing"].append(
                    (a.id, lab.start, lab.end, lab.kind, lab.term, lab.actor, lab.category)
                )
        stages: set[str] = set()
        for fail in f.failures:
            if fail.stage not in stages:
                stages.add(fail.stage)
                tables["failures"].append((a.id, fail.stage, fail.reason[:1000]))
        if f.vector:
            tables["article_vectors"].append((a.id, DOCUMENT_MODEL, _floats(f.vector)))
    return tables


def _floats(vector: bytes) -> list[float]:
    return np.frombuffer(vector, dtype=np.float32).tolist()  # type: ignore[no-any-return]


_COLUMNS = {
    "articles": "id, input_id, source, title, outlet, url, raw, text, segments, published, published_earliest, "
    "published_latest, published_how, published_confidence, published_evidence, dateline_start, dateline_end, "
    "dateline_place, wire, words, pipeline_version",
    "sentences": "article_id, idx, start_, end_",
    "mentions": "article_id, start_, end_, label, text, actor",
    "attributions": "article_id, idx, type, speaker, speaker_start, speaker_end, cue_start, cue_end, content, "
    "content_start, content_end, parent, confidence",
    "timexes": "article_id, start_, end_, type, value, text",
    "events": "article_id, start_, end_, date, earliest, latest, description, timex_start, timex_end, actors, places",
    "claims": "article_id, start_, end_, value, qualifier, counts, claimant, as_of, text",
    "framing": "article_id, start_, end_, kind, term, actor, category",
    "failures": "article_id, stage, reason",
    "article_vectors": "article_id, model, vector",  # the vectors the map made (counts come later)
}


# The tables that hold one article's facts (every table ``_rows`` fills), with the column naming
# the article.
ARTICLE_TABLES = {table: ("id" if table == "articles" else "article_id") for table in _COLUMNS}


def column_names(table: str) -> list[str]:
    """The columns a write fills in ``table``, in ``_rows`` order."""
    return [c.strip() for c in _COLUMNS[table].split(",")]


def arrow_table(table: str, rows: list[tuple]) -> pa.Table:
    """``rows`` of ``table`` (as ``_rows`` makes them) as an Arrow table."""
    return pa.table({name: [row[i] for row in rows] for i, name in enumerate(column_names(table))})


def _bulk_insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    """Insert many rows at once through Arrow (executemany goes row by row)."""
    with registered(con, _storyline_batch=arrow_table(table, rows)):
        con.execute(f"INSERT INTO {table} ({_COLUMNS[table]}) SELECT {_COLUMNS[table]} FROM _storyline_batch")


def write_vectors(con: duckdb.DuckDBPyConnection, ids: Sequence[str], vectors: np.ndarray) -> None:
    """Store (or replace) the document vectors of ``ids`` (one row of ``vectors`` each, made by
    :data:`DOCUMENT_MODEL`) in one statement, inside the caller's transaction if it has one.
    The one writer of ``article_vectors``' vectors: :meth:`Store.write` for those the map
    made, the stories stage for those it embeds itself."""
    if not ids:
        return
    flat = pa.array(np.ascontiguousarray(vectors, dtype=np.float32).ravel())
    batch = pa.table(
        {
            "article_id": list(ids),
            "model": [DOCUMENT_MODEL] * len(ids),
            "vector": pa.FixedSizeListArray.from_arrays(flat, vectors.shape[1]),
        }
    )
    with registered(con, _storyline_vectors=batch):
        con.execute(
            "INSERT OR REPLACE INTO article_vectors (article_id, model, vector)"
            " SELECT article_id, model, vector FROM _storyline_vectors"
        )


def write_vector_counts(con: duckdb.DuckDBPyConnection, counts: Mapping[str, str]) -> None:
    """Store each article's story feature counts (article id -> their JSON) beside its stored
    vector, in one statement (an article with no stored vector gets none)."""
    if not counts:
        return
    batch = pa.table({"article_id": list(counts), "counts": list(counts.values())})
    with registered(con, _storyline_counts=batch):
        con.execute(
            "UPDATE article_vectors SET counts = b.counts FROM _storyline_counts b"
            " WHERE article_vectors.article_id = b.article_id"
        )


def record_skipped(con: duckdb.DuckDBPyConnection, skipped: Iterable[Skipped]) -> None:
    """Upsert skipped inputs (the latest reason wins), inside the caller's transaction."""
    for s in skipped:
        con.execute(
            "INSERT INTO skipped (source, code, reason) VALUES (?, ?, ?) "
            "ON CONFLICT (source) DO UPDATE SET code = excluded.code, reason = excluded.reason",
            [s.source, s.code, s.reason],
        )


def forget_articles(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> None:
    """Delete what the store derived from the articles ``ids``, inside the caller's transaction,
    so that they can be written again (re-extracted): their facts, their story vector and
    feature counts (the new mentions change the counts; the map or the stories stage makes the
    vector again), and their story membership, so that the next stories stage places them
    again with their new features. Actors and wire copies are rebuilt from all articles by
    every build."""
    if not ids:
        return
    params = [list(ids)]
    for table, key in ARTICLE_TABLES.items():  # the facts and the story vector with its counts
        con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?))", params)
    con.execute("DELETE FROM story_articles WHERE article_id IN (SELECT unnest(?))", params)


def read_articles(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[Article]:
    """The clean articles ``ids`` as the store holds them (text, raw text and offsets,
    metadata), in the order of ``ids``, so that they can be extracted again without their
    input files. A publication date the pipeline inferred is left out: extraction infers it.
    ``con`` may be a cursor of the writer's connection, for a reader on another thread."""
    if not ids:
        return []
    rows = con.execute(
        "SELECT id, text, raw, segments, title, outlet, url, input_id, source, published, published_how,"
        " dateline_start, dateline_end, dateline_place, wire FROM articles WHERE id IN (SELECT unnest(?))",
        [list(ids)],
    ).fetchall()
    by_id = {row[0]: _stored_article(row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def _stored_article(row: tuple) -> Article:
    (aid, text, raw, segments, title, outlet, url, input_id, source, published, how,
     dl_start, dl_end, dl_place, wire) = row  # fmt: skip
    known = how in ("given", "metadata")  # "inferred" and "unknown" are the pipeline's own reading
    return Article(
        id=aid,
        text=text,
        raw=raw,
        segments=segments_from_json(json.loads(segments)) if segments else (),
        title=title,
        outlet=outlet,
        url=url,
        input_id=input_id,
        source=source,
        published=str(published) if known and published is not None else None,  # a DATE column: ISO text
        published_how=how if known else "unknown",
        dateline=Span(dl_start, dl_end) if dl_start is not None and dl_end is not None else None,
        dateline_place=dl_place,
        wire=wire,
    )


class Written(NamedTuple):
    """What one write did: articles stored for the first time, and stored ones replaced."""

    new: int
    replaced: int


def current_pipeline_version() -> str:
    from storyline.pipeline_version import code_version

    return code_version()


class Store:
    """The single writer of a dossier file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.con = duckdb.connect(str(self.path))
        except duckdb.IOException as exc:
            raise RuntimeError(
                f"cannot open {self.path} for writing ({exc}); is another build or `storyline serve` using it?"
            ) from exc
        migrate(self.con)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def article_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT id FROM articles").fetchall()}

    def article_versions(self) -> dict[str, str | None]:
        """Every stored article's id -> the pipeline version that extracted it (None: unknown)."""
        return dict(self.con.execute("SELECT id, pipeline_version FROM articles").fetchall())

    def write(
        self,
        facts: Sequence[ArticleFacts],
        skipped: Iterable[Skipped] = (),
        *,
        pipeline_version: str | None = None,
        replace: bool = False,
    ) -> Written:
        """Store a batch in one transaction, stamped ``pipeline_version`` (by default this
        storyline's :func:`storyline.pipeline_version.code_version`).

        An article not stored yet is added. One stored with another stamp (extracted by
        another version of the pipeline) is replaced: its old facts are deleted and the new
        ones written in the same transaction. One stored with this stamp is left as it is,
        unless ``replace``. Ids are content hashes, so nothing is ever stored twice."""
        version = pipeline_version or current_pipeline_version()
        unique: dict[str, ArticleFacts] = {}
        for f in facts:
            unique.setdefault(f.article.id, f)
        stored = self._versions_among(list(unique))
        fresh = [f for i, f in unique.items() if i not in stored]
        stale = [f for i, f in unique.items() if i in stored and (replace or stored[i] != version)]
        tables = _rows(fresh + stale, version)
        con = self.con
        vectors = tables.pop("article_vectors")
        with transaction(con):
            forget_articles(con, [f.article.id for f in stale])
            for table, rows in tables.items():
                if rows:
                    _bulk_insert(con, table, rows)
            write_vectors(con, [r[0] for r in vectors], np.array([r[2] for r in vectors], dtype=np.float32))
            record_skipped(con, skipped)
        return Written(len(fresh), len(stale))

    def stale_count(self, pipeline_version: str) -> int:
        """How many stored articles another pipeline version (or an unknown one) extracted."""
        row = self.con.execute(
            "SELECT count(*) FROM articles WHERE pipeline_version IS DISTINCT FROM ?", [pipeline_version]
        ).fetchone()
        return int(row[0]) if row else 0

    def stale_ids(self, pipeline_version: str) -> list[str]:
        """The stored articles another pipeline version (or an unknown one) extracted."""
        rows = self.con.execute(
            "SELECT id FROM articles WHERE pipeline_version IS DISTINCT FROM ? ORDER BY id",
            [pipeline_version],
        ).fetchall()
        return [r[0] for r in rows]

    def stored_articles(self, ids: Sequence[str]) -> list[Article]:
        """The clean articles ``ids`` as the store holds them (see :func:`read_articles`)."""
        return read_articles(self.con, ids)

    def _versions_among(self, ids: Sequence[str]) -> dict[str, str | None]:
        if not ids:
            return {}
        rows = self.con.execute(
            "SELECT id, pipeline_version FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]
        ).fetchall()
        return dict(rows)

    def article_ids_among(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]
        ).fetchall()
        return {r[0] for r in rows}

    def forget_skipped(self, sources: Iterable[str]) -> None:
        """A source read successfully now is no longer skipped."""
        sources = list(sources)
        if sources:
            self.con.execute("DELETE FROM skipped WHERE source IN (SELECT unnest(?))", [sources])
