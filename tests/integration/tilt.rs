//! The TILT export: every example policy's document valid against the TILT schema (with the
//! validator proven to tell the schema authors' valid example from their invalid one), and
//! each document snapshotted.

use serde_json::Value;

use crate::{policies_in, root, source};

/// The TILT schema and examples, copied from the upstream repository into the fixtures (MIT;
/// `tests/fixtures/schemas/README.md` says from where), so the tests need nothing beside the
/// repository.
fn interop(name: &str) -> Value {
    let path = root().join("tests/fixtures/schemas/tilt").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"))
}

fn schema() -> jsonschema::Validator {
    jsonschema::draft7::new(&interop("tilt-schema.json")).expect("the TILT schema is a valid draft-07 schema")
}

fn errors(validator: &jsonschema::Validator, document: &Value) -> Vec<String> {
    validator.iter_errors(document).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

/// The TILT document `build` writes for each example policy, by policy id.
fn documents() -> Vec<(String, String)> {
    policies_in("policies")
        .into_iter()
        .map(|path| {
            let file = source(&path);
            let policy = policyc::compile(&file).policy.expect("the example policies compile");
            let id = policy.header.id.value.clone();
            let outputs = policyc::emit::machine_readable(&policy, &file);
            let tilt = outputs.into_iter().find(|o| o.name == format!("{id}.tilt.json")).expect("a TILT output");
            (id, tilt.contents)
        })
        .collect()
}

#[test]
fn the_validator_tells_the_valid_example_from_the_invalid_one() {
    let validator = schema();
    let valid = errors(&validator, &interop("tilt.json"));
    assert!(valid.is_empty(), "tilt.json: {valid:#?}");
    // Each fault of the invalid example is found: formats and patterns are asserted, not only
    // types and required properties.
    let invalid = errors(&validator, &interop("tilt-NOT-valid.json"));
    for fault in [
        "is not a \"email\" at /dataProtectionOfficer/email",
        "at /dataProtectionOfficer/phone",
        "at /dataProtectionOfficer/country",
        "\"representative\" is a required property at /controller",
        "\"logicInvolved\" is a required property at /automatedDecisionMaking",
        "at /dataDisclosed/0",
    ] {
        assert!(invalid.iter().any(|e| e.contains(fault)), "tilt-NOT-valid.json: `{fault}` not in {invalid:#?}");
    }
}

/// Why a policy that lacks a required fact gets a placeholder rather than an empty string:
/// the schema rejects an empty e-mail address and an empty date.
#[test]
fn the_schema_rejects_empty_emails_and_dates() {
    let validator = schema();
    let (_, json) = documents().into_iter().next().expect("a document");
    let good: Value = serde_json::from_str(&json).expect("JSON");
    assert!(validator.is_valid(&good));
    for (pointer, empty) in [("/dataProtectionOfficer/email", ""), ("/meta/created", "")] {
        let mut bad = good.clone();
        *bad.pointer_mut(pointer).expect("the field exists") = Value::from(empty);
        assert!(!validator.is_valid(&bad), "{pointer} may be empty after all");
    }
}

#[test]
fn every_policy_gives_a_valid_tilt_document() {
    let validator = schema();
    let documents = documents();
    assert_eq!(documents.len(), policies_in("policies").len());
    for (id, json) in documents {
        assert!(json.ends_with("}\n"), "{id}: pretty JSON with a trailing newline");
        let value: Value = serde_json::from_str(&json).expect("valid JSON");
        let errors = errors(&validator, &value);
        assert!(errors.is_empty(), "{id}.tilt.json: {errors:#?}");
        insta::with_settings!({ snapshot_suffix => format!("{id}.tilt.json"), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("tilt", json);
        });
    }
}

#[test]
fn tilt_documents_are_the_same_on_every_build() {
    assert_eq!(documents(), documents());
}
