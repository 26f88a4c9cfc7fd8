//! Gold segmentation from a CoNLL-U treebank, and the scores of [`segment`] against it.
//!
//! A treebank file is rebuilt into documents (`# newdoc`) of paragraphs (`# newpar`) of
//! sentences (`# text`): sentences of a paragraph are joined with one space, paragraphs with a
//! blank line. Gold tokens are the syntactic words (`do` and `n't` inside the multiword token
//! `don't`), located in the sentence text in order. Only the comment lines and the ID and FORM
//! columns are read; the full CoNLL-U reader is `conllu.rs`.
//!
//! [`segment`]: crate::segment

use std::collections::HashSet;
use std::fmt;

use dyad_model::Span;

use crate::boundary::BoundaryModel;
use crate::segment::{SegmentOptions, segment_with_model};

/// A document rebuilt from a treebank, with its gold sentence and token spans.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldDocument {
    /// The `# newdoc id`, or empty.
    pub id: String,
    /// The rebuilt text.
    pub text: String,
    /// Gold sentence spans into `text`.
    pub sentences: Vec<Span>,
    /// Gold token (syntactic word) spans into `text`.
    pub tokens: Vec<Span>,
}

/// A treebank line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldError {
    /// 1-based line number.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for GoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for GoldError {}

/// Rebuilds the documents of a CoNLL-U file.
pub fn read_gold_documents(conllu: &str) -> Result<Vec<GoldDocument>, GoldError> {
    let mut documents: Vec<GoldDocument> = Vec::new();
    let mut new_paragraph = false;
    // The sentence being read: its start in the document text, and the search position.
    let mut sentence: Option<(usize, usize)> = None;
    for (index, line) in conllu.lines().enumerate() {
        let line_no = index + 1;
        let error = |message: String| GoldError { line: line_no, message };
        if let Some(rest) = line.strip_prefix("# newdoc") {
            let id = rest
                .trim_start()
                .strip_prefix("id")
                .map(|s| s.trim_start_matches([' ', '=']).trim());
            documents
                .push(GoldDocument { id: id.unwrap_or("").to_string(), ..GoldDocument::default() });
            new_paragraph = false;
        } else if line.starts_with("# newpar") {
            new_paragraph = true;
        } else if let Some(rest) = line.strip_prefix("# text") {
            let Some(sentence_text) = rest.trim_start().strip_prefix('=') else { continue };
            let sentence_text = sentence_text.trim();
            if documents.is_empty() {
                documents.push(GoldDocument::default());
            }
            let document = documents.last_mut().expect("a document was just ensured");
            if !document.text.is_empty() {
                document.text.push_str(if new_paragraph { "\n\n" } else { " " });
            }
            new_paragraph = false;
            let start = document.text.len();
            document.text.push_str(sentence_text);
            document.sentences.push(Span::new(start, document.text.len()));
            sentence = Some((start, start));
        } else if line.starts_with('#') {
            continue;
        } else if line.trim().is_empty() {
            sentence = None;
        } else {
            let mut columns = line.split('\t');
            let (Some(id), Some(form)) = (columns.next(), columns.next()) else {
                return Err(error("expected ID and FORM columns".into()));
            };
            // Multiword-token ranges are skipped: their words spell them out. Empty nodes
            // (`8.1`) are not in the text.
            if id.contains('-') || id.contains('.') {
                continue;
            }
            let Some((_, position)) = sentence.as_mut() else {
                return Err(error("a word line before any `# text`".into()));
            };
            let document = documents.last_mut().expect("`# text` made a document");
            let rest = &document.text[*position..];
            let skipped = rest.len() - rest.trim_start().len();
            let at = *position + skipped;
            if !document.text[at..].starts_with(form) {
                return Err(error(format!("word `{form}` is not next in the sentence text")));
            }
            document.tokens.push(Span::new(at, at + form.len()));
            *position = at + form.len();
        }
    }
    Ok(documents)
}

/// The sentence boundaries inside paragraphs where `predicted` (sentence spans of `document`'s
/// text) and the gold sentences differ, in text order: each is a byte offset and whether the
/// gold boundary was missed (`true`) or an extra one drawn (`false`). For error analysis.
pub fn boundary_differences(document: &GoldDocument, predicted: &[Span]) -> Vec<(usize, bool)> {
    let text = &document.text;
    // A boundary is the end of a sentence that another sentence of the same paragraph follows;
    // paragraph ends are given by the blank lines.
    let ends = |spans: &[Span]| -> HashSet<usize> {
        spans
            .windows(2)
            .filter(|w| !text[w[0].end..w[1].start].contains("\n\n"))
            .map(|w| w[0].end)
            .collect()
    };
    let (gold, found) = (ends(&document.sentences), ends(predicted));
    let mut all: Vec<(usize, bool)> = gold
        .difference(&found)
        .map(|&at| (at, true))
        .chain(found.difference(&gold).map(|&at| (at, false)))
        .collect();
    all.sort_unstable();
    all
}

