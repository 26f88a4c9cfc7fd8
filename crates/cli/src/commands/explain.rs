//! `dyad explain "a sentence"`: shows how dyad reads text: tokens, tags, lemmas and the
//! dependency tree of each sentence, for people (the format is not meant for parsing).

use std::fmt::Write as _;

use dyad_nlp::syntax::Word;

use super::models::{ModelArgs, load_models};
use crate::ExitStatus;

/// Show the tokens, tags, lemmas and dependency tree dyad finds in a text.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  dyad explain \"Russian troops attacked the city on Monday.\"")]
pub struct Args {
    /// The text to explain.
    text: String,
    #[command(flatten)]
    models: ModelArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let models = load_models(&args.models)?;
    let analyzer = models.analyzer();
    let document = dyad_nlp::segment(&args.text);
    let mut out = String::new();
    for (number, sentence) in document.sentences.iter().enumerate() {
        let tokens: Vec<&str> = sentence.tokens.iter().map(|t| t.text(&args.text)).collect();
        let words = analyzer.analyze(&tokens);
        writeln!(out, "sentence {}: {}", number + 1, sentence.span.text(&args.text))?;
        out.push_str(&render(&words));
        out.push('\n');
    }
    print!("{out}");
    Ok(ExitStatus::Success)
}

/// A table of the words, then the tree drawn from the root down.
pub fn render(words: &[Word]) -> String {
    let mut out = String::new();
    let width = words.iter().map(|w| w.form.chars().count()).max().unwrap_or(4).max(4);
    let lemma_width = words.iter().map(|w| w.lemma.chars().count()).max().unwrap_or(5).max(5);
    let _ = writeln!(
        out,
        "  {:>3}  {:width$}  {:lemma_width$}  {:5}  {:5}  {:>4}  deprel",
        "#", "form", "lemma", "upos", "xpos", "head"
    );
    for (i, w) in words.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {:>3}  {:width$}  {:lemma_width$}  {:5}  {:5}  {:>4}  {}",
            i + 1,
            w.form,
            w.lemma,
            w.upos,
            w.xpos,
            w.head,
            w.deprel
        );
    }
    out.push_str("  tree:\n");
    for (i, w) in words.iter().enumerate() {
        if w.head == 0 {
            draw(words, i + 1, "    ", &mut out);
        }
    }
    out
}

fn draw(words: &[Word], id: usize, indent: &str, out: &mut String) {
    let w = &words[id - 1];
    let _ = writeln!(out, "{indent}{} ({} {}) {}", w.form, w.upos, w.xpos, w.deprel);
    let deeper = format!("{indent}    ");
    for (i, child) in words.iter().enumerate() {
        if child.head == id {
            draw(words, i + 1, &deeper, out);
        }
    }
}
