//! Trains the sentence-boundary classifier on CoNLL-U treebanks and writes its weights.
//!
//! `cargo run --release -p dyad-nlp --example train_boundary -- OUT.bin EPOCHS FILE.conllu...
//! [--dev DEV.conllu] [--margin M]` trains on the files; with `--dev` it chooses the margin
//! (the score needed where no punctuation ends a sentence) on DEV unless `--margin` sets it, and
//! prints the sentence F1 on DEV (train on train alone to choose features, epochs and margin;
//! never on test).
//! The embedded model was trained with `crates/nlp/data/boundary.bin EPOCHS
//! ../shared/ud/train.conllu ../shared/ud/dev.conllu` after tuning on dev (data/README.md).

use std::process::ExitCode;

fn read(path: &str) -> Result<Vec<dyad_nlp::GoldDocument>, String> {
    std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|text| dyad_nlp::read_gold_documents(&text).map_err(|e| e.to_string()))
        .map_err(|e| format!("{path}: {e}"))
}

/// Removes `--name VALUE` from `args` and returns VALUE.
fn take_option(args: &mut Vec<String>, name: &str) -> Option<String> {
    let at = args.iter().position(|a| a == name)?;
    if at + 1 >= args.len() {
        return None;
    }
    let value = args.remove(at + 1);
    args.remove(at);
    Some(value)
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let dev = take_option(&mut args, "--dev");
    let margin = take_option(&mut args, "--margin").and_then(|m| m.parse::<f32>().ok());
    let (Some(output), Some(Ok(epochs)), true) =
        (args.first(), args.get(1).map(|e| e.parse::<usize>()), args.len() > 2)
    else {
        eprintln!("usage: train_boundary OUT.bin EPOCHS FILE.conllu... [--dev DEV.conllu]");
        return ExitCode::from(2);
    };
    let mut documents = Vec::new();
    for input in &args[2..] {
        match read(input) {
            Ok(more) => documents.extend(more),
            Err(error) => {
                eprintln!("{error}");
                return ExitCode::from(2);
            }
        }
    }
    let options = dyad_nlp::SegmentOptions::default();
    let mut model = dyad_nlp::train_boundary_model(&documents, options, epochs);
    eprintln!("trained on {} documents, {epochs} epochs", documents.len());
    if let Some(margin) = margin {
        model.set_unpunctuated_margin(margin);
    }
    if let Some(dev) = &dev {
        let documents = match read(dev) {
            Ok(documents) => documents,
            Err(error) => {
                eprintln!("{error}");
                return ExitCode::from(2);
            }
        };
        if margin.is_none() {
            // Choose the margin on dev: the best sentence F1 over a grid.
            let mut best = (f64::MIN, model.unpunctuated_margin());
            for step in 0..=16 {
                let candidate = step as f32 * 0.5;
                model.set_unpunctuated_margin(candidate);
                let scores =
                    dyad_nlp::evaluate_segmentation_with_model(&documents, options, Some(&model));
                eprintln!("margin {candidate}: sentence F1 {:.4}", scores.sentence_f1);
                if scores.sentence_f1 > best.0 {
                    best = (scores.sentence_f1, candidate);
                }
            }
            model.set_unpunctuated_margin(best.1);
        }
        let scores = dyad_nlp::evaluate_segmentation_with_model(&documents, options, Some(&model));
        let rules = dyad_nlp::evaluate_segmentation_with_model(&documents, options, None);
        println!(
            "{dev}: margin {}, sentence F1 {:.4} (rules alone {:.4}), token F1 {:.4}, {} predicted of {} gold",
            model.unpunctuated_margin(),
            scores.sentence_f1,
            rules.sentence_f1,
            scores.token_f1,
            scores.predicted_sentences,
            scores.sentences
        );
    }
    if let Err(error) = std::fs::write(output, model.to_bytes()) {
        eprintln!("{output}: {error}");
        return ExitCode::from(2);
    }
    eprintln!("margin {}: {output}", model.unpunctuated_margin());
    ExitCode::SUCCESS
}
