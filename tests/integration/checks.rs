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

/// A policy whose one recipient is in the United States, with `transfer` (if any) in it.
fn us_transfer(effective: &str, transfer: &str) -> policyc::span::SourceFile {
    let text = format!(
        "policy demo {{\n  languages da\n  jurisdiction DK\n  effective {effective}\n}}\n\
         controller {{\n  name \"Demo ApS\"\n  email \"privacy@demo.dk\"\n}}\n\
         group candidates {{\n  name da \"Kandidater\"\n}}\n\
         data contact {{\n  name da \"Kontaktoplysninger\"\n}}\n\
         recipient cloud {{\n  name \"Cloud Inc.\"\n  role processor\n  country US\n  {transfer}\n}}\n\
         purpose recruitment {{\n  title da \"Rekruttering\"\n  subjects candidates\n  data contact\n  \
         sources person\n  basis contract\n  recipients cloud\n}}\n\
         retention candidate-data {{\n  data contact\n  subjects candidates\n  keep 6 months after last-contact\n}}\n"
    );
    policyc::span::SourceFile::new(format!("us-{effective}.policy"), text)
}

/// E0210's help suggests a safeguard; writing the first one it suggests must satisfy E0211 too,
/// before and after the Data Privacy Framework decision (2023-07-10).
#[test]
fn the_transfer_help_suggests_what_the_checker_accepts() {
    for (effective, expected) in [
        ("2023-07-09", "transfer standard-contractual-clauses"),
        ("2023-07-10", "transfer adequacy data-privacy-framework"),
    ] {
        let file = us_transfer(effective, "");
        let compiled = policyc::compile(&file);
        let help = compiled
            .diagnostics
            .iter()
            .find(|d| d.code == Code::NoTransferSafeguard)
            .and_then(|d| d.help.clone())
            .unwrap_or_else(|| panic!("no E0210 for {effective}:\n{}", render_plain(&file, &compiled.diagnostics)));
        let suggested = help.split('`').find(|s| s.starts_with("transfer ")).expect("a `transfer ...` in the help");
        assert_eq!(suggested, expected, "effective {effective}: {help}");
        if effective < "2023-07-10" {
            assert!(!help.contains("data-privacy-framework"), "suggests the later decision: {help}");
        }

        let file = us_transfer(effective, suggested);
        let compiled = policyc::compile(&file);
        assert!(
            !compiled.diagnostics.iter().any(|d| d.severity() == Severity::Error),
            "following the help for {effective} still fails:\n{}",
            render_plain(&file, &compiled.diagnostics)
        );
    }
    // The loop the issue found: adequacy written anyway before the date gets E0211, whose help
    // must not send the author back to adequacy.
    let file = us_transfer("2023-01-01", "transfer adequacy data-privacy-framework");
    let compiled = policyc::compile(&file);
    let e0211 = compiled.diagnostics.iter().find(|d| d.code == Code::NoAdequacy).expect("E0211 before the decision");
    let help = e0211.help.as_deref().unwrap_or("");
    assert!(help.contains("standard-contractual-clauses") && !help.contains("adequacy"), "{help}");
}
