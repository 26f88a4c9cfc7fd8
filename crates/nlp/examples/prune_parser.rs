//! Re-prunes a parser weights file, to try pruning thresholds without retraining: train once
//! with `--prune 0.05`, then write smaller files from it (the same bytes `dyad train parser
//! --prune T` writes, since weights are stored quantized either way).
//!
//! `cargo run --release -p dyad-nlp --example prune_parser -- IN.bin OUT.bin THRESHOLD`

use dyad_nlp::syntax::Parser;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, threshold] = args.as_slice() else {
        eprintln!("usage: prune_parser IN.bin OUT.bin THRESHOLD");
        std::process::exit(2);
    };
    let bytes = std::fs::read(input).expect("the weights file reads");
    let parser = Parser::from_bytes(&bytes).expect("a parser weights file");
    let pruned = parser.to_bytes_pruned(threshold.parse().expect("a numeric threshold"));
    std::fs::write(output, &pruned).expect("the output is writable");
    eprintln!("wrote {output} ({} bytes)", pruned.len());
}
