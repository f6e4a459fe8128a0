//! The resolved model of every policy in `policies/` and `tests/fixtures/valid/`, snapshotted.

use policyc::diagnostic::render_plain;

use crate::{policies_in, source};

/// The five seed policies, by the ids the notices are published under.
const SEED_POLICIES: &[&str] = &["addvalue", "atwork", "aventus", "jobconnection", "workstep"];

#[test]
fn all_five_seed_policies_are_present() {
    let present: Vec<String> = policies_in("policies")
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    for id in SEED_POLICIES {
        assert!(present.iter().any(|p| p == id), "policies/{id}.policy is missing");
    }
}

#[test]
fn policies_compile_without_errors_and_match_their_snapshots() {
    for folder in ["policies", "tests/fixtures/valid"] {
        for path in policies_in(folder) {
            let file = source(&path);
            let compiled = policyc::compile(&file);
            let rendered = render_plain(&file, &compiled.diagnostics);
            let Some(policy) = compiled.policy else { panic!("{}:\n{rendered}", file.name) };
            // The file name and the policy id agree, so outputs are named predictably.
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            if folder == "policies" {
                assert_eq!(policy.header.id.value, stem, "{}: the policy id should match the file name", file.name);
            }
            insta::with_settings!({ snapshot_suffix => stem.clone(), prepend_module_to_snapshot => false }, {
                insta::assert_yaml_snapshot!("model", policy);
                // Warnings are allowed but known: each one is a fact the source notice lacks.
                insta::assert_snapshot!("warnings", rendered);
            });
        }
    }
}

/// The model written as YAML reads back, rebinds, and gives the same notices.
#[test]
fn the_model_round_trips_through_yaml() {
    for path in policies_in("policies") {
        let file = source(&path);
        let policy = policyc::compile(&file).policy.expect("compiles");
        let yaml = policyc::emit::model_yaml(&policy, &file).contents;
        let back = policyc::model::from_yaml(&yaml).expect("reads back and binds");
        assert_eq!(policyc::emit::model_yaml(&back, &file).contents, yaml, "{}", file.name);
        let options = policyc::emit::Options::default();
        let notices = |p: &policyc::model::Policy| policyc::emit::notices(p, &file.name, &options).expect("renders");
        assert_eq!(notices(&back), notices(&policy), "{}", file.name);
    }
}
