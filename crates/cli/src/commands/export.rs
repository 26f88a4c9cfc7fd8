//! `dyad export`: the store's events to JSON Lines, CSV or GDELT 2.0 TSV.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use dyad_store::Storage;
use dyad_store::export::{write_csv_header, write_csv_row, write_gdelt_row, write_jsonl};

use crate::ExitStatus;
use crate::store::{FilterArgs, StoreArgs};

/// Export the store's events (the current run unless `--run`), optionally filtered.
///
/// jsonl: the event JSON of `dyad code` plus event_id, mention_count, source_count,
/// article_count, first_report, latest_report and every mention. csv: one row per event with a
/// header. gdelt: the 61 columns of the GDELT 2.0 event table, tab-separated, no header, empty
/// where dyad has no such field. Parquet is not written yet.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  dyad export --store news.db --format gdelt --out events.tsv")]
pub struct Args {
    /// Output format.
    #[arg(long, value_name = "FORMAT", value_parser = ["jsonl", "csv", "gdelt"], default_value = "jsonl")]
    format: String,
    /// Output file [default: standard output].
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let store = args.store.open()?;
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(crate::output::stdout()),
    };
    let format = args.format.as_str();
    if format == "csv" {
        write_csv_header(&mut out)?;
    }
    let mut count = 0u64;
    store.events(&args.filter.filter(None), format == "jsonl", &mut |event| {
        match format {
            "csv" => write_csv_row(&mut out, &event)?,
            "gdelt" => write_gdelt_row(&mut out, &event)?,
            _ => write_jsonl(&mut out, &event)?,
        }
        count += 1;
        Ok(())
    })?;
    out.flush()?;
    if let Some(path) = &args.out {
        eprintln!("export: {count} events to {}", path.display());
    }
    Ok(ExitStatus::Success)
}
