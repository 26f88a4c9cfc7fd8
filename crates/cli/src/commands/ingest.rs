//! `dyad ingest`: code articles and add them to the store, in parallel, batch by batch.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use dyad_store::Storage;
use dyad_store::ingest::{IngestTally, Ingester};

use crate::ExitStatus;
use crate::input::{InputTally, for_each_article};
use crate::store::{CodingArgs, StoreArgs, coder, pipeline_versions};

/// Code articles and add them to the store (see `--store`).
///
/// Idempotent: an article already stored with the same content is skipped; one whose content
/// changed replaces its old sentences and events. Each batch is one transaction, so a killed
/// ingest leaves the store consistent and running it again completes the work. Events go into
/// the current run (see `dyad recode`). Reports of the same event from several articles are
/// merged into one event with several mentions (`--dedup-window`).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  dyad ingest --store news.db --threads 2 ../shared/corpus/reuters-21578/articles.jsonl"
)]
pub struct Args {
    /// Article files (.jsonl or plain text); standard input when none or `-`.
    files: Vec<PathBuf>,
    #[command(flatten)]
    store: StoreArgs,
    #[command(flatten)]
    coding: CodingArgs,
}

fn line(tally: &IngestTally, seconds: f64) -> String {
    let w = &tally.written;
    format!(
        "{} articles read ({} added, {} replaced, {} unchanged), {} events coded ({} new events), \
         {:.1} s, {:.0} articles/s",
        tally.read,
        w.added,
        w.replaced,
        tally.skipped,
        tally.events,
        w.new_events,
        seconds,
        tally.read as f64 / seconds.max(1e-9),
    )
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let started = Instant::now();
    let mut store = args.store.open()?;
    let run = match store.current_run()? {
        Some(run) => run.id,
        None => store.create_run(&pipeline_versions())?,
    };
    let pipeline = dyad_coder::Pipeline::with_defaults();
    let progress = std::io::stderr().is_terminal();
    let mut ingester = Ingester::new(&mut store, run, coder(&pipeline), args.coding.options());
    let mut tally = InputTally::default();
    for_each_article(&args.files, &mut tally, |article| {
        if ingester.push(article)? && progress {
            eprint!(
                "\r\x1b[2Kingest: {}",
                line(&ingester.tally(), started.elapsed().as_secs_f64())
            );
        }
        Ok(())
    })?;
    let totals = ingester.finish()?;
    if progress {
        eprint!("\r\x1b[2K");
    }
    let counts = store.counts()?;
    eprintln!(
        "ingest: {}; store {}: {} articles, {} events, {} mentions, {:.1} MB",
        line(&totals, started.elapsed().as_secs_f64()),
        args.store.path().display(),
        counts.articles,
        counts.events,
        counts.mentions,
        store.size_on_disk()? as f64 / 1e6,
    );
    Ok(tally.exit_status())
}
