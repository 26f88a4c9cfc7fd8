//! `dyad bench <what>`: speed and memory of a stage on real data, on one thread.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Subcommand;
use dyad_nlp::syntax::read_conllu;

use super::models::{ModelArgs, load_models};
use serde_json::json;

use dyad_store::{EventFilter, Group, Period, Storage, Versions};

use crate::ExitStatus;
use crate::store::StoreArgs;

/// Measure the speed and memory of a stage of dyad.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  dyad bench parse ../shared/ud/test.conllu --rounds 3\n  dyad bench store --store /tmp/bench.db --events 1000000"
)]
pub struct Args {
    #[command(subcommand)]
    command: BenchCommand,
}

/// What to measure.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Tagging, lemmatizing and parsing the words of a CoNLL-U file.
    Parse(ParseArgs),
    /// Store writes and queries on synthetic events.
    Store(StoreBench),
}

/// Time loading the models (embedded, or --tagger/--parser files), then tagging + lemmatizing + parsing a CoNLL-U file's
/// words (gold tokens) on one thread; print one JSON object.
///
/// tokens_per_sec is wall-clock; tokens_per_cpu_sec counts only the CPU time of the thread,
/// which is the fairer figure on a busy machine. Memory figures come from /proc/self/status.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  dyad bench parse ../shared/ud/test.conllu --rounds 3")]
pub struct ParseArgs {
    /// A CoNLL-U file whose words are analysed.
    file: PathBuf,
    /// How many times to analyse the whole file; the fastest round is reported.
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    #[command(flatten)]
    models: ModelArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    match args.command {
        BenchCommand::Parse(args) => run_parse(args),
        BenchCommand::Store(args) => run_store(args),
    }
}

/// A line of /proc/self/status in kilobytes (Linux only; None elsewhere).
fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time this thread has run, in seconds (Linux only): on a shared machine, wall-clock time
/// also counts the time other processes held the CPU.
fn thread_cpu_seconds() -> Option<f64> {
    let schedstat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: f64 = schedstat.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds / 1e9)
}

fn run_parse(args: ParseArgs) -> anyhow::Result<ExitStatus> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let sentences = read_conllu(&text).with_context(|| format!("{}", args.file.display()))?;
    let rss_before_kb = status_kb("VmRSS:");
    let started = Instant::now();
    let models = load_models(&args.models)?;
    let analyzer = models.analyzer();
    let load_seconds = started.elapsed().as_secs_f64();
    let rss_loaded_kb = status_kb("VmRSS:");
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    let mut tokens = 0;
    for _ in 0..args.rounds.max(1) {
        let started = Instant::now();
        let cpu_started = thread_cpu_seconds();
        tokens = 0;
        for s in &sentences {
            let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            tokens += analyzer.analyze(&words).len();
        }
        best = best.min(started.elapsed().as_secs_f64());
        if let (Some(start), Some(end)) = (cpu_started, thread_cpu_seconds()) {
            best_cpu = best_cpu.min(end - start);
        }
    }
    let cpu_rate = best_cpu.is_finite().then(|| (tokens as f64 / best_cpu.max(1e-9)).round());
    let value = json!({
        "file": args.file.display().to_string(),
        "tokens": tokens,
        "rounds": args.rounds.max(1),
        "tokens_per_sec": (tokens as f64 / best.max(1e-9)).round(),
        "tokens_per_cpu_sec": cpu_rate,
        "load_seconds": (load_seconds * 1000.0).round() / 1000.0,
        "tagger_weights_bytes": models.tagger.to_bytes().len(),
        "parser_weights_bytes": models.parser.to_bytes().len(),
        "rss_before_models_kb": rss_before_kb,
        "rss_after_models_kb": rss_loaded_kb,
        "peak_rss_kb": status_kb("VmHWM:"),
    });
    println!("{value}");
    Ok(ExitStatus::Success)
}

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

fn run_store(args: StoreBench) -> anyhow::Result<ExitStatus> {
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
    println!("{figures}");
    Ok(ExitStatus::Success)
}
