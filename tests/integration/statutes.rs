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

fn temp_agency(art9: &str) -> String {
    format!(
        r#"policy t {{
  languages da
  jurisdiction DK
}}
controller {{
  name "X"
  email "x@x.dk"
  address "Vej 1"
}}
group temps {{
  name da "Vikarer"
}}
data health {{
  name da "Helbredsoplysninger"
  kind special health
}}
data union {{
  name da "Fagforeningsmedlemskab"
  kind special trade-union
}}
data contact {{
  name da "Kontaktoplysninger"
}}
purpose hr {{
  title da "Personaleadministration"
  subjects temps
  data health, union, contact
  sources person
  basis consent
{art9}
}}
retention r {{
  keep 1 year after end-of-employment
}}
"#
    )
}

#[test]
fn each_art9_condition_covers_its_own_data() {
    // One condition per kind of data: every special-category category is covered.
    let both = temp_agency("  art9 explicit-consent for health\n  art9 employment-law for union");
    let found = codes(&both);
    assert!(!found.contains(&Code::NoArt9Condition), "{found:?}");
    // On consent alone, the clause for union data is not explicit consent: W0203 at that clause.
    assert!(found.contains(&Code::ConsentNotExplicit));
    // A clause for health only leaves the union data without a condition.
    assert!(codes(&temp_agency("  art9 explicit-consent for health")).contains(&Code::NoArt9Condition));
    // A clause without `for` covers the rest.
    let rest = codes(&temp_agency("  art9 explicit-consent for health\n  art9 explicit-consent"));
    assert!(!rest.contains(&Code::NoArt9Condition) && !rest.contains(&Code::ConsentNotExplicit), "{rest:?}");
    // The same data under two conditions, or two clauses without `for`: an error.
    assert!(
        codes(&temp_agency("  art9 explicit-consent for health\n  art9 employment-law for health"))
            .contains(&Code::DuplicateItem)
    );
    assert!(codes(&temp_agency("  art9 explicit-consent\n  art9 employment-law")).contains(&Code::DuplicateItem));
    // `for` must name the purpose's special-category data.
    assert!(
        codes(&temp_agency("  art9 explicit-consent for contact\n  art9 explicit-consent"))
            .contains(&Code::NeedlessCondition)
    );
}

#[test]
fn a_model_written_with_one_art9_condition_still_reads() {
    let policy = policyc::compile(&SourceFile::new("t.policy", temp_agency("  art9 explicit-consent")))
        .policy
        .expect("compiles");
    let yaml = policyc::emit::model_yaml(&policy, &SourceFile::new("t.policy", "")).contents;
    let written = "art9:\n  - condition: explicit-consent\n";
    assert!(yaml.contains(written), "{yaml}");
    // The forms models had before a purpose could give several conditions: one, or none.
    for (old, clauses) in [("art9: explicit-consent\n", 1), ("art9: ~\n", 0)] {
        let read = policyc::model::from_yaml(&yaml.replace(written, old)).expect("reads");
        assert_eq!(read.purposes[0].art9.len(), clauses);
    }
}

/// The temp agency's notice in Danish, its people the controller's employees or not.
fn temp_notice(art9: &str, employees: bool) -> String {
    let mut text = temp_agency(art9).replace(
        "  basis consent",
        "  basis contract\n  provision contractual\n  consequence da \"Uden dem kan vi ikke ansætte dig.\"",
    );
    if employees {
        text = text.replace("name da \"Vikarer\"\n", "name da \"Vikarer\"\n  relation employees\n");
    }
    let policy = policyc::compile(&SourceFile::new("t.policy", text)).policy.expect("compiles");
    let out = policyc::emit::notices(&policy, "t.policy", &policyc::emit::Options::default()).expect("renders");
    out[0].contents.clone()
}

#[test]
fn a_condition_resting_on_national_law_cites_it_and_no_other_does() {
    assert!(temp_notice("  art9 employment-law", true).contains("jf. databeskyttelseslovens § 12, stk. 1"));
    // § 12 is employment law: not cited where the people are not the controller's employees.
    assert!(!temp_notice("  art9 employment-law", false).contains("jf. databeskyttelseslov"));
    assert!(!temp_notice("  art9 explicit-consent", true).contains("jf. databeskyttelseslov"));
}

/// `law bogforingsloven "§ 12"` names the act by its identifier in the legal tables: the minimum
/// applies as to the act's names in a free text, and an unknown identifier is an error.
#[test]
fn an_act_named_by_its_identifier_invokes_its_minimum() {
    let short = payroll("keep 2 years after transaction", "law bogforingsloven \"§ 12\"", false);
    assert!(codes(&short).contains(&Code::BelowStatutoryMinimum));
    let enough = payroll("keep 5 years after transaction", "law bogforingsloven", false);
    assert!(!codes(&enough).contains(&Code::BelowStatutoryMinimum));
    // Another act by identifier does not invoke the bookkeeping minimum.
    let other = payroll("keep 2 years after transaction", "law beskaeftigelsesloven", false);
    assert!(!codes(&other).contains(&Code::BelowStatutoryMinimum));
    let unknown = payroll("keep 5 years after transaction", "law bogføringsloven", false);
    assert_eq!(codes(&unknown), vec![Code::UnknownLaw]);
}

/// A collective agreement is law in Sweden (dataskyddslagen 2 kap. 1 §), and in Denmark only in
/// employment law for the controller's own employees (databeskyttelsesloven § 12, stk. 1).
#[test]
fn a_collective_agreement_is_law_where_the_tables_say() {
    let fixture = std::fs::read_to_string(root().join("tests/fixtures/check/E0240-fail.policy")).expect("fixture");
    assert!(codes(&fixture).contains(&Code::AgreementNotLaw));
    let staff = fixture.replace("  name da \"Deltagere\"\n", "  name da \"Deltagere\"\n  relation employees\n");
    assert!(!codes(&staff).contains(&Code::AgreementNotLaw), "DK § 12: the controller's employees");
    let swedish = std::fs::read_to_string(root().join("tests/fixtures/check/E0240-pass.policy")).expect("fixture");
    assert!(!codes(&swedish).contains(&Code::AgreementNotLaw));
    // It names the law the purpose rests on (Art. 6(3)).
    assert!(!codes(&swedish).contains(&Code::NoLawNamed));
}

/// A model with a collective agreement and with sources per data reads back from YAML the same.
#[test]
fn agreements_and_sources_per_data_round_trip_through_yaml() {
    for name in ["tests/fixtures/check/E0240-pass.policy", "tests/fixtures/valid/sources_per_data.policy"] {
        let file = crate::source(&root().join(name));
        let policy = policyc::compile(&file).policy.expect("compiles");
        let yaml = policyc::emit::model_yaml(&policy, &file).contents;
        let back = policyc::model::from_yaml(&yaml).expect("reads back and binds");
        assert_eq!(policyc::emit::model_yaml(&back, &file).contents, yaml, "{name}");
        assert!(back.purposes[0].statute.is_some() || !back.purposes[0].source_data.is_empty(), "{name}");
    }
}
