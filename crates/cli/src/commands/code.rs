//! `dyad code`: articles in, events out (JSON lines, TSV or GDELT 2.0 rows).

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::Context;
use serde_json::json;

use dyad_coder::Pipeline;
use dyad_model::{Article, Event};

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
#[command(
    after_help = "Examples:\n  dyad code examples/*.txt\n  dyad code --threads 2 --stats stats.json news.jsonl\n  dyad code --format tsv \
                        --dictionaries petrarch:../shared/petrarch2/dictionaries news.jsonl"
)]
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
    /// Write {"articles", "sentences", "sentences_with_actor", "parsed_sentences", "events",
    /// "seconds", "cpu_seconds", "stage_milliseconds", ...} to this file at the end
    /// (`sentences_with_actor`: sentences where an actor phrase matched).
    #[arg(long, value_name = "FILE")]
    stats: Option<PathBuf>,
    /// Threads that code articles side by side (0: one per core). Output order is input order.
    #[arg(long, default_value_t = 1)]
    threads: usize,
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

/// CPU time of the whole process (user + system, all threads) in seconds, from
/// /proc/self/stat (Linux); on a shared machine the wall clock also counts other processes.
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Codes a batch of articles on `threads` threads; results in input order.
fn code_batch(
    pipeline: &Pipeline,
    batch: &[Article],
    threads: usize,
) -> Vec<dyad_coder::CodedArticle> {
    if threads <= 1 || batch.len() < 2 {
        return batch.iter().map(|a| pipeline.code_article(a)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<dyad_coder::CodedArticle>> = vec![None; batch.len()];
    let done: Vec<Vec<(usize, dyad_coder::CodedArticle)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(article) = batch.get(i) else { break };
                        mine.push((i, pipeline.code_article(article)));
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("coding thread")).collect()
    });
    for (i, coded) in done.into_iter().flatten() {
        slots[i] = Some(coded);
    }
    slots.into_iter().flatten().collect()
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let started = Instant::now();
    let cpu_started = process_cpu_seconds();
    let pipeline = build_pipeline(&args)?;
    let load_seconds = started.elapsed().as_secs_f64();
    let threads = match args.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let mut out = stdout();
    let mut tally = InputTally::default();
    let mut n_events = 0usize;
    let mut n_with_actor = 0usize;
    let mut times = dyad_coder::StageTimes::default();
    if let Format::Tsv = args.format {
        writeln!(out, "{}", TSV_COLUMNS.join("\t"))?;
    }
    // Articles are coded in batches, each spread over the threads and written in input order.
    let batch_size = 64 * threads;
    let mut batch: Vec<Article> = Vec::with_capacity(batch_size);
    let mut flush = |batch: &mut Vec<Article>, out: &mut _| -> anyhow::Result<()> {
        for (article, coded) in batch.iter().zip(code_batch(&pipeline, batch, threads)) {
            times.add(&coded.times);
            n_with_actor += coded.sentences_with_actor;
            for diagnostic in &coded.diagnostics {
                eprintln!("{diagnostic}");
            }
            for event in &coded.events {
                n_events += 1;
                write_event(out, args.format, n_events, event, article.date)?;
            }
        }
        batch.clear();
        Ok(())
    };
    for_each_article(&args.files, &mut tally, |article| {
        batch.push(article);
        if batch.len() >= batch_size {
            flush(&mut batch, &mut out)?;
        }
        Ok(())
    })?;
    flush(&mut batch, &mut out)?;
    out.flush()?;
    if let Some(path) = &args.stats {
        let seconds = started.elapsed().as_secs_f64();
        let cpu = cpu_started.zip(process_cpu_seconds()).map(|(a, b)| b - a);
        let rate = |n: usize, s: f64| if s > 0.0 { n as f64 / s } else { 0.0 };
        let ms = |d: std::time::Duration| (d.as_secs_f64() * 1000.0).round();
        let stats = json!({
            "articles": tally.articles,
            "sentences": times.sentences,
            "sentences_with_actor": n_with_actor,
            "parsed_sentences": times.parsed,
            "events": n_events,
            "diagnostics": tally.diagnostics,
            "threads": threads,
            "seconds": seconds,
            "load_seconds": load_seconds,
            "cpu_seconds": cpu,
            "sentences_per_second": rate(times.sentences, seconds - load_seconds),
            "sentences_per_cpu_second": cpu.map(|c| rate(times.sentences, c)),
            "stage_milliseconds": {
                "segment": ms(times.segment),
                "prefilter": ms(times.prefilter),
                "parse": ms(times.parse),
                "code": ms(times.code),
                "dates": ms(times.dates),
                "events_and_geo": ms(times.geo),
            },
        });
        std::fs::write(path, format!("{stats}\n"))?;
    }
    Ok(tally.exit_status())
}

fn write_event(
    out: &mut impl Write,
    format: Format,
    id: usize,
    event: &Event,
    report_date: Option<dyad_model::Date>,
) -> anyhow::Result<()> {
    match format {
        Format::Json => write_json_line(out, &event.to_json())?,
        Format::Tsv => writeln!(out, "{}", tsv_row(event))?,
        Format::Gdelt => {
            dyad_store::export::write_gdelt_row(out, &as_stored(id as i64, event, report_date))?
        }
    }
    Ok(())
}
