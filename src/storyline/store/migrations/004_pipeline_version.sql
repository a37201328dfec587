-- storyline store, schema version 4: the stamp of the pipeline that extracted each article
-- (storyline.pipeline_version): a build extracts again, replacing its facts, an article stored
-- with another stamp. Rows stored before this migration get NULL, which no stamp equals: stale.
ALTER TABLE articles ADD COLUMN pipeline_version VARCHAR;
