//! Benchmark: time to read a PETRARCH dictionary set and compile its matchers.
//!
//! `cargo run --release -p dyad-dictionaries --example load_bench -- DIR [FILE ...]`
//! reads the named files of DIR (default: the seven Phoenix files), then reports the best and
//! median of several runs for reading, compiling, and a phrase-matching pass.

use std::time::{Duration, Instant};

use dyad_dictionaries::{Dictionaries, Matchers, Token};

const PHOENIX: [&str; 7] = [
    "CAMEO.2.0.txt",
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
    "Phoenix.discards.txt",
    "Phoenix.IssueCoding.txt",
];

fn summary(mut times: Vec<Duration>) -> String {
    times.sort();
    format!(
        "best {:.1} ms, median {:.1} ms",
        times[0].as_secs_f64() * 1e3,
        times[times.len() / 2].as_secs_f64() * 1e3
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "../shared/petrarch2/dictionaries".into());
    let mut names: Vec<String> = args.collect();
    if names.is_empty() {
        names = PHOENIX.iter().map(|s| s.to_string()).collect();
    }
    let files: Vec<(String, String)> = names
        .iter()
        .map(|name| {
            let path = format!("{dir}/{name}");
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            (name.clone(), String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect();
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let runs = 9;
    let (mut read_times, mut compile_times, mut match_times) = (Vec::new(), Vec::new(), Vec::new());
    // A sentence-sized token sequence to match against every phrase matcher.
    let sentence: Vec<Token<'_>> = "Russian Foreign Minister Sergei Lavrov met with the United Nations Secretary General in New York on Friday to discuss the election and sanctions"
        .split_whitespace()
        .map(Token::new)
        .collect();
    let mut counts = None;
    for _ in 0..runs {
        let start = Instant::now();
        let (set, diagnostics) =
            Dictionaries::read_petrarch(files.iter().map(|(n, t)| (n.as_str(), t.as_str())));
        read_times.push(start.elapsed());
        let start = Instant::now();
        let matchers = Matchers::build(&set, false);
        compile_times.push(start.elapsed());
        let start = Instant::now();
        let mut hits = 0;
        for _ in 0..1000 {
            hits += matchers.actors.find_all(&sentence).len();
            hits += matchers.agents.find_all(&sentence).len();
            hits += matchers.issues.find_all(&sentence).len();
            hits += matchers.discards.find_all(&sentence).len();
        }
        match_times.push(start.elapsed() / 1000);
        assert!(hits > 0);
        counts = Some(set.counts(&diagnostics));
    }
    println!("{} files, {:.1} MB", files.len(), bytes as f64 / 1e6);
    println!("counts: {:?}", counts.unwrap());
    println!("read:    {}", summary(read_times));
    println!("compile: {}", summary(compile_times));
    match_times.sort();
    println!(
        "match one {}-token sentence against actors+agents+issues+discards: best {:.1} us",
        sentence.len(),
        match_times[0].as_secs_f64() * 1e6
    );
}
