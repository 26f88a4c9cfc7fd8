-- dyad store, format version 1 (frozen: later versions are migrations). Private to
-- crates/store; read only through the Storage trait.

-- One row per coding of the stored articles (coder + dictionary versions); one is current.
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    dyad_version TEXT NOT NULL,
    dictionaries_version TEXT NOT NULL,
    created INTEGER NOT NULL,
    current INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    date TEXT,
    source TEXT,
    title TEXT,
    text TEXT NOT NULL,
    metadata TEXT NOT NULL
);

-- Which articles a run has coded: written in the same transaction as their mentions, so a
-- killed ingest or recode resumes exactly where it stopped.
CREATE TABLE run_articles (
    run INTEGER NOT NULL REFERENCES runs(id),
    article INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (run, article)
) WITHOUT ROWID;

CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id),
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (article, idx)
);

CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
CREATE TRIGGER sentences_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- Deduplicated events. precision: 0 day, 1 month, 2 year; day = first day covered (days since
-- 1970-01-01); month_index = year * 12 + month - 1. Descriptive fields copy the first mention.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    run INTEGER NOT NULL REFERENCES runs(id),
    date TEXT,
    day INTEGER,
    precision INTEGER,
    month_index INTEGER,
    source_code TEXT NOT NULL,
    source_text TEXT NOT NULL,
    target_code TEXT,
    target_text TEXT,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    quad_class INTEGER,
    goldstein REAL,
    plover TEXT,
    negated INTEGER NOT NULL,
    location_name TEXT,
    location_country TEXT,
    mention_count INTEGER NOT NULL DEFAULT 0,
    source_count INTEGER NOT NULL DEFAULT 0,
    article_count INTEGER NOT NULL DEFAULT 0,
    first_report TEXT,
    latest_report TEXT,
    first_mention INTEGER
);
CREATE INDEX events_key ON events (run, source_code, target_code, code, day);
CREATE INDEX events_day ON events (run, day);
-- Covering indexes of the actor aggregates (one per side of the event).
CREATE INDEX events_source ON events (run, source_code, quad_class, goldstein, mention_count);
CREATE INDEX events_target ON events (run, target_code, source_code, quad_class, goldstein, mention_count);

-- One row per coded event: the event exactly as the coder gave it, plus the reporting
-- article's date and outlet. sentence_text is NULL when it equals the stored sentence.
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    event INTEGER NOT NULL REFERENCES events(id),
    run INTEGER NOT NULL REFERENCES runs(id),
    article INTEGER NOT NULL REFERENCES articles(id),
    sentence INTEGER NOT NULL,
    index_in_sentence INTEGER NOT NULL,
    sentence_text TEXT,
    date TEXT,
    date_basis TEXT NOT NULL,
    historical INTEGER NOT NULL,
    negated INTEGER NOT NULL,
    source_code TEXT NOT NULL,
    source_text TEXT NOT NULL,
    source_start INTEGER NOT NULL,
    source_end INTEGER NOT NULL,
    target_code TEXT,
    target_text TEXT,
    target_start INTEGER,
    target_end INTEGER,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    quad_class INTEGER,
    goldstein REAL,
    plover TEXT,
    verb_text TEXT NOT NULL,
    verb_start INTEGER NOT NULL,
    verb_end INTEGER NOT NULL,
    location_name TEXT,
    location_country TEXT,
    location_lat REAL,
    location_lon REAL,
    location_precision TEXT,
    rule TEXT NOT NULL,
    dyad_version TEXT NOT NULL,
    dictionaries_version TEXT NOT NULL,
    report_date TEXT,
    outlet TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions (event);
CREATE INDEX mentions_article ON mentions (article);
