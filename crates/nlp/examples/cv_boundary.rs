//! Cross-validates the sentence-boundary classifier on CoNLL-U treebanks: documents are dealt
//! into K folds, each fold is segmented by a model trained on the others, and the sentence F1
//! of all folds pooled is printed for a grid of margins. More held-out text than dev alone, for
//! choosing features (never run it on test).
//!
//! `cargo run --release -p dyad-nlp --example cv_boundary -- K EPOCHS FILE.conllu...
//! [--rounds R] [--errors OUT.tsv --margin M]` (R rounds deal the documents into folds differently
//! and are pooled; with `--errors`, the missed and extra boundaries at margin M,
//! as `segment_errors` prints them).

use std::fmt::Write as _;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut take = |name: &str| -> Option<String> {
        let at = args.iter().position(|a| a == name)?;
        let value = args.get(at + 1).cloned();
        args.drain(at..(at + 2).min(args.len()));
        value
    };
    let errors_path = take("--errors");
    let rounds = take("--rounds").and_then(|r| r.parse::<usize>().ok()).unwrap_or(1);
    let error_margin = take("--margin").and_then(|m| m.parse::<f32>().ok()).unwrap_or(1.5);
    let (Some(Ok(folds)), Some(Ok(epochs)), true) = (
        args.first().map(|k| k.parse::<usize>()),
        args.get(1).map(|e| e.parse::<usize>()),
        args.len() > 2,
    ) else {
        eprintln!("usage: cv_boundary K EPOCHS FILE.conllu... [--errors OUT.tsv --margin M]");
        std::process::exit(2);
    };
    let mut documents = Vec::new();
    for path in &args[2..] {
        let text = std::fs::read_to_string(path).expect("the file reads");
        documents.extend(dyad_nlp::read_gold_documents(&text).expect("the treebank reads"));
    }
    let options = dyad_nlp::SegmentOptions::default();
    let margins: Vec<f32> = (-6..=12).map(|m| m as f32 * 0.5).collect();
    // Per margin: gold, predicted and right sentences over all folds.
    let mut totals = vec![(0.0f64, 0.0f64, 0.0f64); margins.len()];
    let mut report = String::new();
    for (round, fold) in (0..rounds).flat_map(|r| (0..folds).map(move |f| (r, f))) {
        // Each round deals the documents differently.
        let deal = |i: usize| {
            if round == 0 {
                return i % folds;
            }
            let h = (i as u64 ^ (round as u64) << 32).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            ((h >> 32) % folds as u64) as usize
        };
        let (held, kept): (Vec<_>, Vec<_>) =
            documents.iter().enumerate().partition(|(i, _)| deal(*i) == fold);
        let kept: Vec<_> = kept.into_iter().map(|(_, d)| d.clone()).collect();
        let held: Vec<_> = held.into_iter().map(|(_, d)| d.clone()).collect();
        let mut model = dyad_nlp::train_boundary_model(&kept, options, epochs);
        for (m, &margin) in margins.iter().enumerate() {
            model.set_unpunctuated_margin(margin);
            let s = dyad_nlp::evaluate_segmentation_with_model(&held, options, Some(&model));
            let (gold, predicted) = (s.sentences as f64, s.predicted_sentences as f64);
            totals[m].0 += gold;
            totals[m].1 += predicted;
            totals[m].2 += s.sentence_f1 * (gold + predicted) / 2.0;
        }
        if errors_path.is_some() && round == 0 {
            model.set_unpunctuated_margin(error_margin);
            for document in &held {
                list_errors(document, &model, &mut report);
            }
        }
    }
    for (margin, (gold, predicted, right)) in margins.iter().zip(&totals) {
        println!(
            "margin {margin:.1}: sentence F1 {:.4} ({} gold, {} predicted, {} right)",
            2.0 * right / (gold + predicted),
            gold / rounds as f64,
            predicted / rounds as f64,
            (right / rounds as f64).round()
        );
    }
    if let Some(path) = errors_path {
        std::fs::write(path, report).expect("the errors file writes");
    }
}

/// Appends the missed and extra boundaries of `document`, as `segment_errors` prints them.
fn list_errors(
    document: &dyad_nlp::GoldDocument,
    model: &dyad_nlp::BoundaryModel,
    out: &mut String,
) {
    let text = &document.text;
    let predicted =
        dyad_nlp::segment_with_model(text, dyad_nlp::SegmentOptions::default(), Some(model));
    let spans: Vec<dyad_model::Span> = predicted.sentences.iter().map(|s| s.span).collect();
    for (at, is_miss) in dyad_nlp::boundary_differences(document, &spans) {
        let label = if is_miss { "MISS" } else { "EXTRA" };
        let context = dyad_nlp::boundary_context(text, at);
        let _ = writeln!(out, "{label}\t{}\t{context}", document.id);
    }
}
