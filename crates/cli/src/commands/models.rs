//! Shared `--tagger` / `--parser` flags: load weights files instead of the embedded ones.

use std::borrow::Cow;
use std::path::PathBuf;

use anyhow::Context;
use dyad_nlp::syntax::{Analyzer, Parser, Tagger};

const NO_WEIGHTS: &str = "this dyad was built without tagger/parser weights \
    (crates/nlp/weights/*.bin); pass --tagger and --parser weights files";

/// Optional weights files overriding the embedded models.
#[derive(Debug, clap::Args)]
pub struct ModelArgs {
    /// Tagger weights file (default: the weights built into dyad).
    #[arg(long)]
    pub tagger: Option<PathBuf>,
    /// Parser weights file (default: the weights built into dyad).
    #[arg(long)]
    pub parser: Option<PathBuf>,
}

/// The models the flags ask for: loaded files, or the embedded ones (borrowed: a copy would
/// double the memory and the load time).
pub struct Models {
    /// The tagger.
    pub tagger: Cow<'static, Tagger>,
    /// The parser.
    pub parser: Cow<'static, Parser>,
}

impl Models {
    /// Both, as an analyzer.
    pub fn analyzer(&self) -> Analyzer<'_> {
        Analyzer { tagger: &self.tagger, parser: &self.parser }
    }
}

/// Loads the models the flags ask for.
pub fn load_models(args: &ModelArgs) -> anyhow::Result<Models> {
    let tagger = match &args.tagger {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            Cow::Owned(
                Tagger::from_bytes(&bytes)
                    .with_context(|| format!("loading {}", path.display()))?,
            )
        }
        None => Cow::Borrowed(Tagger::embedded().context(NO_WEIGHTS)?),
    };
    let parser = match &args.parser {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            Cow::Owned(
                Parser::from_bytes(&bytes)
                    .with_context(|| format!("loading {}", path.display()))?,
            )
        }
        None => Cow::Borrowed(Parser::embedded().context(NO_WEIGHTS)?),
    };
    Ok(Models { tagger, parser })
}
