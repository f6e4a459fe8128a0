//! Rendering diagnostics for people, through codespan-reporting.

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;

use crate::diagnostic::{Diagnostic, Severity};
use crate::span::SourceFile;

/// Render with colours for a terminal.
pub fn render_human(file: &SourceFile, diagnostics: &[Diagnostic], color: bool) -> String {
    let mut out = String::new();
    if diagnostics.is_empty() {
        return out; // codespan's file indexes every line, a cost only worth paying for a message
    }
    let files = SimpleFile::new(file.name.as_str(), file.text.as_str());
    let config = term::Config::default();
    for diagnostic in diagnostics {
        let cs = to_codespan(diagnostic);
        if color {
            let mut buffer = term::termcolor::Buffer::ansi();
            // Writing to an in-memory buffer cannot fail on I/O; a span outside the file can,
            // and then the plain fallback still says what is wrong.
            if term::emit_to_write_style(&mut buffer, &config, &files, &cs).is_ok() {
                out.push_str(&String::from_utf8_lossy(buffer.as_slice()));
                continue;
            }
        }
        match term::emit_into_string(&config, &files, &cs) {
            Ok(text) => out.push_str(&text),
            Err(_) => out.push_str(&fallback(file, diagnostic)),
        }
    }
    out
}

/// Render without colours: stable text for snapshots and logs.
pub fn render_plain(file: &SourceFile, diagnostics: &[Diagnostic]) -> String {
    render_human(file, diagnostics, false)
}

fn to_codespan(d: &Diagnostic) -> cs::Diagnostic<()> {
    let severity = match d.severity() {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    let labels = d
        .labels
        .iter()
        .map(|l| {
            let label = if l.primary {
                cs::Label::primary((), l.span.range())
            } else {
                cs::Label::secondary((), l.span.range())
            };
            label.with_message(&l.message)
        })
        .collect();
    let mut notes = Vec::new();
    if let Some(help) = &d.help {
        notes.push(format!("help: {help}"));
    }
    cs::Diagnostic::new(severity)
        .with_code(d.code.as_str())
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}

fn fallback(file: &SourceFile, d: &Diagnostic) -> String {
    let (line, col) = file.line_col(d.primary_span().start);
    format!(
        "{}[{}]: {}\n  --> {}:{}:{}\n",
        severity_word(d.severity()),
        d.code.as_str(),
        d.message,
        file.name,
        line,
        col
    )
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}
