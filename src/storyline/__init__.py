"""storyline: turn a pile of news articles into a sourced dossier.

The Python API: ``build(paths, db)`` builds or extends a dossier file;
``Dossier(db)`` opens one read-only to iterate records or get DataFrames.
"""

from storyline.api import Dossier
from storyline.build import BuildReport, build

__all__ = ["BuildReport", "Dossier", "build"]
__version__ = "0.1.0"
