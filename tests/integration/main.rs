//! All integration tests in one binary (one link step keeps the suite fast).

mod checks;
mod cli;
mod diagnostics;
mod diff;
mod docs;
mod drafts;
mod due;
mod editors;
mod format;
mod lexicon;
mod lsp;
mod marks;
mod models;
mod notices;
mod records;
mod robustness;
mod schedules;
mod security;
mod statutes;
mod tilt;
mod wording;
mod workflow;

use std::path::{Path, PathBuf};

use policyc::span::SourceFile;

/// Run the `policyc` binary from the repository root, without colours.
pub fn policyc(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("run policyc")
}

/// Runs git in `dir`; the test fails where git does.
pub fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git").args(args).current_dir(dir).output().expect("run git");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A new, empty git repository (branch `main`) in the tests' scratch folder.
pub fn new_repository(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    git(&dir, &["init", "-q", "-b", "main"]);
    git(&dir, &["config", "user.email", "ci@example.org"]);
    git(&dir, &["config", "user.name", "CI"]);
    dir
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file read as a source, named by its path relative to the repository root so that
/// snapshots are the same on every machine.
pub fn source(path: &Path) -> SourceFile {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let name = path.strip_prefix(root()).unwrap_or(path).display().to_string();
    SourceFile::new(name, text)
}

/// The sorted `*.policy` files in a folder of the repository.
pub fn policies_in(folder: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join(folder))
        .unwrap_or_else(|e| panic!("reading {folder}: {e}"))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "policy"))
        .collect();
    paths.sort();
    paths
}

/// The notices of a policy text (Danish and Swedish) in every layout: (language, layout,
/// Markdown, HTML).
pub fn rendered(policy_text: &str) -> Vec<(String, policyc::model::vocab::Layout, String, String)> {
    let file = SourceFile::new("small.policy".to_string(), policy_text.to_string());
    let compiled = policyc::compile(&file);
    let Some(policy) = compiled.policy else {
        panic!("{}\n{policy_text}", policyc::diagnostic::render_plain(&file, &compiled.diagnostics))
    };
    let mut out = Vec::new();
    for layout in [
        policyc::model::vocab::Layout::ByTopic,
        policyc::model::vocab::Layout::ByActivity,
        policyc::model::vocab::Layout::ByAudience,
    ] {
        let options = policyc::emit::Options { layout: Some(layout), ..policyc::emit::Options::default() };
        let outputs = policyc::emit::notices(&policy, &file.name, &options).expect("renders");
        for md in outputs.iter().filter(|o| o.name.ends_with(".md")) {
            let lang = md.name.trim_end_matches(".md").rsplit('.').next().expect("a language").to_string();
            let stem = md.name.trim_end_matches(".md");
            let html = outputs
                .iter()
                .find(|o| o.name.ends_with(".html") && o.name.trim_end_matches(".html") == stem)
                .map(|o| o.contents.clone())
                .unwrap_or_default();
            out.push((lang, layout, md.contents.clone(), html));
        }
    }
    assert!(out.iter().any(|(l, ..)| l == "da") && out.iter().any(|(l, ..)| l == "sv"));
    out
}
