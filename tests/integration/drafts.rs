//! Unconfirmed facts: the marker is checked (W0250), survives `fmt` and `diff`, makes each
//! notice a draft that lists the facts, and `build --final` refuses such a policy.

use policyc::diagnostic::Code;
use policyc::emit::{Options, notices};
use policyc::span::SourceFile;

use crate::{policyc, root};

fn minimal() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/valid/minimal.policy")).expect("minimal policy")
}

fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

/// The minimal policy in Danish and Swedish, with an e-mail address not known yet and a
/// retention period marked as unconfirmed.
fn marked() -> String {
    let text = edit(&minimal(), "languages da", "languages da, sv");
    let text = text.replace("da \"Kandidater\"", "da \"Kandidater\" sv \"Kandidater\"");
    let text = text.replace("da \"Kontaktoplysninger\"", "da \"Kontaktoplysninger\" sv \"Kontaktuppgifter\"");
    let text = text.replace("da \"Rekruttering\"", "da \"Rekruttering\" sv \"Rekrytering\"");
    let text = text.replace(
        "da \"Uden dine kontaktoplysninger kan vi ikke vurdere din ansøgning.\"",
        "da \"Uden dem kan vi ikke vurdere din ansøgning.\" sv \"Utan dem kan vi inte bedöma din ansökan.\"",
    );
    let text = edit(
        &text,
        "  email \"privacy@demo.dk\"",
        "  phone \"+45 1234 5678\"\n  email unconfirmed \"ask the DPO for the address\"",
    );
    edit(
        &text,
        "keep 6 months after last-contact",
        "keep 6 months after last-contact unconfirmed \"the source gives no period\"",
    )
}

fn compile(text: &str) -> policyc::Compiled {
    policyc::compile(&SourceFile::new("t.policy", text))
}

#[test]
fn each_marker_is_a_warning_at_the_marker() {
    let text = marked();
    let compiled = compile(&text);
    let policy = compiled.policy.as_ref().expect("a marker is no error");
    let hits: Vec<_> = compiled.diagnostics.iter().filter(|d| d.code == Code::Unconfirmed).collect();
    assert_eq!(hits.len(), 2);
    let at = |d: &policyc::diagnostic::Diagnostic| &text[d.primary_span().start..d.primary_span().end];
    assert!(at(hits[0]).starts_with("unconfirmed \"ask the DPO"));
    assert!(at(hits[1]).starts_with("unconfirmed \"the source gives no period"));
    assert!(policy.controller.email.is_none(), "an unknown value stays unknown");
    assert!(policy.is_unconfirmed("controller", None, "email"));
    assert!(policy.is_unconfirmed("retention", Some("candidate-data"), "keep"));
    // The e-mail marker stands in for the channel, so the controller counts as reachable.
    assert!(!compiled.diagnostics.iter().any(|d| d.code == Code::ControllerUnreachable));
}

#[test]
fn a_marker_on_the_first_line_of_a_block_is_about_the_block() {
    let text = edit(&minimal(), "data contact {\n", "data contact {\n  unconfirmed \"is this collected at all?\"\n");
    let policy = compile(&text).policy.expect("compiles");
    let u = policy.unconfirmed("data", Some("contact"), None).expect("the block is marked");
    assert_eq!(u.reason, "is this collected at all?");
}

#[test]
fn two_markers_in_a_row_are_an_error() {
    let text = edit(
        &minimal(),
        "keep 6 months after last-contact",
        "keep 6 months after last-contact unconfirmed \"a\" unconfirmed \"b\"",
    );
    let compiled = compile(&text);
    assert!(compiled.policy.is_none());
    assert!(compiled.diagnostics.iter().any(|d| d.code == Code::DuplicateItem));
}

#[test]
fn an_item_without_a_value_needs_the_marker() {
    let text = edit(&minimal(), "  email \"privacy@demo.dk\"", "  email\n  name \"X\"");
    assert!(compile(&text).diagnostics.iter().any(|d| d.code == Code::Syntax));
}

#[test]
fn the_notice_of_a_marked_policy_is_a_draft_that_lists_each_fact() {
    for (text, draft) in [(marked(), true), (minimal(), false)] {
        let policy = compile(&text).policy.expect("compiles");
        for output in notices(&policy, "t.policy", &Options::default()).expect("renders") {
            if !output.name.ends_with(".md") {
                continue;
            }
            let (banner, email, period) = if output.name.ends_with(".da.md") {
                (
                    "Udkast – ikke til offentliggørelse.",
                    "e-mailadresse (ikke oplyst): ask the DPO",
                    "opbevaringsperiode: the source gives no period",
                )
            } else {
                (
                    "Utkast – inte för publicering.",
                    "e-postadress (inte angiven): ask the DPO",
                    "lagringstid: the source gives no period",
                )
            };
            assert_eq!(output.contents.contains(banner), draft, "{}:\n{}", output.name, output.contents);
            assert_eq!(output.contents.contains(email), draft, "{}:\n{}", output.name, output.contents);
            assert_eq!(output.contents.contains(period), draft, "{}:\n{}", output.name, output.contents);
        }
    }
}

#[test]
fn fmt_keeps_each_marker_after_its_item() {
    let text = marked();
    let formatted = policyc::format::format(&SourceFile::new("t.policy", text.as_str())).expect("formats");
    assert!(formatted.contains("  email unconfirmed \"ask the DPO for the address\"\n"), "{formatted}");
    assert!(
        formatted.contains("  keep 6 months after last-contact unconfirmed \"the source gives no period\"\n"),
        "{formatted}"
    );
    let again = policyc::format::format(&SourceFile::new("t.policy", formatted.as_str())).expect("formats");
    assert_eq!(formatted, again);
}

#[test]
fn diff_reports_markers_added_and_removed() {
    let (old, new) = (minimal(), marked());
    let (a, b) = (compile(&old).policy.expect("old"), compile(&new).policy.expect("new"));
    let forward: Vec<String> = policyc::diff::diff(&a, &b)
        .into_iter()
        .filter(|c| c.kind == "unconfirmed")
        .map(|c| format!("{} {}", c.id, c.change))
        .collect();
    assert_eq!(forward, ["controller: email marked unconfirmed", "retention candidate-data: keep marked unconfirmed"]);
    let back: Vec<String> =
        policyc::diff::diff(&b, &a).into_iter().filter(|c| c.kind == "unconfirmed").map(|c| c.change).collect();
    assert_eq!(back, ["confirmed", "confirmed"]);
}

#[test]
fn build_writes_drafts_but_final_refuses_them() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("drafts");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch");
    let policy = dir.join("t.policy");
    std::fs::write(&policy, marked()).expect("write policy");
    let (p, out_final, out_draft) = (policy.to_str().unwrap(), dir.join("final"), dir.join("draft"));

    let refused = policyc(&["build", p, "--out", out_final.to_str().unwrap(), "--final"]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("--final") && stderr.contains("2 unconfirmed"), "{stderr}");
    assert!(!out_final.exists(), "nothing is written");

    let drafted = policyc(&["build", p, "--out", out_draft.to_str().unwrap()]);
    assert_eq!(drafted.status.code(), Some(0), "{}", String::from_utf8_lossy(&drafted.stderr));
    let notice = std::fs::read_to_string(out_draft.join("demo.da.md")).expect("draft written");
    assert!(notice.contains("Udkast"));
    let schedule = std::fs::read_to_string(out_draft.join("demo.retention.json")).expect("schedule written");
    assert!(schedule.contains("\"unconfirmed\"") && schedule.contains("the source gives no period"), "{schedule}");
}
