//! Prints the sentence boundaries the segmenter misses or invents on a CoNLL-U file, with
//! context, for error analysis (tune on dev, never on test).
//!
//! `cargo run --release -p dyad-nlp --example segment_errors -- FILE.conllu [--rules | --model FILE.bin]`
//! Each line: `MISS` (a gold boundary not found) or `EXTRA` (a boundary not in the gold), then
//! the text around it with `‖` at the boundary.

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
        let spans: Vec<dyad_model::Span> = predicted.sentences.iter().map(|s| s.span).collect();
        for (at, is_miss) in dyad_nlp::boundary_differences(document, &spans) {
            if is_miss {
                missed += 1;
            } else {
                extra += 1;
            }
            let label = if is_miss { "MISS" } else { "EXTRA" };
            println!("{label}\t{}\t{}", document.id, dyad_nlp::boundary_context(text, at));
        }
    }
    eprintln!("{missed} missed, {extra} extra boundaries");
}
