//! Prints where two boundary models (or a model and the rules) split article text differently,
//! to check that a new model does not over-split news text.
//!
//! `cargo run --release -p dyad-nlp --example compare_boundaries -- OLD.bin|rules NEW.bin
//! FILE... [--limit N]` prints each boundary only one of them draws, with context, then the
//! counts, and how many sentences each side ends in a letter or digit inside a paragraph (in news,
//! over-splits).

use std::collections::BTreeSet;
use std::path::Path;

fn load(path: &str) -> Option<dyad_nlp::BoundaryModel> {
    if path == "rules" {
        return None;
    }
    let bytes = std::fs::read(path).expect("the model file reads");
    Some(dyad_nlp::BoundaryModel::from_bytes(&bytes).expect("a boundary model file"))
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut limit = 40usize;
    if let Some(at) = args.iter().position(|a| a == "--limit") {
        limit = args.get(at + 1).and_then(|n| n.parse().ok()).unwrap_or(limit);
        args.drain(at..(at + 2).min(args.len()));
    }
    if args.len() < 3 {
        eprintln!("usage: compare_boundaries OLD.bin|rules NEW.bin FILE... [--limit N]");
        std::process::exit(2);
    }
    let (old, new) = (load(&args[0]), load(&args[1]));
    let options = dyad_nlp::SegmentOptions::default();
    let (mut only_old, mut only_new, mut shown) = (0, 0, 0);
    // Sentences of each side, and those that end in a letter or digit with another sentence
    // of the paragraph after them: news text ends nearly every sentence of a paragraph with
    // punctuation, so these are mostly over-splits.
    let (mut sentences, mut unpunctuated) = ([0usize; 2], [0usize; 2]);
    for file in &args[2..] {
        let reader = dyad_ingest::open_path(Path::new(file)).expect("the file opens");
        for article in reader.filter_map(Result::ok) {
            let text = &article.text;
            let mut ends = |side: usize, model: Option<&dyad_nlp::BoundaryModel>| {
                let document = dyad_nlp::segment_with_model(text, options, model);
                sentences[side] += document.sentences.len();
                unpunctuated[side] += document
                    .sentences
                    .windows(2)
                    .filter(|w| {
                        let last = text[..w[0].span.end].chars().next_back();
                        let gap = &text[w[0].span.end..w[1].span.start];
                        last.is_some_and(char::is_alphanumeric) && !gap.contains("\n\n")
                    })
                    .count();
                document.sentences.iter().map(|s| s.span.end).collect::<BTreeSet<usize>>()
            };
            let (a, b) = (ends(0, old.as_ref()), ends(1, new.as_ref()));
            for (label, at) in a
                .difference(&b)
                .map(|&at| ("OLD", at))
                .chain(b.difference(&a).map(|&at| ("NEW", at)))
            {
                if label == "OLD" {
                    only_old += 1;
                } else {
                    only_new += 1;
                }
                if shown < limit {
                    shown += 1;
                    let mut from = at.saturating_sub(60);
                    while !text.is_char_boundary(from) {
                        from -= 1;
                    }
                    let mut to = (at + 40).min(text.len());
                    while !text.is_char_boundary(to) {
                        to += 1;
                    }
                    let context =
                        format!("{}‖{}", &text[from..at], &text[at..to]).replace('\n', "¶");
                    println!("{label}\t{}\t{context}", article.id);
                }
            }
        }
    }
    eprintln!("{only_old} boundaries only in the old segmentation, {only_new} only in the new");
    eprintln!(
        "sentences: old {}, new {}; ending in a letter or digit inside a paragraph: old {}, new {}",
        sentences[0], sentences[1], unpunctuated[0], unpunctuated[1]
    );
}
