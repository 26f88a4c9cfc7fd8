//! The coding pipeline as the store's ingester wants it, shared by `dyad ingest`, `dyad recode`
//! and the server's `POST /api/articles` (the store crate takes the coder as a function so that
//! it does not depend on the coder).

use dyad_model::Article;
use dyad_store::Versions;
use dyad_store::ingest::Coded;

/// The coder and dictionary versions of the built-in pipeline.
///
/// INTERIM: the pipeline does not report a dictionary version yet; `default` names the
/// embedded set until it does.
pub fn pipeline_versions() -> Versions {
    Versions { dyad: env!("CARGO_PKG_VERSION").to_string(), dictionaries: "default".to_string() }
}

/// The pipeline as the function the store's ingester calls on each article.
pub fn pipeline_coder(pipeline: &dyad_coder::Pipeline) -> impl Fn(&Article) -> Coded + Sync + '_ {
    move |article: &Article| {
        let coded = pipeline.code_article(article);
        Coded {
            sentences: coded.document.sentences.iter().map(|s| s.span).collect(),
            events: coded.events,
            diagnostics: coded.diagnostics.len(),
        }
    }
}
