//! The SQLite backend: one file, WAL journal, schema migrations keyed on `PRAGMA user_version`.
//!
//! The schema is `sqlite/schema_v1.sql` followed by the migrations (`sqlite/migrate_v2.sql`). Every write method runs in one transaction, so a process
//! killed at any moment leaves the file as it was after the last committed batch (WAL with
//! `synchronous = NORMAL` is durable against a crash of the process, which is what ingest needs;
//! a power cut may lose the last batches, never the file's consistency).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use dyad_model::{Article, Date, DateBasis, Event, EventActor, Location, PartialDate, Span};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use crate::dedup::{self, Candidate, DedupKey};
use crate::query::{
    self, ActorCount, ActorMatch, AggregateRow, EventFilter, Group, Period, PlaceCount, RowKey,
};
use crate::{
    BatchSummary, CodedRecord, Counts, DedupConfig, Mention, Result, Run, RunId, Storage,
    StoreError, StoredArticle, StoredEvent, Versions,
};

/// Version of the on-disk format this build writes; older files are migrated on open.
pub const FORMAT_VERSION: u32 = 3;

/// `PRAGMA application_id` of dyad stores ("dyad" in ASCII), to refuse foreign SQLite files.
const APPLICATION_ID: i64 = 0x6479_6164;

/// Migration `i` takes the schema from version `i` to `i + 1`; a new store runs them all.
const MIGRATIONS: &[&str] = &[
    include_str!("sqlite/schema_v1.sql"),
    include_str!("sqlite/migrate_v2.sql"),
    include_str!("sqlite/migrate_v3.sql"),
];

/// A store in one SQLite file.
pub struct SqliteStore {
    connection: Connection,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").field("path", &self.connection.path()).finish()
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the store at `path` and migrates it to [`FORMAT_VERSION`].
    pub fn open(path: &Path) -> Result<SqliteStore> {
        let connection = Connection::open(path)?;
        connection.busy_timeout(std::time::Duration::from_secs(30))?;
        let mut store = SqliteStore { connection };
        store.prepare()?;
        Ok(store)
    }

    fn prepare(&mut self) -> Result<()> {
        let c = &self.connection;
        let version: u32 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let application_id: i64 = c.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let tables: i64 = c.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if (version > 0 || tables > 0) && application_id != APPLICATION_ID {
            return Err(StoreError::DataCorruption("the file is not a dyad store".into()));
        }
        if version > FORMAT_VERSION {
            return Err(StoreError::NewerFormat { found: version, supported: FORMAT_VERSION });
        }
        let _mode: String = c.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        c.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
        if version < FORMAT_VERSION {
            let tx = self.connection.transaction()?;
            for migration in &MIGRATIONS[version as usize..] {
                tx.execute_batch(migration)?;
            }
            tx.execute_batch(&format!(
                "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {FORMAT_VERSION};"
            ))?;
            tx.commit()?;
        }
        Ok(())
    }

