//! Every legal rule of the checker has a failing policy that triggers its code and a passing
//! variant that does not, in `tests/fixtures/check/CODE-{fail,pass}.policy`. The failing
//! diagnostics are snapshotted in full.

use policyc::diagnostic::{Code, Diagnostic, Severity, render_plain};

use crate::{policies_in, root, source};

/// Codes produced by the checker (stage 3).
fn checker_codes() -> impl Iterator<Item = Code> {
    Code::ALL.iter().copied().filter(|c| c.as_str()[1..].starts_with("02"))
}

#[test]
fn every_rule_has_a_failing_and_a_passing_policy() {
    let mut checked = 0;
    for code in checker_codes() {
        let fail = root().join(format!("tests/fixtures/check/{}-fail.policy", code.as_str()));
        let pass = root().join(format!("tests/fixtures/check/{}-pass.policy", code.as_str()));
        assert!(fail.exists() && pass.exists(), "{} needs {} and its -pass twin", code.as_str(), fail.display());

        let file = source(&fail);
        let compiled = policyc::compile(&file);
        let hits: Vec<Diagnostic> = compiled.diagnostics.iter().filter(|d| d.code == code).cloned().collect();
        assert!(
            !hits.is_empty(),
            "{} does not trigger {}:\n{}",
            file.name,
            code.as_str(),
            render_plain(&file, &compiled.diagnostics)
        );
        if code.severity() == Severity::Error {
            assert!(compiled.policy.is_none(), "{}: an error must stop the model", file.name);
        }
        insta::with_settings!({ snapshot_suffix => code.as_str(), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("check", render_plain(&file, &hits));
        });

        let file = source(&pass);
        let compiled = policyc::compile(&file);
        assert!(
            !compiled.diagnostics.iter().any(|d| d.code == code || d.severity() == Severity::Error),
            "{} should pass {} without errors:\n{}",
            file.name,
            code.as_str(),
            render_plain(&file, &compiled.diagnostics)
        );
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} rules");
}

/// Every code a user can meet is produced by at least one fixture, so no code is dead text.
#[test]
fn every_code_is_exercised_by_a_fixture() {
    let mut seen = std::collections::BTreeSet::new();
    for folder in ["tests/fixtures/broken", "tests/fixtures/check"] {
        for path in policies_in(folder) {
            let file = source(&path);
            seen.extend(policyc::compile(&file).diagnostics.iter().map(|d| d.code));
        }
    }
    // Template errors come from templates, not policies: the notices tests produce them. Files
    // over the limits would bloat the repository: the robustness tests generate them.
    for code in Code::ALL.iter().filter(|c| !matches!(c, Code::Internal | Code::Template | Code::TooLarge)) {
        assert!(seen.contains(code), "no fixture produces {}", code.as_str());
    }
}

/// Each explanation starts with its code and summary, and its examples parse.
#[test]
fn explanations_are_complete() {
    for code in Code::ALL {
        let text = code.explanation();
        let heading = format!("# {}: {}", code.as_str(), code.summary());
        assert!(text.starts_with(&heading), "docs/codes/{}.md must start with `{heading}`", code.as_str());
        if code.as_str()[1..].starts_with("02") {
            assert!(text.contains("```policy"), "{} has no example", code.as_str());
        }
        for (i, snippet) in text.split("```policy\n").skip(1).enumerate() {
            let snippet = snippet.split("```").next().unwrap_or("");
            let file = policyc::span::SourceFile::new(format!("{} example {}", code.as_str(), i + 1), snippet);
            if let Err(d) = policyc::syntax::parse(&file) {
                panic!("{}", render_plain(&file, &d));
            }
        }
    }
}

#[test]
fn the_language_reference_lists_every_code() {
    let reference = std::fs::read_to_string(root().join("docs/language.md")).expect("docs/language.md");
    for code in Code::ALL.iter().filter(|c| !matches!(c, Code::Internal | Code::Template)) {
        assert!(
            reference.contains(&format!("`{}`", code.as_str())),
            "docs/language.md does not list {}",
            code.as_str()
        );
    }
}
