//! Tests of the tagger, lemmatizer and parser: training converges on a slice of UD English EWT,
//! the embedded weights (when the build has them) meet the accuracy targets on the test set, and
//! damaged weights files are refused with an error.

use dyad_nlp::syntax::eval::score;
use dyad_nlp::syntax::{
    Analyzer, Parser, Tagger, TrainOptions, TreebankSentence, WeightsError, read_conllu,
};

fn treebank(name: &str) -> Option<Vec<TreebankSentence>> {
    let text = dyad_testdata::read(&format!("ud/{name}"))?;
    Some(read_conllu(&text).expect("the treebank parses"))
}

#[test]
fn a_small_training_run_converges() {
    let Some(train) = treebank("train.conllu") else { return };
    let (slice, held_out) = (&train[..400], &train[400..500]);
    let mut tagger_log = Vec::new();
    let options = TrainOptions { seed: 7, epochs: 4, ensemble: 1 };
    let tagger = Tagger::train(slice, held_out, options, &mut |l| tagger_log.push(l.to_string()));
    let dev_accuracy = |line: &str| -> f64 { line.rsplit(' ').next().unwrap().parse().unwrap() };
    let (first, last) = (dev_accuracy(&tagger_log[0]), dev_accuracy(&tagger_log[3]));
    assert!(last > first, "tagger improves: {tagger_log:?}");
    assert!(tagger.accuracy(held_out) > 0.75, "{tagger_log:?}");

    let mut parser_log = Vec::new();
    let parser = Parser::train(slice, held_out, options, &mut |l| parser_log.push(l.to_string()));
    let las = |line: &str| -> f64 { line.rsplit(' ').next().unwrap().parse().unwrap() };
    assert!(las(&parser_log[3]) > las(&parser_log[0]), "parser improves: {parser_log:?}");
    let (uas, _) = parser.attachment_scores(held_out);
    assert!(uas > 0.6, "{parser_log:?}");

    // Same seed, same model.
    let again = Tagger::train(slice, held_out, options, &mut |_| {});
    assert_eq!(again.to_bytes(), tagger.to_bytes());
}

#[test]
fn the_embedded_models_keep_their_measured_scores_on_the_test_set() {
    let Some(test) = treebank("test.conllu") else { return };
    let Some(analyzer) = Analyzer::embedded() else {
        eprintln!("skipping: this build has no embedded weights (crates/nlp/weights/*.bin)");
        return;
    };
    let predicted: Vec<_> = test
        .iter()
        .map(|s| analyzer.analyze(&s.words.iter().map(|w| w.form.as_str()).collect::<Vec<_>>()))
        .collect();
    let scores = score(&test, &predicted);
    eprintln!("{scores:?}");
    // A regression floor just under the committed weights' measured scores (UPOS 0.9561,
    // UAS 0.8604, LAS 0.8339, lemma 0.9692); issue 3 asks for UPOS 0.945, UAS 0.86, LAS 0.83.
    // Raise these floors with every better set of weights.
    assert!(scores.upos >= 0.955, "{scores:?}");
    assert!(scores.uas >= 0.86, "{scores:?}");
    assert!(scores.las >= 0.833, "{scores:?}");
    assert!(scores.lemma >= 0.968, "{scores:?}");
}

#[test]
fn lemmas_learned_from_the_treebank() {
    let Some(train) = treebank("train.conllu") else { return };
    let lemmatizer = dyad_nlp::syntax::Lemmatizer::train(&train);
    let cases = [
        ("met", "VBD", "meet"),
        ("meets", "VBZ", "meet"),
        ("meeting", "VBG", "meet"),
        ("Met", "VBN", "meet"),
        ("said", "VBD", "say"),
        ("was", "VBD", "be"),
        ("countries", "NNS", "country"),
        ("children", "NNS", "child"),
        ("negotiated", "VBD", "negotiate"),
        ("sanctioning", "VBG", "sanction"),
        ("Kremlin", "NNP", "Kremlin"),
    ];
    for (form, xpos, lemma) in cases {
        assert_eq!(lemmatizer.lemmatize(form, xpos), lemma, "{form}/{xpos}");
    }
}

#[test]
fn analyze_finds_subject_and_object() {
    let Some(words) =
        dyad_nlp::syntax::analyze(&["The", "minister", "met", "the", "ambassador", "."])
    else {
        eprintln!("skipping: this build has no embedded weights");
        return;
    };
    let deprels: Vec<&str> = words.iter().map(|w| w.deprel.as_str()).collect();
    assert_eq!(deprels, ["det", "nsubj", "root", "det", "obj", "punct"]);
    assert_eq!(words[1].head, 3);
    assert_eq!(words[4].head, 3);
    assert_eq!(words[2].lemma, "meet");
    assert_eq!(words[2].xpos, "VBD");
    assert_eq!(dyad_nlp::syntax::analyze(&[]), Some(Vec::new()));
}

