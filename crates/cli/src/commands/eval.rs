//! `dyad eval <what>`: measures a stage against gold data: `segment` scores sentence and token
//! spans, `parse` scores tagging, lemmas and dependency parses with gold tokenization, `plover`
//! scores the coded events of PLOVER gold records (type found, countries right).

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use dyad_coder::Pipeline;
use dyad_coder::gold::{GoldRecord, GoldScores, Tally, score_record};
use dyad_nlp::syntax::{eval::score, read_conllu};
use serde_json::json;

use super::models::{ModelArgs, load_models};

use crate::ExitStatus;

/// Measure a stage of dyad against gold data.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  dyad eval segment ../shared/ud/test.conllu --json\n  dyad eval parse ../shared/ud/test.conllu --json\n  dyad eval plover ../shared/plover/PLOVER_GSR_CAMEO.json --json"
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
    /// Coded events against PLOVER gold records (PLOVER_GSR_CAMEO.json).
    Plover(PloverArgs),
}

/// Code the text of each PLOVER gold record and score the events found.
///
/// The file is a JSON array of records with `text`, `event` (the PLOVER type), `date`, and
/// `source` / `target` lists of actors with a `code`; records without text are skipped. Each
/// record's text is coded as one article dated the record's `date`. A record's type is found
/// when some event has its PLOVER type; the gold file's older type names count under their
/// 2021 names (DEMAND as REQUEST, DISAPPROVE and INVESTIGATE as ACCUSE, FIGHT as ASSAULT), and
/// the codes the 2021 table moved count for their old type too (0813, 0814 CONCEDE; 163
/// SANCTION). Its countries are right when some event's source
/// country (first three letters of the code: `RUSGOV` is RUS, `IGOUNO` is IGO) is one of the
/// record's source codes and, when the record has targets, its target country is one of the
/// target codes; records without a source are left out of the country figures. `both` needs
/// one event right in type and countries. Figures are given for all records, each PLOVER type,
/// and each half of the file (first half / second half, to check dictionary work against
/// overfitting).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  dyad eval plover ../shared/plover/PLOVER_GSR_CAMEO.json --json\n  \
                  dyad eval plover gold.json --dictionaries petrarch:../shared/petrarch2/dictionaries"
)]
pub struct PloverArgs {
    /// The gold records (a JSON array).
    file: PathBuf,
    /// Dictionary set: a folder of dyad-format files, or `petrarch:DIR` (default: the embedded
    /// defaults).
    #[arg(long, value_name = "DIR|petrarch:DIR")]
    dictionaries: Option<String>,
    /// Print one JSON object: {"records", "type", "countries", "both", "halves", "families"}.
    #[arg(long)]
    json: bool,
    /// Print instead one JSON line per record: its id, type, gold codes, scores and the events
    /// found.
    #[arg(long, conflicts_with = "json")]
    records: bool,
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
        EvalCommand::Plover(args) => plover(args),
    }
}

