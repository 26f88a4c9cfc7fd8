//! dyad's event coder and the pipeline façade that the CLI, the store and the server call.
//!
//! [`Pipeline::code_article`] takes an [`Article`] and returns a [`CodedArticle`]: the article's
//! segmentation, its events and its diagnostics. It never fails on text.
//!
//! The coder is built in layers: [`treebank`] turns a Penn Treebank parse into the [`clause`]
//! layer ([`dependency`] does the same from a dependency parse), [`engine`] codes that layer
//! with PETRARCH-1 semantics, [`events`] turns the result into [`Event`]s, and [`validate`]
//! scores the PETRARCH unit-test [`records`]. INTERIM: the pipeline façade does not call the
//! engine yet (it needs dyad's own parser to build the clause layer from raw text); it segments
//! articles and returns no events.

pub mod clause;
pub mod commas;
pub mod dependency;
pub mod engine;
pub mod events;
pub mod records;
pub mod treebank;
pub mod validate;

use dyad_model::{Article, Diagnostic, Event};

/// One article after coding.
#[derive(Clone, Debug)]
pub struct CodedArticle {
    /// Dateline and sentences, as spans into the article text.
    pub document: dyad_nlp::Document,
    /// Events in sentence order.
    pub events: Vec<Event>,
    /// Problems found in the text (never fatal).
    pub diagnostics: Vec<Diagnostic>,
}

/// The configured pipeline: dictionaries, models and options, built once and shared by threads.
#[derive(Debug, Default)]
pub struct Pipeline {}

impl Pipeline {
    /// A pipeline on the embedded defaults.
    pub fn with_defaults() -> Pipeline {
        Pipeline {}
    }

    /// Codes one article.
    pub fn code_article(&self, article: &Article) -> CodedArticle {
        CodedArticle {
            document: dyad_nlp::segment(&article.text),
            events: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}
