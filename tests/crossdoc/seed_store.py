"""A dossier of the four seeds holding what this area's stages produce (mentions with actors,
claims, framing), written straight into a store so the tests do not depend on the pipeline."""

from __future__ import annotations

from pathlib import Path

import duckdb

from storyline.crossdoc.actors import build_actors
from storyline.seeds import SEEDS, seed_doc
from storyline.stages.actors_local import resolve_mentions
from storyline.stages.claims import extract_claims
from storyline.stages.framing import extract_framing
from storyline.store import migrate


def seed_store(path: str | Path = ":memory:") -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    migrate(con)
    for n in range(4):
        doc = seed_doc(n)
        doc.mentions = resolve_mentions(doc)
        _, outlet, published = SEEDS[n]
        con.execute(
            "INSERT INTO articles (id, outlet, raw, text, segments, published, published_how, words) "
            "VALUES (?, ?, '', ?, '[]', ?, 'given', 0)",
            [doc.id, outlet, doc.text, published],
        )
        con.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?)",
            [(doc.id, i, s.start_char, s.end_char) for i, s in enumerate(doc.doc.sents)],
        )
        con.executemany(
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)",
            [(m.article_id, m.start, m.end, m.label, m.text, m.actor) for m in doc.mentions],
        )
        con.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (c.article_id, c.start, c.end, c.value, c.qualifier, c.counts, c.claimant, c.as_of, c.text)
                for c in extract_claims(doc)
            ],
        )
        con.executemany(
            "INSERT INTO framing VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (f.article_id, f.start, f.end, f.kind, f.term, f.actor, f.category)
                for f in extract_framing(doc)
            ],
        )
    build_actors(con)
    return con
