//! The Art. 30 record: one CSV row per purpose with every column filled where the policy
//! knows it, and the JSON and CSV snapshotted.

use crate::{policies_in, source};

/// A minimal RFC 4180 reader, enough to prove the CSV is well-formed.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted && cell.is_empty() && row.is_empty(), "the CSV ends inside a row");
    rows
}

#[test]
fn records_have_one_row_per_purpose_and_match_their_snapshots() {
    for path in policies_in("policies") {
        let file = source(&path);
        let policy = policyc::compile(&file).policy.expect("compiles");
        let outputs = policyc::emit::machine_readable(&policy, &file);
        let csv = &outputs.iter().find(|o| o.name.ends_with(".ropa.csv")).expect("csv").contents;
        let json = &outputs.iter().find(|o| o.name.ends_with(".ropa.json")).expect("json").contents;
        let rows = parse_csv(csv);
        assert_eq!(rows.len(), policy.purposes.len() + 1, "{}: a header and one row per purpose", file.name);
        for row in &rows {
            assert_eq!(row.len(), rows[0].len(), "{}: a row with the wrong number of cells: {row:?}", file.name);
        }
        for (row, purpose) in rows[1..].iter().zip(&policy.purposes) {
            assert_eq!(row[1], purpose.id.value);
            assert!(!row[3].is_empty(), "{}: purpose {} has no legal basis in the record", file.name, row[1]);
            assert!(!row[10].is_empty(), "{}: purpose {} has no erasure time limit", file.name, row[1]);
        }
        let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
        assert_eq!(value["activities"].as_array().map(Vec::len), Some(policy.purposes.len()));
        let id = policy.header.id.value.clone();
        insta::with_settings!({ snapshot_suffix => format!("{id}.ropa"), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("record_csv", csv);
            insta::assert_snapshot!("record_json", json);
        });
    }
}
