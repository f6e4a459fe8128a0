//! Every request of `policyc lsp`, end to end on the small policy.

use serde_json::{Value, json};

use super::{Client, SMALL, URI, at, opened, pos};

fn hover_text(client: &mut Client, text: &str, needle: &str) -> String {
    let result = client.result("textDocument/hover", at(text, needle));
    result["contents"]["value"].as_str().unwrap_or_else(|| panic!("no hover on `{needle}`: {result}")).to_string()
}

#[test]
fn lsp_hover_explains_keywords_words_names_and_codes() {
    let mut client = opened();
    let basis = hover_text(&mut client, SMALL, "basis contract");
    assert!(basis.contains("Art. 6(1)"), "{basis}");
    let contract = hover_text(&mut client, SMALL, "contract\n");
    assert!(contract.contains("(b) performance of a contract"), "{contract}");
    let block = hover_text(&mut client, SMALL, "retention kursusdata");
    assert!(block.contains("storage period"), "{block}");
    let keep = hover_text(&mut client, SMALL, "end-of-course");
    assert!(keep.contains("end-of-course"), "{keep}");
    // A reference: the declaration's name and description in both languages.
    let group = hover_text(&mut client, SMALL, "kursister\n  data");
    for expected in ["subject group `kursister`", "*da*: Kursister", "*sv*: Kursdeltagare", "även äö"] {
        assert!(group.contains(expected), "{expected} in {group}");
    }
    // A diagnostic: its code's explanation, also on the code written in a comment.
    let broken = SMALL.replace("basis contract", "basis contrct // E0105");
    client.change(URI, 2, json!([{ "text": broken }]));
    // An unknown word: what its item takes, then the explanation of the error.
    let explanation = hover_text(&mut client, &broken, "contrct");
    assert!(explanation.starts_with("**`basis`**") && explanation.contains("\n# E0105"), "{explanation}");
    let code = hover_text(&mut client, &broken, "E0105");
    assert!(code.starts_with("# E0105"), "{code}");
    let nothing = client.result("textDocument/hover", at(&broken, "\n\ncontroller"));
    assert_eq!(nothing, Value::Null);
    assert!(client.shutdown().success());
}

#[test]
fn lsp_definition_references_and_rename() {
    let mut client = opened();
    let definition = client.result("textDocument/definition", at(SMALL, "kontakt\n  sources"));
    assert_eq!(definition["uri"], URI);
    assert_eq!(definition["range"]["start"], pos(SMALL, "kontakt {", 0));
    let mut params = at(SMALL, "kontakt {");
    params["context"] = json!({ "includeDeclaration": true });
    let references = client.result("textDocument/references", params.clone());
    assert_eq!(references.as_array().map(Vec::len), Some(3), "{references}");
    params["context"] = json!({ "includeDeclaration": false });
    let references = client.result("textDocument/references", params);
    assert_eq!(references.as_array().map(Vec::len), Some(2), "{references}");

    let prepared = client.result("textDocument/prepareRename", at(SMALL, "kursister\n  data"));
    assert_eq!(prepared["start"], pos(SMALL, "kursister\n  data", 0));
    let mut rename = at(SMALL, "kursister {");
    rename["newName"] = json!("deltagere");
    let edit = client.result("textDocument/rename", rename.clone());
    let edits = edit["changes"][URI].as_array().cloned().unwrap_or_default();
    assert_eq!(edits.len(), 3, "{edit}");
    assert!(edits.iter().all(|e| e["newText"] == "deltagere"));
    client.change(URI, 2, json!([{ "text": format!("{SMALL}\ngroup ansatte {{\n  name da \"A\" sv \"A\"\n}}\n") }]));
    for refused in ["two words", "ansatte", "9lives", ""] {
        rename["newName"] = json!(refused);
        let response = client.request("textDocument/rename", rename.clone());
        assert!(response["error"]["message"].is_string(), "{refused}: {response}");
    }
    // `kontakt` names both a data category and nothing else: renaming it to the purpose's
    // name is allowed (another kind), to its own kind's other names not.
    let mut rename = at(SMALL, "kontakt {");
    rename["newName"] = json!("kursus");
    assert!(client.request("textDocument/rename", rename.clone())["error"].is_null());
    // While the text does not parse, names are read from the last version that did (more in
    // `broken.rs`); rename is refused where that cannot be exact: `kontakt` is on lines changed
    // since (from `basiss` to the end, where the group `ansatte` was).
    client.change(URI, 3, json!([{ "text": SMALL.replace("  basis contract", "  basiss contract") }]));
    let definition = client.result("textDocument/definition", at(SMALL, "kontakt\n  sources"));
    assert_eq!(definition["range"]["start"], pos(SMALL, "kontakt {", 0));
    let mut params = at(SMALL, "kontakt {");
    params["context"] = json!({ "includeDeclaration": false });
    assert_eq!(client.result("textDocument/references", params).as_array().map(Vec::len), Some(2));
    let refused = client.request("textDocument/rename", rename);
    let message = refused["error"]["message"].as_str().unwrap_or("");
    assert!(message.contains("occurs on lines 28-40, which changed since the policy last parsed"), "{refused}");
    assert!(client.shutdown().success());
}

