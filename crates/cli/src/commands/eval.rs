//! `dyad eval <what>`: measures a stage against gold data. `dyad eval parse` scores tagging,
//! lemmas and dependency parses on a CoNLL-U treebank with gold tokenization.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Subcommand;
use dyad_nlp::syntax::{eval::score, read_conllu};
use serde_json::json;

use super::models::{ModelArgs, load_models};
use crate::ExitStatus;

/// Measure a stage of dyad against gold data.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  dyad eval parse ../shared/ud/test.conllu --json")]
pub struct Args {
    #[command(subcommand)]
    command: EvalCommand,
}

/// What to evaluate.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Tagging, lemmas and dependency parses on a CoNLL-U treebank.
    Parse(ParseArgs),
}

/// Score the tagger and parser on a CoNLL-U file, gold tokens in.
///
/// Every word counts, punctuation included; LAS compares relations without subtypes, as the
/// CoNLL 2018 scorer does. tokens_per_sec times tagging, lemmatizing and parsing on one thread.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  dyad eval parse ../shared/ud/test.conllu --json")]
pub struct ParseArgs {
    /// Gold treebank (CoNLL-U).
    file: PathBuf,
    /// Print one JSON object: {"upos", "xpos", "uas", "las", "tokens", "tokens_per_sec", ...}.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    models: ModelArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    match args.command {
        EvalCommand::Parse(args) => run_parse(args),
    }
}

fn run_parse(args: ParseArgs) -> anyhow::Result<ExitStatus> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let gold = read_conllu(&text).with_context(|| format!("{}", args.file.display()))?;
    let models = load_models(&args.models)?;
    let analyzer = models.analyzer();
    let started = Instant::now();
    let predicted: Vec<_> = gold
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            analyzer.analyze(&words)
        })
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    let scores = score(&gold, &predicted);
    let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
    let value = json!({
        "upos": round(scores.upos),
        "xpos": round(scores.xpos),
        "uas": round(scores.uas),
        "las": round(scores.las),
        "tokens": scores.words,
        "tokens_per_sec": (scores.words as f64 / seconds.max(1e-9)).round(),
        "lemma": round(scores.lemma),
        "las_with_subtypes": round(scores.las_with_subtypes),
    });
    if args.json {
        println!("{value}");
    } else {
        println!(
            "{}: {} words\nUPOS {:.4}  XPOS {:.4}  lemma {:.4}\nUAS  {:.4}  LAS  {:.4}  (LAS with subtypes {:.4})\n{:.0} words/s",
            args.file.display(),
            scores.words,
            scores.upos,
            scores.xpos,
            scores.lemma,
            scores.uas,
            scores.las,
            scores.las_with_subtypes,
            scores.words as f64 / seconds.max(1e-9)
        );
    }
    Ok(ExitStatus::Success)
}
