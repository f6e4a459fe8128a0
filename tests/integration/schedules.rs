//! Retention schedules: the seeds' periods, JSON equal to YAML as data, every schedule valid
//! against `schemas/retention.schema.json` (and the validator proven to reject bad ones).

use policyc::schedule::{Schedule, schedule};
use serde_json::Value;

use crate::{policies_in, root, source};

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("schemas/retention.schema.json")).expect("schema");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn schedules() -> Vec<(String, Schedule)> {
    policies_in("policies")
        .into_iter()
        .map(|path| {
            let file = source(&path);
            let policy = policyc::compile(&file).policy.expect("the example policies compile");
            (policy.header.id.value.clone(), schedule(&policy, &file))
        })
        .collect()
}

#[test]
fn schedules_validate_and_json_equals_yaml() {
    let validator = schema();
    for (id, s) in schedules() {
        let outputs = {
            let file = source(&root().join(format!("policies/{id}.policy")));
            let policy = policyc::compile(&file).policy.expect("compiles");
            policyc::emit::machine_readable(&policy, &file)
        };
        let json = &outputs.iter().find(|o| o.name.ends_with(".retention.json")).expect("json").contents;
        let yaml = &outputs.iter().find(|o| o.name.ends_with(".retention.yaml")).expect("yaml").contents;
        let value: Value = serde_json::from_str(json).expect("valid JSON");
        let errors: Vec<String> =
            validator.iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{id}: {errors:#?}");
        let from_json: Schedule = serde_json::from_str(json).expect("JSON reads back");
        let from_yaml: Schedule = yaml_serde::from_str(yaml).expect("YAML reads back");
        assert_eq!(from_json, from_yaml, "{id}: JSON and YAML differ");
        assert_eq!(from_json, s);
        insta::with_settings!({ snapshot_suffix => format!("{id}.retention.yaml"), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("schedule", yaml);
        });
    }
}

#[test]
fn the_validator_rejects_broken_schedules() {
    let validator = schema();
    let (_, s) = schedules().into_iter().next().expect("a schedule");
    let good = serde_json::to_value(&s).expect("serialises");
    assert!(validator.is_valid(&good));
    let mut bad = good.clone();
    bad["rules"][0]["duration"] = Value::from("six months");
    assert!(!validator.is_valid(&bad), "a duration that is not ISO 8601");
    let mut bad = good.clone();
    bad["rules"][0]["action"] = Value::from("forget");
    assert!(!validator.is_valid(&bad), "an unknown action");
    let mut bad = good;
    bad["rules"][0].as_object_mut().expect("object").remove("trigger");
    assert!(!validator.is_valid(&bad), "a missing trigger");
}

/// The periods the source notices state, as the schedules carry them.
#[test]
fn schedules_carry_the_seeds_periods() {
    let all = schedules();
    let rule = |policy: &str, rule: &str| {
        let (_, s) = all.iter().find(|(id, _)| id == policy).unwrap_or_else(|| panic!("{policy}"));
        s.rules.iter().find(|r| r.id == rule).unwrap_or_else(|| panic!("{policy}: rule {rule}")).clone()
    };
    let period = |r: &policyc::schedule::Rule| {
        (
            r.trigger.as_ref().map(|t| t.event.clone()).unwrap_or_default(),
            r.duration.clone().unwrap_or_default(),
            r.up_to,
            r.align,
        )
    };
    use policyc::model::vocab::Alignment::FinancialYear;
    // JobConnection: 6 months after the last contact for candidates; 5 financial years after the
    // last employment for those who have worked there.
    assert_eq!(period(&rule("jobconnection", "candidates")), ("last-contact".into(), "P6M".into(), false, None));
    assert_eq!(
        period(&rule("jobconnection", "workers")),
        ("end-of-employment".into(), "P5Y".into(), false, Some(FinancialYear))
    );
    // Aventus: 3 years without contact; until the guarantee commitments end, at most 5 years.
    assert_eq!(period(&rule("aventus", "three-years")), ("last-contact".into(), "P3Y".into(), false, None));
    let guarantee = rule("aventus", "guarantee");
    assert_eq!(period(&guarantee), ("guarantee-end".into(), "P0D".into(), false, None));
    assert_eq!(guarantee.limit.map(|l| (l.trigger.event, l.duration)), Some(("end-of-course".into(), "P5Y".into())));
    // WORKSTEP: 6 months after the course.
    assert_eq!(period(&rule("workstep", "journal-and-case-notes")).1, "P6M");
    assert_eq!(period(&rule("workstep", "journal-and-case-notes")).0, "end-of-course");
    // At Work: 5 years under the bookkeeping act, from the end of the financial year.
    let invoices = rule("atwork", "accounting");
    assert_eq!((invoices.duration.as_deref(), invoices.align), (Some("P5Y"), Some(FinancialYear)));
    // Add Value: deleted at the end of the course; the HR-skyen profile re-confirmed every 6 months.
    assert!(all.iter().find(|(id, _)| id == "addvalue").is_some_and(|(_, s)| s.rules.iter().any(|r| {
        r.trigger.as_ref().is_some_and(|t| t.event == "end-of-course") && r.duration.as_deref() == Some("P0D")
    })));
    assert!(
        all.iter()
            .find(|(id, _)| id == "addvalue")
            .is_some_and(|(_, s)| s.rules.iter().any(|r| r.reconfirm.as_deref() == Some("P6M")))
    );
}
