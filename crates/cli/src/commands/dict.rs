//! `dyad dict`: check a dictionary set, or show what a phrase resolves to.

use std::io::Write;

use dyad_dictionaries::inflect::guess_singular;
use dyad_dictionaries::{Dictionaries, IssueKind, Matchers, Phrase, Severity, Token, VerbFormat};
use dyad_model::Date;
use serde_json::json;

use crate::ExitStatus;
use crate::dictionaries::{SetFormat, load};
use crate::output::{stdout, write_json_line};

/// Check dictionaries, or look a phrase up in them.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  dyad dict check petrarch:../shared/petrarch2/dictionaries --json
  dyad dict lookup \"Sergei Lavrov\" --date 2020-09-04 --dictionaries petrarch:../shared/petrarch2/dictionaries")]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    Check(CheckArgs),
    Lookup(LookupArgs),
}

/// Load a dictionary set and report every bad line as `file:line: reason` on standard error.
///
/// Exit 0 when the set is clean, 1 when any line is bad (warnings do not count), 2 when the
/// folder cannot be read.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  dyad dict check crates/dictionaries/data
  dyad dict check petrarch:../shared/petrarch2/dictionaries --json")]
struct CheckArgs {
    /// The folder: `DIR` (dyad's `*.dyad` files) or `petrarch:DIR` (PETRARCH files).
    set: String,
    /// Print the counts as one JSON object: {"verb_patterns", "verbs", "synsets", "actors",
    /// "actor_synonyms", "agents", "discards", "genre_phrases", "issues", "errors"}.
    #[arg(long)]
    json: bool,
}

/// Show what the entries matching a phrase resolve to: kind, entry, code in force at a date, and
/// origin (`file:line`), one JSON object per match. Plurals are reduced by a crude rule in place
/// of the lemmatizer, so "ministers" finds the agent "minister".
///
/// Exit 0 when something matched, 1 when nothing did.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  dyad dict lookup \"Sergei Lavrov\" --date 2020-09-04 --dictionaries petrarch:../shared/petrarch2/dictionaries")]
struct LookupArgs {
    /// The phrase, as text (split at blanks into tokens).
    phrase: String,
    /// The sentence date (YYYY-MM-DD) that selects dated codes; without it only undated codes apply.
    #[arg(long)]
    date: Option<String>,
    /// The dictionaries: `DIR` (dyad format) or `petrarch:DIR` (required until dyad ships its
    /// default dictionaries).
    #[arg(long)]
    dictionaries: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    match args.action {
        Action::Check(args) => check(args),
        Action::Lookup(args) => lookup(args),
    }
}

fn check(args: CheckArgs) -> anyhow::Result<ExitStatus> {
    let (_, set, diagnostics) = load(&args.set)?;
    let mut stderr = std::io::stderr().lock();
    for diagnostic in &diagnostics {
        writeln!(stderr, "{diagnostic}")?;
    }
    let counts = set.counts(&diagnostics);
    if args.json {
        let mut out = stdout();
        write_json_line(
            &mut out,
            &json!({
                "verb_patterns": counts.verb_patterns,
                "verbs": counts.verbs,
                "synsets": counts.synsets,
                "actors": counts.actors,
                "actor_synonyms": counts.actor_synonyms,
                "agents": counts.agents,
                "discards": counts.discards,
                "genre_phrases": counts.genre_phrases,
                "issues": counts.issues,
                "errors": counts.errors,
            }),
        )?;
        out.flush()?;
    }
    Ok(if counts.errors > 0 { ExitStatus::Diagnostics } else { ExitStatus::Success })
}

