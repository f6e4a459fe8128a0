//! The robustness corpus (the mutated policies of `robustness.rs`) as successive changes of one
//! document: after each, the server publishes diagnostics and answers every request.

use serde_json::json;

use super::{Client, URI};
use crate::robustness::{Rng, mutate};
use crate::{policies_in, source};

/// The answer the server gives when a handler panicked: none may.
const INTERNAL_ERROR: i64 = -32603;

#[test]
fn lsp_survives_mutated_policies_as_successive_changes() {
    let mut client = Client::start(json!({}));
    let mut rng = Rng(0x15b0_c0de_5eed);
    let mut version = 1;
    client.open(URI, "");
    for path in policies_in("policies") {
        let original = source(&path).text;
        for _ in 0..12 {
            version += 1;
            let text = mutate(&original, &mut rng);
            client.change(URI, version, json!([{ "text": text }]));
            let _ = client.diagnostics(URI, Some(version));
            // A position somewhere in the text (the protocol allows any: past a line's end too).
            let line = rng.below(text.lines().count() + 2);
            let character = rng.below(80);
            let position =
                json!({ "textDocument": { "uri": URI }, "position": { "line": line, "character": character } });
            for method in ["textDocument/hover", "textDocument/completion", "textDocument/definition"] {
                let response = client.request(method, position.clone());
                assert!(response["error"].is_null(), "{method}: {response}");
            }
            let mut with = position.clone();
            with["context"] = json!({ "includeDeclaration": true });
            assert!(client.request("textDocument/references", with)["error"].is_null());
            // Rename may refuse (no name there, no parse), but must answer.
            let mut rename = position.clone();
            rename["newName"] = json!("nyt-navn");
            for (method, params) in [("textDocument/prepareRename", position.clone()), ("textDocument/rename", rename)]
            {
                let response = client.request(method, params);
                assert_ne!(response["error"]["code"], INTERNAL_ERROR, "{method}: {response}");
            }
            let document = json!({ "textDocument": { "uri": URI } });
            for method in ["textDocument/documentSymbol", "textDocument/foldingRange"] {
                let response = client.request(method, document.clone());
                assert!(response["error"].is_null(), "{method}: {response}");
            }
            let range = json!({ "start": position["position"], "end": position["position"] });
            let actions = json!({ "textDocument": { "uri": URI }, "range": range, "context": { "diagnostics": [] } });
            assert!(client.request("textDocument/codeAction", actions)["error"].is_null());
            // Formatting and the preview may refuse, but must answer, and not from a panic.
            let format = json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } });
            let preview = json!({ "textDocument": { "uri": URI }, "language": "da" });
            for (method, params) in [("textDocument/formatting", format), ("policyc/preview", preview)] {
                let response = client.request(method, params);
                assert_ne!(response["error"]["code"], INTERNAL_ERROR, "{method}: {response}");
            }
        }
    }
    assert!(client.shutdown().success());
}
