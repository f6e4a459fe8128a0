//! The command line, one module per command. Exit codes: 0 success, 1 a policy has errors (or
//! warnings with `--deny-warnings`, or differences with `fmt --check`), 2 usage or I/O errors.

mod build;
mod diff;
mod due;
mod explain;
mod fmt;
mod git;
mod inputs;
mod lsp;
mod report;
mod write;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use policyc::emit::{Options, TemplateSet};
use policyc::model::vocab::Layout;

use report::{Reporter, compile_all};

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
        /// How to report diagnostics: for people, or as JSON, SARIF 2.1.0 or GitHub Actions
        /// workflow commands (on stdout).
        #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human)]
        format: DiagnosticFormat,
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
        /// Also write the resolved model as `<id>.model.yaml`.
        #[arg(long)]
        model: bool,
        /// Arrange every notice this way, whatever the policy says.
        #[arg(long, value_enum)]
        layout: Option<LayoutArg>,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Refuse (exit 1, nothing written) if a policy marks any fact `unconfirmed`: for
        /// builds that publish. Without it such notices are written as drafts that say so.
        #[arg(long = "final")]
        final_only: bool,
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
    /// Compare two versions of a policy on what they mean, not how they are written, and
    /// classify each change by what it obliges. Exit 0 when they mean the same, 1 when they
    /// differ, 2 on errors.
    Diff {
        /// OLD NEW, or with --git a single file.
        #[arg(required = true, num_args = 1..=2)]
        paths: Vec<PathBuf>,
        /// Compare the file with its version at this git revision.
        #[arg(long)]
        git: Option<String>,
        /// With --git: where the file was at that revision, if it has been renamed since.
        #[arg(long, requires = "git")]
        from: Option<PathBuf>,
        /// How to print the changes.
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
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
    /// Run the language server (Language Server Protocol over stdin and stdout), for editors.
    Lsp {
        /// Talk over stdin and stdout: the only transport, and the default. Accepted because
        /// clients pass it (VS Code's language client always does).
        #[arg(long)]
        stdio: bool,
    },
    /// Explain a diagnostic code, such as `E0202`; without a code, list every code.
    Explain {
        /// The code.
        code: Option<String>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum DiagnosticFormat {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum DiffFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum DueFormat {
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
pub enum Color {
    Auto,
    Always,
    Never,
}

/// The process exit status, one place for all of them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Exit {
    Ok = 0,
    Failed = 1,
    Usage = 2,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let exit = match cli.command {
        Command::Check { paths, deny_warnings, format, color } => {
            match compile_all(&paths, &Reporter::new(format, color), deny_warnings) {
                Ok(_) => Exit::Ok,
                Err(exit) => exit,
            }
        }
        Command::Build { paths, out, standalone, templates, model, layout, deny_warnings, final_only, color } => {
            let options = Options {
                templates: templates.as_deref().map_or_else(TemplateSet::built_in, TemplateSet::with_overrides),
                standalone,
                layout: layout.map(|l| match l {
                    LayoutArg::ByTopic => Layout::ByTopic,
                    LayoutArg::ByActivity => Layout::ByActivity,
                    LayoutArg::ByAudience => Layout::ByAudience,
                }),
                language: None,
            };
            let reporter = Reporter::new(DiagnosticFormat::Human, color);
            let strictness = build::Strictness { deny_warnings, final_only };
            build::build(&paths, &out, &options, model, &reporter, strictness)
        }
        Command::Due { policy, events, as_of, format } => {
            due::due(&policy, &events, &as_of, format, &Reporter::new(DiagnosticFormat::Human, Color::Auto))
        }
        Command::Fmt { paths, check, color } => fmt::fmt(&paths, check, &Reporter::new(DiagnosticFormat::Human, color)),
        Command::Diff { paths, git, from, format, color } => {
            diff::run(&paths, git.as_deref(), from.as_deref(), format, &Reporter::new(DiagnosticFormat::Human, color))
        }
        Command::Lsp { stdio: _ } => lsp::run(),
        Command::Explain { code: Some(code) } => explain::explain(&code),
        Command::Explain { code: None } => explain::list_codes(),
    };
    ExitCode::from(exit as u8)
}

pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
