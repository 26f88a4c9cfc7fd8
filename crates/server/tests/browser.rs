//! The dashboard in a real browser: headless Chromium loads the page from a live server over the
//! fixture store, the chart draws, and a link to an event shows its highlighted sentence.
//!
//! Runs when Chromium is found (`DYAD_CHROMIUM`, else `chromium` on the PATH); skips otherwise,
//! unless `DYAD_REQUIRE_BROWSER=1` (set by `scripts/browser-test`, which installs Chromium).

use std::path::PathBuf;
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("DYAD_CHROMIUM").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

#[test]
fn the_dashboard_draws_the_chart_and_highlights_an_event() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var("DYAD_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "DYAD_REQUIRE_BROWSER=1 but no chromium found"
        );
        eprintln!("skipped: no chromium on the PATH (scripts/browser-test installs it)");
        return;
    };
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let app = crate::app(None);
    // The server thread ends with the test process.
    std::thread::spawn(move || dyad_server::serve_listener(listener, app));
    let profile = std::env::temp_dir().join(format!("dyad-chromium-{}", std::process::id()));
    let output = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--virtual-time-budget=10000",
            &format!("--user-data-dir={}", profile.display()),
            "--dump-dom",
            &format!("http://{addr}/#event=3"),
        ])
        .output()
        .expect("chromium runs");
    let _ = std::fs::remove_dir_all(&profile);
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The default actor is the most active one (RUS: two events, in two weeks).
    assert!(dom.contains("data-rows=\"2\""), "weekly chart drawn:\n{dom}");
    assert_eq!(dom.matches("class=\"bar\"").count(), 2, "one bar segment per week and quad class");
    assert!(dom.contains("class=\"goldstein\""), "Goldstein line drawn");
    assert_eq!(dom.matches("<tr data-id=").count(), 2, "RUS events listed");
    assert!(dom.contains("<mark class=\"verb\" title=\"verb\">attacked</mark>"), "{dom}");
    assert!(dom.contains("<mark class=\"source\" title=\"source\">Russia</mark>"));
    assert!(dom.contains("test.verbs:3"), "the rule is shown");
    assert!(dom.contains("UKR: ") || dom.contains("<li"), "partners listed");
}