fn lookup(args: LookupArgs) -> anyhow::Result<ExitStatus> {
    let date = match &args.date {
        Some(text) => Some(text.parse::<Date>().map_err(|e| anyhow::anyhow!("--date: {e}"))?),
        None => None,
    };
    let (format, set, diagnostics) = load(&args.dictionaries)?;
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    if errors > 0 {
        eprintln!("note: the dictionaries have {errors} bad lines (see `dyad dict check`)");
    }
    let honour_gaps = format == SetFormat::Petrarch && set.verbs.format == VerbFormat::Petrarch1;
    let matchers = Matchers::build(&set, honour_gaps);
    // No tagger here: a crude singular stands in for the lemma so that "ministers" finds the
    // agent "minister" as it would in the pipeline.
    let words: Vec<&str> = args.phrase.split_whitespace().collect();
    let lemmas: Vec<Option<String>> = words.iter().map(|w| guess_singular(w)).collect();
    let tokens: Vec<Token<'_>> = words
        .iter()
        .zip(&lemmas)
        .map(|(text, lemma)| Token { text, lemma: lemma.as_deref() })
        .collect();
    let show = |phrase: &Phrase| match format {
        SetFormat::Dyad => phrase.words_text(),
        SetFormat::Petrarch => phrase.text(),
    };
    let mut out = stdout();
    let mut found = 0;
    for m in matchers.actors.find_all(&tokens) {
        let entries: Vec<usize> = m.payloads.iter().map(|&i| i as usize).collect();
        let code = set.resolve_actor_code(&entries, date);
        let first = &set.actors[entries[0]];
        write_json_line(
            &mut out,
            &json!({
                "kind": "actor",
                "text": phrase_text(&tokens, m.start, m.end),
                "entry": show(&first.phrases[0]),
                "code": code.map(|c| c.code.clone()),
                "range": code.and_then(|c| c.range).map(|r| r.to_string()),
                "code_origin": code.map(|c| c.origin.to_string()),
                "origin": origins(entries.iter().map(|&i| set.actors[i].origin.to_string())),
            }),
        )?;
        found += 1;
    }
    for m in matchers.agents.find_all(&tokens) {
        let agent = &set.agents[m.payloads[0] as usize];
        write_json_line(
            &mut out,
            &json!({
                "kind": "agent",
                "text": phrase_text(&tokens, m.start, m.end),
                "entry": show(&agent.phrases[0]),
                "code": agent.code.to_string(),
                "origin": agent.origin.to_string(),
            }),
        )?;
        found += 1;
    }
    found += write_simple(&mut out, &set, &matchers, &tokens)?;
    for (position, token) in tokens.iter().enumerate() {
        for form in matchers.verbs.lookup(token.text) {
            let block = &set.verbs.blocks[form.block as usize];
            let verb = &block.verbs[form.verb as usize];
            write_json_line(
                &mut out,
                &json!({
                    "kind": "verb",
                    "token": position,
                    "form": verb.forms[form.form as usize].words.join(" "),
                    "block": block.label,
                    "code": block.default_code(form.verb as usize),
                    "patterns": block.patterns.len(),
                    "origin": verb.origin.to_string(),
                }),
            )?;
            found += 1;
        }
    }
    out.flush()?;
    if found == 0 {
        eprintln!("no entry matches `{}`", args.phrase);
        return Ok(ExitStatus::Diagnostics);
    }
    Ok(ExitStatus::Success)
}

fn write_simple(
    out: &mut impl Write,
    set: &Dictionaries,
    matchers: &Matchers,
    tokens: &[Token<'_>],
) -> anyhow::Result<usize> {
    let mut found = 0;
    for m in matchers.discards.find_all(tokens) {
        let discard = &set.discards[m.payloads[0] as usize];
        write_json_line(
            out,
            &json!({
                "kind": "discard",
                "text": phrase_text(tokens, m.start, m.end),
                "level": format!("{:?}", discard.level).to_lowercase(),
                "origin": discard.origin.to_string(),
            }),
        )?;
        found += 1;
    }
    let looked_up = phrase_text(tokens, 0, tokens.len()).to_lowercase();
    for genre in &set.genres {
        let words = |p: &dyad_dictionaries::Phrase| {
            p.words.iter().map(|w| w.text.to_lowercase()).collect::<Vec<_>>().join(" ")
        };
        for (kind, phrases) in [("genre", &genre.phrases), ("genre-unless", &genre.unless)] {
            if phrases.iter().any(|p| words(p) == looked_up) {
                write_json_line(
                    out,
                    &json!({
                        "kind": kind,
                        "text": looked_up,
                        "genre": genre.name,
                        "at_least": genre.at_least,
                        "genre_origin": genre.origin.to_string(),
                    }),
                )?;
                found += 1;
            }
        }
    }
    for m in matchers.issues.find_all(tokens) {
        for &index in m.payloads {
            let issue = &set.issues[index as usize];
            let code = match &issue.kind {
                IssueKind::Topic(code) => Some(code.as_str()),
                IssueKind::Ignore => None,
            };
            write_json_line(
                out,
                &json!({
                    "kind": if code.is_some() { "issue" } else { "issue-ignore" },
                    "text": phrase_text(tokens, m.start, m.end),
                    "code": code,
                    "origin": issue.origin.to_string(),
                }),
            )?;
            found += 1;
        }
    }
    Ok(found)
}

fn phrase_text(tokens: &[Token<'_>], start: usize, end: usize) -> String {
    tokens[start..end].iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
}

fn origins(list: impl Iterator<Item = String>) -> serde_json::Value {
    serde_json::Value::from(list.collect::<Vec<_>>())
}
