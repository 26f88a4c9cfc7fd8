//! dyad's embedded event store: articles, sentences, deduplicated events and their mentions.
//!
//! [`SqliteStore`] keeps everything in one SQLite file (WAL mode, schema version
//! [`FORMAT_VERSION`] in `PRAGMA user_version`, migrations applied on open); [`MemoryStore`] is
//! its in-memory twin for tests. Both implement [`Storage`], the only way the rest of dyad talks
//! to a store, so the SQL stays private to this crate.
//!
//! Every coded event is a [`Mention`]; mentions that report the same happening (same actors,
//! code and negation, dates within a window: [`dedup`]) share one [`StoredEvent`], which counts
//! its mentions, its distinct outlets and its first and latest report. Events belong to a run
//! ([`Run`]): the coder and dictionary versions that produced them. `recode` writes a new run
//! beside the current one and `accept_run` switches over.
//!
//! [`ingest::Ingester`] codes articles in parallel and writes them in batches, one transaction
//! per batch; [`export`] writes JSONL, CSV and GDELT 2.0 TSV, and [`parquet`] Parquet files
//! partitioned by year and month.

pub mod dedup;
mod error;
pub mod export;
mod hash;
pub mod ingest;
mod memory;
pub mod parquet;
pub mod query;
mod sqlite;
pub mod synthetic;

use dyad_model::{Article, Date, Event, Span};

pub use dedup::DedupConfig;
pub use error::{Result, StoreError};
pub use hash::content_hash;
pub use memory::MemoryStore;
pub use query::{ActorCount, AggregateRow, BoundingBox, EventFilter, Group, Period, PlaceCount};
pub use sqlite::{FORMAT_VERSION, SqliteStore};

/// Identifies a run: one coding of the stored articles by one coder and dictionary version.
pub type RunId = i64;

/// The coder and dictionary versions that produce a run's events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Versions {
    /// dyad (coder) version.
    pub dyad: String,
    /// Dictionary set version.
    pub dictionaries: String,
}

/// A run as listed by [`Storage::runs`].
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Run id, increasing.
    pub id: RunId,
    /// What coded it.
    pub versions: Versions,
    /// When it was created, seconds since the Unix epoch.
    pub created: i64,
    /// True for the run that queries and exports read by default.
    pub current: bool,
    /// Articles coded in this run.
    pub articles: u64,
    /// Deduplicated events in this run.
    pub events: u64,
}

/// An article after coding, ready to store: its sentence spans and its events.
#[derive(Clone, Debug)]
pub struct CodedRecord {
    /// The article as read.
    pub article: Article,
    /// Sentence spans into the article text, in order.
    pub sentences: Vec<Span>,
    /// Events coded from it, in sentence order.
    pub events: Vec<Event>,
}

/// One report of an event: the event as coded from one sentence of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The coded event, exactly as the coder produced it.
    pub event: Event,
    /// The reporting article's date.
    pub report_date: Option<Date>,
    /// The outlet that published it (the article's source, or its id when it has none).
    pub outlet: String,
}

/// A deduplicated event: what its first mention says, and how often it was reported.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredEvent {
    /// Store-wide event id.
    pub id: i64,
    /// The run it belongs to.
    pub run: RunId,
    /// The first mention's event; its date, actors and code are the event's.
    pub event: Event,
    /// Number of mentions.
    pub mention_count: u64,
    /// Number of distinct outlets among the mentions.
    pub source_count: u64,
    /// Number of distinct articles among the mentions.
    pub article_count: u64,
    /// Earliest report date among the mentions.
    pub first_report: Option<Date>,
    /// Latest report date among the mentions.
    pub latest_report: Option<Date>,
    /// All mentions in store order, when asked for (else empty).
    pub mentions: Vec<Mention>,
}

/// A stored article with the spans of its sentences.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredArticle {
    /// The article as read.
    pub article: Article,
    /// Sentence spans into the article text, in order.
    pub sentences: Vec<Span>,
}

