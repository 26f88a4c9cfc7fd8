//! Prints the sentence boundaries the segmenter misses or invents on a CoNLL-U file, with
//! context, for error analysis (tune on dev, never on test).
//!
//! `cargo run --release -p dyad-nlp --example segment_errors -- FILE.conllu [--rules | --model FILE.bin]`
//! Each line: `MISS` (a gold boundary not found) or `EXTRA` (a boundary not in the gold), then
//! the text around it with `‖` at the boundary.

use std::collections::HashSet;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: segment_errors FILE.conllu [--rules | --model FILE.bin]");
        std::process::exit(2);
    };
    let options = dyad_nlp::SegmentOptions::default();
    let loaded =
        args.iter().position(|a| a == "--model").and_then(|at| args.get(at + 1)).map(|p| {
            let bytes = std::fs::read(p).expect("the model file reads");
            dyad_nlp::BoundaryModel::from_bytes(&bytes).expect("a boundary model file")
        });
    let model = if args.iter().any(|a| a == "--rules") {
        None
    } else {
        loaded.as_ref().or(dyad_nlp::BoundaryModel::embedded())
    };
    let text = std::fs::read_to_string(path).expect("the file reads");
    let documents = dyad_nlp::read_gold_documents(&text).expect("the treebank reads");
    let (mut missed, mut extra) = (0, 0);
    for document in &documents {
        let text = &document.text;
        let predicted = dyad_nlp::segment_with_model(text, options, model);
        // A boundary is the end of a sentence that another sentence of the same paragraph
        // follows; paragraph ends are given by the blank lines.
        let ends = |spans: &[dyad_model::Span]| -> HashSet<usize> {
            spans
                .windows(2)
                .filter(|w| !text[w[0].end..w[1].start].contains("\n\n"))
                .map(|w| w[0].end)
                .collect()
        };
        let gold = ends(&document.sentences);
        let spans: Vec<dyad_model::Span> = predicted.sentences.iter().map(|s| s.span).collect();
        let found = ends(&spans);
        let show = |label: &str, at: usize| {
            let mut from = at.saturating_sub(50);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let mut to = (at + 40).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            let context = format!("{}‖{}", &text[from..at], &text[at..to]).replace('\n', "¶");
            println!("{label}\t{}\t{context}", document.id);
        };
        let mut all: Vec<(usize, bool)> = gold
            .difference(&found)
            .map(|&a| (a, true))
            .chain(found.difference(&gold).map(|&a| (a, false)))
            .collect();
        all.sort_unstable();
        for (at, is_miss) in all {
            if is_miss {
                missed += 1;
                show("MISS", at);
            } else {
                extra += 1;
                show("EXTRA", at);
            }
        }
    }
    eprintln!("{missed} missed, {extra} extra boundaries");
}
