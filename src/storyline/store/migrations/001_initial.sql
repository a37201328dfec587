-- storyline store, schema version 1.
-- Every fact table keys on (article_id, start, end): offsets into articles.text.

CREATE TABLE articles (
    id              VARCHAR PRIMARY KEY,   -- content hash of the clean text
    input_id        VARCHAR,               -- id in the input (JSONL), if any
    source          VARCHAR,               -- file path (and member) it was read from
    title           VARCHAR,
    outlet          VARCHAR,
    url             VARCHAR,
    raw             VARCHAR NOT NULL,      -- text as read
    text            VARCHAR NOT NULL,      -- clean text; every span points here
    segments        VARCHAR NOT NULL,      -- JSON [[clean_start, clean_end, raw_start, raw_end], ...]
    published       DATE,
    published_earliest DATE,
    published_latest   DATE,
    published_how   VARCHAR NOT NULL,      -- given | metadata | inferred | unknown
    published_confidence DOUBLE,
    published_evidence VARCHAR,
    dateline_start  INTEGER,
    dateline_end    INTEGER,
    dateline_place  VARCHAR,
    wire            VARCHAR,
    words           INTEGER NOT NULL,
    ingested_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE sentences (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_ INTEGER NOT NULL, end_ INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE mentions (
    article_id VARCHAR NOT NULL, start_ INTEGER NOT NULL, end_ INTEGER NOT NULL,
    label VARCHAR NOT NULL, text VARCHAR NOT NULL, actor VARCHAR,
    PRIMARY KEY (article_id, start_, end_)
);

CREATE TABLE attributions (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    type VARCHAR NOT NULL,                 -- direct | indirect | mixed
    speaker VARCHAR,                       -- canonical actor name, NULL when unresolved
    speaker_start INTEGER, speaker_end INTEGER,
    cue_start INTEGER, cue_end INTEGER,
    content VARCHAR NOT NULL,              -- JSON [[start, end], ...]
    content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,  -- hull of the content spans
    parent INTEGER,                        -- idx of the reporting attribution (nesting)
    confidence DOUBLE NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE timexes (
    article_id VARCHAR NOT NULL, start_ INTEGER NOT NULL, end_ INTEGER NOT NULL,
    type VARCHAR NOT NULL, value VARCHAR NOT NULL, text VARCHAR NOT NULL,
    PRIMARY KEY (article_id, start_, end_)
);

CREATE TABLE events (
    article_id VARCHAR NOT NULL, start_ INTEGER NOT NULL, end_ INTEGER NOT NULL,
    date VARCHAR NOT NULL, earliest DATE, latest DATE,
    description VARCHAR NOT NULL,
    timex_start INTEGER, timex_end INTEGER,
    actors VARCHAR,                         -- JSON list of actor names
    places VARCHAR,                         -- JSON list of place names
    PRIMARY KEY (article_id, start_, end_, timex_start)
);

CREATE TABLE claims (
    article_id VARCHAR NOT NULL, start_ INTEGER NOT NULL, end_ INTEGER NOT NULL,
    value DOUBLE NOT NULL, qualifier VARCHAR, counts VARCHAR, claimant VARCHAR, as_of VARCHAR,
    text VARCHAR NOT NULL,
    PRIMARY KEY (article_id, start_, end_)
);

CREATE TABLE framing (
    article_id VARCHAR NOT NULL, start_ INTEGER NOT NULL, end_ INTEGER NOT NULL,
    kind VARCHAR NOT NULL, term VARCHAR NOT NULL, actor VARCHAR, category VARCHAR,
    PRIMARY KEY (article_id, start_, end_, kind)
);

CREATE TABLE failures (
    article_id VARCHAR NOT NULL, stage VARCHAR NOT NULL, reason VARCHAR NOT NULL,
    PRIMARY KEY (article_id, stage)
);

CREATE TABLE skipped (
    source VARCHAR PRIMARY KEY, code VARCHAR NOT NULL, reason VARCHAR NOT NULL,
    skipped_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Cross-article results: rebuilt from the per-article tables after each build.
CREATE TABLE actors (
    id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, type VARCHAR NOT NULL,
    aliases VARCHAR,                        -- JSON list of surface forms
    country VARCHAR, lat DOUBLE, lon DOUBLE, mentions INTEGER
);

CREATE TABLE actor_edits (                  -- a user's hand splits and joins, respected by rebuilds
    seq INTEGER PRIMARY KEY, op VARCHAR NOT NULL, a VARCHAR NOT NULL, b VARCHAR,
    made_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE stories (
    id VARCHAR PRIMARY KEY, title VARCHAR NOT NULL, size INTEGER NOT NULL
);

CREATE TABLE story_articles (
    story_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL PRIMARY KEY
);

CREATE TABLE wire_copies (                  -- near-duplicate copies of one dispatch
    article_id VARCHAR PRIMARY KEY, original_id VARCHAR NOT NULL, similarity DOUBLE NOT NULL
);
