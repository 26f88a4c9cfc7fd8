//! dyad's event coder and the pipeline façade that the CLI, the store and the server call.
//!
//! [`Pipeline::code_article`] takes an [`Article`] and returns a [`CodedArticle`]: the article's
//! segmentation, its events and its diagnostics. It never fails on text.
//!
//! INTERIM: the coder itself is being built (issue 5); today the pipeline segments articles and
//! returns no events.

pub mod clause;
pub mod records;
pub mod treebank;

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
