"""Core commands: build, articles, show, mentions, export, extract."""

from __future__ import annotations
