//! `policyc diff`: what changed between two versions of a policy, and what each change obliges.

use std::io::Write;
use std::path::{Path, PathBuf};

use policyc::diff::{Change, diff, introduced, withdrawn};
use policyc::model::Policy;
use policyc::span::SourceFile;

use crate::cli::git;
use crate::cli::report::Reporter;
use crate::cli::{DiffFormat, Exit, plural};

/// Compare `old` with `new`, or with `--git REV` the file at that revision (at `--from` where it
/// was renamed) with the file now. A file missing on one side is a new or a withdrawn policy.
pub fn run(paths: &[PathBuf], git: Option<&str>, from: Option<&Path>, format: DiffFormat, reporter: &Reporter) -> Exit {
    let sides = match (paths, git) {
        ([old, new], None) if from.is_none() => read(old).and_then(|o| read(new).map(|n| (Some(o), Some(n)))),
        ([file], Some(rev)) => at_revision(rev, from.unwrap_or(file), file),
        _ => Err("give two policy files, or one file and --git REV (and --from PATH for a renamed one)".to_string()),
    };
    let (old_file, new_file) = match sides {
        Ok(sides) => sides,
        Err(message) => {
            eprintln!("error: {message}");
            return Exit::Usage;
        }
    };
    let compiled = |f: &Option<SourceFile>| f.as_ref().map(|f| compile(f, reporter));
    let (status, changes) = match (compiled(&old_file), compiled(&new_file)) {
        (Some(Some(old)), Some(Some(new))) => (Status::Changed, diff(&old, &new)),
        (None, Some(Some(new))) => (Status::New, introduced(&new)),
        (Some(Some(old)), None) => (Status::Withdrawn, withdrawn(&old)),
        (None, None) => {
            eprintln!("error: the policy is neither at the revision nor in the working tree");
            return Exit::Usage;
        }
        _ => {
            eprintln!("error: every version must compile without errors to be compared");
            return Exit::Usage;
        }
    };
    let name = |f: &Option<SourceFile>| f.as_ref().map(|f| f.name.clone());
    let (old, new) = (name(&old_file), name(&new_file));
    let text = match format {
        DiffFormat::Json => json(old.as_deref(), new.as_deref(), status, &changes),
        DiffFormat::Human => human(old.as_deref(), new.as_deref(), status, &changes),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if changes.is_empty() { Exit::Ok } else { Exit::Failed }
}

#[derive(Clone, Copy)]
enum Status {
    Changed,
    New,
    Withdrawn,
}

impl Status {
    fn word(self) -> &'static str {
        match self {
            Status::Changed => "changed",
            Status::New => "new",
            Status::Withdrawn => "withdrawn",
        }
    }
}

fn read(path: &Path) -> Result<SourceFile, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
    Ok(SourceFile::new(path.display().to_string(), text))
}

/// The policy at `rev` (at `old`) and now (at `new`); `None` where there is none.
fn at_revision(rev: &str, old: &Path, new: &Path) -> Result<(Option<SourceFile>, Option<SourceFile>), String> {
    let commit = git::commit(rev)?;
    let old_path = git::repo_path(old)?;
    git::repo_path(new)?;
    let before =
        git::file_at(&commit, &old_path)?.map(|text| SourceFile::new(format!("{}@{rev}", old.display()), text));
    let now = match std::fs::read_to_string(new) {
        Ok(text) => Some(SourceFile::new(new.display().to_string(), text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("cannot read `{}`: {e}", new.display())),
    };
    Ok((before, now))
}

/// The policy, or its errors reported; warnings are the business of `check`, not of `diff`.
fn compile(file: &SourceFile, reporter: &Reporter) -> Option<Policy> {
    let compiled = policyc::compile(file);
    if compiled.policy.is_none() {
        reporter.report(&[(file.clone(), compiled.diagnostics)]);
    }
    compiled.policy
}

fn human(old: Option<&str>, new: Option<&str>, status: Status, changes: &[Change]) -> String {
    let head = match (status, old, new) {
        (Status::New, _, Some(new)) => format!("{new}: new policy"),
        (Status::Withdrawn, Some(old), _) => format!("{old}: policy withdrawn"),
        (_, old, new) => format!("{} -> {}", old.unwrap_or("-"), new.unwrap_or("-")),
    };
    if changes.is_empty() {
        return format!("{head}: no semantic difference\n");
    }
    let mut out = format!("{head}: {} {}\n", changes.len(), plural(changes.len(), "change", "changes"));
    for c in changes {
        let what = if c.id.is_empty() { c.kind.to_string() } else { format!("{} `{}`", c.kind, c.id) };
        let detail = if c.detail.is_empty() { String::new() } else { format!(": {}", c.detail) };
        out.push_str(&format!("  {:<20} {what} {}{detail}\n", c.class.word(), c.change));
        out.push_str(&format!("  {:<20} {}\n", "", c.why));
    }
    out
}

fn json(old: Option<&str>, new: Option<&str>, status: Status, changes: &[Change]) -> String {
    let mut classes: Vec<&str> = changes.iter().map(|c| c.class.word()).collect();
    classes.dedup();
    let value = serde_json::json!({
        "old": old, "new": new, "status": status.word(), "classes": classes, "changes": changes
    });
    format!("{}\n", serde_json::to_string_pretty(&value).unwrap_or_default())
}
