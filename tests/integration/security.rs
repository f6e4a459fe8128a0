//! Issue 15: revisions and file names given to `diff --git` are untrusted. None may become an
//! option of git or a path outside the repository; each gets a clear error (exit 2) and nothing
//! is written. New, withdrawn and renamed policies are reported as such, in both formats.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::{git, new_repository};

/// A repository with one committed policy, `p.policy`.
fn repository(name: &str) -> PathBuf {
    let dir = new_repository(name);
    std::fs::copy(crate::root().join("policies/workstep.policy"), dir.join("p.policy")).expect("copy");
    git(&dir, &["add", "p.policy"]);
    git(&dir, &["commit", "-q", "-m", "first"]);
    dir
}

fn policyc_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policyc")).args(args).current_dir(dir).env("NO_COLOR", "1").output().expect("run")
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).expect("list").map(|e| e.expect("entry").file_name().to_string_lossy().into()).collect();
    names.sort();
    names
}

#[test]
fn a_hostile_revision_is_refused_and_nothing_is_written() {
    let dir = repository("hostile-revisions");
    let before = files(&dir);
    let written = dir.join("written");
    for rev in [
        format!("--output={}", written.display()),
        "-p".to_string(),
        format!("--upload-pack=touch {}", written.display()),
        "../".to_string(),
        String::new(),
        "HEAD:p.policy".to_string(),
        "HEAD\n--output=x".to_string(),
    ] {
        let out = policyc_in(&dir, &["diff", &format!("--git={rev}"), "p.policy"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{rev:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{rev:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{rev:?}");
        assert_eq!(files(&dir), before, "{rev:?} wrote a file");
        assert!(!written.exists());
    }
}

#[test]
fn a_file_outside_the_repository_is_refused() {
    let dir = repository("hostile-files");
    let outside = dir.parent().expect("parent").join("outside.policy");
    std::fs::copy(crate::root().join("policies/workstep.policy"), &outside).expect("copy");
    for file in ["../outside.policy", outside.to_str().expect("utf-8"), ".", "sub/../../outside.policy"] {
        let out = policyc_in(&dir, &["diff", "--git=HEAD", "--", file]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{file}: {stderr}");
        assert!(
            stderr.contains("outside the git repository") || stderr.contains("not a policy file"),
            "{file}: {stderr}"
        );
    }
    // A name that looks like an option is a name after `--`.
    std::fs::copy(dir.join("p.policy"), dir.join("-p.policy")).expect("copy");
    let out = policyc_in(&dir, &["diff", "--git=HEAD", "--", "-p.policy"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("-p.policy: new policy"));
}

#[test]
fn new_withdrawn_and_renamed_policies_are_reported_as_such() {
    let dir = repository("lifecycle");
    std::fs::copy(crate::root().join("policies/addvalue.policy"), dir.join("new.policy")).expect("copy");
    // New: publish its notice; consent for its consent-based purposes; agreements with processors.
    let out = policyc_in(&dir, &["diff", "--git=HEAD", "new.policy"]);
    assert_eq!(out.status.code(), Some(1));
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(human.starts_with("new.policy: new policy: "), "{human}");
    assert!(human.contains("inform-before        policy `addvalue` added"), "{human}");
    assert!(human.contains("re-consent           purpose `job-search-feedback` added"), "{human}");
    assert!(human.contains("processor-agreement  recipient `hr-skyen` added"), "{human}");
    let out = policyc_in(&dir, &["diff", "--format=json", "--git=HEAD", "new.policy"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["status"], "new");
    assert_eq!(json["old"], serde_json::Value::Null);
    assert_eq!(json["classes"][0], "re-consent");
    // Withdrawn.
    std::fs::remove_file(dir.join("p.policy")).expect("remove");
    let out = policyc_in(&dir, &["diff", "--format=json", "--git=HEAD", "p.policy"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["status"], "withdrawn");
    assert_eq!(json["new"], serde_json::Value::Null);
    assert_eq!(json["changes"][0]["change"], "removed");
    let human = policyc_in(&dir, &["diff", "--git=HEAD", "p.policy"]);
    assert!(String::from_utf8_lossy(&human.stdout).starts_with("p.policy@HEAD: policy withdrawn: 1 change"));
    // Renamed: compared with its old version.
    std::fs::copy(crate::root().join("policies/workstep.policy"), dir.join("moved.policy")).expect("copy");
    let out = policyc_in(&dir, &["diff", "--git=HEAD", "--from=p.policy", "moved.policy"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "p.policy@HEAD -> moved.policy: no semantic difference\n");
    let out = policyc_in(&dir, &["diff", "--format=json", "--git=HEAD", "--from=p.policy", "moved.policy"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["status"], "changed");
    // Neither side: an error.
    let out = policyc_in(&dir, &["diff", "--git=HEAD", "nowhere.policy"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Subjects in an HR system's events file reach the `due` listing: a spreadsheet must never run
/// one as a formula.
#[test]
fn the_due_listing_defuses_formulas_from_the_events_file() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("due-formulas");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    let events = dir.join("events.csv");
    std::fs::write(
        &events,
        "subject,event,date,group\n=HYPERLINK(\"http://x\";\"y\"),last-contact,2024-08-31,candidates\n",
    )
    .expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["due", "policies/jobconnection.policy", "--events"])
        .arg(&events)
        .args(["--as-of", "2025-06-30"])
        .current_dir(crate::root())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert!(!rows.is_empty(), "{csv}");
    for row in rows {
        assert!(row.starts_with("\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\","), "{row}");
    }
}
