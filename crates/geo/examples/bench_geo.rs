//! Benchmark: gazetteer load time and memory, and place-mention throughput on a JSONL corpus.
//!
//! cargo run --release -p dyad-geo --example bench_geo -- \
//!     [--gazetteer PATH] [--articles ../shared/corpus/reuters-21578/articles.jsonl] [--limit N]
//!
//! Memory is the growth of the process's resident set (Linux `/proc/self/status`) across one
//! load, so it includes allocator slack; time is the mean of several loads.

use dyad_geo::{Gazetteer, GeoContext, simple_tokenize};
use std::time::Instant;

fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time (user + system) of this process in milliseconds, from `/proc/self/stat` (assumes
/// the usual 100 ticks per second): the machine is shared, so wall time alone misleads.
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let user: u64 = fields.get(11)?.parse().ok()?;
    let system: u64 = fields.get(12)?.parse().ok()?;
    Some((user + system) * 10)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut gazetteer_path, mut articles_path, mut limit) = (None, None, usize::MAX);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--gazetteer" => gazetteer_path = args.next(),
            "--articles" => articles_path = args.next(),
            "--limit" => limit = args.next().and_then(|n| n.parse().ok()).unwrap_or(limit),
            other => panic!("unknown argument {other}"),
        }
    }
    let bytes = match &gazetteer_path {
        Some(path) => std::fs::read(path).expect("read gazetteer"),
        None => Vec::new(),
    };
    let load = || match &gazetteer_path {
        Some(_) => Gazetteer::from_bytes(&bytes).expect("valid gazetteer"),
        None => Gazetteer::embedded(),
    };

    let before = resident_kib();
    let started = Instant::now();
    let gazetteer = load();
    let first = started.elapsed();
    let after = resident_kib();
    const RUNS: u32 = 5;
    let cpu_before = cpu_ms();
    let started = Instant::now();
    for _ in 0..RUNS {
        std::hint::black_box(load());
    }
    let mean = started.elapsed() / RUNS;
    let cpu_per_load = match (cpu_before, cpu_ms()) {
        (Some(b), Some(a)) => format!("{} ms", (a - b) / u64::from(RUNS)),
        _ => "?".to_string(),
    };
    println!(
        "gazetteer: {} places, first load {:.1} ms, mean of {RUNS} loads {:.1} ms wall, \
         {cpu_per_load} CPU, resident set +{} KiB",
        gazetteer.places().len(),
        first.as_secs_f64() * 1e3,
        mean.as_secs_f64() * 1e3,
        match (before, after) {
            (Some(b), Some(a)) => a.saturating_sub(b).to_string(),
            _ => "?".to_string(),
        }
    );

    let Some(path) = articles_path else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("read articles");
    let (mut articles, mut lines, mut bytes_seen, mut mentions, mut with_dateline) =
        (0, 0, 0, 0, 0);
    let started = Instant::now();
    for line in text.lines().take(limit) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let body = value["text"].as_str().unwrap_or_default();
        articles += 1;
        bytes_seen += body.len();
        let head: String = body.chars().take(60).collect();
        if head.contains(" - ") && gazetteer.dateline_place(&head).is_some() {
            with_dateline += 1;
        }
        for paragraph in body.split('\n').filter(|p| !p.trim().is_empty()) {
            lines += 1;
            let tokens = simple_tokenize(paragraph);
            mentions += gazetteer.find_mentions(&tokens, &GeoContext::default()).len();
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "{articles} articles ({:.1} MB, {lines} paragraphs): {mentions} place mentions in {:.2} s \
         ({:.1} MB/s); datelines resolved to a place: {with_dateline}",
        bytes_seen as f64 / 1e6,
        elapsed,
        bytes_seen as f64 / 1e6 / elapsed
    );
}