/// The text around byte `at` of `text` (50 bytes before, 40 after, widened to whole
/// characters), with `‖` at `at` and line breaks shown as `¶`.
pub fn boundary_context(text: &str, at: usize) -> String {
    let mut from = at.saturating_sub(50);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + 40).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    format!("{}‖{}", &text[from..at], &text[at..to]).replace('\n', "¶")
}

/// Scores of predicted against gold segmentation.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SegmentScores {
    /// F1 of sentence spans (right when start and end both match).
    pub sentence_f1: f64,
    /// F1 of token spans.
    pub token_f1: f64,
    /// Gold sentences.
    pub sentences: usize,
    /// Gold tokens.
    pub tokens: usize,
    /// Predicted sentences.
    pub predicted_sentences: usize,
    /// Predicted tokens.
    pub predicted_tokens: usize,
}

/// Segments every document with `options` and scores it against the gold spans.
pub fn evaluate_segmentation(documents: &[GoldDocument], options: SegmentOptions) -> SegmentScores {
    let model = if options.learned_boundaries { BoundaryModel::embedded() } else { None };
    evaluate_segmentation_with_model(documents, options, model)
}

/// Segments every document with `options` and the given boundary classifier (none: the rules
/// alone) and scores it against the gold spans.
pub fn evaluate_segmentation_with_model(
    documents: &[GoldDocument],
    options: SegmentOptions,
    model: Option<&BoundaryModel>,
) -> SegmentScores {
    let mut counts = [Counts::default(), Counts::default()];
    for document in documents {
        let predicted = segment_with_model(&document.text, options, model);
        let sentences: Vec<Span> = predicted.sentences.iter().map(|s| s.span).collect();
        let tokens: Vec<Span> =
            predicted.sentences.iter().flat_map(|s| s.tokens.iter().copied()).collect();
        counts[0].add(&document.sentences, &sentences);
        counts[1].add(&document.tokens, &tokens);
    }
    SegmentScores {
        sentence_f1: counts[0].f1(),
        token_f1: counts[1].f1(),
        sentences: counts[0].gold,
        tokens: counts[1].gold,
        predicted_sentences: counts[0].predicted,
        predicted_tokens: counts[1].predicted,
    }
}

#[derive(Default)]
struct Counts {
    gold: usize,
    predicted: usize,
    right: usize,
}

impl Counts {
    fn add(&mut self, gold: &[Span], predicted: &[Span]) {
        let gold_set: HashSet<Span> = gold.iter().copied().collect();
        self.gold += gold.len();
        self.predicted += predicted.len();
        self.right += predicted.iter().filter(|s| gold_set.contains(s)).count();
    }

    fn f1(&self) -> f64 {
        if self.gold + self.predicted == 0 {
            return 1.0;
        }
        2.0 * self.right as f64 / (self.gold + self.predicted) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# newpar id = p1\n# sent_id = 1\n# text = I don't know.\n\
        1\tI\t_\n2-3\tdon't\t_\n2\tdo\t_\n3\tn't\t_\n4\tknow\t_\n5\t.\t_\n\n\
        # sent_id = 2\n# text = Fine!\n1\tFine\t_\n2\t!\t_\n\n\
        # newpar id = p2\n# text = Next para\n1\tNext\t_\n2\tpara\t_\n\n";

    #[test]
    fn rebuilds_documents() {
        let documents = read_gold_documents(SAMPLE).unwrap();
        assert_eq!(documents.len(), 1);
        let d = &documents[0];
        assert_eq!(d.id, "d1");
        assert_eq!(d.text, "I don't know. Fine!\n\nNext para");
        let sentences: Vec<&str> = d.sentences.iter().map(|s| s.text(&d.text)).collect();
        assert_eq!(sentences, ["I don't know.", "Fine!", "Next para"]);
        let tokens: Vec<&str> = d.tokens.iter().map(|s| s.text(&d.text)).collect();
        assert_eq!(tokens, ["I", "do", "n't", "know", ".", "Fine", "!", "Next", "para"]);
        let scores = evaluate_segmentation(&documents, SegmentOptions::default());
        assert_eq!((scores.sentence_f1, scores.token_f1), (1.0, 1.0));
        assert_eq!((scores.sentences, scores.tokens), (3, 9));
    }

    #[test]
    fn reports_bad_lines() {
        let error = read_gold_documents("# text = a b\n1\tc\t_\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(read_gold_documents("1\ta\t_\n").is_err());
    }
}