fn labels(client: &mut Client, text: &str, version: i64) -> Vec<String> {
    client.change(URI, version, json!([{ "text": text }]));
    let end = pos(text, "\u{0}", 0);
    let result = client.result("textDocument/completion", json!({ "textDocument": { "uri": URI }, "position": end }));
    result
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|i| i["label"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn lsp_completes_items_words_and_names() {
    let mut client = opened();
    // The marker \0 is where the cursor is; the text after it is left as typed.
    let at_cursor = |before: &str, insert: &str| SMALL.replacen(before, &format!("{before}{insert}\u{0}"), 1);
    let items = labels(&mut client, &at_cursor("provision contractual\n", "  "), 2);
    assert!(items.contains(&"recipients".into()) && items.contains(&"art9".into()), "{items:?}");
    assert!(!items.contains(&"basis".into()), "given already: {items:?}");
    let bases = labels(&mut client, &at_cursor("basis contract", ", "), 3);
    // A hyphenated word typed so far is replaced whole.
    let typed = at_cursor("basis contract", ", legitimate-i");
    client.change(URI, 12, json!([{ "text": typed }]));
    let end = pos(&typed, "\u{0}", 0);
    let items = client.result("textDocument/completion", json!({ "textDocument": { "uri": URI }, "position": end }));
    let item = items.as_array().and_then(|i| i.iter().find(|i| i["label"] == "legitimate-interests")).cloned();
    let item = item.unwrap_or_else(|| panic!("{items}"));
    assert_eq!(item["textEdit"]["range"]["start"], pos(&typed, "legitimate-i", 0));
    assert_eq!(item["textEdit"]["range"]["end"], end);
    assert!(item["documentation"]["value"].as_str().is_some_and(|d| d.contains("(f) legitimate interests")), "{item}");
    assert!(bases.contains(&"legitimate-interests".into()), "{bases:?}");
    let groups = labels(&mut client, &at_cursor("subjects kursister", ", "), 4);
    assert_eq!(groups, vec!["kursister"]);
    let data = labels(&mut client, &at_cursor("provision contractual\n", "  art9 explicit-consent for "), 5);
    assert_eq!(data, vec!["kontakt"]);
    let sources = labels(&mut client, &at_cursor("sources person", ", "), 6);
    assert!(sources.contains(&"person".into()), "{sources:?}");
    let units = labels(&mut client, &SMALL.replacen("keep 6 months after end-of-course", "keep 6 \u{0}", 1), 7);
    assert!(units.contains(&"months".into()), "{units:?}");
    let events = labels(&mut client, &SMALL.replacen("after end-of-course", "after \u{0}", 1), 8);
    assert!(events.contains(&"last-contact".into()), "{events:?}");
    let countries = labels(&mut client, &format!("{SMALL}\nrecipient r {{\n  country \u{0}"), 9);
    assert!(countries.contains(&"DK".into()) && countries.contains(&"SE".into()), "{countries:?}");
    let roles = labels(&mut client, &format!("{SMALL}\nrecipient r {{\n  role \u{0}"), 10);
    assert!(roles.contains(&"processor".into()), "{roles:?}");
    let blocks = labels(&mut client, &format!("{SMALL}\n\u{0}"), 11);
    assert!(blocks.contains(&"purpose".into()) && blocks.contains(&"retention".into()), "{blocks:?}");
    assert!(client.shutdown().success());
}

#[test]
fn lsp_outline_and_folding() {
    let mut client = opened();
    let symbols = client.result("textDocument/documentSymbol", json!({ "textDocument": { "uri": URI } }));
    let names: Vec<(&str, &str)> = symbols
        .as_array()
        .map(|s| s.iter().map(|s| (s["detail"].as_str().unwrap_or(""), s["name"].as_str().unwrap_or(""))).collect())
        .unwrap_or_default();
    assert_eq!(
        names,
        vec![
            ("policy", "kursus"),
            ("controller", "controller"),
            ("group", "kursister"),
            ("data", "kontakt"),
            ("purpose", "kursus"),
            ("retention", "kursusdata"),
            ("rights", "rights"),
        ]
    );
    assert_eq!(symbols[4]["selectionRange"]["start"], pos(SMALL, "kursus {\n  title da \"Dit", 0));
    let folds = client.result("textDocument/foldingRange", json!({ "textDocument": { "uri": URI } }));
    let folds = folds.as_array().cloned().unwrap_or_default();
    assert_eq!(folds.len(), 7, "{folds:?}");
    assert_eq!((folds[0]["startLine"].clone(), folds[0]["endLine"].clone()), (json!(0), json!(4)));
    assert!(client.shutdown().success());
}

#[test]
fn lsp_formats_and_refuses_what_does_not_parse() {
    let mut client = opened();
    let params = json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } });
    assert_eq!(client.result("textDocument/formatting", params.clone()), json!([]), "already formatted");
    let messy = SMALL.replace("  basis contract\n", "     basis     contract\n");
    client.change(URI, 2, json!([{ "text": messy }]));
    let edits = client.result("textDocument/formatting", params.clone());
    assert_eq!(edits[0]["newText"], SMALL);
    client.change(URI, 3, json!([{ "text": SMALL.replace("rights {", "rights {{") }]));
    let response = client.request("textDocument/formatting", params);
    let message = response["error"]["message"].as_str().unwrap_or("");
    assert!(message.starts_with("cannot format: ") && message.contains("E0001"), "{response}");
    assert!(client.shutdown().success());
}

