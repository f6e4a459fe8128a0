//! Diagnostics for machines: JSON (one object per diagnostic), SARIF 2.1.0 for code-scanning
//! dashboards, and GitHub Actions workflow commands that annotate a pull request.

use serde_json::{Value, json};

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::span::SourceFile;

/// The diagnostics of one file.
pub type Report<'a> = (&'a SourceFile, &'a [Diagnostic]);

/// A position for people: 1-based line and column.
fn position(file: &SourceFile, offset: usize) -> (usize, usize) {
    file.line_col(offset)
}

fn severity(d: &Diagnostic) -> &'static str {
    match d.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// `[{ code, severity, message, file, line, column, end: { line, column }, help }]`
pub fn json(reports: &[Report]) -> String {
    let items: Vec<Value> = reports
        .iter()
        .flat_map(|(file, diagnostics)| {
            diagnostics.iter().map(move |d| {
                let span = d.primary_span();
                let (line, column) = position(file, span.start);
                let (end_line, end_column) = position(file, span.end);
                json!({
                    "code": d.code.as_str(),
                    "severity": severity(d),
                    "message": d.message,
                    "file": file.name,
                    "line": line,
                    "column": column,
                    "end": { "line": end_line, "column": end_column },
                    "help": d.help,
                })
            })
        })
        .collect();
    pretty(&Value::Array(items))
}

/// A SARIF 2.1.0 log with one run; every code that occurs is described as a rule.
pub fn sarif(reports: &[Report]) -> String {
    let mut codes: Vec<Code> = reports.iter().flat_map(|(_, ds)| ds.iter().map(|d| d.code)).collect();
    codes.sort();
    codes.dedup();
    let rules: Vec<Value> = codes
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "shortDescription": { "text": c.summary() },
                "fullDescription": { "text": c.explanation() },
                "defaultConfiguration": { "level": match c.severity() { Severity::Error => "error", Severity::Warning => "warning" } },
            })
        })
        .collect();
    let codes = &codes;
    let results: Vec<Value> = reports
        .iter()
        .flat_map(|(file, diagnostics)| {
            diagnostics.iter().map(move |d| {
                let span = d.primary_span();
                let (line, column) = position(file, span.start);
                let (end_line, end_column) =
                    position(file, span.end.max(span.start + 1).min(file.text.len().max(span.start)));
                let text = match &d.help {
                    Some(help) => format!("{} ({help})", d.message),
                    None => d.message.clone(),
                };
                let rule_index = codes.iter().position(|c| *c == d.code).unwrap_or(0);
                json!({
                    "ruleId": d.code.as_str(),
                    "ruleIndex": rule_index,
                    "level": severity(d),
                    "message": { "text": text },
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": { "uri": uri(&file.name) },
                            "region": {
                                "startLine": line,
                                "startColumn": column,
                                "endLine": end_line.max(line),
                                "endColumn": if end_line > line { end_column } else { end_column.max(column) },
                            }
                        }
                    }],
                })
            })
        })
        .collect();
    pretty(&json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "policyc",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "results": results,
        }]
    }))
}

/// GitHub Actions workflow commands: `::error file=...,line=...,col=...::message`.
pub fn github(reports: &[Report]) -> String {
    let mut out = String::new();
    for (file, diagnostics) in reports {
        for d in *diagnostics {
            let span = d.primary_span();
            let (line, column) = position(file, span.start);
            let (end_line, end_column) = position(file, span.end);
            let message = match &d.help {
                Some(help) => format!("{}\nhelp: {help}", d.message),
                None => d.message.clone(),
            };
            out.push_str(&format!(
                "::{} file={},line={line},col={column},endLine={end_line},endColumn={end_column},title={}::{}\n",
                severity(d),
                property(&file.name),
                property(d.code.as_str()),
                data(&message),
            ));
        }
    }
    out
}

/// A relative path as a URI reference: forward slashes, spaces and the like percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Escaping of a workflow command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escaping of a workflow command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(uri("policies/my file.policy"), "policies/my%20file.policy");
    }
}
