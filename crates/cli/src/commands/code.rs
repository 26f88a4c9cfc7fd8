//! `dyad code`: articles in, events out (JSON lines, TSV or GDELT 2.0 rows).

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use serde_json::json;

use dyad_coder::Pipeline;
use dyad_model::Event;

use super::models::{ModelArgs, load_models};
use crate::ExitStatus;
use crate::input::{InputTally, for_each_article};
use crate::output::{stdout, write_json_line};

/// Code articles into events (who did what to whom, when, where).
///
/// Each article is segmented; sentences with at least two actor or agent phrases are tagged and
/// parsed, turned into the clause layer and coded with the dictionaries (the embedded defaults
/// unless `--dictionaries`). Every event carries byte spans into the article, the rule that
/// fired, its date (a date in the sentence, else the article's) and location when found.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  dyad code examples/*.txt\n  dyad code --format tsv \
                        --dictionaries petrarch:../shared/petrarch2/dictionaries news.jsonl")]
pub struct Args {
    /// Article files (.jsonl or plain text); standard input when none or `-`.
    files: Vec<PathBuf>,
    /// Dictionary set: a folder of dyad-format files, or `petrarch:DIR` (default: the embedded
    /// defaults).
    #[arg(long, value_name = "DIR|petrarch:DIR")]
    dictionaries: Option<String>,
    /// Output: `json` (one event object per line), `tsv` (a header line, one event per row) or
    /// `gdelt` (GDELT 2.0 event table columns, no header).
    #[arg(long, value_name = "FORMAT", default_value = "json")]
    format: Format,
    /// Write {"articles", "sentences", "sentences_with_actor", "events", "diagnostics", "seconds"}
    /// to this file at the end (`sentences_with_actor`: sentences where an actor phrase matched).
    #[arg(long, value_name = "FILE")]
    stats: Option<PathBuf>,
    #[command(flatten)]
    models: ModelArgs,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Format {
    Json,
    Tsv,
    Gdelt,
}

/// The columns of `--format tsv`.
const TSV_COLUMNS: [&str; 20] = [
    "article_id",
    "sentence",
    "date",
    "date_basis",
    "historical",
    "source",
    "source_text",
    "target",
    "target_text",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "verb",
    "negated",
    "location",
    "country",
    "rule",
    "dictionaries_version",
];

/// Tabs and line breaks would break the row.
fn cell(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn tsv_row(event: &Event) -> String {
    let date = event.date.map(|d| d.to_string()).unwrap_or_default();
    let target = event.target.as_ref();
    let cells = [
        cell(&event.article_id),
        event.sentence.to_string(),
        date,
        event.date_basis.as_str().to_string(),
        event.historical.to_string(),
        event.source.code.clone(),
        cell(&event.source.text),
        target.map(|t| t.code.clone()).unwrap_or_default(),
        target.map(|t| cell(&t.text)).unwrap_or_default(),
        event.code.clone(),
        event.root.clone(),
        event.quad_class.map(|q| q.to_string()).unwrap_or_default(),
        event.goldstein.map(|g| g.to_string()).unwrap_or_default(),
        event.plover.clone().unwrap_or_default(),
        cell(&event.verb_text),
        event.negated.to_string(),
        event.location.as_ref().map(|l| cell(&l.name)).unwrap_or_default(),
        event.location.as_ref().and_then(|l| l.country.clone()).unwrap_or_default(),
        cell(&event.rule),
        event.dictionaries_version.clone(),
    ];
    cells.join("\t")
}

/// A freshly coded event as the store's export sees one: a single mention in one article.
fn as_stored(
    id: i64,
    event: &Event,
    report_date: Option<dyad_model::Date>,
) -> dyad_store::StoredEvent {
    dyad_store::StoredEvent {
        id,
        run: 0,
        event: event.clone(),
        mention_count: 1,
        source_count: 1,
        article_count: 1,
        first_report: report_date,
        latest_report: report_date,
        mentions: Vec::new(),
    }
}

fn build_pipeline(args: &Args) -> anyhow::Result<Pipeline> {
    let mut pipeline = match &args.dictionaries {
        None => Pipeline::with_defaults(),
        Some(spec) => {
            let (_, dictionaries, diagnostics) = crate::dictionaries::load(spec)
                .with_context(|| format!("loading dictionaries {spec}"))?;
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            Pipeline::with_dictionaries(dictionaries)
        }
    };
    if args.models.tagger.is_some() || args.models.parser.is_some() {
        let models = load_models(&args.models)?;
        pipeline = pipeline.with_parser(Box::new(move |tokens: &[&str]| {
            dyad_coder::from_words(&models.analyzer().analyze(tokens))
        }));
    }
    Ok(pipeline)
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let started = Instant::now();
    let pipeline = build_pipeline(&args)?;
    let mut out = stdout();
    let mut tally = InputTally::default();
    let mut n_sentences = 0usize;
    let mut n_with_actor = 0usize;
    let mut n_events = 0usize;
    if let Format::Tsv = args.format {
        writeln!(out, "{}", TSV_COLUMNS.join("\t"))?;
    }
    for_each_article(&args.files, &mut tally, |article| {
        let coded = pipeline.code_article(&article);
        n_sentences += coded.document.sentences.len();
        n_with_actor += coded.sentences_with_actor;
        for diagnostic in &coded.diagnostics {
            eprintln!("{diagnostic}");
        }
        for event in &coded.events {
            n_events += 1;
            match args.format {
                Format::Json => write_json_line(&mut out, &event.to_json())?,
                Format::Tsv => writeln!(out, "{}", tsv_row(event))?,
                Format::Gdelt => dyad_store::export::write_gdelt_row(
                    &mut out,
                    &as_stored(n_events as i64, event, article.date),
                )?,
            }
        }
        Ok(())
    })?;
    out.flush()?;
    if let Some(path) = &args.stats {
        let stats = json!({
            "articles": tally.articles,
            "sentences": n_sentences,
            "sentences_with_actor": n_with_actor,
            "events": n_events,
            "diagnostics": tally.diagnostics,
            "seconds": started.elapsed().as_secs_f64(),
        });
        std::fs::write(path, format!("{stats}\n"))?;
    }
    Ok(tally.exit_status())
}
