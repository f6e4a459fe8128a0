//! `policyc fmt`: rewrite policies into the canonical layout.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::report::Reporter;
use crate::cli::{Exit, inputs, plural, write};

pub fn fmt(paths: &[PathBuf], check: bool, reporter: &Reporter) -> Exit {
    let files = match inputs::collect(paths) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("error: {message}");
            return Exit::Usage;
        }
    };
    let (mut changed, mut failed) = (0usize, 0usize);
    let mut stdout = std::io::stdout().lock();
    for file in &files {
        let formatted = match policyc::format::format(file) {
            Ok(text) => text,
            Err(diagnostics) => {
                reporter.report(&[(file.clone(), diagnostics)]);
                failed += 1;
                continue;
            }
        };
        if formatted == file.text {
            continue;
        }
        changed += 1;
        if check {
            let diff = similar::TextDiff::from_lines(file.text.as_str(), formatted.as_str());
            let _ = write!(stdout, "{}", diff.unified_diff().context_radius(3).header(&file.name, &file.name));
        } else if let Err(message) = write::replace(Path::new(&file.name), &formatted) {
            eprintln!("error: {message}");
            failed += 1;
        }
    }
    let verb = if check { "would reformat" } else { "reformatted" };
    eprintln!("{verb} {changed} of {} {}", files.len(), plural(files.len(), "file", "files"));
    if failed > 0 {
        Exit::Usage
    } else if check && changed > 0 {
        Exit::Failed
    } else {
        Exit::Ok
    }
}
