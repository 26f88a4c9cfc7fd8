//! `dyad eval <what>`: measures a stage against gold data: `segment` scores sentence and token
//! spans, `parse` scores tagging, lemmas and dependency parses with gold tokenization.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use dyad_nlp::syntax::{eval::score, read_conllu};
use serde_json::json;

use super::models::{ModelArgs, load_models};

use crate::ExitStatus;

/// Measure a stage of dyad against gold data.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  dyad eval segment ../shared/ud/test.conllu --json\n  dyad eval parse ../shared/ud/test.conllu --json"
)]
pub struct Args {
    #[command(subcommand)]
    command: EvalCommand,
}

/// What to evaluate.
#[derive(Debug, clap::Subcommand)]
pub enum EvalCommand {
    /// Sentence segmentation and tokenization against a CoNLL-U treebank.
    ///
    /// Rebuilds the documents of the file (`# newdoc`, `# newpar`, `# text`: sentences of a
    /// paragraph joined by a space, paragraphs by a blank line), segments and tokenizes them,
    /// and prints {"sentence_f1", "token_f1", "sentences", "tokens"}: a sentence or token is
    /// right when its span matches the gold span; the counts are the gold ones. Gold tokens are
    /// the syntactic words (`do`, `n't`).
    Segment(SegmentArgs),
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

/// Flags of `dyad eval segment`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  dyad eval segment ../shared/ud/test.conllu --json")]
pub struct SegmentArgs {
    /// A CoNLL-U file (UD English EWT or alike).
    file: PathBuf,
    /// Print one JSON object (otherwise a short human-readable summary).
    #[arg(long)]
    json: bool,
    /// How to tokenize hyphenated words: names (default), split (as EWT) or keep.
    #[arg(long, value_name = "POLICY", default_value = "names")]
    hyphens: HyphenPolicy,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum HyphenPolicy {
    Names,
    Split,
    Keep,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    match args.command {
        EvalCommand::Segment(args) => segment(args),
        EvalCommand::Parse(args) => run_parse(args),
    }
}

fn segment(args: SegmentArgs) -> anyhow::Result<ExitStatus> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let documents =
        dyad_nlp::read_gold_documents(&text).with_context(|| format!("{}", args.file.display()))?;
    let hyphens = match args.hyphens {
        HyphenPolicy::Names => dyad_nlp::Hyphens::Names,
        HyphenPolicy::Split => dyad_nlp::Hyphens::Split,
        HyphenPolicy::Keep => dyad_nlp::Hyphens::Keep,
    };
    let options = dyad_nlp::SegmentOptions { hyphens, ..dyad_nlp::SegmentOptions::default() };
    let scores = dyad_nlp::evaluate_segmentation(&documents, options);
    let mut out = std::io::stdout().lock();
    if args.json {
        let value = json!({
            "sentence_f1": scores.sentence_f1,
            "token_f1": scores.token_f1,
            "sentences": scores.sentences,
            "tokens": scores.tokens,
        });
        writeln!(out, "{value}")?;
    } else {
        writeln!(
            out,
            "sentences: F1 {:.4} ({} gold, {} predicted)\ntokens:    F1 {:.4} ({} gold, {} predicted)",
            scores.sentence_f1,
            scores.sentences,
            scores.predicted_sentences,
            scores.token_f1,
            scores.tokens,
            scores.predicted_tokens
        )?;
    }
    Ok(ExitStatus::Success)
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
