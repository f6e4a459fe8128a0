//! The binary end to end: exit codes, where output goes, what it says.

use crate::policyc;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn checking_the_policies_folder_succeeds() {
    let out = policyc(&["check", "policies"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("checked 5 policies: 0 errors"), "{}", stderr(&out));
}

#[test]
fn a_broken_policy_exits_1_with_a_located_coded_error() {
    for (fixture, code, location) in [
        ("syntax_junk_appended", "E0001", "tests/fixtures/broken/syntax_junk_appended.policy:34:1"),
        ("syntax_cut_in_half", "E0001", "tests/fixtures/broken/syntax_cut_in_half.policy:"),
        ("syntax_plain_prose", "E0001", "tests/fixtures/broken/syntax_plain_prose.policy:1:1"),
    ] {
        let path = format!("tests/fixtures/broken/{fixture}.policy");
        let out = policyc(&["check", &path]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{fixture}: {err}");
        assert!(err.contains(&format!("error[{code}]")), "{fixture}: {err}");
        assert!(err.contains(location), "{fixture}: no {location} in {err}");
    }
}

#[test]
fn one_broken_file_among_good_ones_fails_the_run() {
    let out = policyc(&["check", "policies", "tests/fixtures/broken/unknown_basis.policy"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("checked 6 policies: 1 error"), "{}", stderr(&out));
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(policyc(&["check", "no/such/file.policy"]).status.code(), Some(2));
    assert_eq!(policyc(&["check"]).status.code(), Some(2));
    assert_eq!(policyc(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(policyc(&["check", "src"]).status.code(), Some(2), "a folder without policies");
    assert_eq!(policyc(&["explain", "E9999"]).status.code(), Some(2));
}

#[test]
fn help_version_and_explain_work() {
    let help = policyc(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("check"));
    let version = policyc(&["--version"]);
    assert!(String::from_utf8_lossy(&version.stdout).contains(env!("CARGO_PKG_VERSION")));
    let explain = policyc(&["explain", "e0102"]);
    assert_eq!(explain.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&explain.stdout).starts_with("# E0102: a name used but never declared"));
}
