//! Where a parser goes wrong: head and label errors by gold relation, on a CoNLL-U file whose
//! tag columns the parser takes as they are (gold tags, or predicted ones written by the
//! `parser_data` example), with the UAS/LAS that gives.
//!
//! `cargo run --release -p dyad-nlp --example parser_errors -- PARSER.bin FILE.conllu`

use std::collections::BTreeMap;

use dyad_nlp::syntax::{Parser, parse::universal, read_conllu};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: parser_errors PARSER.bin FILE.conllu");
        std::process::exit(2);
    }
    let bytes = std::fs::read(&args[0]).expect("the weights file reads");
    let parser = Parser::from_bytes(&bytes).expect("a parser weights file");
    let text = std::fs::read_to_string(&args[1]).expect("the treebank reads");
    let gold = read_conllu(&text).expect("a CoNLL-U treebank");
    // Per relation: words, wrong heads, right heads with a wrong relation.
    let mut by_relation: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for s in &gold {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let tags: Vec<(&str, &str)> =
            s.words.iter().map(|w| (w.upos.as_str(), w.xpos.as_str())).collect();
        for (arc, g) in parser.parse(&words, &tags).iter().zip(&s.words) {
            let counts = by_relation.entry(universal(&g.deprel)).or_default();
            counts[0] += 1;
            if arc.head != g.head {
                counts[1] += 1;
            } else if universal(&arc.deprel) != universal(&g.deprel) {
                counts[2] += 1;
            }
        }
    }
    let total: usize = by_relation.values().map(|c| c[0]).sum::<usize>().max(1);
    let mut rows: Vec<(&str, [usize; 3])> = by_relation.into_iter().collect();
    rows.sort_by_key(|(_, c)| std::cmp::Reverse(c[1] + c[2]));
    println!("relation        words  wrong-head  wrong-label  share-of-all-errors");
    let errors: usize = rows.iter().map(|(_, c)| c[1] + c[2]).sum::<usize>().max(1);
    for (relation, [n, head, label]) in &rows {
        let share = (head + label) as f64 / errors as f64;
        println!("{relation:<14} {n:>6}  {head:>10}  {label:>11}  {share:.3}");
    }
    let heads: usize = rows.iter().map(|(_, c)| c[1]).sum();
    let labels: usize = rows.iter().map(|(_, c)| c[2]).sum();
    let uas = 1.0 - heads as f64 / total as f64;
    let las = 1.0 - (heads + labels) as f64 / total as f64;
    println!("UAS {uas:.4} LAS {las:.4} over {total} words");
}
