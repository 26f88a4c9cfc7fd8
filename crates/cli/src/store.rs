//! Flags shared by the store commands (`ingest`, `query`, `export`, `recode`, `bench store`):
//! where the store is, which events to select, how to code, and the pipeline as a coder function.

use std::path::PathBuf;

use anyhow::Context;
use dyad_model::Date;
use dyad_store::ingest::IngestOptions;
use dyad_store::{DedupConfig, EventFilter, SqliteStore};

/// `--store PATH`: the store file.
#[derive(Debug, clap::Args)]
pub struct StoreArgs {
    /// The store file [default: $DYAD_STORE, else dyad.db in the current folder].
    #[arg(long, value_name = "PATH")]
    pub store: Option<PathBuf>,
}

impl StoreArgs {
    /// The path the flags and environment name.
    pub fn path(&self) -> PathBuf {
        self.store
            .clone()
            .or_else(|| std::env::var_os("DYAD_STORE").filter(|p| !p.is_empty()).map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("dyad.db"))
    }

    /// Opens a store that must exist already (commands that only read or recode).
    pub fn open_existing(&self) -> anyhow::Result<SqliteStore> {
        let path = self.path();
        if !path.exists() {
            anyhow::bail!(
                "no store at {} (`dyad ingest` creates one; see --store)",
                path.display()
            );
        }
        self.open()
    }

    /// Opens (creating if needed) the store.
    pub fn open(&self) -> anyhow::Result<SqliteStore> {
        let path = self.path();
        SqliteStore::open(&path).with_context(|| format!("cannot open store {}", path.display()))
    }
}

/// Flags of commands that code articles.
#[derive(Debug, clap::Args)]
pub struct CodingArgs {
    /// Coding threads [default: all cores].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub threads: Option<u32>,
    /// Articles per transaction: a killed run loses at most one batch.
    #[arg(long, value_name = "N", default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
    /// Reports of the same actors and code at most N days apart are one event (0 = same day).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub dedup_window: u32,
}

impl CodingArgs {
    /// The options for the store's ingester.
    pub fn options(&self) -> IngestOptions {
        let defaults = IngestOptions::default();
        IngestOptions {
            threads: self.threads.map_or(defaults.threads, |n| n as usize),
            batch_size: self.batch as usize,
            dedup: DedupConfig { window_days: self.dedup_window },
        }
    }
}

pub use dyad_server::coding::{pipeline_coder as coder, pipeline_versions};

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse_compact(text).map_err(|e| e.to_string())
}

fn parse_country(text: &str) -> Result<String, String> {
    let code = text.trim().to_ascii_uppercase();
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err("expected an ISO 3166-1 alpha-3 code such as UKR".into())
    }
}

/// Which events to select (query and export).
#[derive(Debug, clap::Args)]
pub struct FilterArgs {
    /// First day, YYYY-MM-DD (inclusive).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<Date>,
    /// Last day, YYYY-MM-DD (inclusive).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<Date>,
    /// Source or target: a code prefix (RUS, RUSGOV) or words of the actor's name.
    #[arg(long, value_name = "ACTOR")]
    pub actor: Option<String>,
    /// Source and target code prefixes, in that direction.
    #[arg(long, value_name = "A,B", value_parser = dyad_store::query::parse_dyad)]
    pub dyad: Option<(String, String)>,
    /// CAMEO event code prefix (04, 042).
    #[arg(long, value_name = "CODE")]
    pub code: Option<String>,
    /// Two-digit CAMEO root code.
    #[arg(long, value_name = "ROOT")]
    pub root: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[arg(long, value_name = "Q", value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad: Option<u8>,
    /// ISO alpha-3 country: where the event happened, or either actor's country.
    #[arg(long, value_name = "ISO3")]
    pub country: Option<String>,
    /// Words of the location name.
    #[arg(long, value_name = "PLACE")]
    pub location: Option<String>,
    /// ISO alpha-3 country where the event happened (its location only, not the actors).
    #[arg(long, value_name = "ISO3", value_parser = parse_country)]
    pub location_country: Option<String>,
    /// Only events located in this box: west,south,east,north in degrees (e.g. 22,44,40.5,52.5).
    #[arg(long, value_name = "MINLON,MINLAT,MAXLON,MAXLAT", allow_hyphen_values = true, value_parser = dyad_store::BoundingBox::parse)]
    pub bbox: Option<dyad_store::BoundingBox>,
    /// Words that a sentence reporting the event contains (full-text search).
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
    /// Read this run instead of the current one (see `dyad recode --list`).
    #[arg(long, value_name = "RUN")]
    pub run: Option<i64>,
}

impl FilterArgs {
    /// The store's filter.
    pub fn filter(&self, limit: Option<usize>) -> EventFilter {
        EventFilter {
            run: self.run,
            from: self.from,
            to: self.to,
            actor: self.actor.clone(),
            dyad: self.dyad.clone(),
            code: self.code.clone(),
            root: self.root.clone(),
            quad: self.quad,
            country: self.country.clone(),
            location: self.location.clone(),
            location_country: self.location_country.clone(),
            bbox: self.bbox,
            text: self.text.clone(),
            limit,
            article: None,
            after: None,
        }
    }
}
