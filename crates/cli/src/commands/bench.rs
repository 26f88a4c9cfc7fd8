//! `dyad bench <what>`: speed and memory of a stage (figures for the notes, never timed tests).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Subcommand;
use dyad_nlp::syntax::{Parser, Tagger, read_conllu};

use super::models::{ModelArgs, load_models};
use serde_json::json;

use crate::ExitStatus;

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
    /// Query times of the store, filled with synthetic events.
    Store(super::bench_store::StoreBench),
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
        BenchCommand::Store(args) => super::bench_store::run(args),
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

/// The size of the weights file at `path`, or of the embedded weights.
fn weights_bytes(path: Option<&std::path::Path>, embedded: usize) -> Option<u64> {
    match path {
        Some(path) => std::fs::metadata(path).ok().map(|m| m.len()),
        None => Some(embedded as u64),
    }
}

fn run_parse(args: ParseArgs) -> anyhow::Result<ExitStatus> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let sentences = read_conllu(&text).with_context(|| format!("{}", args.file.display()))?;
    let rss_before_kb = status_kb("VmRSS:");
    let started = Instant::now();
    let load_cpu_started = thread_cpu_seconds();
    let models = load_models(&args.models)?;
    let analyzer = models.analyzer();
    let load_seconds = started.elapsed().as_secs_f64();
    let load_cpu_seconds = load_cpu_started.zip(thread_cpu_seconds()).map(|(s, e)| e - s);
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
    let tagger_bytes = weights_bytes(args.models.tagger.as_deref(), Tagger::embedded_size());
    let parser_bytes = weights_bytes(args.models.parser.as_deref(), Parser::embedded_size());
    let value = json!({
        "file": args.file.display().to_string(),
        "tokens": tokens,
        "rounds": args.rounds.max(1),
        "tokens_per_sec": (tokens as f64 / best.max(1e-9)).round(),
        "tokens_per_cpu_sec": cpu_rate,
        "load_seconds": (load_seconds * 1000.0).round() / 1000.0,
        "load_cpu_seconds": load_cpu_seconds.map(|s| (s * 1000.0).round() / 1000.0),
        "tagger_weights_bytes": tagger_bytes,
        "parser_weights_bytes": parser_bytes,
        "rss_before_models_kb": rss_before_kb,
        "rss_after_models_kb": rss_loaded_kb,
        "peak_rss_kb": status_kb("VmHWM:"),
    });
    println!("{value}");
    Ok(ExitStatus::Success)
}
