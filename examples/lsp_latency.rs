//! How long `policyc lsp` takes from a change notification to its diagnostics, median of many
//! edits, on the largest example policy and on the 1,000-purpose synthetic policy:
//!
//! ```sh
//! cargo build --release --locked && cargo run --release --locked --example lsp_latency
//! ```
//!
//! Two numbers per policy: the library alone (`policyc::ide::Analysis::new`, the whole
//! pipeline an edit triggers) and the round trip over the protocol against the release binary
//! (an incremental edit written to its stdin until `publishDiagnostics` is read back). Each
//! edit toggles a character in a comment, so the policy stays what it was.

use std::io::{BufRead, BufReader, Write};
use std::process::{ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

#[path = "synth/generate.rs"]
mod generate;

const EDITS: usize = 60;

fn main() {
    let server = std::env::args().nth(1).unwrap_or_else(|| "target/release/policyc".to_string());
    let largest = ["aventus", "jobconnection", "atwork", "addvalue", "workstep"]
        .iter()
        .map(|p| (p.to_string(), std::fs::read_to_string(format!("policies/{p}.policy")).unwrap_or_default()))
        .max_by_key(|(_, t)| t.len())
        .unwrap_or_default();
    let policies = [largest, ("synthetic-1000".to_string(), generate::policy(1000))];
    println!("| policy | size | diagnostics | library (Analysis::new) | protocol (didChange -> publishDiagnostics) |");
    println!("|---|---|---|---|---|");
    for (name, text) in policies {
        let text = format!("{text}// x\n");
        let library = median(library(&text));
        let protocol = median(protocol(&server, &text));
        let diagnostics = policyc::ide::Analysis::new("bench.policy", text.as_str()).diagnostics().len();
        println!("| {name} | {} KB | {diagnostics} | {library:.2?} | {protocol:.2?} |", text.len() / 1000);
    }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

fn library(text: &str) -> Vec<Duration> {
    (0..EDITS)
        .map(|i| {
            // Like an editor, which pauses between edits (and leaves the caches to others).
            std::thread::sleep(Duration::from_millis(20));
            let edited = if i % 2 == 0 { text.replace("// x\n", "// y\n") } else { text.to_string() };
            let start = Instant::now();
            let analysis = policyc::ide::Analysis::new("bench.policy", edited);
            std::hint::black_box(analysis.diagnostics().len());
            start.elapsed()
        })
        .collect()
}

fn protocol(server: &str, text: &str) -> Vec<Duration> {
    let mut child = Command::new(server)
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the server (build it with `cargo build --release`)");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let uri = "file:///bench.policy";
    send(&mut stdin, json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "capabilities": {} } }));
    read(&mut stdout);
    send(&mut stdin, json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
    let doc = json!({ "uri": uri, "languageId": "policy", "version": 0, "text": text });
    send(&mut stdin, json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": doc } }));
    read(&mut stdout);
    // The comment `// x` on the last line: its letter is at line `lines - 1`, character 3.
    let line = text.lines().count() - 1;
    let mut samples = Vec::new();
    for version in 1..=EDITS as i64 {
        let letter = if version % 2 == 0 { "x" } else { "y" };
        let range = json!({ "start": { "line": line, "character": 3 }, "end": { "line": line, "character": 4 } });
        let change = json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "range": range, "text": letter }] });
        let start = Instant::now();
        send(&mut stdin, json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": change }));
        let published = read(&mut stdout);
        samples.push(start.elapsed());
        assert_eq!(published["params"]["version"], json!(version), "{published}");
    }
    send(&mut stdin, json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown" }));
    read(&mut stdout);
    send(&mut stdin, json!({ "jsonrpc": "2.0", "method": "exit" }));
    drop(stdin);
    let _ = child.wait();
    samples
}

fn send(stdin: &mut ChildStdin, message: Value) {
    let body = message.to_string();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
    stdin.flush().expect("flush");
}

fn read(stdout: &mut impl BufRead) -> Value {
    let mut length = 0;
    loop {
        let mut line = String::new();
        stdout.read_line(&mut line).expect("read");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse().expect("length");
        }
    }
    let mut body = vec![0; length];
    stdout.read_exact(&mut body).expect("read body");
    serde_json::from_slice(&body).expect("JSON")
}
