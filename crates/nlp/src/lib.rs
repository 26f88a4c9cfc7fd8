//! dyad's text front end: it knows text, never events, actors or dictionaries.
//!
//! - [`segment`] turns an article's text into an optional [`Dateline`] and [`Sentence`]s of
//!   tokens, every one a byte span into the untouched text. It never fails: odd text gives odd
//!   sentences, not errors. Modules: `dateline` (wire datelines), `tokenize` (UD English EWT
//!   tokens), `segment` (paragraphs and sentences).
//! - [`find_dates`] resolves date expressions in a sentence against the article date (`dates`).
//! - `gold` rebuilds documents from a CoNLL-U treebank and scores [`segment`] against them.
//!
//! No IO here: callers pass strings in.

mod boundary;
mod dateline;
mod dates;
mod gold;
mod segment;
pub mod syntax;
mod tokenize;

pub use boundary::{BoundaryModel, train_boundary_model};
pub use dateline::find_dateline;
pub use dates::{DateMention, Precision, find_dates, find_dates_in_text, month_number};
pub use gold::{
    GoldDocument, GoldError, SegmentScores, boundary_context, boundary_differences,
    evaluate_segmentation, evaluate_segmentation_with_model, read_gold_documents,
};
pub use segment::{
    Dateline, Document, SegmentOptions, Sentence, paragraphs, segment, segment_with,
    segment_with_model,
};
pub use syntax::{Analyzer, Parser, Tagger, Word};
pub use tokenize::{Hyphens, abbreviation_may_end_sentence, tokenize, tokenize_into};
