//! Hover, definition, references and rename while the document does not parse: read from the
//! last version that did, outside the lines changed since; rename refused when unsure.

use serde_json::{Value, json};

use super::{Client, SMALL, URI, at, opened, pos};

fn edits(edit: &Value) -> Vec<Value> {
    edit["changes"][URI].as_array().cloned().unwrap_or_default()
}

#[test]
fn lsp_names_work_while_the_text_does_not_parse() {
    let mut client = opened();
    // An incremental change deletes the closing quote of the purpose's title.
    let quote = "Din kurs\"\n  subjects";
    let broken = SMALL.replacen(quote, "Din kurs\n  subjects", 1);
    let range = json!({ "start": pos(SMALL, quote, 8), "end": pos(SMALL, quote, 9) });
    client.change(URI, 2, json!([{ "range": range, "text": "" }]));
    let diagnostics = client.diagnostics(URI, Some(2));
    assert!(diagnostics.iter().any(|d| d["code"] == "E0001"), "{diagnostics:?}");

    let hover = client.result("textDocument/hover", at(&broken, "kursister\n  keep"));
    let shown = hover["contents"]["value"].as_str().unwrap_or("");
    for expected in ["subject group `kursister`", "*sv*: Kursdeltagare", "last version that did"] {
        assert!(shown.contains(expected), "{expected} in {shown}");
    }
    assert_eq!(hover["range"]["start"], pos(&broken, "kursister\n  keep", 0));

    let definition = client.result("textDocument/definition", at(&broken, "kontakt\n  subjects"));
    assert_eq!(definition["range"]["start"], pos(&broken, "kontakt {", 0));
    let mut params = at(&broken, "kontakt {");
    params["context"] = json!({ "includeDeclaration": true });
    let references = client.result("textDocument/references", params);
    let starts: Vec<Value> = references.as_array().into_iter().flatten().map(|r| r["range"]["start"].clone()).collect();
    let expected = ["kontakt {", "kontakt\n  sources", "kontakt\n  subjects"].map(|n| pos(&broken, n, 0));
    assert_eq!(starts, expected);

    let prepared = client.result("textDocument/prepareRename", at(&broken, "kursister {"));
    assert_eq!(prepared["start"], pos(&broken, "kursister {", 0));
    let mut rename = at(&broken, "kursister {");
    rename["newName"] = json!("deltagere");
    let edit = client.result("textDocument/rename", rename.clone());
    let mut starts: Vec<Value> = edits(&edit).iter().map(|e| e["range"]["start"].clone()).collect();
    starts.sort_by_key(|p| (p["line"].as_u64(), p["character"].as_u64()));
    let expected = ["kursister {", "kursister\n  data", "kursister\n  keep"].map(|n| pos(&broken, n, 0));
    assert_eq!(starts, expected);

    // The name typed on the changed line (inside the text that is not closed yet): refused.
    let typed = broken.replacen("Din kurs\n", "Din kurs for kursister\n", 1);
    client.change(URI, 3, json!([{ "text": typed }]));
    let refused = client.request("textDocument/rename", rename.clone());
    let message = refused["error"]["message"].as_str().unwrap_or("");
    assert!(message.contains("`kursister` occurs on line 24, which changed since"), "{refused}");
    let refused = client.request("textDocument/prepareRename", at(&typed, "kursister {"));
    assert!(refused["error"]["message"].is_string(), "{refused}");
    // Navigation still answers; the word inside the open text is text, not a name.
    let definition = client.result("textDocument/definition", at(&typed, "kursister\n  data"));
    assert_eq!(definition["range"]["start"], pos(&typed, "kursister {", 0));
    assert_eq!(client.result("textDocument/definition", at(&typed, "kursister\n  subjects")), Value::Null);

    // Closed again: the rename is an ordinary one.
    let fixed = typed.replacen("Din kurs for kursister\n", "Din kurs for kursister\"\n", 1);
    client.change(URI, 4, json!([{ "text": fixed }]));
    assert_eq!(edits(&client.result("textDocument/rename", rename)).len(), 3);
    assert!(client.shutdown().success());
}

#[test]
fn lsp_rename_is_refused_on_a_document_that_never_parsed() {
    let mut client = Client::start(json!({}));
    let broken = SMALL.replace("  basis contract", "  basiss contract");
    client.open(URI, &broken);
    let _ = client.diagnostics(URI, Some(1));
    // Definition and references are read from the tokens.
    let definition = client.result("textDocument/definition", at(&broken, "kontakt\n  sources"));
    assert_eq!(definition["range"]["start"], pos(&broken, "kontakt {", 0));
    let mut rename = at(&broken, "kontakt {");
    rename["newName"] = json!("kontakter");
    let refused = client.request("textDocument/rename", rename);
    let message = refused["error"]["message"].as_str().unwrap_or("");
    assert!(message.contains("does not parse, and no earlier version of it did"), "{refused}");
    assert!(client.shutdown().success());
}
