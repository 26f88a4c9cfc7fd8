//! `dyad eval <what>`: measure a stage against gold data.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use serde_json::json;

use crate::ExitStatus;

/// Measure a stage of dyad against gold data.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  dyad eval segment ../shared/ud/test.conllu --json")]
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
