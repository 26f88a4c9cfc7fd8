//! Golden tests (style.md practice 9): every `golden/NNNN_name.txt` (a `# date: YYYY-MM-DD` line,
//! then text) is coded by the whole pipeline and its events compared with `NNNN_name.events`.
//! A missing `.events` file is written; `UPDATE_GOLDEN=1` rewrites them all. The outputs depend
//! on the tagger and parser: the test uses the embedded models, or the weights files named by
//! `DYAD_TAGGER_WEIGHTS` and `DYAD_PARSER_WEIGHTS`, and is skipped (with a note) without either.

use std::path::Path;

use dyad_coder::{ParseFn, Pipeline, from_words};
use dyad_model::{Article, Date};
use dyad_nlp::{Parser, Tagger};

fn parser() -> Option<Box<ParseFn>> {
    if let (Ok(tagger), Ok(parser)) =
        (std::env::var("DYAD_TAGGER_WEIGHTS"), std::env::var("DYAD_PARSER_WEIGHTS"))
    {
        let tagger = Tagger::from_bytes(&std::fs::read(tagger).ok()?).ok()?;
        let parser = Parser::from_bytes(&std::fs::read(parser).ok()?).ok()?;
        return Some(Box::new(move |tokens: &[&str]| {
            from_words(&dyad_nlp::Analyzer { tagger: &tagger, parser: &parser }.analyze(tokens))
        }));
    }
    dyad_coder::embedded_parser()
}

/// One line per event: what a reader checks first.
fn render(article: &Article, pipeline: &Pipeline) -> String {
    let coded = pipeline.code_article(article);
    let mut out = String::new();
    for e in &coded.events {
        let target = e.target.as_ref().map_or("", |t| t.code.as_str());
        let date = e.date.map(|d| d.to_string()).unwrap_or_default();
        out.push_str(&format!(
            "{} {} -> {} {} verb={:?} negated={} date={} basis={} historical={}\n",
            e.sentence,
            e.source.code,
            target,
            e.code,
            e.verb_text,
            e.negated,
            date,
            e.date_basis.as_str(),
            e.historical
        ));
    }
    for d in &coded.diagnostics {
        out.push_str(&format!("diagnostic {}\n", d.message));
    }
    out
}

#[test]
fn golden_sentences() {
    let Some(parser) = parser() else {
        eprintln!("golden: skipped, no tagger/parser weights in this build");
        return;
    };
    let pipeline = Pipeline::with_defaults().with_parser(parser);
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    let mut cases: Vec<_> = std::fs::read_dir(&folder)
        .expect("golden folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for case in cases {
        let input = std::fs::read_to_string(&case).expect("case");
        let (first, text) = input.split_once('\n').unwrap_or(("", &input));
        let mut article =
            Article::new(case.file_stem().unwrap().to_string_lossy().to_string(), text);
        article.date = first.strip_prefix("# date: ").and_then(|d| {
            let d = d.trim().replace('-', "");
            Date::parse_compact(&d).ok()
        });
        let got = render(&article, &pipeline);
        let expected_path = case.with_extension("events");
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if !update => {
                if expected != got {
                    failures.push(format!(
                        "{}:\n--- expected\n{expected}--- got\n{got}",
                        case.display()
                    ));
                }
            }
            _ => std::fs::write(&expected_path, &got).expect("write golden file"),
        }
    }
    assert!(failures.is_empty(), "{}\n(UPDATE_GOLDEN=1 re-blesses)", failures.join("\n"));
}
