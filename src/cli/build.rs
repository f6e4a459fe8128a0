//! `policyc build`: check, render everything in memory, then write it all at once.

use std::path::{Path, PathBuf};

use policyc::emit::{Options, Output};

use crate::cli::report::{Reporter, compile_all};
use crate::cli::{Exit, write};

/// What makes a build fail besides errors.
#[derive(Debug, Clone, Copy)]
pub struct Strictness {
    pub deny_warnings: bool,
    /// Refuse drafts: policies with `unconfirmed` facts.
    pub final_only: bool,
}

/// Check, then render every notice in memory, then write them all at once: a failure anywhere
/// leaves the output folder as it was, so a website keeps serving the last good notices.
pub fn build(
    paths: &[PathBuf],
    out: &Path,
    options: &Options,
    model: bool,
    reporter: &Reporter,
    strictness: Strictness,
) -> Exit {
    let policies = match compile_all(paths, reporter, strictness.deny_warnings) {
        Ok(policies) => policies,
        Err(exit) => return exit,
    };
    if strictness.final_only {
        let drafts: Vec<String> = policies
            .iter()
            .filter(|(_, p)| !p.unconfirmed.is_empty())
            .map(|(f, p)| format!("{} ({} unconfirmed)", f.name, p.unconfirmed.len()))
            .collect();
        if !drafts.is_empty() {
            eprintln!(
                "error: --final: these policies still mark facts as unconfirmed (W0250): {}; confirm them, or build without --final to get drafts; no files written",
                drafts.join(", ")
            );
            return Exit::Failed;
        }
    }
    let mut outputs: Vec<Output> = Vec::new();
    for (file, policy) in &policies {
        match policyc::emit::notices(policy, &file.name, options) {
            Ok(mut notices) => {
                outputs.append(&mut notices);
                outputs.append(&mut policyc::emit::machine_readable(policy, file));
                if model {
                    outputs.push(policyc::emit::model_yaml(policy, file));
                }
            }
            Err(e) => {
                reporter.report(&[(e.file, e.diagnostics)]);
                eprintln!("error: no files written");
                return Exit::Failed;
            }
        }
    }
    let mut names: Vec<&str> = outputs.iter().map(|o| o.name.as_str()).collect();
    names.sort_unstable();
    if let Some(pair) = names.windows(2).find(|w| w[0] == w[1]) {
        eprintln!("error: two policies would both write `{}`: give them different ids; no files written", pair[0]);
        return Exit::Failed;
    }
    match write::atomically(out, &outputs) {
        Ok(()) => {
            eprintln!("wrote {} files to {}", outputs.len(), out.display());
            Exit::Ok
        }
        Err(message) => {
            eprintln!("error: {message}");
            Exit::Usage
        }
    }
}
