//! `dyad recode`: code the stored articles again into a new run, and switch runs.

use std::io::IsTerminal;
use std::time::Instant;

use anyhow::bail;
use dyad_store::Storage;

use crate::ExitStatus;
use crate::store::{CodingArgs, StoreArgs, coder, pipeline_versions};

/// Re-code every stored article with the current coder and dictionaries into a new run.
///
/// The new run's events stay apart from the current run's (queries read the current run unless
/// given `--run`) until `--accept RUN` makes it current. An interrupted recode resumes when run
/// again. `--list` shows the runs; `--discard RUN` deletes a run that is not current.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  dyad recode --store news.db\n  dyad recode --store news.db --list\n  \
                        dyad recode --store news.db --accept 2"
)]
pub struct Args {
    /// List the runs and exit.
    #[arg(long, conflicts_with_all = ["accept", "discard"])]
    list: bool,
    /// Make this run the current one.
    #[arg(long, value_name = "RUN", conflicts_with = "discard")]
    accept: Option<i64>,
    /// Delete this run (not the current one) with its events.
    #[arg(long, value_name = "RUN")]
    discard: Option<i64>,
    #[command(flatten)]
    store: StoreArgs,
    #[command(flatten)]
    coding: CodingArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let mut store = args.store.open_existing()?;
    if let Some(run) = args.accept {
        store.accept_run(run)?;
        eprintln!("recode: run {run} is now current");
        return Ok(ExitStatus::Success);
    }
    if let Some(run) = args.discard {
        store.discard_run(run)?;
        eprintln!("recode: run {run} discarded");
        return Ok(ExitStatus::Success);
    }
    let runs = store.runs()?;
    if args.list {
        crate::output::println(format_args!("run\tcurrent\tdyad\tdictionaries\tarticles\tevents"))?;
        for r in &runs {
            let current = if r.current { "*" } else { "" };
            crate::output::println(format_args!(
                "{}\t{current}\t{}\t{}\t{}\t{}",
                r.id, r.versions.dyad, r.versions.dictionaries, r.articles, r.events
            ))?;
        }
        return Ok(ExitStatus::Success);
    }
    let Some(current) = runs.iter().find(|r| r.current) else {
        bail!("the store has no run yet: `dyad ingest` articles first");
    };
    let versions = pipeline_versions();
    // Resume an unfinished recode by the same versions rather than starting another.
    let pending = runs.iter().rev().find(|r| r.id > current.id && r.versions == versions);
    let run = match pending {
        Some(run) => run.id,
        None => store.create_run(&versions)?,
    };
    let started = Instant::now();
    let pipeline = dyad_coder::Pipeline::with_defaults();
    let progress = std::io::stderr().is_terminal();
    let tally = dyad_store::ingest::recode(
        &mut store,
        run,
        &coder(&pipeline),
        args.coding.options(),
        &mut |t| {
            if progress {
                eprint!("\r\x1b[2Krecode: {} articles, {} events", t.read, t.events);
            }
        },
    )?;
    if progress {
        eprint!("\r\x1b[2K");
    }
    eprintln!(
        "recode: run {run} ({} {}): {} articles coded, {} events ({} new), {:.1} s; \
         `dyad recode --accept {run}` makes it current (now run {})",
        versions.dyad,
        versions.dictionaries,
        tally.read,
        tally.events,
        tally.written.new_events,
        started.elapsed().as_secs_f64(),
        current.id,
    );
    Ok(ExitStatus::Success)
}
