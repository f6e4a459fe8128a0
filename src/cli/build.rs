//! `policyc build`: check, render everything in memory, then write it all at once.

use std::path::{Path, PathBuf};

use policyc::emit::{Options, Output};

use crate::cli::report::{Reporter, compile_all};
use crate::cli::{Exit, write};

/// Check, then render every notice in memory, then write them all at once: a failure anywhere
/// leaves the output folder as it was, so a website keeps serving the last good notices.
pub fn build(
    paths: &[PathBuf],
    out: &Path,
    options: &Options,
    model: bool,
    reporter: &Reporter,
    deny_warnings: bool,
) -> Exit {
    let policies = match compile_all(paths, reporter, deny_warnings) {
        Ok(policies) => policies,
        Err(exit) => return exit,
    };
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
