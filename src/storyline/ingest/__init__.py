"""Reading inputs (readers) and turning them into clean articles (clean, offsets, ids)."""
