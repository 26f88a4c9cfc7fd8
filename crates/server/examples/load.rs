//! A loopback load generator for `dyad serve`: N keep-alive connections each send GET requests
//! for a fixed time; prints requests/s and latency percentiles as one JSON line.
//!
//! `cargo run --release -p dyad-server --example load -- 127.0.0.1:8080 64 10 /api/events?limit=50`
//! (address, connections, seconds, then one or more paths, used in turn).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Sends one request on a kept-alive connection and reads the whole response; returns the status.
fn request(reader: &mut BufReader<TcpStream>, addr: &str, path: &str) -> std::io::Result<u16> {
    write!(reader.get_mut(), "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n")?;
    let mut status_line = String::new();
    reader.read_line(&mut status_line)?;
    let status = status_line.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(status)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 {
        eprintln!("usage: load ADDR CONNECTIONS SECONDS PATH...");
        std::process::exit(2);
    }
    let addr = args[0].clone();
    let connections: usize = args[1].parse().expect("connections");
    let seconds: f64 = args[2].parse().expect("seconds");
    let paths: Vec<String> = args[3..].to_vec();
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|worker| {
            let (addr, paths) = (addr.clone(), paths.clone());
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                let mut errors = 0u64;
                let mut reader = BufReader::new(TcpStream::connect(&addr).expect("connect"));
                let mut i = worker;
                while Instant::now() < deadline {
                    let path = &paths[i % paths.len()];
                    i += 1;
                    let sent = Instant::now();
                    match request(&mut reader, &addr, path) {
                        Ok(200) => latencies.push(sent.elapsed()),
                        Ok(_) => errors += 1,
                        Err(_) => {
                            errors += 1;
                            reader = BufReader::new(TcpStream::connect(&addr).expect("connect"));
                        }
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = 0;
    for worker in workers {
        let (l, e) = worker.join().expect("worker");
        latencies.extend(l);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let percentile = |p: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let index = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[index].as_secs_f64() * 1000.0
    };
    println!(
        "{{\"paths\":{:?},\"connections\":{connections},\"seconds\":{elapsed:.1},\"requests\":{},\
         \"errors\":{errors},\"requests_per_s\":{:.0},\"p50_ms\":{:.2},\"p99_ms\":{:.2},\"max_ms\":{:.2}}}",
        paths,
        latencies.len(),
        latencies.len() as f64 / elapsed,
        percentile(0.5),
        percentile(0.99),
        percentile(1.0),
    );
}
