//! A policy as it was at a git revision, for `diff --git`. The revision and the file names
//! come from CI variables and pull requests, so they are untrusted: a revision is verified as a
//! commit before use and can never be taken for an option; a file name is resolved to a path
//! inside the repository; only git runs, with every value after the end of its options or
//! inside a `commit:path` argument that starts with the verified commit's hash.

use std::path::{Component, Path, PathBuf};
use std::process::Command;

/// The full hash of the commit that `rev` names.
pub fn commit(rev: &str) -> Result<String, String> {
    if rev.is_empty() {
        return Err("the revision is empty: give a branch, tag or commit, such as `origin/main`".to_string());
    }
    if rev.starts_with('-') {
        return Err(format!("`{rev}` is not a revision (a revision never starts with `-`)"));
    }
    if rev.chars().any(char::is_control) {
        return Err("the revision contains a control character".to_string());
    }
    let out = git(&["rev-parse", "--verify", "--quiet", "--end-of-options", &format!("{rev}^{{commit}}")])?;
    let hash = out.trim();
    let is_hash = (hash.len() == 40 || hash.len() == 64) && hash.chars().all(|c| c.is_ascii_hexdigit());
    if out.is_empty() || !is_hash {
        return Err(format!("`{rev}` is not a commit of this repository (fetch it first?)"));
    }
    Ok(hash.to_string())
}

/// `file` (relative to the current folder, or absolute) as a path from the repository's root,
/// refusing any that leads outside it. The file need not exist (a withdrawn policy).
pub fn repo_path(file: &Path) -> Result<String, String> {
    let top = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?.trim_end_matches('\n'));
    let top = top.canonicalize().unwrap_or(top);
    let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    let cwd = cwd.canonicalize().unwrap_or(cwd);
    // `..` resolved by hand: the file itself may not exist.
    let mut normal = PathBuf::new();
    for c in cwd.join(file).components() {
        match c {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            c => normal.push(c),
        }
    }
    let outside = || format!("`{}` is outside the git repository", file.display());
    let inside = normal.strip_prefix(&top).map_err(|_| outside())?;
    let text = inside.to_str().ok_or_else(|| format!("`{}` is not a UTF-8 path", file.display()))?;
    if text.is_empty() {
        return Err(format!("`{}` is the repository itself, not a policy file", file.display()));
    }
    Ok(text.replace(std::path::MAIN_SEPARATOR, "/"))
}

/// The text of `path` at `commit` (from `commit`), or `None` where the commit has no such file.
pub fn file_at(commit: &str, path: &str) -> Result<Option<String>, String> {
    let spec = format!("{commit}:{path}");
    let kind =
        Command::new("git").args(["cat-file", "-t", &spec]).output().map_err(|e| format!("cannot run git: {e}"))?;
    if !kind.status.success() {
        return Ok(None);
    }
    if String::from_utf8_lossy(&kind.stdout).trim() != "blob" {
        return Err(format!("`{path}` is not a file at {}", &commit[..12]));
    }
    let text = git(&["cat-file", "blob", &spec])?;
    Ok(Some(text))
}

/// Runs git with `args`; its output, or its error message.
fn git(args: &[&str]) -> Result<String, String> {
    let out = Command::new("git").args(args).output().map_err(|e| format!("cannot run git: {e}"))?;
    // `rev-parse --quiet` fails silently for a revision that is not there: the caller says so.
    let quiet_miss = args.contains(&"--quiet") && out.stderr.is_empty();
    if !(out.status.success() || quiet_miss) {
        return Err(format!("git: {}", String::from_utf8_lossy(&out.stderr).trim()));
    }
    String::from_utf8(out.stdout).map_err(|_| "git printed something that is not UTF-8".to_string())
}
