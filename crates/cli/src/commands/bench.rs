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
    after_help = "Examples:\n  dyad bench parse ../shared/ud/test.conllu --rounds 3\n  dyad bench segment ../shared/corpus/reuters-21578/articles.jsonl\n  dyad bench store --store /tmp/bench.db --events 1000000"
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
    /// Segmentation plus tokenization of article files, in MB/s on one thread.
    Segment(SegmentArgs),
    /// Query times of the store, filled with synthetic events.
    Store(super::bench_store::StoreBench),
}

/// Read article files into memory, then segment and tokenize every article (dateline,
/// sentences, tokens) on one thread, several rounds; print one JSON object with the fastest
/// round in MB/s of article text, by wall clock and by the thread's CPU time.
///
/// The counts of sentences, tokens and datelines found let two builds be compared.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  dyad bench segment ../shared/corpus/reuters-21578/articles.jsonl --rounds 5"
)]
pub struct SegmentArgs {
    /// Article files (.jsonl or plain text).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// How many times to segment everything; the fastest round is reported.
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// The punctuation rules alone, without the learned boundary classifier.
    #[arg(long)]
    rules: bool,
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
        BenchCommand::Segment(args) => run_segment(args),
        BenchCommand::Store(args) => super::bench_store::run(args),
    }
}

fn run_segment(args: SegmentArgs) -> anyhow::Result<ExitStatus> {
    let mut texts = Vec::new();
    for path in &args.files {
        let reader =
            dyad_ingest::open_path(path).with_context(|| format!("reading {}", path.display()))?;
        texts.extend(reader.filter_map(Result::ok).map(|article| article.text));
    }
    let options = dyad_nlp::SegmentOptions {
        learned_boundaries: !args.rules,
        ..dyad_nlp::SegmentOptions::default()
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    let (mut sentences, mut tokens, mut datelines) = (0usize, 0usize, 0usize);
    for _ in 0..args.rounds.max(1) {
        let started = Instant::now();
        let cpu_started = thread_cpu_seconds();
        (sentences, tokens, datelines) = (0, 0, 0);
        for text in &texts {
            let document = dyad_nlp::segment_with(text, options);
            sentences += document.sentences.len();
            tokens += document.sentences.iter().map(|s| s.tokens.len()).sum::<usize>();
            datelines += usize::from(document.dateline.is_some());
        }
        best = best.min(started.elapsed().as_secs_f64());
        if let (Some(start), Some(end)) = (cpu_started, thread_cpu_seconds()) {
            best_cpu = best_cpu.min(end - start);
        }
    }
    let megabytes = bytes as f64 / 1e6;
    let round = |x: f64| (x * 10.0).round() / 10.0;
    let value = json!({
        "articles": texts.len(),
        "megabytes": (megabytes * 100.0).round() / 100.0,
        "sentences": sentences,
        "tokens": tokens,
        "datelines": datelines,
        "learned_boundaries": !args.rules,
        "rounds": args.rounds.max(1),
        "seconds": (best * 1000.0).round() / 1000.0,
        "mb_per_sec": round(megabytes / best.max(1e-9)),
        "mb_per_cpu_sec": best_cpu.is_finite().then(|| round(megabytes / best_cpu.max(1e-9))),
    });
    crate::output::println(&value)?;
    Ok(ExitStatus::Success)
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
    crate::output::println(&value)?;
    Ok(ExitStatus::Success)
}
