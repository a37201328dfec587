-- storyline store, schema version 3: what each article's story features are made of (content words,
-- entity and date keys, as JSON), kept beside its vector so that restoring the stories a build
-- stored reads them instead of recomputing them from every article's text (crossdoc/storystore.py).
ALTER TABLE article_vectors ADD COLUMN counts VARCHAR;   -- JSON {"w": {...}, "e": {...}, "d": {...}}
