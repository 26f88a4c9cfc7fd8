//! `dyad validate`: code PETRARCH validation records and compare with their expected events.

use std::path::{Path, PathBuf};

use anyhow::Context;
use dyad_coder::engine::Lexicon;
use dyad_coder::records::{Expected, read_records};
use dyad_coder::validate::{Produced, Summary, load_environment, record_events, validate_with};
use serde_json::json;

use super::models::{ModelArgs, load_models};
use crate::ExitStatus;

/// Which parses the records are coded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ParserChoice {
    /// The Penn Treebank `<Parse>` each record carries.
    Supplied,
    /// dyad's own tokenizer, tagger and parser on the record's text.
    Dyad,
}

/// Code PETRARCH validation records (e.g. PETR.UnitTest.records.xml) and compare each record's
/// events (source, target, code) with the expected ones.
///
/// The dictionaries named in the file's <Environment> are read from `../dictionaries/` beside
/// the folder holding the XML file. Exit 0 when every scored record passes, 1 otherwise.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
                  dyad validate ../shared/petrarch2/text/PETR.UnitTest.records.xml --json\n  \
                  dyad validate ../shared/petrarch2/text/PETR.UnitTest.records.xml --layer")]
pub struct Args {
    /// The validation XML file.
    file: PathBuf,
    /// Where the sentence structure comes from.
    #[arg(long, value_enum, default_value = "supplied")]
    parser: ParserChoice,
    /// Print totals as JSON: {"records", "passed", "failed", "by_category"}.
    #[arg(long)]
    json: bool,
    /// Print instead the events of every scored record, one JSON object per line (dyad's event
    /// format, spans into the record's <Text>).
    #[arg(long, conflicts_with = "json")]
    events: bool,
    /// In the failure report, also show each failing record's clause layer (units in [ ],
    /// compounds in { }, numbered verb phrases).
    #[arg(long, conflicts_with_all = ["json", "events"])]
    layer: bool,
    /// With `--parser dyad`: tagger weights file (default: the weights built into dyad).
    #[arg(long, value_name = "FILE")]
    tagger_weights: Option<PathBuf>,
    /// With `--parser dyad`: parser weights file (default: the weights built into dyad).
    #[arg(long, value_name = "FILE")]
    parser_weights: Option<PathBuf>,
}

fn expected_text(expected: &Expected) -> String {
    match expected {
        Expected::Events(events) if events.is_empty() => "no events".to_string(),
        Expected::Events(events) => {
            events.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
        }
        Expected::Error(kind) => format!("error {kind}"),
    }
}

fn produced_text(produced: &Produced) -> String {
    match produced {
        Produced::Events(events) => expected_text(&Expected::Events(events.clone())),
        Produced::Error(kind) => format!("error {kind}"),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let parser: Option<Box<dyad_coder::ParseFn>> = match args.parser {
        ParserChoice::Supplied => None,
        ParserChoice::Dyad => {
            let models = load_models(&ModelArgs {
                tagger: args.tagger_weights.clone(),
                parser: args.parser_weights.clone(),
            })?;
            Some(Box::new(move |tokens: &[&str]| {
                dyad_coder::from_words(&models.analyzer().analyze(tokens))
            }))
        }
    };
    let xml = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let file = read_records(&xml).with_context(|| format!("{}", args.file.display()))?;
    let text_folder = args.file.parent().unwrap_or(Path::new("."));
    let folder = text_folder.join("..").join("dictionaries");
    let (dictionaries, diagnostics) = load_environment(&file.environment, |name| {
        let path = folder.join(name);
        std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read dictionary {}", path.display()))
    })?;
    for diagnostic in &diagnostics {
        eprintln!("{diagnostic}");
    }
    if args.events {
        let lexicon = Lexicon::new(&dictionaries);
        let version = file.environment.verb_file.clone().unwrap_or_default();
        let mut out = crate::output::stdout();
        for record in file.records.iter().filter(|r| r.scored) {
            for event in record_events(&lexicon, &dictionaries, record, &version) {
                crate::output::write_json_line(&mut out, &event.to_json())?;
            }
        }
        std::io::Write::flush(&mut out)?;
        return Ok(ExitStatus::Success);
    }
    let results = validate_with(&file, &dictionaries, parser.as_deref());
    let summary = Summary::of(&results);
    if args.json {
        let by_category: serde_json::Map<String, serde_json::Value> = summary
            .by_category
            .iter()
            .map(|(category, (records, passed))| {
                (category.clone(), json!({"records": records, "passed": passed}))
            })
            .collect();
        crate::output::println(format_args!(
            "{}",
            json!({
                "records": summary.records,
                "passed": summary.passed,
                "failed": summary.records - summary.passed,
                "by_category": by_category,
            })
        ))?;
    } else {
        for result in results.iter().filter(|r| !r.passed) {
            crate::output::println(format_args!(
                "FAIL {} ({}, record {})",
                result.id,
                result.category,
                result.position + 1
            ))?;
            crate::output::println(format_args!(
                "  expected: {}",
                expected_text(&result.expected)
            ))?;
            crate::output::println(format_args!(
                "  got:      {}",
                produced_text(&result.produced)
            ))?;
            if args.layer {
                crate::output::println(format_args!("  layer:    {}", result.layer))?;
            }
        }
        crate::output::println(format_args!(
            "{} of {} scored records passed ({} failed)",
            summary.passed,
            summary.records,
            summary.records - summary.passed
        ))?;
        for (category, (records, passed)) in &summary.by_category {
            crate::output::println(format_args!("  {category}: {passed}/{records}"))?;
        }
    }
    Ok(if summary.passed == summary.records {
        ExitStatus::Success
    } else {
        ExitStatus::Diagnostics
    })
}
