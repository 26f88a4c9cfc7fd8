//! Sums and re-prunes parser weights files, to try ensembles and pruning thresholds without
//! retraining: train with `--prune 0.05`, then write smaller files from the result (the same
//! bytes `dyad train parser --prune T` writes, since weights are stored quantized either way).
//!
//! `cargo run --release -p dyad-nlp --example prune_parser -- OUT.bin THRESHOLD IN.bin...`

use dyad_nlp::syntax::Parser;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [output, threshold, inputs @ ..] = args.as_slice() else {
        eprintln!("usage: prune_parser OUT.bin THRESHOLD IN.bin...");
        std::process::exit(2);
    };
    let load = |path: &String| {
        let bytes = std::fs::read(path).expect("the weights file reads");
        Parser::from_bytes(&bytes).expect("a parser weights file")
    };
    let Some((first, rest)) = inputs.split_first() else {
        eprintln!("usage: prune_parser OUT.bin THRESHOLD IN.bin...");
        std::process::exit(2);
    };
    let parser = rest.iter().fold(load(first), |sum, path| sum.sum(&load(path)));
    let pruned = parser.to_bytes_pruned(threshold.parse().expect("a numeric threshold"));
    std::fs::write(output, &pruned).expect("the output is writable");
    eprintln!("wrote {output} ({} bytes)", pruned.len());
}
