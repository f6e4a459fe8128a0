//! Finding and reading the policy files named on the command line.

use std::path::{Path, PathBuf};

use policyc::span::SourceFile;

/// Read every named file, and every `*.policy` file below every named folder, in a stable
/// order. Text that is not UTF-8 is read lossily: the parser then reports where it breaks.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<SourceFile>, String> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = found.len();
            walk(path, &mut found)?;
            if found.len() == before {
                return Err(format!("no `.policy` files in `{}`", path.display()));
            }
        } else {
            found.push(path.clone());
        }
    }
    found
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
            let text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
            Ok(SourceFile::new(path.display().to_string(), text))
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read folder `{}`: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "policy") {
            out.push(path);
        }
    }
    Ok(())
}
