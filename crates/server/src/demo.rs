//! `dyad serve --demo`: a store built from the sample articles in the repository's `examples/`
//! (embedded at build time), so a fresh clone shows a working dashboard.

use dyad_model::Article;
use dyad_store::ingest::{IngestOptions, Ingester};
use dyad_store::{SqliteStore, Storage, StoreError};

use crate::coding::{pipeline_coder, pipeline_versions};

/// The sample articles: (file name, contents).
const EXAMPLES: &[(&str, &str)] = &[
    ("briefs.jsonl", include_str!("../../../examples/briefs.jsonl")),
    ("geneva-talks.txt", include_str!("../../../examples/geneva-talks.txt")),
    ("sahel-clashes.txt", include_str!("../../../examples/sahel-clashes.txt")),
];

/// The sample articles, parsed; a sample that does not parse is left out.
pub fn sample_articles() -> Vec<Article> {
    let mut articles = Vec::new();
    for (name, contents) in EXAMPLES {
        if name.ends_with(".jsonl") {
            articles.extend(
                contents
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .filter_map(|line| dyad_ingest::parse_json_article(line.as_bytes()).ok()),
            );
        } else if let Ok(article) = dyad_ingest::parse_text_article(name, name, contents.as_bytes())
        {
            articles.push(article);
        }
    }
    articles
}

/// Codes and stores the sample articles when the store has no run yet; returns how many
/// articles were stored (0 when the store already had data).
pub fn fill(store: &mut SqliteStore, pipeline: &dyad_coder::Pipeline) -> Result<u64, StoreError> {
    if store.current_run()?.is_some() {
        return Ok(0);
    }
    let run = store.create_run(&pipeline_versions())?;
    let mut ingester =
        Ingester::new(store, run, pipeline_coder(pipeline), IngestOptions::default());
    for article in sample_articles() {
        ingester.push(article)?;
    }
    Ok(ingester.finish()?.read)
}
