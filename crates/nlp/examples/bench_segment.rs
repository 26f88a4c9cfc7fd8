//! Benchmark of segmentation plus tokenization, one thread, and a census of what it found.
//!
//! `cargo run --release -p dyad-nlp --example bench_segment -- FILE... [--rules]`
//! reads the articles into memory first, then segments them all three times and reports the
//! best pass in MB/s of article text (wall and CPU time), with counts of sentences, tokens and datelines found.
//! `--rules` turns the learned boundary classifier off.

use std::path::Path;
use std::time::Instant;

fn main() {
    let mut options = dyad_nlp::SegmentOptions::default();
    let mut texts = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--rules" {
            options.learned_boundaries = false;
            continue;
        }
        let reader = match dyad_ingest::open_path(Path::new(&arg)) {
            Ok(reader) => reader,
            Err(error) => {
                eprintln!("{arg}: {error}");
                std::process::exit(2);
            }
        };
        texts.extend(reader.filter_map(Result::ok).map(|article| article.text));
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    let (mut sentences, mut tokens, mut datelines) = (0, 0, 0);
    for _ in 0..3 {
        let started = Instant::now();
        let cpu_started = cpu_seconds();
        (sentences, tokens, datelines) = (0, 0, 0);
        for text in &texts {
            let document = dyad_nlp::segment_with(text, options);
            sentences += document.sentences.len();
            tokens += document.sentences.iter().map(|s| s.tokens.len()).sum::<usize>();
            datelines += usize::from(document.dateline.is_some());
        }
        best = best.min(started.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_started, cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    println!(
        "{} articles, {:.2} MB: {sentences} sentences, {tokens} tokens, {datelines} datelines ({:.1}%); \
         best of 3 passes {best:.3} s wall = {:.1} MB/s; {best_cpu:.3} s CPU = {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        100.0 * datelines as f64 / texts.len().max(1) as f64,
        bytes as f64 / 1e6 / best,
        bytes as f64 / 1e6 / best_cpu,
    );
}

/// CPU time of this process (user + system) from `/proc/self/stat`, on Linux; the machine
/// may be shared, so wall time alone overstates the cost.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}
