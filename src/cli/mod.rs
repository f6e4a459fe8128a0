//! The command line: `policyc check`, `policyc explain`. Exit codes: 0 no errors, 1 a policy
//! has errors (or warnings with `--deny-warnings`), 2 usage or I/O errors.

mod inputs;
mod write;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use policyc::diagnostic::{Code, Severity, render_human};
use policyc::emit::{Options, Output, TemplateSet};
use policyc::model::Policy;
use policyc::model::vocab::Layout;
use policyc::span::SourceFile;

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
    /// Check policies and write their notices: `<id>.<lang>.md` and `<id>.<lang>.html` for each
    /// declared language. Nothing is written unless every policy checks without errors.
    Build {
        /// Policy files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The folder to write into.
        #[arg(long)]
        out: PathBuf,
        /// Write complete HTML pages with the default stylesheet instead of fragments.
        #[arg(long)]
        standalone: bool,
        /// A folder whose files replace the built-in templates of the same name.
        #[arg(long)]
        templates: Option<PathBuf>,
        /// Arrange every notice this way, whatever the policy says.
        #[arg(long, value_enum)]
        layout: Option<LayoutArg>,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// When to colour the output.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    /// Rewrite policies into the canonical layout, keeping comments. Exit 0 when nothing had
    /// to change (with --check), 1 when something would change, 2 when a file cannot be read.
    Fmt {
        /// Policy files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Change nothing; print a unified diff of what would change.
        #[arg(long)]
        check: bool,
        /// When to colour the output.
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
    },
    /// List what is due for deletion (or another action) by a date, from the retention
    /// schedule and a file of events (`subject,event,date[,group]`, one per line).
    Due {
        /// The policy.
        policy: PathBuf,
        /// The events file (CSV).
        #[arg(long)]
        events: PathBuf,
        /// The date to evaluate at, year-month-day.
        #[arg(long)]
        as_of: String,
        /// How to print the result.
        #[arg(long, value_enum, default_value_t = DueFormat::Csv)]
        format: DueFormat,
    },
    /// Explain a diagnostic code, such as `E0202`; without a code, list every code.
    Explain {
        /// The code.
        code: Option<String>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum DueFormat {
    Csv,
    Json,
}

/// The layouts as the command line spells them (`by-topic`, ...), like the policy does.
#[derive(Clone, Copy, clap::ValueEnum)]
#[allow(clippy::enum_variant_names)]
enum LayoutArg {
    ByTopic,
    ByActivity,
    ByAudience,
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
        Command::Check { paths, deny_warnings, color } => match compile_all(&paths, deny_warnings, color) {
            Ok(_) => Exit::Ok,
            Err(exit) => exit,
        },
        Command::Build { paths, out, standalone, templates, layout, deny_warnings, color } => {
            let options = Options {
                templates: templates.as_deref().map_or_else(TemplateSet::built_in, TemplateSet::with_overrides),
                standalone,
                layout: layout.map(|l| match l {
                    LayoutArg::ByTopic => Layout::ByTopic,
                    LayoutArg::ByActivity => Layout::ByActivity,
                    LayoutArg::ByAudience => Layout::ByAudience,
                }),
            };
            build(&paths, &out, &options, deny_warnings, color)
        }
        Command::Due { policy, events, as_of, format } => due(&policy, &events, &as_of, format),
        Command::Fmt { paths, check, color } => fmt(&paths, check, color),
        Command::Explain { code: Some(code) } => explain(&code),
        Command::Explain { code: None } => list_codes(),
    };
    ExitCode::from(exit as u8)
}

/// Compile every policy, printing diagnostics and a summary. Returns the compiled policies
/// when none has errors (nor warnings, with `deny_warnings`).
fn compile_all(paths: &[PathBuf], deny_warnings: bool, color: Color) -> Result<Vec<(SourceFile, Policy)>, Exit> {
    let color = use_color(color);
    let files = inputs::collect(paths).map_err(|message| {
        eprintln!("error: {message}");
        Exit::Usage
    })?;
    let total = files.len();
    let mut stderr = std::io::stderr().lock();
    let (mut errors, mut warnings) = (0usize, 0usize);
    let mut compiled_ok = Vec::new();
    for file in files {
        let compiled = policyc::compile(&file);
        for d in &compiled.diagnostics {
            match d.severity() {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
        }
        // A closed stderr must not turn into a panic; the exit code still tells the result.
        let _ = stderr.write_all(render_human(&file, &compiled.diagnostics, color).as_bytes());
        if let Some(policy) = compiled.policy {
            compiled_ok.push((file, policy));
        }
    }
    let _ = writeln!(
        stderr,
        "checked {total} {}: {errors} {}, {warnings} {}",
        plural(total, "policy", "policies"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
    );
    if errors > 0 || (deny_warnings && warnings > 0) { Err(Exit::Failed) } else { Ok(compiled_ok) }
}

/// Check, then render every notice in memory, then write them all at once: a failure anywhere
/// leaves the output folder as it was, so a website keeps serving the last good notices.
fn build(paths: &[PathBuf], out: &Path, options: &Options, deny_warnings: bool, color: Color) -> Exit {
    let policies = match compile_all(paths, deny_warnings, color) {
        Ok(policies) => policies,
        Err(exit) => return exit,
    };
    let mut outputs: Vec<Output> = Vec::new();
    for (file, policy) in &policies {
        match policyc::emit::notices(policy, &file.name, options) {
            Ok(mut notices) => {
                outputs.append(&mut notices);
                outputs.append(&mut policyc::emit::machine_readable(policy, file));
            }
            Err(e) => {
                eprint!("{}", render_human(&e.file, &e.diagnostics, use_color(color)));
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

fn due(policy: &Path, events: &Path, as_of: &str, format: DueFormat) -> Exit {
    use policyc::schedule::due::{evaluate, parse_events};
    let Ok(as_of) = as_of.parse::<jiff::civil::Date>() else {
        eprintln!("error: `{as_of}` is not a date: write year-month-day, like 2025-06-30");
        return Exit::Usage;
    };
    let compiled = match compile_all(&[policy.to_path_buf()], false, Color::Auto) {
        Ok(mut compiled) if compiled.len() == 1 => compiled.remove(0),
        Ok(_) => {
            eprintln!("error: `due` takes one policy file");
            return Exit::Usage;
        }
        Err(exit) => return exit,
    };
    let (file, policy) = compiled;
    let text = match std::fs::read_to_string(events) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: cannot read `{}`: {e}", events.display());
            return Exit::Usage;
        }
    };
    let records = match parse_events(&text) {
        Ok(records) => records,
        Err(e) => {
            eprintln!("error: {}:{}: {}", events.display(), e.line, e.message);
            return Exit::Usage;
        }
    };
    let schedule = policyc::schedule::schedule(&policy, &file);
    let due = match evaluate(&schedule, &records, as_of) {
        Ok(due) => due,
        Err(e) => {
            eprintln!("error: {}", e.0);
            return Exit::Usage;
        }
    };
    let mut out = std::io::stdout().lock();
    let written = match format {
        DueFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&due).unwrap_or_default()),
        DueFormat::Csv => {
            let mut text = String::from("subject,group,data,rule,event,event_date,due,action\n");
            for d in &due {
                text.push_str(&format!(
                    "{},{},{},{},{},{},{},{}\n",
                    d.subject,
                    d.group.as_deref().unwrap_or(""),
                    d.data,
                    d.rule,
                    d.event,
                    d.event_date,
                    d.due,
                    policyc::model::vocab::Vocabulary::word(d.action)
                ));
            }
            out.write_all(text.as_bytes())
        }
    };
    // A closed pipe ends the listing; the exit code still says it was computed.
    let _ = written;
    Exit::Ok
}

fn fmt(paths: &[PathBuf], check: bool, color: Color) -> Exit {
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
                eprint!("{}", render_human(file, &diagnostics, use_color(color)));
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

fn use_color(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
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
            let _ = std::io::stdout().lock().write_all(code.explanation().as_bytes());
            Exit::Ok
        }
        None => {
            eprintln!("error: `{code}` is not a policyc diagnostic code (they look like `E0102` or `W0001`)");
            Exit::Usage
        }
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
