//! `dyad explain "a sentence"`: shows how dyad reads text: tokens, tags, lemmas and the
//! dependency tree of each sentence, then the clause layer, the unit codes, the verb sites and the
//! events the default dictionaries give, for people (the format is not meant for parsing).

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
    let pipeline = dyad_coder::Pipeline::with_defaults();
    let mut out = String::new();
    if let Some(reason) = pipeline.lexicon().story_discard(&args.text) {
        writeln!(out, "`dyad code` does not code this text as an article: {reason}\n")?;
    }
    let home = pipeline.main_country(&args.text, None);
    if let Some(country) = &home {
        writeln!(out, "main country of the text: {country} (roles without a country take it)\n")?;
    }
    for (number, sentence) in document.sentences.iter().enumerate() {
        let tokens: Vec<&str> = sentence.tokens.iter().map(|t| t.text(&args.text)).collect();
        let words = analyzer.analyze(&tokens);
        let text = sentence.span.text(&args.text);
        writeln!(out, "sentence {}: {text}", number + 1)?;
        if let Some((_, phrase)) = pipeline.lexicon().discard_phrase(&format!(" {text}")) {
            writeln!(out, "  (it holds the discard `{phrase}`: `dyad code` does not code it)")?;
        }
        out.push_str(&render(&words));
        out.push_str(&explain_coding(&pipeline, &words, &tokens, home.as_deref()));
        out.push('\n');
    }
    crate::output::print(&out)?;
    Ok(ExitStatus::Success)
}

/// The clause layer of a parsed sentence, its unit codes, verb sites and events.
fn explain_coding(
    pipeline: &dyad_coder::Pipeline,
    words: &[Word],
    tokens: &[&str],
    home: Option<&str>,
) -> String {
    let mut out = String::new();
    let layer = dyad_coder::dependency::clause_layer(&dyad_coder::from_words(words));
    let _ = writeln!(out, "  clause layer: {}", layer.render());
    if !pipeline.could_code(tokens) {
        let _ = writeln!(
            out,
            "  (fewer than two actor or agent phrases: `dyad code` does not parse this sentence)"
        );
    }
    let options = pipeline.options();
    let coding =
        dyad_coder::engine::code_sentence_in(pipeline.lexicon(), &layer, options, None, home);
    let Some(coding) = coding else {
        let _ = writeln!(out, "  comma-clause deletion left an unbalanced layer: no events");
        return out;
    };
    let coded_layer = coding.layer(&layer);
    if coding.layer.is_some() {
        let _ = writeln!(out, "  units split at event nouns: {}", coded_layer.render());
    }
    for (unit, code) in coded_layer.units.iter().zip(&coding.unit_codes) {
        let _ = writeln!(out, "  unit [{}] = {code}", unit.words.join(" "));
    }
    for site in &coding.sites {
        let _ = writeln!(
            out,
            "  verb {} -> {} by {} ({}){}{}",
            site.verb,
            site.code,
            site.pattern.as_deref().unwrap_or("its default code"),
            site.rule,
            if site.passive { ", passive" } else { "" },
            if site.negated { ", negated" } else { "" },
        );
    }
    if coding.events.is_empty() {
        let _ = writeln!(
            out,
            "  no events (an event needs a coded verb with a coded source and target)"
        );
    }
    for event in &coding.events {
        let _ = writeln!(out, "  event {}", event.triple);
    }
    out
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
