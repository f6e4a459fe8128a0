//! `policyc diff`: what changed between two versions of a policy, and what each change obliges.

use std::io::Write;
use std::path::{Path, PathBuf};

use policyc::diff::{Change, diff};
use policyc::model::Policy;
use policyc::span::SourceFile;

use crate::cli::report::Reporter;
use crate::cli::{DiffFormat, Exit, plural};

/// Compare `old` with `new`, or with `--git REV` the file at that revision with the file now.
pub fn run(paths: &[PathBuf], git: Option<&str>, format: DiffFormat, reporter: &Reporter) -> Exit {
    let sides = match (paths, git) {
        ([old, new], None) => read(old).and_then(|o| read(new).map(|n| (o, n))),
        ([file], Some(rev)) => from_git(rev, file).and_then(|o| read(file).map(|n| (o, n))),
        _ => Err("give two policy files, or one file and --git REV".to_string()),
    };
    let (old_file, new_file) = match sides {
        Ok(sides) => sides,
        Err(message) => {
            eprintln!("error: {message}");
            return Exit::Usage;
        }
    };
    let (Some(old), Some(new)) = (compile(&old_file, reporter), compile(&new_file, reporter)) else {
        eprintln!("error: both versions must compile without errors to be compared");
        return Exit::Usage;
    };
    let changes = diff(&old, &new);
    let text = match format {
        DiffFormat::Json => json(&old_file.name, &new_file.name, &changes),
        DiffFormat::Human => human(&old_file.name, &new_file.name, &changes),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if changes.is_empty() { Exit::Ok } else { Exit::Failed }
}

fn read(path: &Path) -> Result<SourceFile, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
    Ok(SourceFile::new(path.display().to_string(), text))
}

/// The file as it was at a git revision (`git show REV:./path`, relative to where we run).
fn from_git(rev: &str, file: &Path) -> Result<SourceFile, String> {
    let spec = format!("{rev}:./{}", file.display());
    let out =
        std::process::Command::new("git").args(["show", &spec]).output().map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!("git show {spec}: {}", String::from_utf8_lossy(&out.stderr).trim()));
    }
    let text = String::from_utf8(out.stdout).map_err(|_| format!("{spec} is not UTF-8 text"))?;
    Ok(SourceFile::new(format!("{}@{rev}", file.display()), text))
}

/// The policy, or its errors reported; warnings are the business of `check`, not of `diff`.
fn compile(file: &SourceFile, reporter: &Reporter) -> Option<Policy> {
    let compiled = policyc::compile(file);
    if compiled.policy.is_none() {
        reporter.report(&[(file.clone(), compiled.diagnostics)]);
    }
    compiled.policy
}

fn human(old: &str, new: &str, changes: &[Change]) -> String {
    if changes.is_empty() {
        return format!("{old} -> {new}: no semantic difference\n");
    }
    let mut out = format!("{old} -> {new}: {} {}\n", changes.len(), plural(changes.len(), "change", "changes"));
    for c in changes {
        let what = if c.id.is_empty() { c.kind.to_string() } else { format!("{} `{}`", c.kind, c.id) };
        let detail = if c.detail.is_empty() { String::new() } else { format!(": {}", c.detail) };
        out.push_str(&format!("  {:<20} {what} {}{detail}\n", c.class.word(), c.change));
        out.push_str(&format!("  {:<20} {}\n", "", c.why));
    }
    out
}

fn json(old: &str, new: &str, changes: &[Change]) -> String {
    let mut classes: Vec<&str> = changes.iter().map(|c| c.class.word()).collect();
    classes.dedup();
    let value = serde_json::json!({ "old": old, "new": new, "classes": classes, "changes": changes });
    format!("{}\n", serde_json::to_string_pretty(&value).unwrap_or_default())
}
