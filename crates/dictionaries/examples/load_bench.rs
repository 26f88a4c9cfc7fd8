//! Benchmark: time to read a PETRARCH dictionary set and compile its matchers.
//!
//! `cargo run --release -p dyad-dictionaries --example load_bench -- DIR [FILE ...]`
//! reads the named files of DIR (default: the seven Phoenix files), then reports the best and
//! median of several runs (`BENCH_RUNS`, default 15) for reading, compiling, and a
//! phrase-matching pass.

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

/// CPU time (user + system) of the whole process so far, every thread included, from Linux
/// `/proc/self/stat` (10 ms ticks, so only sums over many runs are meaningful); `None` elsewhere.
fn process_cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold blanks).
    let rest = &text[text.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

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
    let runs: usize = std::env::var("BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(15);
    let (mut read_times, mut compile_times, mut match_times) = (Vec::new(), Vec::new(), Vec::new());
    let mut cpu_times = Vec::new();
    // A sentence-sized token sequence to match against every phrase matcher.
    let sentence: Vec<Token<'_>> = "Russian Foreign Minister Sergei Lavrov met with the United Nations Secretary General in New York on Friday to discuss the election and sanctions"
        .split_whitespace()
        .map(Token::new)
        .collect();
    let mut counts = None;
    for _ in 0..runs {
        let cpu_start = process_cpu_time();
        let start = Instant::now();
        let (set, diagnostics) =
            Dictionaries::read_petrarch(files.iter().map(|(n, t)| (n.as_str(), t.as_str())));
        read_times.push(start.elapsed());
        let start = Instant::now();
        let matchers = Matchers::build(&set, false);
        compile_times.push(start.elapsed());
        if let (Some(before), Some(after)) = (cpu_start, process_cpu_time()) {
            cpu_times.push(after - before);
        }
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
    if !cpu_times.is_empty() {
        let total: Duration = cpu_times.iter().sum();
        println!(
            "CPU time (all threads) for read+compile: mean {:.0} ms per load",
            total.as_secs_f64() * 1e3 / cpu_times.len() as f64
        );
    }
    match_times.sort();
    println!(
        "match one {}-token sentence against actors+agents+issues+discards: best {:.1} us",
        sentence.len(),
        match_times[0].as_secs_f64() * 1e6
    );
}
