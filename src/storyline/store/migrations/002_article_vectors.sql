-- storyline store, schema version 2: each article's story vector, kept so that a later build
-- embeds only the articles it adds (stories are grouped incrementally, see crossdoc/storystore.py).
CREATE TABLE article_vectors (
    article_id VARCHAR PRIMARY KEY,
    model      VARCHAR NOT NULL,        -- the embedding that made it (storyline.embeddings.DOCUMENT_MODEL)
    vector     FLOAT[384] NOT NULL      -- unit vector: a dot product is a cosine
);
