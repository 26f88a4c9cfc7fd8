//! `dyad serve --demo` as a real process: it fills a store from the sample articles, listens on
//! a free loopback port, and answers the API and the dashboard over plain HTTP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use crate::util::TestDir;

/// Kills the server when the test ends, whatever happens.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One HTTP/1.1 request; returns the status code and the body.
fn request(addr: &str, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: \
         application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

#[test]
fn serve_demo_answers_the_api_and_the_dashboard() {
    let dir = TestDir::new("serve");
    let child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .current_dir(&dir.path)
        .args(["serve", "--demo", "--addr", "127.0.0.1:0"])
        .env_remove("DYAD_TOKEN")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let stderr = BufReader::new(server.0.stderr.take().unwrap());
    let mut addr = None;
    for line in stderr.lines() {
        let line = line.unwrap();
        if let Some(at) = line.split("listening on http://").nth(1) {
            addr = Some(at.trim().to_string());
            break;
        }
    }
    let addr = addr.expect("the server says where it listens");
    assert!(dir.path.join("dyad-demo.db").exists());

    let (status, body) = request(&addr, "GET", "/api/articles/brief-001", "");
    assert_eq!(status, 200, "{body}");
    let article: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(article["title"], "Summit in Geneva");
    let (status, body) = request(&addr, "GET", "/", "");
    assert_eq!(status, 200);
    assert!(body.contains("<script src=\"/app.js\">"));
    // Without a token, writes are refused.
    let (status, _) = request(&addr, "POST", "/api/articles", "{\"id\": \"x\", \"text\": \"y\"}");
    assert_eq!(status, 403);
}