/// What one written batch did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Articles new to the store.
    pub added: u64,
    /// Articles whose content changed: old rows replaced.
    pub replaced: u64,
    /// Articles already stored with the same content (and coded in this run): untouched.
    pub unchanged: u64,
    /// Mentions written.
    pub mentions: u64,
    /// Events created (the rest of the mentions joined existing events).
    pub new_events: u64,
}

impl BatchSummary {
    /// Adds another batch's counts to this one.
    pub fn add(&mut self, other: BatchSummary) {
        self.added += other.added;
        self.replaced += other.replaced;
        self.unchanged += other.unchanged;
        self.mentions += other.mentions;
        self.new_events += other.new_events;
    }
}

/// Row counts of a store, for summaries and checks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Articles.
    pub articles: u64,
    /// Sentences.
    pub sentences: u64,
    /// Events, all runs.
    pub events: u64,
    /// Mentions, all runs.
    pub mentions: u64,
}

/// The store interface: everything dyad does with stored data goes through it.
///
/// Writes are atomic per call: a batch is stored completely or not at all.
pub trait Storage {
    /// All runs, oldest first.
    fn runs(&self) -> Result<Vec<Run>>;
    /// Creates a run; the first run of a store is made current.
    fn create_run(&mut self, versions: &Versions) -> Result<RunId>;
    /// Makes `run` the current run.
    fn accept_run(&mut self, run: RunId) -> Result<()>;
    /// Deletes a run that is not current, with its events and mentions.
    fn discard_run(&mut self, run: RunId) -> Result<()>;
    /// The content hash stored for an article id, if the article is stored.
    fn stored_hash(&self, article_id: &str) -> Result<Option<String>>;
    /// True when the article is stored and coded in `run`.
    fn is_coded(&self, run: RunId, article_id: &str) -> Result<bool>;
    /// Stores coded articles in one transaction, coding their events into `run`. An article
    /// already stored with the same hash and coded in `run` is left alone; one whose content
    /// changed loses its old sentences and mentions in every run first.
    fn write_articles(
        &mut self,
        run: RunId,
        batch: &[CodedRecord],
        dedup: DedupConfig,
    ) -> Result<BatchSummary>;
    /// Up to `limit` stored articles not yet coded in `run`, in store order.
    fn articles_to_code(&self, run: RunId, limit: usize) -> Result<Vec<Article>>;
    /// Visits the events that pass `filter`, ordered by id.
    fn events(
        &self,
        filter: &EventFilter,
        with_mentions: bool,
        visit: &mut dyn FnMut(StoredEvent) -> Result<()>,
    ) -> Result<()>;
    /// Counts, Goldstein sums and quad classes of the events that pass `filter`, by period
    /// and group (each optional).
    fn aggregate(
        &self,
        filter: &EventFilter,
        period: Option<Period>,
        group: Option<Group>,
    ) -> Result<Vec<AggregateRow>>;
    /// Row counts.
    fn counts(&self) -> Result<Counts>;
    /// A stored article by its id, with its sentence spans.
    fn article(&self, article_id: &str) -> Result<Option<StoredArticle>>;
    /// Actor codes of the current run whose code starts with `query` (when it reads as a code,
    /// see [`query::ActorMatch`]) or whose text contains its words, most events first.
    fn actors(&self, query: &str, limit: usize) -> Result<Vec<ActorCount>>;
    /// The places of the located events (with coordinates) that pass `filter`, with their event
    /// counts, most events first; at most `limit`.
    fn places(&self, filter: &EventFilter, limit: usize) -> Result<Vec<PlaceCount>>;
    /// An event of the current run by id, with its mentions.
    fn event(&self, id: i64) -> Result<Option<StoredEvent>> {
        let filter = EventFilter { after: Some(id - 1), limit: Some(1), ..EventFilter::default() };
        let mut found = None;
        self.events(&filter, true, &mut |event| {
            if event.id == id {
                found = Some(event);
            }
            Ok(())
        })?;
        Ok(found)
    }
    /// The current run, if any.
    fn current_run(&self) -> Result<Option<Run>> {
        Ok(self.runs()?.into_iter().find(|r| r.current))
    }
}
