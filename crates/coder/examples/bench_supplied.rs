//! Benchmark: coding speed over supplied Treebank parses, one thread.
//!
//! Reads a PETRARCH XML file with `<Parse>` elements (default: the GigaWord sample), repeats its
//! sentences up to N (default 10,000) and codes them with a PETRARCH dictionary folder (default:
//! the Phoenix set, every `Phoenix.*` and `CAMEO.*` file). Prints load time, sentences per second
//! for linearisation + coding, and the number of events.
//!
//!     cargo run --release -p dyad-coder --example bench_supplied -- \
//!         [RECORDS.xml] [DICTIONARY_DIR] [N]
//!
//! The engine has PETRARCH-1 semantics: on PETRARCH2 verb files (CAMEO.2.0.txt) the `(PREP ...)`
//! and `{NP}` pattern elements never match, so verbs code with their default codes.

use std::time::Instant;

use dyad_coder::engine::{Lexicon, code_sentence};
use dyad_coder::records::read_records;
use dyad_coder::treebank;
use dyad_dictionaries::Dictionaries;
use dyad_model::Date;

/// CPU time of this thread in seconds (Linux `schedstat`), when available: on a shared machine
/// the wall clock also counts the time other processes held the cores.
fn thread_cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds / 1e9)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = dyad_testdata::data_dir();
    let records_path = args.first().map_or_else(
        || data.join("petrarch2/text/GigaWord.sample.PETR.xml"),
        std::path::PathBuf::from,
    );
    let folder =
        args.get(1).map_or_else(|| data.join("petrarch2/dictionaries"), std::path::PathBuf::from);
    let wanted: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(10_000);

    let xml = std::fs::read_to_string(&records_path).expect("records file");
    let file = read_records(&xml).expect("records");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("dictionary folder")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with("Phoenix.") || name.starts_with("CAMEO."))
        .collect();
    names.sort();
    let texts: Vec<(String, String)> = names
        .iter()
        .map(|name| (name.clone(), std::fs::read_to_string(folder.join(name)).expect("dictionary")))
        .collect();
    let started = Instant::now();
    let (dictionaries, _) =
        Dictionaries::read_petrarch(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())));
    let lexicon = Lexicon::new(&dictionaries);
    let load = started.elapsed();

    let records: Vec<_> = file.records.iter().filter(|r| !r.parse.trim().is_empty()).collect();
    assert!(!records.is_empty(), "no parses in {}", records_path.display());
    let started = Instant::now();
    let cpu_started = thread_cpu_seconds();
    let mut events = 0usize;
    let mut rejected = 0usize;
    for i in 0..wanted {
        let record = records[i % records.len()];
        let date = Date::parse_compact(&record.date).ok();
        match treebank::linearise_text(&record.parse) {
            Ok(layer) => {
                if let Some(coding) = code_sentence(&lexicon, &layer, &record.options, date) {
                    events += coding.events.len();
                }
            }
            Err(_) => rejected += 1,
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let cpu = cpu_started.zip(thread_cpu_seconds()).map(|(start, end)| end - start);
    println!(
        "dictionaries: {} files, {} actors, {} agents, {} verb blocks, loaded and indexed in {:.2} s",
        names.len(),
        dictionaries.actors.len(),
        dictionaries.agents.len(),
        dictionaries.verbs.blocks.len(),
        load.as_secs_f64()
    );
    println!(
        "{wanted} sentences ({} distinct, {rejected} parses rejected) in {elapsed:.3} s: \
         {:.0} sentences/s, {events} events",
        records.len(),
        wanted as f64 / elapsed
    );
    if let Some(cpu) = cpu {
        println!("thread CPU time {cpu:.3} s: {:.0} sentences per CPU second", wanted as f64 / cpu);
    }
}
