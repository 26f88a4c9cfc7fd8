//! Writes the tagged data `dyad train parser` builds before training the parser, so that parser
//! experiments can skip the tagger training and run `dyad train parser --folds 0` on it.
//!
//! `cargo run --release -p dyad-nlp --example parser_data -- TRAIN.conllu DEV.conllu OUT_DIR
//! [SEED]` writes `OUT_DIR/train.conllu` (tags from 4 jack-knifed taggers) and
//! `OUT_DIR/dev.conllu` (tags from a tagger trained on all of train), with the settings of
//! `dyad train parser` (tagger epochs 6, 4 folds): a `--folds 0 --seed S` run on them sees the
//! tags the full command's member with seed S sees, without the tagger training.

use dyad_nlp::syntax::{Tagger, TrainOptions, TreebankSentence, read_conllu, train};

fn write(path: &str, sentences: &[TreebankSentence]) {
    let mut out = String::new();
    for s in sentences {
        for (i, w) in s.words.iter().enumerate() {
            let columns = [&w.form, &w.lemma, &w.upos, &w.xpos];
            out.push_str(&format!(
                "{}\t{}\t_\t{}\t{}\t_\t_\n",
                i + 1,
                columns.map(|c| c.as_str()).join("\t"),
                w.head,
                w.deprel
            ));
        }
        out.push('\n');
    }
    std::fs::write(path, out).expect("the output directory is writable");
}

fn read(path: &str) -> Vec<TreebankSentence> {
    let text = std::fs::read_to_string(path).expect("the treebank reads");
    read_conllu(&text).expect("a CoNLL-U treebank")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: parser_data TRAIN.conllu DEV.conllu OUT_DIR [SEED]");
        std::process::exit(2);
    }
    let (train, dev) = (read(&args[0]), read(&args[1]));
    let seed = args.get(3).map_or(1, |s| s.parse().expect("a numeric seed"));
    let options = TrainOptions { seed, epochs: 6, ensemble: 1 };
    let mut log = |line: &str| eprintln!("{line}");
    let tagged = train::jackknife(&train, &dev, 4, options, &mut log);
    write(&format!("{}/train.conllu", args[2]), &tagged);
    let tagger = Tagger::train(&train, &dev, options, &mut log);
    write(&format!("{}/dev.conllu", args[2]), &train::retag(&tagger, &dev));
}
