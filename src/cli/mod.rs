//! The command line: `policyc check`, `policyc explain`. Exit codes: 0 no errors, 1 a policy
//! has errors (or warnings with `--deny-warnings`), 2 usage or I/O errors.

mod inputs;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use policyc::diagnostic::{Code, Severity, render_human};

/// policyc: compile privacy policies into checked notices and retention schedules.
#[derive(Parser)]
#[command(name = "policyc", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check policies against the language and the GDPR. Folders are searched for `*.policy`.
    Check {
        /// Policy files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// When to colour the output.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    /// Explain a diagnostic code, such as `E0202`; without a code, list every code.
    Explain {
        /// The code.
        code: Option<String>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// The process exit status, one place for all of them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Exit {
    Ok = 0,
    Failed = 1,
    Usage = 2,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let exit = match cli.command {
        Command::Check {
            paths,
            deny_warnings,
            color,
        } => check(&paths, deny_warnings, color),
        Command::Explain { code: Some(code) } => explain(&code),
        Command::Explain { code: None } => list_codes(),
    };
    ExitCode::from(exit as u8)
}

fn check(paths: &[PathBuf], deny_warnings: bool, color: Color) -> Exit {
    let color = match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let files = match inputs::collect(paths) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("error: {message}");
            return Exit::Usage;
        }
    };
    let mut stderr = std::io::stderr().lock();
    let (mut errors, mut warnings) = (0usize, 0usize);
    for file in &files {
        let compiled = policyc::compile(file);
        for d in &compiled.diagnostics {
            match d.severity() {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
        }
        // A closed stderr must not turn into a panic; the exit code still tells the result.
        let _ = stderr.write_all(render_human(file, &compiled.diagnostics, color).as_bytes());
    }
    let _ = writeln!(
        stderr,
        "checked {} {}: {} {}, {} {}",
        files.len(),
        plural(files.len(), "policy", "policies"),
        errors,
        plural(errors, "error", "errors"),
        warnings,
        plural(warnings, "warning", "warnings"),
    );
    if errors > 0 || (deny_warnings && warnings > 0) {
        Exit::Failed
    } else {
        Exit::Ok
    }
}

fn list_codes() -> Exit {
    let mut out = std::io::stdout().lock();
    for code in Code::ALL {
        // A closed pipe (`policyc explain | head`) just ends the listing.
        if writeln!(out, "{}  {}", code.as_str(), code.summary()).is_err() {
            break;
        }
    }
    Exit::Ok
}

fn explain(code: &str) -> Exit {
    match Code::parse(code) {
        Some(code) => {
            let _ = std::io::stdout()
                .lock()
                .write_all(code.explanation().as_bytes());
            Exit::Ok
        }
        None => {
            eprintln!(
                "error: `{code}` is not a policyc diagnostic code (they look like `E0102` or `W0001`)"
            );
            Exit::Usage
        }
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