    /// A number that changes whenever another connection (another process) commits to the
    /// file: callers that cache query answers compare it to know they are stale. Writes through
    /// this connection do not change it.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.connection.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The format version of the open file (after migration, [`FORMAT_VERSION`]).
    pub fn format_version(&self) -> Result<u32> {
        Ok(self.connection.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Checks the file and the store's invariants; returns the problems found (empty when
    /// sound): SQLite's integrity check, the full-text index, and that every event's counts
    /// agree with its mentions and every mention's article is recorded as coded in its run.
    pub fn check(&self) -> Result<Vec<String>> {
        let c = &self.connection;
        let mut problems = Vec::new();
        let mut statement = c.prepare("PRAGMA integrity_check")?;
        for line in statement.query_map([], |r| r.get::<_, String>(0))? {
            let line = line?;
            if line != "ok" {
                problems.push(format!("integrity_check: {line}"));
            }
        }
        if let Err(error) =
            c.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')", [])
        {
            problems.push(format!("full-text index: {error}"));
        }
        let checks = [
            (
                "events whose counts disagree with their mentions",
                "SELECT count(*) FROM events e WHERE mention_count != (SELECT count(*) FROM mentions \
                 WHERE event = e.id) OR first_mention IS NOT (SELECT min(id) FROM mentions WHERE \
                 event = e.id) OR source_count != (SELECT count(DISTINCT outlet) FROM mentions \
                 WHERE event = e.id)",
            ),
            ("events without mentions", "SELECT count(*) FROM events WHERE mention_count = 0"),
            (
                "mentions of a missing event or article",
                "SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM events WHERE id = \
                 m.event AND run = m.run) OR NOT EXISTS (SELECT 1 FROM articles WHERE id = m.article)",
            ),
            (
                "mentions of articles not recorded as coded in their run",
                "SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM run_articles \
                 WHERE run = m.run AND article = m.article)",
            ),
            (
                "articles without their sentences",
                "SELECT count(*) FROM articles a WHERE length(a.text) > 0 AND trim(a.text) != '' \
                 AND NOT EXISTS (SELECT 1 FROM sentences WHERE article = a.id)",
            ),
            (
                "current runs other than one",
                "SELECT abs(count(*) - 1) FROM runs WHERE current = 1 HAVING (SELECT count(*) FROM runs) > 0",
            ),
        ];
        let runs: Vec<RunId> = c
            .prepare("SELECT id FROM runs")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for run in runs {
            let columns = "run, actor, events, mentions, goldstein_n, quad1, quad2, quad3, quad4";
            // Goldstein sums are left out: adding and subtracting floats leaves rounding dust.
            let sql = format!(
                "SELECT count(*) FROM (SELECT {columns} FROM actor_totals WHERE run = ?1 AND \
                 events != 0 EXCEPT SELECT {columns} FROM ({TOTALS_FROM_EVENTS}))"
            );
            let stale: i64 = c.query_row(&sql, [run], |r| r.get(0))?;
            let missing: i64 = c.query_row(
                &format!(
                    "SELECT count(*) FROM ({TOTALS_FROM_EVENTS}) WHERE actor NOT IN \
                     (SELECT actor FROM actor_totals WHERE run = ?1 AND events != 0)"
                ),
                [run],
                |r| r.get(0),
            )?;
            if stale + missing > 0 {
                problems.push(format!(
                    "actor totals of run {run} disagree with its events: {}",
                    stale + missing
                ));
            }
        }
        for (what, sql) in checks {
            let bad: Option<i64> = c.query_row(sql, [], |r| r.get(0)).optional()?;
            if let Some(bad) = bad.filter(|&n| n > 0) {
                problems.push(format!("{what}: {bad}"));
            }
        }
        Ok(problems)
    }

    /// Like [`SqliteStore::check`], but a problem is a [`StoreError::DataCorruption`].
    pub fn verify(&self) -> Result<()> {
        let problems = self.check()?;
        if problems.is_empty() {
            Ok(())
        } else {
            Err(StoreError::DataCorruption(problems.join("; ")))
        }
    }

    /// Size of the file (with its WAL) in bytes.
    pub fn size_on_disk(&self) -> Result<u64> {
        let Some(path) = self.connection.path().filter(|p| !p.is_empty()) else { return Ok(0) };
        let size = |p: &str| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        Ok(size(path) + size(&format!("{path}-wal")))
    }

    /// Writes events into `run` as they are, without deduplication, for benchmarks: a bare
    /// article (no text) per distinct `article_id`, in transactions of 50,000 events.
    pub fn insert_synthetic(
        &mut self,
        run: RunId,
        events: impl Iterator<Item = Event>,
    ) -> Result<u64> {
        let mut events = events.peekable();
        let mut written = 0;
        while events.peek().is_some() {
            let tx = self.connection.transaction()?;
            let mut article: Option<(String, i64)> = None;
            for event in events.by_ref().take(50_000) {
                let article_row = match &article {
                    Some((id, row)) if *id == event.article_id => *row,
                    _ => {
                        let row = insert_bare_article(&tx, &event.article_id)?;
                        tx.execute(
                            "INSERT OR IGNORE INTO run_articles (run, article) VALUES (?1, ?2)",
                            params![run, row],
                        )?;
                        article = Some((event.article_id.clone(), row));
                        row
                    }
                };
                let event_id = insert_event_row(&tx, run, &event)?;
                let report_date = match event.date {
                    Some(PartialDate::Day(d)) => Some(d),
                    _ => None,
                };
                let mention = Mention { event, report_date, outlet: "synthetic".into() };
                let report = date_text(mention.report_date);
                insert_mention(&tx, event_id, run, article_row, &mention, None)?;
                // One mention per event: its counts are known without recounting.
                tx.prepare_cached(
                    "UPDATE events SET mention_count = 1, source_count = 1, article_count = 1, \
                     first_report = ?2, latest_report = ?2, first_mention = ?3 WHERE id = ?1",
                )?
                .execute(params![event_id, report, tx.last_insert_rowid()])?;
                written += 1;
            }
            tx.commit()?;
        }
        let tx = self.connection.transaction()?;
        rebuild_actor_totals(&tx, run)?;
        tx.commit()?;
        Ok(written)
    }

    /// The unfiltered actor aggregate, read from the totals every write keeps.
    fn actor_totals(&self, run: RunId, limit: Option<usize>) -> Result<Vec<AggregateRow>> {
        let mut statement = self.connection.prepare_cached(
            "SELECT actor, events, mentions, goldstein_sum, goldstein_n, quad1, quad2, quad3, quad4 \
             FROM actor_totals WHERE run = ?1 AND events > 0",
        )?;
        let mut rows = statement.query([run])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let sum: f64 = row.get(3)?;
            let scored: i64 = row.get(4)?;
            let count = |i: usize| -> rusqlite::Result<u64> { Ok(row.get::<_, i64>(i)? as u64) };
            out.push(AggregateRow {
                period: None,
                actor: row.get(0)?,
                target: None,
                events: count(1)?,
                mentions: count(2)?,
                goldstein_sum: sum,
                goldstein_mean: (scored > 0).then(|| sum / scored as f64),
                quad: [count(5)?, count(6)?, count(7)?, count(8)?],
            });
        }
        query::finish_rows(&mut out, limit);
        Ok(out)
    }

    /// Actors of a run whose code starts with `prefix`, most events first, from `actor_totals`.
    fn actors_from_totals(
        &self,
        run: RunId,
        prefix: &str,
        limit: usize,
    ) -> Result<Vec<ActorCount>> {
        let mut statement = self.connection.prepare_cached(
            "SELECT actor, coalesce(text, ''), events FROM actor_totals WHERE run = ?1 \
             AND events > 0 AND substr(actor, 1, length(?2)) = ?2 \
             ORDER BY events DESC, actor LIMIT ?3",
        )?;
        let actors = statement
            .query_map(params![run, prefix, limit.min(i64::MAX as usize) as i64], |r| {
                Ok(ActorCount {
                    code: r.get(0)?,
                    text: r.get(1)?,
                    events: r.get::<_, i64>(2)? as u64,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(actors)
    }

    fn run_or_current(&self, filter: &EventFilter) -> Result<Option<RunId>> {
        if filter.run.is_some() {
            return Ok(filter.run);
        }
        Ok(self
            .connection
            .query_row("SELECT id FROM runs WHERE current = 1", [], |r| r.get(0))
            .optional()?)
    }
}

fn insert_bare_article(tx: &Transaction, article_id: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO articles (article_id, content_hash, text, metadata) VALUES (?1, '', '', '{}')",
        params![article_id],
    )?;
    Ok(tx.last_insert_rowid())
}

fn date_text(date: Option<Date>) -> Option<String> {
    date.map(|d| d.to_string())
}

fn parse_date(text: Option<String>) -> Option<Date> {
    text.and_then(|t| t.parse().ok())
}

fn date_basis(text: &str) -> Result<DateBasis> {
    match text {
        "article" => Ok(DateBasis::Article),
        "relative" => Ok(DateBasis::Relative),
        "explicit" => Ok(DateBasis::Explicit),
        other => Err(StoreError::DataCorruption(format!("unknown date basis `{other}`"))),
    }
}

/// (day, precision, month_index) columns of an event date.
fn date_columns(date: Option<PartialDate>) -> (Option<i64>, Option<i64>, Option<i64>) {
    match date {
        None => (None, None, None),
        Some(d) => {
            let (day, _) = dedup::first_day(d);
            let (precision, month_index) = match d {
                PartialDate::Day(d) => (0, query::month_index(d.year, d.month)),
                PartialDate::Month(y, m) => (1, query::month_index(y, m)),
                PartialDate::Year(y) => (2, query::month_index(y, 1)),
            };
            (Some(day), Some(precision), Some(month_index))
        }
    }
}

fn insert_event_row(tx: &Transaction, run: RunId, event: &Event) -> Result<i64> {
    let (day, precision, month_index) = date_columns(event.date);
    tx.prepare_cached(
        "INSERT INTO events (run, date, day, precision, month_index, source_code, source_text, \
         target_code, target_text, code, root, quad_class, goldstein, plover, negated, \
         location_name, location_country, location_lat, location_lon, location_precision) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
         ?18, ?19, ?20)",
    )?
    .execute(params![
        run,
        event.date.map(|d| d.to_string()),
        day,
        precision,
        month_index,
        event.source.code,
        event.source.text,
        event.target.as_ref().map(|t| &t.code),
        event.target.as_ref().map(|t| &t.text),
        event.code,
        event.root,
        event.quad_class,
        event.goldstein,
        event.plover,
        event.negated,
        event.location.as_ref().map(|l| &l.name),
        event.location.as_ref().and_then(|l| l.country.as_ref()),
        event.location.as_ref().and_then(|l| l.lat),
        event.location.as_ref().and_then(|l| l.lon),
        event.location.as_ref().map(|l| &l.precision),
    ])?;
    Ok(tx.last_insert_rowid())
}

fn insert_mention(
    tx: &Transaction,
    event_id: i64,
    run: RunId,
    article: i64,
    mention: &Mention,
    stored_sentence: Option<&str>,
) -> Result<()> {
    let e = &mention.event;
    let sentence_text =
        (stored_sentence != Some(e.sentence_text.as_str())).then_some(&e.sentence_text);
    let target = e.target.as_ref();
    let location = e.location.as_ref();
    tx.prepare_cached(
        "INSERT INTO mentions (event, run, article, sentence, index_in_sentence, sentence_text, \
         date, date_basis, historical, negated, source_code, source_text, source_start, \
         source_end, target_code, target_text, target_start, target_end, code, root, quad_class, \
         goldstein, plover, verb_text, verb_start, verb_end, location_name, location_country, \
         location_lat, location_lon, location_precision, rule, dyad_version, \
         dictionaries_version, report_date, outlet) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, \
         ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, \
         ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36)",
    )?
    .execute(params![
        event_id,
        run,
        article,
        e.sentence as i64,
        e.index_in_sentence as i64,
        sentence_text,
        e.date.map(|d| d.to_string()),
        e.date_basis.as_str(),
        e.historical,
        e.negated,
        e.source.code,
        e.source.text,
        e.source.span.start as i64,
        e.source.span.end as i64,
        target.map(|t| &t.code),
        target.map(|t| &t.text),
        target.map(|t| t.span.start as i64),
        target.map(|t| t.span.end as i64),
        e.code,
        e.root,
        e.quad_class,
        e.goldstein,
        e.plover,
        e.verb_text,
        e.verb_span.start as i64,
        e.verb_span.end as i64,
        location.map(|l| &l.name),
        location.and_then(|l| l.country.as_ref()),
        location.and_then(|l| l.lat),
        location.and_then(|l| l.lon),
        location.map(|l| &l.precision),
        e.rule,
        e.dyad_version,
        e.dictionaries_version,
        date_text(mention.report_date),
        mention.outlet,
    ])?;
    Ok(())
}

/// The columns [`mention_from_row`] reads, from `mentions m`, `articles a`, `sentences s`.
const MENTION_COLUMNS: &str = "a.article_id, m.sentence, m.index_in_sentence, \
    coalesce(m.sentence_text, s.text, ''), m.date, m.date_basis, m.historical, m.negated, \
    m.source_code, m.source_text, m.source_start, m.source_end, m.target_code, m.target_text, \
    m.target_start, m.target_end, m.code, m.root, m.quad_class, m.goldstein, m.plover, \
    m.verb_text, m.verb_start, m.verb_end, m.location_name, m.location_country, m.location_lat, \
    m.location_lon, m.location_precision, m.rule, m.dyad_version, m.dictionaries_version, \
    m.report_date, m.outlet";
const MENTION_JOINS: &str = "JOIN articles a ON a.id = m.article \
    LEFT JOIN sentences s ON s.article = m.article AND s.idx = m.sentence";

fn mention_from_row(row: &Row, at: usize) -> Result<Mention> {
    let get_usize =
        |i: usize| -> rusqlite::Result<usize> { Ok(row.get::<_, i64>(at + i)? as usize) };
    let date: Option<String> = row.get(at + 4)?;
    let date = match date {
        None => None,
        Some(text) => Some(
            query::parse_partial_date(&text)
                .ok_or_else(|| StoreError::DataCorruption(format!("bad event date `{text}`")))?,
        ),
    };
    let target_code: Option<String> = row.get(at + 12)?;
    let target = match target_code {
        None => None,
        Some(code) => Some(EventActor {
            code,
            text: row.get::<_, Option<String>>(at + 13)?.unwrap_or_default(),
            span: Span::new(
                row.get::<_, Option<i64>>(at + 14)?.unwrap_or(0) as usize,
                row.get::<_, Option<i64>>(at + 15)?.unwrap_or(0) as usize,
            ),
        }),
    };
    let location_name: Option<String> = row.get(at + 24)?;
    let location = match location_name {
        None => None,
        Some(name) => Some(Location {
            name,
            country: row.get(at + 25)?,
            lat: row.get(at + 26)?,
            lon: row.get(at + 27)?,
            precision: row.get::<_, Option<String>>(at + 28)?.unwrap_or_default(),
        }),
    };
    let event = Event {
        article_id: row.get(at)?,
        sentence: get_usize(1)?,
        index_in_sentence: get_usize(2)?,
        sentence_text: row.get(at + 3)?,
        date,
        date_basis: date_basis(&row.get::<_, String>(at + 5)?)?,
        historical: row.get(at + 6)?,
        negated: row.get(at + 7)?,
        source: EventActor {
            code: row.get(at + 8)?,
            text: row.get(at + 9)?,
            span: Span::new(get_usize(10)?, get_usize(11)?),
        },
        target,
        code: row.get(at + 16)?,
        root: row.get(at + 17)?,
        quad_class: row.get(at + 18)?,
        goldstein: row.get(at + 19)?,
        plover: row.get(at + 20)?,
        verb_text: row.get(at + 21)?,
        verb_span: Span::new(get_usize(22)?, get_usize(23)?),
        location,
        rule: row.get(at + 29)?,
        dyad_version: row.get(at + 30)?,
        dictionaries_version: row.get(at + 31)?,
    };
    Ok(Mention { event, report_date: parse_date(row.get(at + 32)?), outlet: row.get(at + 33)? })
}

/// Recomputes an event's counts from its mentions, refreshes its descriptive fields when its
/// first mention changed, and deletes it when no mention is left.
fn refresh_event(tx: &Transaction, event_id: i64) -> Result<()> {
    let before = contribution(tx, event_id)?;
    let old_first: Option<i64> = tx
        .prepare_cached("SELECT first_mention FROM events WHERE id = ?1")?
        .query_row([event_id], |r| r.get(0))?;
    tx.prepare_cached(
        "UPDATE events SET \
         mention_count = (SELECT count(*) FROM mentions WHERE event = ?1), \
         source_count = (SELECT count(DISTINCT outlet) FROM mentions WHERE event = ?1), \
         article_count = (SELECT count(DISTINCT article) FROM mentions WHERE event = ?1), \
         first_report = (SELECT min(report_date) FROM mentions WHERE event = ?1), \
         latest_report = (SELECT max(report_date) FROM mentions WHERE event = ?1), \
         first_mention = (SELECT min(id) FROM mentions WHERE event = ?1) \
         WHERE id = ?1",
    )?
    .execute([event_id])?;
    let new_first: Option<i64> = tx
        .prepare_cached("SELECT first_mention FROM events WHERE id = ?1")?
        .query_row([event_id], |r| r.get(0))?;
    match new_first {
        None => {
            tx.prepare_cached("DELETE FROM events WHERE id = ?1")?.execute([event_id])?;
        }
        Some(first) if old_first.is_some() && old_first != new_first => {
            let sql =
                format!("SELECT {MENTION_COLUMNS} FROM mentions m {MENTION_JOINS} WHERE m.id = ?1");
            let mention = tx.query_row(&sql, [first], |row| Ok(mention_from_row(row, 0)))??;
            let e = &mention.event;
            let (day, precision, month_index) = date_columns(e.date);
            tx.execute(
                "UPDATE events SET date = ?2, day = ?3, precision = ?4, month_index = ?5, \
                 source_text = ?6, target_text = ?7, quad_class = ?8, goldstein = ?9, plover = ?10, \
                 location_name = ?11, location_country = ?12, root = ?13, location_lat = ?14, \
                 location_lon = ?15, location_precision = ?16 WHERE id = ?1",
                params![
                    event_id,
                    e.date.map(|d| d.to_string()),
                    day,
                    precision,
                    month_index,
                    e.source.text,
                    e.target.as_ref().map(|t| &t.text),
                    e.quad_class,
                    e.goldstein,
                    e.plover,
                    e.location.as_ref().map(|l| &l.name),
                    e.location.as_ref().and_then(|l| l.country.as_ref()),
                    e.root,
                    e.location.as_ref().and_then(|l| l.lat),
                    e.location.as_ref().and_then(|l| l.lon),
                    e.location.as_ref().map(|l| &l.precision),
                ],
            )?;
        }
        Some(_) => {}
    }
    if let Some(before) = before {
        add_to_totals(tx, &before, -1)?;
    }
    if let Some(after) = contribution(tx, event_id)? {
        add_to_totals(tx, &after, 1)?;
    }
    Ok(())
}

/// What an event adds to its actors' totals.
struct Contribution {
    run: RunId,
    source: String,
    source_text: String,
    target: Option<String>,
    target_text: Option<String>,
    mentions: i64,
    goldstein: Option<f64>,
    quad: Option<i64>,
}

fn contribution(tx: &Transaction, event_id: i64) -> Result<Option<Contribution>> {
    Ok(tx
        .prepare_cached(
            "SELECT run, source_code, target_code, mention_count, goldstein, quad_class, \
             source_text, target_text FROM events WHERE id = ?1 AND mention_count > 0",
        )?
        .query_row([event_id], |r| {
            Ok(Contribution {
                run: r.get(0)?,
                source: r.get(1)?,
                target: r.get(2)?,
                mentions: r.get(3)?,
                goldstein: r.get(4)?,
                quad: r.get(5)?,
                source_text: r.get(6)?,
                target_text: r.get(7)?,
            })
        })
        .optional()?)
}

fn add_to_totals(tx: &Transaction, c: &Contribution, sign: i64) -> Result<()> {
    // `text` keeps the smallest text seen for the actor (a removal keeps it: it is only a label).
    let mut statement = tx.prepare_cached(
        "INSERT INTO actor_totals (run, actor, events, mentions, goldstein_sum, goldstein_n, \
         quad1, quad2, quad3, quad4, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) \
         ON CONFLICT (run, actor) DO UPDATE SET events = events + excluded.events, \
         mentions = mentions + excluded.mentions, \
         goldstein_sum = goldstein_sum + excluded.goldstein_sum, \
         goldstein_n = goldstein_n + excluded.goldstein_n, quad1 = quad1 + excluded.quad1, \
         quad2 = quad2 + excluded.quad2, quad3 = quad3 + excluded.quad3, \
         quad4 = quad4 + excluded.quad4, \
         text = CASE WHEN text IS NULL OR excluded.text < text THEN excluded.text ELSE text END",
    )?;
    let quad = |q: i64| sign * i64::from(c.quad == Some(q));
    let source = std::iter::once((&c.source, Some(&c.source_text)));
    let target = c.target.as_ref().filter(|t| **t != c.source).map(|t| (t, c.target_text.as_ref()));
    for (actor, text) in source.chain(target) {
        statement.execute(params![
            c.run,
            actor,
            sign,
            sign * c.mentions,
            c.goldstein.map_or(0.0, |g| sign as f64 * g),
            sign * i64::from(c.goldstein.is_some()),
            quad(1),
            quad(2),
            quad(3),
            quad(4),
            text,
        ])?;
    }
    Ok(())
}

/// The actor totals of a run recomputed from its events (columns of `actor_totals`).
const TOTALS_FROM_EVENTS: &str = "SELECT run, actor, count(*) AS events, \
    CAST(total(mentions) AS INTEGER) AS mentions, total(goldstein) AS goldstein_sum, \
    count(goldstein) AS goldstein_n, CAST(total(quad = 1) AS INTEGER) AS quad1, \
    CAST(total(quad = 2) AS INTEGER) AS quad2, CAST(total(quad = 3) AS INTEGER) AS quad3, \
    CAST(total(quad = 4) AS INTEGER) AS quad4, min(text) AS text FROM \
    (SELECT run, source_code AS actor, mention_count AS mentions, goldstein, quad_class AS quad, \
     source_text AS text FROM events WHERE run = ?1 UNION ALL SELECT run, target_code, \
     mention_count, goldstein, quad_class, target_text FROM events WHERE run = ?1 AND \
     target_code IS NOT NULL AND target_code != source_code) GROUP BY actor";

fn rebuild_actor_totals(tx: &Transaction, run: RunId) -> Result<()> {
    tx.execute("DELETE FROM actor_totals WHERE run = ?1", [run])?;
    tx.execute(&format!("INSERT INTO actor_totals {TOTALS_FROM_EVENTS}"), [run])?;
    Ok(())
}

/// Deletes an article's sentences and its mentions in every run, and forgets that any run
/// coded it; the events it contributed to are recounted (or deleted when left empty).
fn remove_article_rows(tx: &Transaction, article: i64) -> Result<()> {
    let events: Vec<i64> = tx
        .prepare_cached("SELECT DISTINCT event FROM mentions WHERE article = ?1")?
        .query_map([article], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute("DELETE FROM mentions WHERE article = ?1", [article])?;
    for event in events {
        refresh_event(tx, event)?;
    }
    tx.execute("DELETE FROM sentences WHERE article = ?1", [article])?;
    tx.execute("DELETE FROM run_articles WHERE article = ?1", [article])?;
    Ok(())
}

/// Codes one article's events into `run`: each joins a matching event or starts a new one.
fn insert_events(
    tx: &Transaction,
    run: RunId,
    article: i64,
    record: &CodedRecord,
    config: DedupConfig,
    summary: &mut BatchSummary,
) -> Result<()> {
    let outlet = record.article.source.clone().unwrap_or_else(|| record.article.id.clone());
    let mut touched = BTreeSet::new();
    for event in &record.events {
        let key = DedupKey::of(event);
        let candidates = find_candidates(tx, run, &key, event.date, config)?;
        let event_id = match dedup::choose(event.date, &candidates, config) {
            Some(id) => id,
            None => {
                summary.new_events += 1;
                insert_event_row(tx, run, event)?
            }
        };
        let mention = Mention {
            event: event.clone(),
            report_date: record.article.date,
            outlet: outlet.clone(),
        };
        let stored_sentence =
            record.sentences.get(event.sentence).map(|span| span.text(&record.article.text));
        insert_mention(tx, event_id, run, article, &mention, stored_sentence)?;
        summary.mentions += 1;
        touched.insert(event_id);
    }
    for event_id in touched {
        refresh_event(tx, event_id)?;
    }
    tx.prepare_cached("INSERT OR IGNORE INTO run_articles (run, article) VALUES (?1, ?2)")?
        .execute(params![run, article])?;
    Ok(())
}

fn find_candidates(
    tx: &Transaction,
    run: RunId,
    key: &DedupKey,
    date: Option<PartialDate>,
    config: DedupConfig,
) -> Result<Vec<Candidate>> {
    let read =
        |row: &Row| -> rusqlite::Result<(i64, Option<String>)> { Ok((row.get(0)?, row.get(1)?)) };
    let rows: Vec<(i64, Option<String>)> = match dedup::candidate_days(date, config) {
        Some((low, high)) => tx
            .prepare_cached(
                "SELECT id, date FROM events WHERE run = ?1 AND source_code = ?2 AND \
                 target_code IS ?3 AND code = ?4 AND day BETWEEN ?5 AND ?6 AND precision = 0 \
                 AND negated = ?7",
            )?
            .query_map(
                params![run, key.source, key.target, key.code, low, high, key.negated],
                read,
            )?
            .collect::<rusqlite::Result<_>>()?,
        None => tx
            .prepare_cached(
                "SELECT id, date FROM events WHERE run = ?1 AND source_code = ?2 AND \
                 target_code IS ?3 AND code = ?4 AND date IS ?5 AND negated = ?6",
            )?
            .query_map(
                params![
                    run,
                    key.source,
                    key.target,
                    key.code,
                    date.map(|d| d.to_string()),
                    key.negated
                ],
                read,
            )?
            .collect::<rusqlite::Result<_>>()?,
    };
    Ok(rows
        .into_iter()
        .map(|(id, date)| Candidate { id, date: date.and_then(|d| query::parse_partial_date(&d)) })
        .collect())
}

fn insert_article(
    tx: &Transaction,
    record: &CodedRecord,
    hash: &str,
    existing: Option<i64>,
) -> Result<i64> {
    let a = &record.article;
    let metadata = serde_json::Value::Object(a.metadata.clone()).to_string();
    let date = date_text(a.date);
    let id = match existing {
        Some(id) => {
            tx.execute(
                "UPDATE articles SET content_hash = ?2, date = ?3, source = ?4, title = ?5, \
                 text = ?6, metadata = ?7 WHERE id = ?1",
                params![id, hash, date, a.source, a.title, a.text, metadata],
            )?;
            id
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO articles (article_id, content_hash, date, source, title, text, \
                 metadata) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![a.id, hash, date, a.source, a.title, a.text, metadata])?;
            tx.last_insert_rowid()
        }
    };
    let mut statement = tx.prepare_cached(
        "INSERT INTO sentences (article, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (index, span) in record.sentences.iter().enumerate() {
        statement.execute(params![
            id,
            index as i64,
            span.start as i64,
            span.end as i64,
            span.text(&a.text)
        ])?;
    }
    Ok(id)
}

fn article_from_row(row: &Row) -> Result<Article> {
    let metadata: String = row.get(6)?;
    let metadata = match serde_json::from_str(&metadata) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => return Err(StoreError::DataCorruption(format!("bad article metadata `{metadata}`"))),
    };
    Ok(Article {
        id: row.get(1)?,
        date: parse_date(row.get(2)?),
        source: row.get(3)?,
        title: row.get(4)?,
        text: row.get(5)?,
        metadata,
    })
}

/// How to read `events e` for a filter: a dyad (two code prefixes) is answered from the
/// index that starts with source and target, which the planner cannot know without statistics.
fn events_from(filter: &EventFilter) -> &'static str {
    if filter.dyad.is_some() { "events e INDEXED BY events_key" } else { "events e" }
}

/// SQL conditions on `events e` for a filter, and their parameters.
fn filter_sql(filter: &EventFilter, run: RunId) -> (String, Vec<Value>) {
    let mut clauses = vec!["e.run = ?".to_string()];
    let mut values = vec![Value::Integer(run)];
    let prefix = |clauses: &mut Vec<String>, values: &mut Vec<Value>, column: &str, p: &str| {
        clauses.push(format!("({column} >= ? AND {column} < ?)"));
        values.push(Value::Text(p.to_string()));
        values.push(Value::Text(format!("{p}\u{10FFFF}")));
    };
    if let Some(after) = filter.after {
        clauses.push("e.id > ?".into());
        values.push(Value::Integer(after));
    }
    if let Some(article) = &filter.article {
        clauses.push(
            "e.id IN (SELECT m.event FROM mentions m JOIN articles a ON a.id = m.article \
             WHERE m.run = e.run AND a.article_id = ?)"
                .into(),
        );
        values.push(Value::Text(article.clone()));
    }
    if let Some(from) = filter.from {
        clauses.push("e.day >= ?".into());
        values.push(Value::Integer(from.to_days()));
    }
    if let Some(to) = filter.to {
        clauses.push("e.day <= ?".into());
        values.push(Value::Integer(to.to_days()));
    }
    if let Some(actor) = &filter.actor {
        match ActorMatch::parse(actor) {
            ActorMatch::Code(p) => {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                prefix(&mut a, &mut values, "e.source_code", &p);
                prefix(&mut b, &mut values, "e.target_code", &p);
                clauses.push(format!("({} OR {})", a[0], b[0]));
            }
            ActorMatch::Name(words) => {
                clauses.push(
                    "(instr(lower(e.source_text), ?) > 0 OR instr(lower(e.target_text), ?) > 0)"
                        .into(),
                );
                values.push(Value::Text(words.clone()));
                values.push(Value::Text(words));
            }
        }
    }
    if let Some((source, target)) = &filter.dyad {
        prefix(&mut clauses, &mut values, "e.source_code", source);
        prefix(&mut clauses, &mut values, "e.target_code", target);
    }
    if let Some(code) = &filter.code {
        prefix(&mut clauses, &mut values, "e.code", code);
    }
    if let Some(root) = &filter.root {
        clauses.push("e.root = ?".into());
        values.push(Value::Text(root.clone()));
    }
    if let Some(quad) = filter.quad {
        clauses.push("e.quad_class = ?".into());
        values.push(Value::Integer(i64::from(quad)));
    }
    if let Some(country) = &filter.country {
        clauses.push(
            "(e.location_country = ? OR substr(e.source_code, 1, 3) = ? OR \
             substr(e.target_code, 1, 3) = ?)"
                .into(),
        );
        for _ in 0..3 {
            values.push(Value::Text(country.clone()));
        }
    }
    if let Some(location) = &filter.location {
        clauses.push("instr(lower(e.location_name), ?) > 0".into());
        values.push(Value::Text(location.to_ascii_lowercase()));
    }
    if let Some(country) = &filter.location_country {
        clauses.push("e.location_country = ?".into());
        values.push(Value::Text(country.clone()));
    }
    if let Some(bbox) = &filter.bbox {
        clauses.push("e.location_lat BETWEEN ? AND ?".into());
        values.push(Value::Real(bbox.min_lat));
        values.push(Value::Real(bbox.max_lat));
        // A box across the antimeridian is two ranges of longitude.
        let join = if bbox.min_lon <= bbox.max_lon { "AND" } else { "OR" };
        clauses.push(format!("(e.location_lon >= ? {join} e.location_lon <= ?)"));
        values.push(Value::Real(bbox.min_lon));
        values.push(Value::Real(bbox.max_lon));
    }
    // A text without words matches every sentence (as `query::text_matches` says); FTS5 would
    // reject the empty query.
    if let Some(text) = filter.text.as_ref().filter(|t| !query::words(t).is_empty()) {
        clauses.push(
            "e.id IN (SELECT m.event FROM mentions m JOIN sentences s ON s.article = m.article \
             AND s.idx = m.sentence WHERE m.run = e.run AND s.id IN (SELECT rowid FROM \
             sentences_fts WHERE sentences_fts MATCH ?))"
                .into(),
        );
        values.push(Value::Text(query::fts_query(text)));
    }
    (clauses.join(" AND "), values)
}

impl Storage for SqliteStore {
    fn runs(&self) -> Result<Vec<Run>> {
        let mut statement = self.connection.prepare(
            "SELECT r.id, r.dyad_version, r.dictionaries_version, r.created, r.current, \
             (SELECT count(*) FROM run_articles WHERE run = r.id), \
             (SELECT count(*) FROM events WHERE run = r.id) FROM runs r ORDER BY r.id",
        )?;
        let runs = statement
            .query_map([], |r| {
                Ok(Run {
                    id: r.get(0)?,
                    versions: Versions { dyad: r.get(1)?, dictionaries: r.get(2)? },
                    created: r.get(3)?,
                    current: r.get(4)?,
                    articles: r.get::<_, i64>(5)? as u64,
                    events: r.get::<_, i64>(6)? as u64,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(runs)
    }

    fn create_run(&mut self, versions: &Versions) -> Result<RunId> {
        let created = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        let tx = self.connection.transaction()?;
        let has_current: bool =
            tx.query_row("SELECT count(*) > 0 FROM runs WHERE current = 1", [], |r| r.get(0))?;
        tx.execute(
            "INSERT INTO runs (dyad_version, dictionaries_version, created, current) VALUES (?1, ?2, ?3, ?4)",
            params![versions.dyad, versions.dictionaries, created, !has_current],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    fn accept_run(&mut self, run: RunId) -> Result<()> {
        let tx = self.connection.transaction()?;
        let exists: bool =
            tx.query_row("SELECT count(*) > 0 FROM runs WHERE id = ?1", [run], |r| r.get(0))?;
        if !exists {
            return Err(StoreError::Run(run, "no such run".into()));
        }
        tx.execute("UPDATE runs SET current = (id = ?1)", [run])?;
        tx.commit()?;
        Ok(())
    }

    fn discard_run(&mut self, run: RunId) -> Result<()> {
        let tx = self.connection.transaction()?;
        let current: Option<bool> = tx
            .query_row("SELECT current FROM runs WHERE id = ?1", [run], |r| r.get(0))
            .optional()?;
        match current {
            None => return Err(StoreError::Run(run, "no such run".into())),
            Some(true) => {
                return Err(StoreError::Run(run, "the current run cannot be discarded".into()));
            }
            Some(false) => {}
        }
        tx.execute("DELETE FROM mentions WHERE run = ?1", [run])?;
        tx.execute("DELETE FROM events WHERE run = ?1", [run])?;
        tx.execute("DELETE FROM run_articles WHERE run = ?1", [run])?;
        tx.execute("DELETE FROM actor_totals WHERE run = ?1", [run])?;
        tx.execute("DELETE FROM runs WHERE id = ?1", [run])?;
        tx.commit()?;
        Ok(())
    }

    fn stored_hash(&self, article_id: &str) -> Result<Option<String>> {
        Ok(self
            .connection
            .prepare_cached("SELECT content_hash FROM articles WHERE article_id = ?1")?
            .query_row([article_id], |r| r.get(0))
            .optional()?)
    }

    fn is_coded(&self, run: RunId, article_id: &str) -> Result<bool> {
        Ok(self
            .connection
            .prepare_cached(
                "SELECT count(*) > 0 FROM run_articles r JOIN articles a ON a.id = r.article \
                 WHERE r.run = ?1 AND a.article_id = ?2",
            )?
            .query_row(params![run, article_id], |r| r.get(0))?)
    }

    fn write_articles(
        &mut self,
        run: RunId,
        batch: &[CodedRecord],
        dedup: DedupConfig,
    ) -> Result<BatchSummary> {
        let tx = self.connection.transaction()?;
        let run_exists: bool =
            tx.query_row("SELECT count(*) > 0 FROM runs WHERE id = ?1", [run], |r| r.get(0))?;
        if !run_exists {
            return Err(StoreError::Run(run, "no such run".into()));
        }
        let mut summary = BatchSummary::default();
        for record in batch {
            let hash = crate::content_hash(&record.article);
            let existing: Option<(i64, String)> = tx
                .prepare_cached("SELECT id, content_hash FROM articles WHERE article_id = ?1")?
                .query_row([&record.article.id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let article = match existing {
                Some((id, stored)) if stored == hash => {
                    let coded: bool = tx
                        .prepare_cached(
                            "SELECT count(*) > 0 FROM run_articles WHERE run = ?1 AND article = ?2",
                        )?
                        .query_row(params![run, id], |r| r.get(0))?;
                    if coded {
                        summary.unchanged += 1;
                        continue;
                    }
                    id
                }
                Some((id, _)) => {
                    remove_article_rows(&tx, id)?;
                    summary.replaced += 1;
                    insert_article(&tx, record, &hash, Some(id))?
                }
                None => {
                    summary.added += 1;
                    insert_article(&tx, record, &hash, None)?
                }
            };
            insert_events(&tx, run, article, record, dedup, &mut summary)?;
        }
        tx.commit()?;
        Ok(summary)
    }

    fn articles_to_code(&self, run: RunId, limit: usize) -> Result<Vec<Article>> {
        let mut statement = self.connection.prepare_cached(
            "SELECT a.id, a.article_id, a.date, a.source, a.title, a.text, a.metadata FROM articles a \
             WHERE NOT EXISTS (SELECT 1 FROM run_articles WHERE run = ?1 AND article = a.id) \
             ORDER BY a.id LIMIT ?2",
        )?;
        let mut rows = statement.query(params![run, limit as i64])?;
        let mut articles = Vec::new();
        while let Some(row) = rows.next()? {
            articles.push(article_from_row(row)?);
        }
        Ok(articles)
    }

    fn events(
        &self,
        filter: &EventFilter,
        with_mentions: bool,
        visit: &mut dyn FnMut(StoredEvent) -> Result<()>,
    ) -> Result<()> {
        let Some(run) = self.run_or_current(filter)? else { return Ok(()) };
        let (mut conditions, mut values) = filter_sql(filter, run);
        // Without a selective condition, walking the primary key in id order and stopping at the
        // limit is fastest; left alone, SQLite reads the whole run through the run index and
        // sorts it (10 s for the first page of a million-event store). `+` hides the index.
        let selective = filter.actor.is_some()
            || filter.dyad.is_some()
            || filter.code.is_some()
            || filter.root.is_some()
            || filter.country.is_some()
            || filter.from.is_some()
            || filter.to.is_some();
        if !selective {
            conditions = conditions.replacen("e.run = ?", "+e.run = ?", 1);
        }
        let from = events_from(filter);
        let limit = filter.limit.map(|n| n as i64).unwrap_or(-1);
        values.push(Value::Integer(limit));
        let sql = format!(
            "SELECT e.id, e.run, e.mention_count, e.source_count, e.article_count, e.first_report, \
             e.latest_report, {MENTION_COLUMNS} FROM {from} JOIN mentions m ON m.id = \
             e.first_mention {MENTION_JOINS} WHERE {conditions} ORDER BY e.id LIMIT ?"
        );
        let mut statement = self.connection.prepare(&sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(values))?;
        let mention_sql = format!(
            "SELECT {MENTION_COLUMNS} FROM mentions m {MENTION_JOINS} WHERE m.event = ?1 ORDER BY m.id"
        );
        while let Some(row) = rows.next()? {
            let first = mention_from_row(row, 7)?;
            let id: i64 = row.get(0)?;
            let mentions = if with_mentions {
                let mut statement = self.connection.prepare_cached(&mention_sql)?;
                let mut rows = statement.query([id])?;
                let mut mentions = Vec::new();
                while let Some(row) = rows.next()? {
                    mentions.push(mention_from_row(row, 0)?);
                }
                mentions
            } else {
                Vec::new()
            };
            visit(StoredEvent {
                id,
                run: row.get(1)?,
                event: first.event,
                mention_count: row.get::<_, i64>(2)? as u64,
                source_count: row.get::<_, i64>(3)? as u64,
                article_count: row.get::<_, i64>(4)? as u64,
                first_report: parse_date(row.get(5)?),
                latest_report: parse_date(row.get(6)?),
                mentions,
            })?;
        }
        Ok(())
    }

    fn places(&self, filter: &EventFilter, limit: usize) -> Result<Vec<PlaceCount>> {
        let Some(run) = self.run_or_current(filter)? else {
            return Ok(Vec::new());
        };
        let (conditions, mut values) = filter_sql(filter, run);
        let from = events_from(filter);
        // The finest precision of each place, as the index of query::PRECISIONS.
        let rank = query::PRECISIONS
            .iter()
            .enumerate()
            .map(|(i, p)| format!("WHEN '{p}' THEN {i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let sql = format!(
            "SELECT e.location_name, e.location_country, e.location_lat, e.location_lon, \
             min(CASE e.location_precision {rank} ELSE {} END), count(*) AS n FROM {from} \
             WHERE {conditions} AND e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL \
             GROUP BY 2, 3, 4, 1 ORDER BY n DESC, 1, 3, 4 LIMIT ?",
            query::PRECISIONS.len()
        );
        values.push(Value::Integer(limit.min(i64::MAX as usize) as i64));
        // Grouped in the order of the `events_location` index, which covers the unfiltered map.
        let mut statement = self.connection.prepare(&sql)?;
        let mut places = statement
            .query_map(rusqlite::params_from_iter(values.iter()), |r| {
                let rank: i64 = r.get(4)?;
                Ok(PlaceCount {
                    name: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                    country: r.get(1)?,
                    lat: r.get(2)?,
                    lon: r.get(3)?,
                    precision: query::PRECISIONS.get(rank as usize).unwrap_or(&"").to_string(),
                    events: r.get::<_, i64>(5)? as u64,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        query::finish_places(&mut places, limit);
        Ok(places)
    }

    fn aggregate(
        &self,
        filter: &EventFilter,
        period: Option<Period>,
        group: Option<Group>,
    ) -> Result<Vec<AggregateRow>> {
        let Some(run) = self.run_or_current(filter)? else {
            return Ok(Vec::new());
        };
        let unfiltered =
            EventFilter { run: filter.run, limit: filter.limit, ..EventFilter::default() };
        if group == Some(Group::Actor) && period.is_none() && *filter == unfiltered {
            return self.actor_totals(run, filter.limit);
        }
        let (conditions, values) = filter_sql(filter, run);
        let from = events_from(filter);
        let (bucket, precision) = match period {
            None => ("NULL", "1"),
            Some(Period::Day) => ("e.day", "e.precision = 0"),
            Some(Period::Week) => ("e.day - (((e.day + 3) % 7) + 7) % 7", "e.precision = 0"),
            Some(Period::Month) => ("e.month_index", "e.precision IN (0, 1)"),
            Some(Period::Year) => ("e.month_index / 12", "e.precision IN (0, 1, 2)"),
        };
        // An actor aggregate is two grouped scans (as source, as target) merged here.
        let sides: Vec<(&str, &str, &str)> = match group {
            None => vec![("NULL", "NULL", "")],
            Some(Group::Dyad) => vec![("e.source_code", "coalesce(e.target_code, '')", "")],
            Some(Group::Actor) => vec![
                ("e.source_code", "NULL", ""),
                (
                    "e.target_code",
                    "NULL",
                    " AND e.target_code IS NOT NULL AND e.target_code != e.source_code",
                ),
            ],
        };
        let mut merged: BTreeMap<RowKey, (AggregateRow, i64)> = BTreeMap::new();
        for (k1, k2, extra) in sides {
            let group_by = match (period.is_some(), group) {
                (false, None) => String::new(),
                (false, Some(_)) => "GROUP BY k1, k2".to_string(),
                (true, None) => "GROUP BY bucket".to_string(),
                (true, Some(_)) => "GROUP BY bucket, k1, k2".to_string(),
            };
            let sql = format!(
                "SELECT {bucket} AS bucket, {k1} AS k1, {k2} AS k2, count(*), \
                 total(e.mention_count), total(e.goldstein), count(e.goldstein), \
                 total(e.quad_class = 1), total(e.quad_class = 2), total(e.quad_class = 3), \
                 total(e.quad_class = 4) FROM {from} WHERE {conditions} AND {precision}{extra} \
                 {group_by}"
            );
            let mut statement = self.connection.prepare(&sql)?;
            let mut rows = statement.query(rusqlite::params_from_iter(values.iter()))?;
            while let Some(row) = rows.next()? {
                let events = row.get::<_, i64>(3)? as u64;
                if events == 0 {
                    continue;
                }
                let bucket: Option<i64> = row.get(0)?;
                let key =
                    (bucket, row.get::<_, Option<String>>(1)?, row.get::<_, Option<String>>(2)?);
                let (entry, scored) = merged.entry(key.clone()).or_insert_with(|| {
                    let period_label = period.zip(bucket).map(|(p, b)| query::bucket_label(b, p));
                    (
                        AggregateRow {
                            period: period_label,
                            actor: key.1,
                            target: key.2,
                            ..AggregateRow::default()
                        },
                        0,
                    )
                });
                entry.events += events;
                entry.mentions += row.get::<_, f64>(4)? as u64;
                entry.goldstein_sum += row.get::<_, f64>(5)?;
                *scored += row.get::<_, i64>(6)?;
                for q in 0..4 {
                    entry.quad[q] += row.get::<_, f64>(7 + q)? as u64;
                }
            }
        }
        Ok(query::finish_aggregates(merged.into_values(), filter.limit))
    }

    fn counts(&self) -> Result<Counts> {
        let count = |table: &str| -> Result<u64> {
            Ok(self
                .connection
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0))?
                as u64)
        };
        Ok(Counts {
            articles: count("articles")?,
            sentences: count("sentences")?,
            events: count("events")?,
            mentions: count("mentions")?,
        })
    }

    fn article(&self, article_id: &str) -> Result<Option<StoredArticle>> {
        let mut statement = self.connection.prepare_cached(
            "SELECT a.id, a.article_id, a.date, a.source, a.title, a.text, a.metadata FROM articles a \
             WHERE a.article_id = ?1",
        )?;
        let mut rows = statement.query([article_id])?;
        let Some(row) = rows.next()? else { return Ok(None) };
        let key: i64 = row.get(0)?;
        let article = article_from_row(row)?;
        let mut statement = self
            .connection
            .prepare_cached("SELECT start, end FROM sentences WHERE article = ?1 ORDER BY idx")?;
        let sentences = statement
            .query_map([key], |r| {
                Ok(Span::new(r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(StoredArticle { article, sentences }))
    }

    fn actors(&self, query: &str, limit: usize) -> Result<Vec<ActorCount>> {
        let Some(run) = self.run_or_current(&EventFilter::default())? else {
            return Ok(Vec::new());
        };
        let (condition, argument) = match ActorMatch::parse(query) {
            // Every actor, or a code prefix: the per-actor totals answer without reading events.
            ActorMatch::Name(words) if words.trim().is_empty() => {
                return self.actors_from_totals(run, "", limit);
            }
            ActorMatch::Code(prefix) => return self.actors_from_totals(run, &prefix, limit),
            ActorMatch::Name(words) => ("instr(lower(text), ?2) > 0", words),
        };
        let sql = format!(
            "SELECT code, min(text), count(*) FROM (SELECT source_code AS code, source_text AS text \
             FROM events WHERE run = ?1 UNION ALL SELECT target_code, target_text FROM events \
             WHERE run = ?1 AND target_code IS NOT NULL AND target_code != source_code) \
             WHERE {condition} GROUP BY code ORDER BY count(*) DESC, code LIMIT ?3"
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let actors = statement
            .query_map(params![run, argument, limit as i64], |r| {
                Ok(ActorCount {
                    code: r.get(0)?,
                    text: r.get(1)?,
                    events: r.get::<_, i64>(2)? as u64,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(actors)
    }
}
