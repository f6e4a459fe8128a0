//! Every broken policy in `tests/fixtures/broken/` gives errors with a code, a location and
//! plain words; the rendered diagnostics are snapshotted in full.

use policyc::diagnostic::{Severity, render_plain};

use crate::{policies_in, source};

/// Words from the grammar's internals that must never reach a policy author.
fn leaks_rule_name(text: &str) -> Option<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).find(|w| {
        w.starts_with("k_") || w.ends_with("_item") || w.ends_with("_decl") || w.ends_with("_block") || *w == "EOI"
    })
}

#[test]
fn broken_policies_give_coded_errors_in_plain_words() {
    let broken = policies_in("tests/fixtures/broken");
    assert!(broken.len() >= 30, "the broken fixtures went missing");
    for path in broken {
        let file = source(&path);
        let compiled = policyc::compile(&file);
        assert!(compiled.policy.is_none(), "{} should not compile", file.name);
        assert!(compiled.diagnostics.iter().any(|d| d.severity() == Severity::Error), "{} gave no error", file.name);
        let rendered = render_plain(&file, &compiled.diagnostics);
        for d in &compiled.diagnostics {
            assert!(d.help.is_some(), "{}: {} has no help line", file.name, d.code.as_str());
        }
        assert!(rendered.contains(&format!("┌─ {}:", file.name)), "{}: no file:line:col in\n{rendered}", file.name);
        if let Some(word) = leaks_rule_name(&rendered.replace(&file.name, "")) {
            panic!("{}: grammar rule name `{word}` leaked into\n{rendered}", file.name);
        }
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        insta::with_settings!({ snapshot_suffix => stem, prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("diagnostics", rendered);
        });
    }
}

#[test]
fn the_leak_detector_detects_leaks() {
    assert_eq!(leaks_rule_name("expected purpose_item or `}`"), Some("purpose_item"));
    assert_eq!(leaks_rule_name("expected k_title"), Some("k_title"));
    assert_eq!(leaks_rule_name("expected an item of the purpose"), None);
}

#[test]
fn every_code_has_an_explanation() {
    for code in policyc::diagnostic::Code::ALL {
        assert!(code.explanation().len() > 40, "{} has no real explanation", code.as_str());
    }
}

/// The keyword lists used for "did you mean" and "a purpose can contain" must match what the
/// grammar accepts: each listed keyword is accepted where the list says, an unknown word is not.
#[test]
fn block_keyword_lists_match_the_grammar() {
    for (block, keywords) in policyc::syntax::block_keywords() {
        for kw in keywords {
            // `@` is never valid, so the error falls after the keyword if the keyword is accepted.
            let text = format!("{} {kw} @", block.opening());
            let kw_end = text.len() - 2;
            let file = policyc::span::SourceFile::new("kw.policy", text.clone());
            let errors = policyc::syntax::parse(&file).expect_err("an unfinished block cannot parse");
            assert!(
                errors[0].primary_span().start >= kw_end,
                "`{kw}` is listed for the {} but rejected: {text}",
                block.noun()
            );
        }
        let text = format!("{} zzz @", block.opening());
        let file = policyc::span::SourceFile::new("kw.policy", text.clone());
        let errors = policyc::syntax::parse(&file).expect_err("an unknown word cannot parse");
        assert!(errors[0].message.contains(block.noun()), "{text}: {}", errors[0].message);
    }
}

/// The parser reads a file in pieces of up to 64 declarations; a mistake far into a large
/// policy must still point at its own place.
#[test]
fn mistakes_after_many_declarations_point_at_their_place() {
    let header = "policy big {\n  title da \"T\"\n  languages da\n  jurisdiction DK\n}\n\
                  controller {\n  name \"Big ApS\"\n  email \"privacy@big.dk\"\n}\n";
    let policy = |mistake: &str| -> String {
        let mut text = header.to_string();
        for i in 0..200 {
            let group = format!("group g{i} {{\n  name da \"Gruppe {i}\"\n}}\n");
            text.push_str(if i == 150 { mistake } else { &group });
        }
        text
    };
    // A syntax error (pest stops there), an error found while building the tree, an error found
    // by resolution: all in the third piece, each must point at its text, which follows `before`.
    let cases = [
        ("E0001", "group g150 {\n  nmae da \"x\"\n}\n", "nmae", "group g150 {\n  "),
        ("E0007", "group g150 {\n  name da \"\"\n}\n", "\"\"", "group g150 {\n  name da "),
        ("E0103", "group g150 {\n  name da \"x\"\n  name da \"y\"\n}\n", "name", "name da \"x\"\n  "),
    ];
    for (code, mistake, at, before) in cases {
        let file = policyc::span::SourceFile::new("big.policy", policy(mistake));
        let compiled = policyc::compile(&file);
        let Some(d) = compiled.diagnostics.iter().find(|d| d.code.as_str() == code) else {
            panic!("no {code} in {:?}", compiled.diagnostics)
        };
        let span = d.primary_span();
        assert_eq!(&file.text[span.start..span.end], at, "{code} points at the wrong place");
        assert!(file.text[..span.start].ends_with(before), "{code} points at the wrong `{at}`");
    }
}
