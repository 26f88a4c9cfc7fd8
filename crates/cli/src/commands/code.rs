//! `dyad code`: articles in, events out.

use std::path::PathBuf;
use std::time::Instant;

use serde_json::json;

use crate::ExitStatus;
use crate::input::{InputTally, for_each_article};
use crate::output::{stdout, write_json_line};

/// Code articles into events (who did what to whom), one JSON object per event.
///
/// The event coder is not built yet: articles are read and segmented, and no events are emitted.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  dyad code --stats stats.json examples/*.txt")]
pub struct Args {
    /// Article files (.jsonl or plain text); standard input when none or `-`.
    files: Vec<PathBuf>,
    /// Write {"articles", "sentences", "events", "diagnostics", "seconds"} to this file at the end.
    #[arg(long, value_name = "FILE")]
    stats: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let started = Instant::now();
    let mut out = stdout();
    let mut tally = InputTally::default();
    let mut n_sentences = 0usize;
    let mut n_events = 0usize;
    let pipeline = dyad_coder::Pipeline::with_defaults();
    for_each_article(&args.files, &mut tally, |article| {
        let coded = pipeline.code_article(&article);
        n_sentences += coded.document.sentences.len();
        for diagnostic in &coded.diagnostics {
            eprintln!("{diagnostic}");
        }
        for event in &coded.events {
            write_json_line(&mut out, &event.to_json())?;
        }
        n_events += coded.events.len();
        Ok(())
    })?;
    std::io::Write::flush(&mut out)?;
    if let Some(path) = &args.stats {
        let stats = json!({
            "articles": tally.articles,
            "sentences": n_sentences,
            "events": n_events,
            "diagnostics": tally.diagnostics,
            "seconds": started.elapsed().as_secs_f64(),
        });
        std::fs::write(path, format!("{stats}\n"))?;
    }
    Ok(tally.exit_status())
}
