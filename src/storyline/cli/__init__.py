"""The storyline command line: thin commands over the library.

Each area registers its commands on the shared ``app`` in its own module,
imported here.
"""

from __future__ import annotations

from storyline.cli.app import app

# Command modules register themselves on `app` when imported (one line per area).
from storyline.cli import core  # noqa: E402,F401
from storyline.cli import actors  # noqa: E402,F401
from storyline.cli import web  # noqa: E402,F401
from storyline.cli import time  # noqa: E402,F401
from storyline.cli import stories  # noqa: E402,F401
from storyline.cli import quotes  # noqa: E402,F401


def main() -> None:
    app()