#[test]
fn verbs_the_treebank_never_inflected_get_dictionary_lemmas() {
    // EWT has no "fled", "blamed" or "raided": the suffix rules alone made "fl", "blam", "raide".
    let Some(words) = dyad_nlp::syntax::analyze(&[
        "Villagers",
        "fled",
        "after",
        "police",
        "blamed",
        "rebels",
        "who",
        "raided",
        "it",
        ".",
    ]) else {
        eprintln!("skipping: this build has no embedded weights");
        return;
    };
    let lemmas: Vec<&str> = words.iter().map(|w| w.lemma.as_str()).collect();
    assert_eq!(lemmas[1], "flee", "{lemmas:?}");
    assert_eq!(lemmas[4], "blame", "{lemmas:?}");
    assert_eq!(lemmas[7], "raid", "{lemmas:?}");
}

const TINY_TREEBANK: &str = "\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
4\tenvoys\tenvoy\tNOUN\tNNS\t_\t3\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tcity\tcity\tNOUN\tNN\t_\t2\tobj\t_\t_
";

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The file with its payload changed by `edit` and a checksum that matches again, to reach the
/// structural checks behind the checksum.
fn repackaged(bytes: &[u8], edit: impl Fn(&mut Vec<u8>)) -> Vec<u8> {
    let mut payload = bytes[20..bytes.len() - 8].to_vec();
    edit(&mut payload);
    let mut out = bytes[..12].to_vec();
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&fnv1a(&payload).to_le_bytes());
    out
}

#[test]
fn damaged_weights_are_refused_with_an_error() {
    let sentences = read_conllu(TINY_TREEBANK).unwrap();
    let options = TrainOptions { seed: 1, epochs: 2, ensemble: 1 };
    let tagger = Tagger::train(&sentences, &sentences, options, &mut |_| {}).to_bytes();
    let parser = Parser::train(&sentences, &sentences, options, &mut |_| {}).to_bytes();
    assert!(Tagger::from_bytes(&tagger).is_ok());
    assert!(Parser::from_bytes(&parser).is_ok());
    for bytes in [&tagger, &parser] {
        let load = |b: &[u8]| -> Result<(), WeightsError> {
            if bytes == &tagger {
                Tagger::from_bytes(b).map(|_| ())
            } else {
                Parser::from_bytes(b).map(|_| ())
            }
        };
        for cut in [0, 3, 8, 15, 20, 100, bytes.len() / 2, bytes.len() - 1] {
            let error = load(&bytes[..cut]).unwrap_err();
            assert!(
                matches!(error, WeightsError::Truncated { .. } | WeightsError::BadMagic { .. }),
                "cut at {cut}: {error}"
            );
        }
        for position in [0, 9, 30, 1000, bytes.len() / 3, bytes.len() - 3] {
            let mut corrupted = bytes.clone();
            corrupted[position] ^= 0x10;
            assert!(load(&corrupted).is_err(), "flipped byte {position}");
        }
        // Behind a valid checksum: a cut payload, and garbage in the counts.
        let cut = repackaged(bytes, |p| p.truncate(p.len() / 2));
        assert!(matches!(load(&cut), Err(WeightsError::Malformed(_))));
        let garbage = repackaged(bytes, |p| p[..4].copy_from_slice(&u32::MAX.to_le_bytes()));
        assert!(matches!(load(&garbage), Err(WeightsError::Malformed(_))));
        for position in (0..bytes.len() - 28).step_by(bytes.len() / 50) {
            let poked = repackaged(bytes, |p| p[position] = p[position].wrapping_add(97));
            let _ = load(&poked); // Must return, error or not, without panicking.
        }
    }
    assert!(Parser::from_bytes(&tagger).is_err(), "a tagger file is not a parser file");
    let version = repackaged(&tagger, |_| {});
    let mut version = version;
    version[8] = 99;
    assert!(matches!(
        Tagger::from_bytes(&version),
        Err(WeightsError::UnsupportedVersion { found: 99, .. })
    ));
    // Version 1 taggers tagged left to right: their weights mean nothing to this tagger.
    version[8] = 1;
    assert!(matches!(
        Tagger::from_bytes(&version),
        Err(WeightsError::UnsupportedVersion { found: 1, supported: 2 })
    ));
}
