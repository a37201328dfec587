"""Per-article stages: each a pure function of an :class:`ArticleDoc`.

A stage reads the article, its spaCy parse and what earlier stages found, and
returns records; it does no I/O and keeps no global state beyond read-only data
(lexicons) loaded once. ``storyline.pipeline`` runs them in order.
"""