/// The codes of a record's `source` or `target` field (a list of actors; anything else is none).
fn gold_codes(field: Option<&serde_json::Value>) -> Vec<String> {
    field
        .and_then(serde_json::Value::as_array)
        .map(|actors| {
            actors
                .iter()
                .filter_map(|a| a.get("code").and_then(serde_json::Value::as_str))
                .filter(|code| !code.trim().is_empty())
                .map(|code| code.trim().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The gold records of a PLOVER file with their dates; records without text are skipped.
fn read_plover_records(text: &str) -> anyhow::Result<Vec<(GoldRecord, Option<dyad_model::Date>)>> {
    let value: serde_json::Value = serde_json::from_str(text)?;
    let array = value.as_array().context("expected a JSON array of records")?;
    let mut records = Vec::new();
    for (index, item) in array.iter().enumerate() {
        let field = |key: &str| item.get(key).and_then(serde_json::Value::as_str);
        let Some(sentence) = field("text").filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        let plover = field("event").with_context(|| format!("record {index}: no `event`"))?;
        let date = match field("date") {
            Some(date) => Some(
                date.parse::<dyad_model::Date>()
                    .map_err(|e| anyhow::anyhow!("record {index}: bad date {date}: {e}"))?,
            ),
            None => None,
        };
        let record = GoldRecord {
            id: field("id").map_or_else(|| format!("record-{index}"), str::to_string),
            plover: plover.to_string(),
            text: sentence.to_string(),
            sources: gold_codes(item.get("source")),
            targets: gold_codes(item.get("target")),
        };
        records.push((record, date));
    }
    Ok(records)
}

fn tally_json(tally: &Tally) -> serde_json::Value {
    let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
    json!({
        "records": tally.records,
        "type": round(tally.type_share()),
        "countries": round(tally.countries_share()),
        "both": round(tally.both_share()),
        "type_found": tally.type_found,
        "countries_scored": tally.countries_scored,
        "countries_right": tally.countries_right,
        "both_right": tally.both_right,
    })
}

fn plover(args: PloverArgs) -> anyhow::Result<ExitStatus> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let records = read_plover_records(&text).with_context(|| format!("{}", args.file.display()))?;
    let pipeline = match &args.dictionaries {
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
    let dates: std::collections::HashMap<&str, Option<dyad_model::Date>> =
        records.iter().map(|(r, d)| (r.id.as_str(), *d)).collect();
    let gold: Vec<GoldRecord> = records.iter().map(|(r, _)| r.clone()).collect();
    let mut out = std::io::stdout().lock();
    let mut lines = Vec::new();
    let scores = GoldScores::of(&gold, |record| {
        let mut article = dyad_model::Article::new(record.id.clone(), record.text.clone());
        article.date = dates.get(record.id.as_str()).copied().flatten();
        let events = pipeline.code_article(&article).events;
        if args.records {
            let score = score_record(record, &events);
            let found: Vec<serde_json::Value> = events
                .iter()
                .map(|e| {
                    json!({
                        "source": e.source.code,
                        "target": e.target.as_ref().map(|t| t.code.clone()),
                        "code": e.code,
                        "plover": e.plover,
                        "verb": e.verb_text,
                        "rule": e.rule,
                    })
                })
                .collect();
            lines.push(json!({
                "id": record.id,
                "plover": record.plover,
                "sources": record.sources,
                "targets": record.targets,
                "type_found": score.type_found,
                "countries_right": score.countries_right,
                "both_right": score.both_right,
                "text": record.text,
                "events": found,
            }));
        }
        events
    });
    if args.records {
        for line in lines {
            writeln!(out, "{line}")?;
        }
        return Ok(ExitStatus::Success);
    }
    if args.json {
        let families: serde_json::Map<String, serde_json::Value> = scores
            .by_family
            .iter()
            .map(|(family, tally)| (family.clone(), tally_json(tally)))
            .collect();
        let mut value = tally_json(&scores.all);
        value["halves"] = json!([tally_json(&scores.halves[0]), tally_json(&scores.halves[1])]);
        value["families"] = serde_json::Value::Object(families);
        writeln!(out, "{value}")?;
        return Ok(ExitStatus::Success);
    }
    let line = |name: &str, t: &Tally| {
        format!(
            "{name:<12} {:>4} records  type {:.3}  countries {:.3}  both {:.3}",
            t.records,
            t.type_share(),
            t.countries_share(),
            t.both_share()
        )
    };
    writeln!(out, "{}", line("all", &scores.all))?;
    writeln!(out, "{}", line("first half", &scores.halves[0]))?;
    writeln!(out, "{}", line("second half", &scores.halves[1]))?;
    let mut families: Vec<(&String, &Tally)> = scores.by_family.iter().collect();
    families.sort_by(|a, b| a.1.type_share().total_cmp(&b.1.type_share()));
    for (family, tally) in families {
        writeln!(out, "{}", line(family, tally))?;
    }
    Ok(ExitStatus::Success)
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
        crate::output::println(&value)?;
    } else {
        crate::output::println(format_args!(
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
        ))?;
    }
    Ok(ExitStatus::Success)
}
