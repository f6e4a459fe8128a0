//! Rules around the law a purpose rests on that fixtures alone do not show: the bookkeeping
//! minimum reached through `accounting-records` and the act's official title.

use policyc::diagnostic::Code;
use policyc::span::SourceFile;

use crate::root;

fn codes(text: &str) -> Vec<Code> {
    policyc::compile(&SourceFile::new("t.policy", text)).diagnostics.iter().map(|d| d.code).collect()
}

fn payroll(keep: &str, law: &str, accounting: bool) -> String {
    let fixture = std::fs::read_to_string(root().join("tests/fixtures/check/W0259-pass.policy")).expect("fixture");
    let text = fixture.replace("keep 5 years after transaction", keep).replace("law da \"Lov om bogføring\"", law);
    if accounting { text } else { text.replace("  accounting-records payroll\n", "") }
}

#[test]
fn accounting_records_need_the_bookkeeping_minimum_whatever_the_law_text_says() {
    // Too short, and `law` names no act: only `accounting-records` says these are records.
    let short = payroll("keep 2 years after transaction", "law da \"vores interne regler\"", true);
    assert!(codes(&short).contains(&Code::BelowStatutoryMinimum));
    // Without `accounting-records`, nothing says so: no error.
    let untold = payroll("keep 2 years after transaction", "law da \"vores interne regler\"", false);
    assert!(!codes(&untold).contains(&Code::BelowStatutoryMinimum));
    // The act's official title invokes it like its short name.
    let titled = payroll("keep 2 years after transaction", "law da \"Lov om bogføring § 12\"", false);
    assert!(codes(&titled).contains(&Code::BelowStatutoryMinimum));
    // Long enough: nothing to report.
    let enough = payroll("keep 5 years after transaction", "law da \"vores interne regler\"", true);
    assert!(!codes(&enough).contains(&Code::BelowStatutoryMinimum));
}