/// The quick fixes of the diagnostics in a range, as (title, new text of the first edit).
fn actions(client: &mut Client, text: &str, version: i64, needle: &str) -> Vec<(String, String)> {
    client.change(URI, version, json!([{ "text": text }]));
    let start = pos(text, needle, 0);
    let params = json!({ "textDocument": { "uri": URI }, "range": { "start": start, "end": start }, "context": { "diagnostics": [] } });
    let result = client.result("textDocument/codeAction", params);
    let actions = result.as_array().cloned().unwrap_or_default();
    for a in &actions {
        assert_eq!(a["kind"], "quickfix");
        assert!(a["diagnostics"][0]["code"].is_string(), "{a}");
    }
    let edit = |a: &Value| a["edit"]["changes"][URI][0]["newText"].as_str().unwrap_or("").to_string();
    actions.iter().map(|a| (a["title"].as_str().unwrap_or("").to_string(), edit(a))).collect()
}

#[test]
fn lsp_code_actions_fix_typos_and_insert_missing_items() {
    let mut client = opened();
    let typo = actions(&mut client, &SMALL.replace("basis contract", "basis contrct"), 2, "contrct");
    assert_eq!(typo, vec![("Replace with `contract`".to_string(), "contract".to_string())]);
    let keyword = actions(&mut client, &SMALL.replace("  basis contract", "  basiss contract"), 3, "basiss");
    assert_eq!(keyword, vec![("Replace with `basis`".to_string(), "basis".to_string())]);
    let no_basis = actions(&mut client, &SMALL.replace("  basis contract\n", ""), 4, "kursus {\n  title da \"Dit");
    assert_eq!(no_basis.len(), 1, "{no_basis:?}");
    assert!(no_basis[0].1.starts_with("  basis consent\n  unconfirmed \""), "{no_basis:?}");
    let nameless = SMALL.replace("  name da \"Kursister\" sv \"Kursdeltagare\"\n", "");
    let name = actions(&mut client, &nameless, 5, "group kursister");
    assert_eq!(
        name,
        vec![("Add `name` (with an example to edit)".to_string(), "  name da \"Kandidater\"\n".to_string())]
    );
    let special = SMALL.replace("\"Kontaktuppgifter\"\n", "\"Kontaktuppgifter\"\n  kind special health\n");
    let art9 = actions(&mut client, &special, 6, "kontakt\n  sources");
    assert!(
        art9.iter().any(|(t, e)| t.contains("art9") && e.starts_with("  art9 explicit-consent for kontakt\n")),
        "{art9:?}"
    );
    let without_rule = SMALL.replace(
        "retention kursusdata {\n  data kontakt\n  subjects kursister\n  keep 6 months after end-of-course\n}\n",
        "",
    );
    let rule = actions(&mut client, &without_rule, 7, "kontakt\n  sources");
    let (_, inserted) = rule.iter().find(|(t, _)| t.contains("retention")).cloned().unwrap_or_default();
    assert!(
        inserted.contains(
            "retention kontakt-kursus {\n  data kontakt\n  subjects kursister\n  purposes kursus\n  keep unconfirmed"
        ),
        "{rule:?}"
    );
    // The inserted rule makes the policy check without errors (a draft, until the period is set).
    client.change(URI, 8, json!([{ "text": format!("{without_rule}{inserted}") }]));
    let diagnostics = client.diagnostics(URI, Some(8));
    assert!(diagnostics.iter().all(|d| d["severity"] == 2), "{diagnostics:?}");
    assert!(client.shutdown().success());
}

