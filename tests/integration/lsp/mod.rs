//! `policyc lsp` end to end: the built binary, driven over JSON-RPC on stdin/stdout.

mod broken;
mod client;
mod features;
mod robustness;

use serde_json::{Value, json};

pub use client::Client;

pub const URI: &str = "file:///tmp/kursus/small.policy";

/// A small policy without errors or warnings, with Danish and Swedish letters and a character
/// outside the Basic Multilingual Plane.
pub const SMALL: &str = include_str!("small.policy");

/// The position of `needle`'s first character (after `skip` bytes of its first occurrence)
/// in UTF-16 code units.
pub fn pos(text: &str, needle: &str, skip: usize) -> Value {
    let offset = text.find(needle).unwrap_or_else(|| panic!("`{needle}` not in the text")) + skip;
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..offset].matches('\n').count();
    let character: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
    json!({ "line": line, "character": character })
}

pub fn at(text: &str, needle: &str) -> Value {
    json!({ "textDocument": { "uri": URI }, "position": pos(text, needle, 0) })
}

/// A client with SMALL open and its (empty) diagnostics read.
pub fn opened() -> Client {
    let mut client = Client::start(json!({}));
    client.open(URI, SMALL);
    assert_eq!(client.diagnostics(URI, Some(1)), Vec::<Value>::new());
    client
}

#[test]
fn lsp_initializes_negotiates_encoding_and_exits_with_status_0() {
    for (offered, chosen) in
        [(json!(null), "utf-16"), (json!(["utf-8", "utf-16"]), "utf-8"), (json!(["utf-32"]), "utf-32")]
    {
        let client = Client::start(json!({ "general": { "positionEncodings": offered } }));
        let caps = &client.initialized["capabilities"];
        assert_eq!(caps["positionEncoding"], chosen);
        assert_eq!(client.initialized["serverInfo"]["name"], "policyc");
        for provider in ["hoverProvider", "definitionProvider", "completionProvider", "documentFormattingProvider"] {
            assert!(!caps[provider].is_null(), "{provider} missing: {caps}");
        }
        assert!(client.shutdown().success());
    }
}

#[test]
fn lsp_publishes_diagnostics_with_labels_help_and_explanation_link() {
    let mut client = Client::start(json!({}));
    let text =
        SMALL.replace("subjects kursister\n  data kontakt\n  sources", "subjects kursistr\n  data kontakt\n  sources");
    client.open(URI, &text);
    let diagnostics = client.diagnostics(URI, Some(1));
    let d = diagnostics.iter().find(|d| d["code"] == "E0102").unwrap_or_else(|| panic!("{diagnostics:?}"));
    assert_eq!(d["severity"], 1);
    assert_eq!(d["source"], "policyc");
    assert_eq!(d["range"]["start"], pos(&text, "kursistr", 0));
    let message = d["message"].as_str().unwrap_or("");
    assert!(message.contains("help: did you mean `kursister`?"), "{message}");
    assert!(d["codeDescription"]["href"].as_str().is_some_and(|h| h.ends_with("/docs/codes/E0102.md")), "{d}");
    assert_eq!(d["relatedInformation"][0]["message"], "unknown subject group");
    // A diagnostic with a secondary label: the data listed twice.
    client.change(URI, 2, json!([{ "text": SMALL.replacen("basis contract", "basis contract, contract", 1) }]));
    let diagnostics = client.diagnostics(URI, Some(2));
    let d = diagnostics.iter().find(|d| d["code"] == "E0103").unwrap_or_else(|| panic!("{diagnostics:?}"));
    let related = d["relatedInformation"].as_array().cloned().unwrap_or_default();
    assert_eq!(related.len(), 2, "{d}");
    assert_eq!(related[1]["message"], "first listed here");
    assert_eq!(related[1]["location"]["uri"], URI);
    assert!(client.shutdown().success());
}

/// A diagnostic after Danish letters, Swedish letters and 😀 on the same line, in each encoding.
#[test]
fn lsp_positions_count_utf16_utf8_and_utf32() {
    let line = "  title da \"Dit kursus æøå 😀\" sv \"Din kurs äö\" subjects kursistr";
    let text = SMALL.replace("  title da \"Dit kursus\" sv \"Din kurs\"\n  subjects kursister", line);
    let before = &line[..line.find("kursistr").unwrap_or(0)];
    let expected = [
        ("utf-16", before.chars().map(char::len_utf16).sum::<usize>()),
        ("utf-8", before.len()),
        ("utf-32", before.chars().count()),
    ];
    for (encoding, character) in expected {
        let mut client = Client::start(json!({ "general": { "positionEncodings": [encoding] } }));
        client.open(URI, &text);
        let diagnostics = client.diagnostics(URI, Some(1));
        let d = diagnostics.iter().find(|d| d["code"] == "E0102").unwrap_or_else(|| panic!("{diagnostics:?}"));
        assert_eq!(d["range"]["start"]["character"], character, "{encoding}");
        assert_eq!(d["range"]["end"]["character"], character + "kursistr".len(), "{encoding}");
        // And back: a change at that position in the same encoding fixes the name.
        let start = d["range"]["start"].clone();
        let end = d["range"]["end"].clone();
        client.change(URI, 2, json!([{ "range": { "start": start, "end": end }, "text": "kursister" }]));
        assert_eq!(client.diagnostics(URI, Some(2)), Vec::<Value>::new(), "{encoding}");
        assert!(client.shutdown().success());
    }
}

/// Changes sent in a burst: only the latest text counts, and its diagnostics carry its version.
#[test]
fn lsp_compiles_the_latest_of_a_burst_of_changes() {
    let mut client = opened();
    let broken = SMALL.replace("basis contract", "basis contrct");
    for version in 2..=20 {
        let text = if version % 2 == 0 { &broken } else { SMALL };
        client.change(URI, version, json!([{ "text": text }]));
    }
    // Version 20 is the broken text.
    let diagnostics = client.diagnostics(URI, Some(20));
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "E0105");
    // Incremental: replace `contrct` by `contract`.
    let start = pos(&broken, "contrct", 0);
    let end = pos(&broken, "contrct", 7);
    client.change(URI, 21, json!([{ "range": { "start": start, "end": end }, "text": "contract" }]));
    assert_eq!(client.diagnostics(URI, Some(21)), Vec::<Value>::new());
    client.notify("textDocument/didClose", json!({ "textDocument": { "uri": URI } }));
    assert_eq!(client.diagnostics(URI, None), Vec::<Value>::new());
    assert!(client.shutdown().success());
}
