"""Cross-article stages: stories and wire copy."""