#[test]
fn lsp_preview_renders_the_notice_or_says_why_not() {
    let mut client = opened();
    let request = |language: &str, layout: Option<&str>| {
        let mut p = json!({ "textDocument": { "uri": URI }, "language": language });
        if let Some(layout) = layout {
            p["layout"] = json!(layout);
        }
        p
    };
    let da = client.result("policyc/preview", request("da", None));
    assert!(
        da["html"].as_str().is_some_and(|h| h.contains("<h1>") && h.contains("Privatlivspolitik for kursister")),
        "{da}"
    );
    assert_eq!(da["draft"], false);
    let sv = client.result("policyc/preview", request("sv", Some("by-activity")));
    assert!(sv["html"].as_str().is_some_and(|h| h.contains("Din kurs")), "{sv}");
    let refused = client.request("policyc/preview", request("sv", Some("by-nothing")));
    assert!(refused["error"]["message"].as_str().is_some_and(|m| m.contains("by-nothing")), "{refused}");
    client.change(
        URI,
        2,
        json!([{ "text": SMALL.replace("registration \"12345678\"", "registration unconfirmed \"the CVR number\"") }]),
    );
    assert_eq!(client.result("policyc/preview", request("da", None))["draft"], true);
    client.change(
        URI,
        3,
        json!([{ "text": SMALL.replace("subjects kursister\n  data", "subjects kursistr\n  data") }]),
    );
    let error = client.request("policyc/preview", request("da", None));
    let message = error["error"]["message"].as_str().unwrap_or("");
    assert!(message.starts_with("the policy has errors: ") && message.contains("E0102"), "{error}");
    assert!(client.shutdown().success());
}
