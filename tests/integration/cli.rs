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

/// Broken input as SARIF 2.1.0 (valid against the OASIS schema), JSON and GitHub commands.
#[test]
fn diagnostics_for_machines() {
    let broken = ["tests/fixtures/broken/syntax_junk_appended.policy", "tests/fixtures/check/E0202-fail.policy"];

    let sarif = policyc(&["check", "--format", "sarif", broken[0], broken[1]]);
    assert_eq!(sarif.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).expect("SARIF is JSON");
    let schema_text =
        std::fs::read_to_string(crate::root().join("tests/fixtures/schemas/sarif-2.1.0-rtm.5.json")).expect("schema");
    let schema: serde_json::Value = serde_json::from_str(&schema_text).expect("schema JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(results.iter().any(|r| r["ruleId"] == "E0001"));
    assert!(results.iter().any(|r| r["ruleId"] == "E0202" && r["level"] == "error"));
    // The validator really validates: a log without its version fails.
    let mut bad = log.clone();
    bad.as_object_mut().expect("object").remove("version");
    assert!(!validator.is_valid(&bad));

    let json = policyc(&["check", "--format", "json", broken[1]]);
    let items: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let first = items.as_array().and_then(|a| a.iter().find(|i| i["code"] == "E0202")).expect("the E0202 error");
    for key in ["code", "severity", "message", "file", "line", "column", "end", "help"] {
        assert!(!first[key].is_null(), "missing {key} in {first}");
    }
    assert_eq!(first["code"], "E0202");
    assert_eq!(first["file"], broken[1]);

    let github = policyc(&["check", "--format", "github", broken[0]]);
    let text = String::from_utf8_lossy(&github.stdout);
    assert!(text.starts_with(&format!("::error file={},line=34,col=1,", broken[0])), "{text}");
    assert!(text.contains("title=E0001::unexpected `Kontakt`"), "{text}");
}

/// Editors' clients pass `--stdio` (VS Code's always does): the server takes it and runs a
/// whole session, from `initialize` to `exit`, with status 0.
#[test]
fn the_language_server_accepts_stdio() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let frame = |body: &str| format!("Content-Length: {}\r\n\r\n{body}", body.len());
    let session = [
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#,
        r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
        r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
        r#"{"jsonrpc":"2.0","method":"exit"}"#,
    ]
    .map(frame)
    .concat();
    let mut child = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["lsp", "--stdio"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start policyc lsp --stdio");
    // Written whole and closed: the server must read to its end and exit, not wait for more.
    child.stdin.take().expect("stdin").write_all(session.as_bytes()).expect("write the session");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("status") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("policyc lsp --stdio did not exit within 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut stderr).expect("stderr");
    assert!(status.success(), "{status}: {stderr}");
}
