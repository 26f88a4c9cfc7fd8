//! `dyad bench store`: time the store's queries on a store of synthetic events.

use std::time::Instant;

use serde_json::json;

use dyad_store::{EventFilter, Group, Period, Storage, Versions};

use crate::ExitStatus;
use crate::store::StoreArgs;

/// Fill a store with synthetic events (up to `--events` in its current run), then time a
/// one-dyad by-week query (RUS,UKR) and a top-20-actors query.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  dyad bench store --store /tmp/bench.db --events 1000000")]
pub struct StoreBench {
    /// Events the current run must hold; synthetic ones are added up to this number.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    events: u64,
    /// Times each query is run; the median and the fastest are reported.
    #[arg(long, value_name = "N", default_value_t = 5)]
    repeat: usize,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn run(args: StoreBench) -> anyhow::Result<ExitStatus> {
    let mut store = args.store.open()?;
    let run = match store.current_run()? {
        Some(run) => run,
        None => {
            let versions = Versions { dyad: "synthetic".into(), dictionaries: "synthetic".into() };
            store.create_run(&versions)?;
            store.current_run()?.expect("just created")
        }
    };
    let mut generate_seconds = 0.0;
    if run.events < args.events {
        let missing = (args.events - run.events) as usize;
        let started = Instant::now();
        store.insert_synthetic(run.id, dyad_store::synthetic::events(missing, run.events + 1))?;
        generate_seconds = started.elapsed().as_secs_f64();
        eprintln!("bench: wrote {missing} synthetic events in {generate_seconds:.1} s");
    }
    let events = store.counts()?.events;
    let time =
        |work: &mut dyn FnMut() -> anyhow::Result<usize>| -> anyhow::Result<(f64, f64, usize)> {
            let mut times = Vec::new();
            let mut rows = 0;
            for _ in 0..args.repeat.max(1) {
                let started = Instant::now();
                rows = work()?;
                times.push(started.elapsed().as_secs_f64() * 1000.0);
            }
            times.sort_by(f64::total_cmp);
            Ok((times[times.len() / 2], times[0], rows))
        };
    let dyad = EventFilter { dyad: Some(("RUS".into(), "UKR".into())), ..EventFilter::default() };
    let (dyad_median, dyad_min, dyad_rows) =
        time(&mut || Ok(store.aggregate(&dyad, Some(Period::Week), None)?.len()))?;
    let top = EventFilter { limit: Some(20), ..EventFilter::default() };
    let (top_median, top_min, top_rows) =
        time(&mut || Ok(store.aggregate(&top, None, Some(Group::Actor))?.len()))?;
    let figures = json!({
        "events": events,
        "store_bytes": store.size_on_disk()?,
        "generate_seconds": generate_seconds,
        "dyad_by_week_ms": {"median": dyad_median, "min": dyad_min, "rows": dyad_rows},
        "top20_actors_ms": {"median": top_median, "min": top_min, "rows": top_rows},
    });
    crate::output::println(&figures)?;
    Ok(ExitStatus::Success)
}
