//! `dyad train tagger|parser`: trains our own models on a CoNLL-U treebank and writes weights.

use std::path::PathBuf;

use anyhow::Context;
use dyad_nlp::syntax::{Parser, Tagger, TrainOptions, read_conllu, train::train_parser};

use crate::ExitStatus;

/// Which model to train.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Model {
    /// The UPOS + XPOS tagger, with the lemmatizer.
    Tagger,
    /// The dependency parser (it trains its own jack-knifed taggers to tag its training data).
    Parser,
}

/// Train the tagger or the parser on a CoNLL-U treebank (deterministic for a given seed).
///
/// The dev file only picks the best epoch; never pass the test file. Progress goes to stderr.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  dyad train tagger --train ../shared/ud/train.conllu \
                        --dev ../shared/ud/dev.conllu --out crates/nlp/weights/tagger.bin --seed 1")]
pub struct Args {
    /// The model to train.
    model: Model,
    /// Training treebank (CoNLL-U).
    #[arg(long)]
    train: PathBuf,
    /// Development treebank (CoNLL-U), for choosing the best epoch.
    #[arg(long)]
    dev: PathBuf,
    /// Where to write the weights.
    #[arg(long)]
    out: PathBuf,
    /// Random seed (shuffling, exploration).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Passes over the training data (default 8).
    #[arg(long)]
    epochs: Option<usize>,
    /// Passes of the taggers the parser trains to tag its own training data.
    #[arg(long, default_value_t = 6)]
    tagger_epochs: usize,
    /// Models trained with successive seeds whose weights are summed (an ensemble at no cost
    /// in speed); each parser member tags its training data with its own jack-knifed taggers.
    #[arg(long, default_value_t = 1)]
    ensemble: usize,
    /// Leave out weights smaller than this (smaller files, slightly lower accuracy).
    #[arg(long, default_value_t = dyad_nlp::syntax::tag::DEFAULT_PRUNE)]
    prune: f32,
    /// Jack-knife folds for tagging the parser's training data; 0 trains the parser on the tags
    /// the treebank holds (gold ones, or predicted ones written beforehand).
    #[arg(long, default_value_t = 4)]
    folds: usize,
}

fn read_treebank(path: &PathBuf) -> anyhow::Result<Vec<dyad_nlp::syntax::TreebankSentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    read_conllu(&text).with_context(|| format!("{}", path.display()))
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let train = read_treebank(&args.train)?;
    let dev = read_treebank(&args.dev)?;
    let mut log = |line: &str| eprintln!("{line}");
    let bytes = match args.model {
        Model::Tagger => {
            let options = TrainOptions {
                seed: args.seed,
                epochs: args.epochs.unwrap_or(8),
                ensemble: args.ensemble,
            };
            Tagger::train(&train, &dev, options, &mut log).to_bytes_pruned(args.prune)
        }
        Model::Parser => {
            let tagger_options =
                TrainOptions { seed: args.seed, epochs: args.tagger_epochs, ensemble: 1 };
            let options = TrainOptions {
                seed: args.seed,
                epochs: args.epochs.unwrap_or(8),
                ensemble: args.ensemble,
            };
            let parser = if args.folds == 0 {
                Parser::train(&train, &dev, options, &mut log)
            } else {
                train_parser(&train, &dev, tagger_options, options, args.folds, &mut log)
            };
            parser.to_bytes_pruned(args.prune)
        }
    };
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    Ok(ExitStatus::Success)
}
