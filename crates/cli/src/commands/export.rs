//! `dyad export`: the store's events to JSON Lines, CSV, GDELT 2.0 TSV or Parquet.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, bail};
use dyad_store::Storage;
use dyad_store::export::{write_csv_header, write_csv_row, write_gdelt_row, write_jsonl};
use dyad_store::parquet::PartitionedWriter;

use crate::ExitStatus;
use crate::store::{FilterArgs, StoreArgs};

/// Export the store's events (the current run unless `--run`), optionally filtered.
///
/// jsonl: the event JSON of `dyad code` plus event_id, mention_count, source_count,
/// article_count, first_report, latest_report and every mention. csv: one row per event with a
/// header. gdelt: the 61 columns of the GDELT 2.0 event table, tab-separated, no header, empty
/// where dyad has no such field. parquet: the CSV columns as typed Parquet files under the
/// folder `--out`, partitioned Hive-style (`year=YYYY/month=MM/part-0.parquet`).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  dyad export --store news.db --format gdelt --out events.tsv\n  \
                        dyad export --store news.db --format parquet --out events/"
)]
pub struct Args {
    /// Output format.
    #[arg(long, value_name = "FORMAT", value_parser = ["jsonl", "csv", "gdelt", "parquet"], default_value = "jsonl")]
    format: String,
    /// Output file [default: standard output]; for parquet, the folder (required).
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let store = args.store.open_existing()?;
    if args.format == "parquet" {
        let Some(folder) = &args.out else { bail!("--format parquet needs --out FOLDER") };
        let mut writer = PartitionedWriter::new(folder, 250_000);
        let mut count = 0u64;
        store.events(&args.filter.filter(None), false, &mut |event| {
            writer.push(event)?;
            count += 1;
            Ok(())
        })?;
        let files = writer.finish()?;
        eprintln!("export: {count} events to {files} Parquet files under {}", folder.display());
        return Ok(ExitStatus::Success);
    }
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
