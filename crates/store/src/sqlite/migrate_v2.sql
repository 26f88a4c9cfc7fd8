-- dyad store, format version 1 -> 2: per-actor totals, and indexes that cover deduplication
-- lookups and dyad queries (replacing version 1's covering indexes of actor scans).

DROP INDEX IF EXISTS events_source;
DROP INDEX IF EXISTS events_target;
DROP INDEX IF EXISTS events_key;

-- Deduplication lookups and dyad queries read only this index (it covers them).
CREATE INDEX events_key ON events (
    run, source_code, target_code, code, day, precision, negated, date, month_index,
    quad_class, goldstein, mention_count
);
CREATE INDEX events_target ON events (run, target_code);

-- Per-actor totals of each run (an event counts for its source, and for its target when that
-- differs), kept up to date by every write so that ranking actors needs no scan of events.
CREATE TABLE actor_totals (
    run INTEGER NOT NULL,
    actor TEXT NOT NULL,
    events INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    goldstein_sum REAL NOT NULL,
    goldstein_n INTEGER NOT NULL,
    quad1 INTEGER NOT NULL,
    quad2 INTEGER NOT NULL,
    quad3 INTEGER NOT NULL,
    quad4 INTEGER NOT NULL,
    PRIMARY KEY (run, actor)
) WITHOUT ROWID;

INSERT INTO actor_totals
SELECT run, actor, count(*), CAST(total(mentions) AS INTEGER), total(goldstein), count(goldstein),
       CAST(total(quad = 1) AS INTEGER), CAST(total(quad = 2) AS INTEGER),
       CAST(total(quad = 3) AS INTEGER), CAST(total(quad = 4) AS INTEGER)
FROM (
    SELECT run, source_code AS actor, mention_count AS mentions, goldstein, quad_class AS quad
    FROM events
    UNION ALL
    SELECT run, target_code, mention_count, goldstein, quad_class
    FROM events WHERE target_code IS NOT NULL AND target_code != source_code
)
GROUP BY run, actor;
