//! Synthetic articles and events for store tests, and a temporary folder.

use std::path::PathBuf;

use dyad_model::{Article, Date, DateBasis, Event, EventActor, Location, PartialDate, Span};
use dyad_store::CodedRecord;

/// A fresh temporary folder, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("dyad-store-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn day(month: u8, day: u8) -> Date {
    Date::new(2020, month, day).unwrap()
}

/// An event `source code target` on `date`, found in sentence `sentence` of `text` (the actor
/// and verb words are looked up in the sentence so spans are real).
pub fn event(
    article: &Article,
    sentence: usize,
    source: &str,
    target: Option<&str>,
    code: &str,
    date: Option<PartialDate>,
) -> Event {
    let sentences = sentence_spans(&article.text);
    let span = sentences[sentence];
    let text = span.text(&article.text);
    let word = |i: usize| {
        let words: Vec<(usize, &str)> = text
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w.trim_end_matches('.')))
            .collect();
        let (at, w) = words[i.min(words.len() - 1)];
        (w.to_string(), Span::new(span.start + at, span.start + at + w.len()))
    };
    let (source_text, source_span) = word(0);
    let (verb_text, verb_span) = word(1);
    let (target_text, target_span) = word(2);
    let root = code[..2].to_string();
    let quad = match root.as_str() {
        "01" | "02" | "03" | "04" | "05" => 1,
        "06" | "07" | "08" => 2,
        "09" | "10" | "11" | "12" | "13" | "14" | "15" | "16" => 3,
        _ => 4,
    };
    Event {
        article_id: article.id.clone(),
        sentence,
        index_in_sentence: 0,
        sentence_text: text.to_string(),
        date,
        date_basis: DateBasis::Article,
        historical: false,
        source: EventActor { code: source.into(), text: source_text, span: source_span },
        target: target.map(|code| EventActor {
            code: code.into(),
            text: target_text,
            span: target_span,
        }),
        code: code.into(),
        root,
        quad_class: Some(quad),
        goldstein: Some(if quad <= 2 { 3.0 } else { -5.0 }),
        plover: Some(if quad <= 2 { "CONSULT" } else { "ASSAULT" }.into()),
        verb_text,
        verb_span,
        location: (source == "SYR").then(|| Location {
            name: "Damascus".into(),
            country: Some("SYR".into()),
            lat: Some(33.5),
            lon: Some(36.3),
            precision: "city".into(),
        }),
        negated: false,
        rule: "test:1".into(),
        dyad_version: "test".into(),
        dictionaries_version: "test".into(),
    }
}

/// Sentences of a test text: split after each ". ".
pub fn sentence_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        spans.push(Span::new(start, i + 1));
        start = i + 2;
    }
    if start < text.len() {
        spans.push(Span::new(start, text.len()));
    }
    spans
}

pub fn article(id: &str, outlet: &str, date: Date, text: &str) -> Article {
    Article {
        id: id.into(),
        date: Some(date),
        source: Some(outlet.into()),
        title: None,
        text: text.into(),
        metadata: serde_json::Map::new(),
    }
}

pub fn record(article: Article, events: impl FnOnce(&Article) -> Vec<Event>) -> CodedRecord {
    let events = events(&article);
    CodedRecord { sentences: sentence_spans(&article.text), article, events }
}
