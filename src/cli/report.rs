//! Compiling the named policies and reporting their diagnostics, for people (coloured, on
//! stderr) or for machines (JSON, SARIF, GitHub workflow commands, on stdout).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use policyc::diagnostic::{Diagnostic, Severity, machine, render_human};
use policyc::model::Policy;
use policyc::span::SourceFile;

use crate::cli::{Color, DiagnosticFormat, Exit, inputs, plural};

/// Where and how diagnostics are shown.
pub struct Reporter {
    pub format: DiagnosticFormat,
    pub color: bool,
}

impl Reporter {
    pub fn new(format: DiagnosticFormat, color: Color) -> Self {
        let color = match color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        };
        Reporter { format, color }
    }

    /// People read diagnostics on stderr as they come; machines get one document on stdout.
    pub fn report(&self, reports: &[(SourceFile, Vec<Diagnostic>)]) {
        let borrowed: Vec<machine::Report> = reports.iter().map(|(f, d)| (f, d.as_slice())).collect();
        let text = match self.format {
            DiagnosticFormat::Human => {
                let mut stderr = std::io::stderr().lock();
                for (file, diagnostics) in reports {
                    // A closed stderr must not become a panic; the exit code still tells.
                    let _ = stderr.write_all(render_human(file, diagnostics, self.color).as_bytes());
                }
                return;
            }
            DiagnosticFormat::Json => machine::json(&borrowed),
            DiagnosticFormat::Sarif => machine::sarif(&borrowed),
            DiagnosticFormat::Github => machine::github(&borrowed),
        };
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
    }
}

/// Compile every policy, printing diagnostics and a summary. Returns the compiled policies
/// when none has errors (nor warnings, with `deny_warnings`).
pub fn compile_all(
    paths: &[PathBuf],
    reporter: &Reporter,
    deny_warnings: bool,
) -> Result<Vec<(SourceFile, Policy)>, Exit> {
    let files = inputs::collect(paths).map_err(|message| {
        eprintln!("error: {message}");
        Exit::Usage
    })?;
    let total = files.len();
    let (mut errors, mut warnings) = (0usize, 0usize);
    let mut compiled_ok = Vec::new();
    let mut reports = Vec::new();
    for file in files {
        let compiled = policyc::compile(&file);
        for d in &compiled.diagnostics {
            match d.severity() {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
        }
        if let Some(policy) = compiled.policy {
            compiled_ok.push((file.clone(), policy));
        }
        reports.push((file, compiled.diagnostics));
    }
    reporter.report(&reports);
    let _ = writeln!(
        std::io::stderr().lock(),
        "checked {total} {}: {errors} {}, {warnings} {}",
        plural(total, "policy", "policies"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
    );
    if errors > 0 || (deny_warnings && warnings > 0) { Err(Exit::Failed) } else { Ok(compiled_ok) }
}
