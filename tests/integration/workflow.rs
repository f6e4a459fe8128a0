//! Issue 15: the documented CI steps, run as documented. The script between `policy-diff:
//! begin` and `end` in docs/ci.md runs against a throw-away repository whose pull request adds,
//! deletes, renames and changes policies with hostile file names, and with a hostile base
//! branch name.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{git, new_repository};

/// The documented script, without its YAML indentation.
fn documented_script() -> String {
    let doc = std::fs::read_to_string(crate::root().join("docs/ci.md")).expect("docs/ci.md");
    let lines: Vec<&str> = doc.lines().collect();
    let begin = lines.iter().position(|l| l.trim() == "# policy-diff: begin").expect("begin marker");
    let end = lines.iter().position(|l| l.trim() == "# policy-diff: end").expect("end marker");
    let indent = lines[begin].len() - lines[begin].trim_start().len();
    lines[begin..=end].iter().map(|l| l.get(indent..).unwrap_or("").to_string() + "\n").collect()
}

/// A repository whose `origin/main` holds four policies and whose working tree, the pull
/// request, changes one, deletes one, renames one to a name with a leading dash and a space, and
/// adds one with such a name.
fn repository(name: &str) -> PathBuf {
    let dir = new_repository(name);
    std::fs::create_dir_all(dir.join("policies")).expect("folder");
    let example =
        |id: &str| std::fs::read_to_string(crate::root().join(format!("policies/{id}.policy"))).expect("example");
    std::fs::write(dir.join("policies/changed.policy"), example("workstep")).expect("write");
    std::fs::write(dir.join("policies/gone.policy"), example("addvalue")).expect("write");
    std::fs::write(dir.join("policies/old name.policy"), example("atwork")).expect("write");
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "base"]);
    git(&dir, &["update-ref", "refs/remotes/origin/main", "HEAD"]);
    git(&dir, &["checkout", "-q", "-b", "change"]);
    let changed = example("workstep").replace("6 months after end-of-course", "12 months after end-of-course");
    assert!(changed != example("workstep"), "the change must change something");
    std::fs::write(dir.join("policies/changed.policy"), changed).expect("write");
    git(&dir, &["rm", "-q", "policies/gone.policy"]);
    git(&dir, &["mv", "policies/old name.policy", "policies/-renamed $(touch pwned).policy"]);
    std::fs::write(dir.join("policies/-new policy.policy"), example("jobconnection")).expect("write");
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "change"]);
    dir
}

/// Runs the documented script in `dir` with `base_ref` as the base branch; the comment it would
/// post.
fn run(dir: &Path, base_ref: &str) -> String {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_policyc"));
    let path = format!("{}:{}", bin.parent().expect("bin folder").display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("bash")
        .args(["-euo", "pipefail", "-c", &documented_script()])
        .current_dir(dir)
        .env("PATH", path)
        .env("BASE_REF", base_ref)
        .env("NO_COLOR", "1")
        .output()
        .expect("run bash");
    assert!(out.status.success(), "the script failed: {}", String::from_utf8_lossy(&out.stderr));
    std::fs::read_to_string(dir.join("diff.md")).expect("diff.md")
}

#[test]
fn the_documented_diff_step_reports_new_withdrawn_renamed_and_changed_policies() {
    let dir = repository("workflow-diff");
    let comment = run(&dir, "main");
    assert!(comment.starts_with("### Semantic diff of the policies\n```\n"), "{comment}");
    assert!(comment.contains("policies/-new policy.policy: new policy"), "{comment}");
    assert!(comment.contains("purpose `special-data-consent` added"), "{comment}");
    assert!(comment.contains("policies/gone.policy@origin/main: policy withdrawn"), "{comment}");
    assert!(
        comment.contains(
            "policies/old name.policy@origin/main -> policies/-renamed $(touch pwned).policy: no semantic difference"
        ),
        "{comment}"
    );
    assert!(comment.contains("policies/changed.policy@origin/main -> policies/changed.policy"), "{comment}");
    assert!(comment.contains("period longer"), "{comment}");
    // A file name is never run as a command.
    assert!(!dir.join("pwned").exists() && !dir.join("policies/pwned").exists());
}

#[test]
fn a_hostile_base_branch_name_runs_and_writes_nothing() {
    let dir = repository("workflow-hostile");
    let target = dir.join("written-by-git");
    for base_ref in
        [format!("--output={}", target.display()), "$(touch pwned)".to_string(), "main; touch pwned".to_string()]
    {
        let out = Command::new("bash")
            .args(["-uo", "pipefail", "-c", &documented_script()])
            .current_dir(&dir)
            .env(
                "PATH",
                format!(
                    "{}:{}",
                    PathBuf::from(env!("CARGO_BIN_EXE_policyc")).parent().expect("bin").display(),
                    std::env::var("PATH").unwrap_or_default()
                ),
            )
            .env("BASE_REF", &base_ref)
            .output()
            .expect("run bash");
        let comment = std::fs::read_to_string(dir.join("diff.md")).unwrap_or_default();
        assert!(!comment.contains("policy"), "{base_ref}: {comment}\n{}", String::from_utf8_lossy(&out.stderr));
        assert!(!target.exists() && !dir.join("pwned").exists(), "{base_ref}");
    }
}
