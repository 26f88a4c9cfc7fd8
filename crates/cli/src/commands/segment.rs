//! `dyad segment`: articles in, datelines, sentences and tokens out as JSON Lines.

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::ExitStatus;
use crate::input::{InputTally, for_each_article};
use crate::output::{stdout, write_json_line};

/// Split articles into sentences and tokens, with byte offsets into each article's text.
///
/// Prints one JSON object per article: {"article_id", "dateline": {"place", "agency", "start",
/// "end"} or null, "sentences": [{"start", "end", "text", "tokens": [{"start", "end", "text"}]}]}.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  dyad segment ../shared/corpus/tass-sample/tass-2020-09-04.txt")]
pub struct Args {
    /// Article files (.jsonl or plain text); standard input when none or `-`.
    files: Vec<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    let mut out = stdout();
    let mut tally = InputTally::default();
    for_each_article(&args.files, &mut tally, |article| {
        let document = dyad_nlp::segment(&article.text);
        write_json_line(&mut out, &document_json(&article.id, &article.text, &document))?;
        Ok(())
    })?;
    std::io::Write::flush(&mut out)?;
    Ok(tally.exit_status())
}

/// The JSON form of a segmented article.
pub fn document_json(article_id: &str, text: &str, document: &dyad_nlp::Document) -> Value {
    let dateline = document.dateline.as_ref().map(
        |d| json!({"place": d.place, "agency": d.agency, "start": d.span.start, "end": d.span.end}),
    );
    let sentences: Vec<Value> = document
        .sentences
        .iter()
        .map(|s| {
            let tokens: Vec<Value> = s
                .tokens
                .iter()
                .map(|t| json!({"start": t.start, "end": t.end, "text": t.text(text)}))
                .collect();
            json!({"start": s.span.start, "end": s.span.end, "text": s.span.text(text), "tokens": tokens})
        })
        .collect();
    json!({"article_id": article_id, "dateline": dateline, "sentences": sentences})
}
