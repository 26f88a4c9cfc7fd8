//! Trains the sentence-boundary classifier on CoNLL-U treebanks and writes its weights.
//!
//! `cargo run --release -p dyad-nlp --example train_boundary -- OUT.bin EPOCHS FILE.conllu...`
//! The embedded model was trained with `crates/nlp/data/boundary.bin 5
//! ../shared/ud/train.conllu ../shared/ud/dev.conllu` after tuning on dev (ARCHITECTURE.md).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(output), Some(Ok(epochs)), true) =
        (args.first(), args.get(1).map(|e| e.parse::<usize>()), args.len() > 2)
    else {
        eprintln!("usage: train_boundary OUT.bin EPOCHS FILE.conllu...");
        return ExitCode::from(2);
    };
    let mut documents = Vec::new();
    for input in &args[2..] {
        let parsed = std::fs::read_to_string(input)
            .map_err(|e| e.to_string())
            .and_then(|text| dyad_nlp::read_gold_documents(&text).map_err(|e| e.to_string()));
        match parsed {
            Ok(more) => documents.extend(more),
            Err(error) => {
                eprintln!("{input}: {error}");
                return ExitCode::from(2);
            }
        }
    }
    let model =
        dyad_nlp::train_boundary_model(&documents, dyad_nlp::SegmentOptions::default(), epochs);
    if let Err(error) = std::fs::write(output, model.to_bytes()) {
        eprintln!("{output}: {error}");
        return ExitCode::from(2);
    }
    eprintln!("trained on {} documents, {epochs} epochs: {output}", documents.len());
    ExitCode::SUCCESS
}
