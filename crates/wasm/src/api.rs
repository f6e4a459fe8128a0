//! The package's functions in plain Rust: each takes text and returns a serialisable value,
//! errors included, so nothing panics or throws across the JavaScript boundary. `lib.rs` only
//! converts these values to and from JavaScript.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use policyc::diagnostic::{Code, Diagnostic, Severity, render_plain};
use policyc::emit::{Options, TemplateSet};
use policyc::model::vocab::{Lang, Layout, Vocabulary};
use policyc::span::SourceFile;

use crate::position::{Lines, Point};

/// The file name used in messages and generated files when the caller gives none.
pub const DEFAULT_NAME: &str = "policy.policy";

/// A labelled span: where, given both in UTF-16 units and in bytes, and what it says.
#[derive(Debug, Serialize)]
pub struct Label {
    pub message: String,
    pub primary: bool,
    #[serde(flatten)]
    pub span: Span,
}

#[derive(Debug, Serialize)]
pub struct Span {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offsets, as the library counts.
    pub start: usize,
    pub end: usize,
    /// UTF-16 offsets, as a JavaScript string (and a textarea's selection) counts.
    pub start_utf16: usize,
    pub end_utf16: usize,
}

impl Span {
    fn new(start: Point, end: Point) -> Self {
        Span {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            start: start.byte,
            end: end.byte,
            start_utf16: start.utf16,
            end_utf16: end.utf16,
        }
    }
}

/// A diagnostic as JavaScript sees it: the primary span's position at the top level.
#[derive(Debug, Serialize)]
pub struct JsDiagnostic {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub help: Option<String>,
    /// The file the diagnostic is in: the policy, or a template (`templates/da/...`).
    pub file: String,
    #[serde(flatten)]
    pub span: Span,
    pub labels: Vec<Label>,
}

fn diagnostics(file: &SourceFile, diagnostics: &[Diagnostic]) -> Vec<JsDiagnostic> {
    let lines = Lines::new(&file.text);
    let span = |s: policyc::span::Span| Span::new(lines.point(s.start), lines.point(s.end));
    diagnostics
        .iter()
        .map(|d| JsDiagnostic {
            code: d.code.as_str(),
            severity: severity(d.severity()),
            message: d.message.clone(),
            help: d.help.clone(),
            file: file.name.clone(),
            span: span(d.primary_span()),
            labels: d
                .labels
                .iter()
                .map(|l| Label { message: l.message.clone(), primary: l.primary, span: span(l.span) })
                .collect(),
        })
        .collect()
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// What `check` returns.
#[derive(Debug, Serialize)]
pub struct Checked {
    pub diagnostics: Vec<JsDiagnostic>,
    /// The diagnostics as `policyc check` prints them, without colours.
    pub rendered: String,
    pub errors: usize,
    pub warnings: usize,
}

pub fn check(source: &str, name: &str) -> Checked {
    let file = SourceFile::new(name, source);
    let compiled = policyc::compile(&file);
    let errors = compiled.diagnostics.iter().filter(|d| d.severity() == Severity::Error).count();
    Checked {
        diagnostics: diagnostics(&file, &compiled.diagnostics),
        rendered: render_plain(&file, &compiled.diagnostics),
        errors,
        warnings: compiled.diagnostics.len() - errors,
    }
}

/// The options of `build`, as a JavaScript object; every field may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BuildOptions {
    /// `by-topic`, `by-activity` or `by-audience`: overrides the policy's own layout.
    pub layout: Option<String>,
    /// Complete HTML pages instead of fragments.
    pub standalone: bool,
    /// Refuse a policy with `unconfirmed` facts, as `policyc build --final` does.
    #[serde(rename = "final")]
    pub final_only: bool,
    /// Also the resolved model as `<id>.model.yaml`.
    pub model: bool,
    /// Template texts by name (`da/by-topic.md.j2`) that replace the built-in ones.
    pub templates: BTreeMap<String, String>,
}

impl BuildOptions {
    /// The options' names, as JavaScript spells them.
    pub const NAMES: &[&str] = &["layout", "standalone", "final", "model", "templates"];
}

/// Why a set of option names is refused: one is not among `known` (a misspelt option would
/// otherwise change nothing without a word).
pub fn refuse_unknown<'a>(mut names: impl Iterator<Item = &'a str>, known: &[&str]) -> Result<(), String> {
    match names.find(|n| !known.contains(n)) {
        Some(name) => Err(format!("`{name}` is not an option; the options are {}", known.join(", "))),
        None => Ok(()),
    }
}

#[derive(Debug, Serialize)]
pub struct File {
    pub name: String,
    pub contents: String,
}

/// What `build` returns: the files when `ok`, else `error` says why none were built.
#[derive(Debug, Serialize)]
pub struct Built {
    pub ok: bool,
    pub files: Vec<File>,
    pub diagnostics: Vec<JsDiagnostic>,
    pub rendered: String,
    pub error: Option<String>,
}

impl Built {
    pub fn refused(error: String) -> Self {
        Built { ok: false, files: Vec::new(), diagnostics: Vec::new(), rendered: String::new(), error: Some(error) }
    }
}

pub fn build(source: &str, name: &str, options: BuildOptions) -> Built {
    let layout = match parse_layout(options.layout.as_deref()) {
        Ok(layout) => layout,
        Err(e) => return Built::refused(e),
    };
    let templates = if options.templates.is_empty() {
        TemplateSet::built_in()
    } else {
        match TemplateSet::with_texts(options.templates) {
            Ok(set) => set,
            Err(e) => return Built::refused(format!("template override `{}`: {}", e.name, e.message)),
        }
    };
    let file = SourceFile::new(name, source);
    let compiled = policyc::compile(&file);
    let mut built = Built {
        ok: false,
        files: Vec::new(),
        diagnostics: diagnostics(&file, &compiled.diagnostics),
        rendered: render_plain(&file, &compiled.diagnostics),
        error: None,
    };
    let Some(policy) = compiled.policy else {
        built.error = Some("the policy has errors; no files built".to_string());
        return built;
    };
    if options.final_only && !policy.unconfirmed.is_empty() {
        built.error = Some(format!(
            "final: the policy still marks {} facts as unconfirmed (W0250); confirm them, or build without final to get drafts",
            policy.unconfirmed.len()
        ));
        return built;
    }
    let emit_options = Options { templates, standalone: options.standalone, layout, language: None };
    match policyc::emit::notices(&policy, &file.name, &emit_options) {
        Ok(notices) => {
            built.files.extend(notices.into_iter().map(|o| File { name: o.name, contents: o.contents }));
            let machine = policyc::emit::machine_readable(&policy, &file);
            built.files.extend(machine.into_iter().map(|o| File { name: o.name, contents: o.contents }));
            if options.model {
                let model = policyc::emit::model_yaml(&policy, &file);
                built.files.push(File { name: model.name, contents: model.contents });
            }
            built.ok = true;
        }
        Err(e) => {
            built.diagnostics.extend(diagnostics(&e.file, &e.diagnostics));
            built.rendered.push_str(&render_plain(&e.file, &e.diagnostics));
            built.error = Some("a template cannot be rendered; no files built".to_string());
        }
    }
    built
}

/// The options of `preview`; every field may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PreviewOptions {
    /// `da` or `sv`; the policy's first language when left out or not declared by it.
    pub language: Option<String>,
    /// As `build`'s.
    pub layout: Option<String>,
    /// A complete HTML page instead of a fragment.
    pub standalone: bool,
}

impl PreviewOptions {
    pub const NAMES: &[&str] = &["language", "layout", "standalone"];
}

/// What `preview` returns: one notice, when `ok`.
#[derive(Debug, Default, Serialize)]
pub struct Previewed {
    pub ok: bool,
    /// The notice as `build` writes `<id>.<language>.html`.
    pub html: String,
    /// The language shown, and every language the policy declares (for a switch).
    pub language: Option<&'static str>,
    pub languages: Vec<&'static str>,
    /// The policy marks unconfirmed facts: the notice is a draft.
    pub draft: bool,
    pub diagnostics: Vec<JsDiagnostic>,
    pub error: Option<String>,
}

/// One notice, for a live preview: the check and a single template render, instead of every
/// file `build` writes (for the largest example about a third of `build`'s time).
pub fn preview(source: &str, name: &str, options: PreviewOptions) -> Previewed {
    let layout = match parse_layout(options.layout.as_deref()) {
        Ok(layout) => layout,
        Err(e) => return Previewed::refused(e),
    };
    let mut previewed = Previewed::default();
    let file = SourceFile::new(name, source);
    let compiled = policyc::compile(&file);
    previewed.diagnostics = diagnostics(&file, &compiled.diagnostics);
    let Some(policy) = compiled.policy else {
        previewed.error = Some("the policy has errors; no notice built".to_string());
        return previewed;
    };
    let declared = &policy.header.languages;
    previewed.languages = declared.iter().map(|l| l.word()).collect();
    let wanted = options.language.as_deref().and_then(Lang::from_word).filter(|l| declared.contains(l));
    let Some(language) = wanted.or_else(|| declared.first().copied()) else {
        previewed.error = Some("the policy declares no language".to_string());
        return previewed;
    };
    previewed.language = Some(language.word());
    previewed.draft = !policy.unconfirmed.is_empty();
    let emit_options = Options {
        templates: TemplateSet::built_in(),
        standalone: options.standalone,
        layout,
        language: Some(language),
    };
    match policyc::emit::notices(&policy, &file.name, &emit_options) {
        Ok(outputs) => {
            let suffix = format!(".{}.html", language.word());
            if let Some(html) = outputs.into_iter().find(|o| o.name.ends_with(&suffix)) {
                previewed.html = html.contents;
                previewed.ok = true;
            }
        }
        Err(e) => {
            previewed.diagnostics.extend(diagnostics(&e.file, &e.diagnostics));
            previewed.error = Some("the notice cannot be rendered".to_string());
        }
    }
    previewed
}

impl Previewed {
    pub fn refused(error: String) -> Self {
        Previewed { error: Some(error), ..Previewed::default() }
    }
}

fn parse_layout(word: Option<&str>) -> Result<Option<Layout>, String> {
    match word.map(|w| Layout::from_word(w).ok_or(w)) {
        None => Ok(None),
        Some(Ok(layout)) => Ok(Some(layout)),
        Some(Err(word)) => {
            let known: Vec<&str> = Layout::ALL.iter().map(|l| l.word()).collect();
            Err(format!("`{word}` is not a layout; the layouts are {}", known.join(", ")))
        }
    }
}

/// What `fmt` returns: the formatted text, or the diagnostics that prevent formatting.
#[derive(Debug, Serialize)]
pub struct Formatted {
    pub formatted: Option<String>,
    pub changed: bool,
    pub diagnostics: Vec<JsDiagnostic>,
    pub rendered: String,
}

pub fn fmt(source: &str, name: &str) -> Formatted {
    let file = SourceFile::new(name, source);
    match policyc::format::format(&file) {
        Ok(text) => Formatted {
            changed: text != source,
            formatted: Some(text),
            diagnostics: Vec::new(),
            rendered: String::new(),
        },
        Err(ds) => Formatted {
            formatted: None,
            changed: false,
            diagnostics: diagnostics(&file, &ds),
            rendered: render_plain(&file, &ds),
        },
    }
}

/// The long explanation of a code (Markdown), or `None` for a string that is not a code.
pub fn explain(code: &str) -> Option<String> {
    Code::parse(code.trim()).map(|c| c.explanation().to_string())
}

#[derive(Debug, Serialize)]
pub struct CodeInfo {
    pub code: &'static str,
    pub severity: &'static str,
    pub summary: &'static str,
}

pub fn codes() -> Vec<CodeInfo> {
    Code::ALL
        .iter()
        .map(|c| CodeInfo { code: c.as_str(), severity: severity(c.severity()), summary: c.summary() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = include_str!("../../../tests/fixtures/valid/minimal.policy");

    #[test]
    fn a_clean_policy_builds_notices_and_machine_readable_files() {
        assert_eq!(check(MINIMAL, "minimal.policy").errors, 0);
        let built = build(MINIMAL, "minimal.policy", BuildOptions::default());
        assert!(built.ok, "{}", built.rendered);
        let names: Vec<&str> = built.files.iter().map(|f| f.name.as_str()).collect();
        assert!(names.contains(&"demo.da.html") && names.contains(&"demo.tilt.json"), "{names:?}");
    }

    #[test]
    fn errors_come_back_as_values() {
        let broken = MINIMAL.replacen("subjects candidates", "subjects candidate", 1);
        let checked = check(&broken, "x.policy");
        assert_eq!(checked.errors, 1);
        assert_eq!(checked.diagnostics[0].code, "E0102");
        let built = build(&broken, "x.policy", BuildOptions::default());
        assert!(!built.ok && built.files.is_empty() && built.error.is_some());
        let options = BuildOptions { layout: Some("sideways".into()), ..BuildOptions::default() };
        assert!(build(MINIMAL, "x.policy", options).error.is_some_and(|e| e.contains("by-topic")));
        assert!(fmt("policy {", "x.policy").formatted.is_none());
        assert!(refuse_unknown(["final", "standalon"].into_iter(), BuildOptions::NAMES).is_err());
        assert!(refuse_unknown(BuildOptions::NAMES.iter().copied(), BuildOptions::NAMES).is_ok());
        assert!(explain("E0102").is_some() && explain("nonsense").is_none());
    }

    #[test]
    fn a_preview_is_the_built_notice_of_one_language() {
        const BILINGUAL: &str = include_str!("../../../tests/integration/lsp/small.policy");
        let built = build(BILINGUAL, "k.policy", BuildOptions { standalone: true, ..BuildOptions::default() });
        let file = |name: &str| built.files.iter().find(|f| f.name == name).map(|f| f.contents.clone());
        let options = |language: Option<&str>| PreviewOptions {
            language: language.map(str::to_string),
            standalone: true,
            ..PreviewOptions::default()
        };
        let sv = preview(BILINGUAL, "k.policy", options(Some("sv")));
        assert!(sv.ok, "{:?}", sv.error);
        assert_eq!((sv.language, sv.languages.clone()), (Some("sv"), vec!["da", "sv"]));
        assert_eq!(Some(sv.html), file("kursus.sv.html"));
        // A language the policy does not declare falls back to its first.
        let other = preview(BILINGUAL, "k.policy", options(Some("en")));
        assert_eq!((other.language, Some(other.html)), (Some("da"), file("kursus.da.html")));
        let broken = preview(&BILINGUAL.replace("subjects kursister", "subjects kursist"), "k.policy", options(None));
        assert!(!broken.ok && broken.html.is_empty() && broken.error.is_some());
        assert_eq!(broken.diagnostics[0].code, "E0102");
        let sideways = PreviewOptions { layout: Some("sideways".into()), ..PreviewOptions::default() };
        assert!(preview(BILINGUAL, "k.policy", sideways).error.is_some_and(|e| e.contains("by-topic")));
    }

    #[test]
    fn a_template_error_is_located_in_the_template() {
        let templates = BTreeMap::from([("da/by-topic.md.j2".to_string(), "x\n{{ n.nope }}\n".to_string())]);
        let built = build(MINIMAL, "x.policy", BuildOptions { templates, ..BuildOptions::default() });
        assert!(!built.ok);
        let d = built.diagnostics.last().expect("a template diagnostic");
        assert_eq!((d.code, d.file.as_str(), d.span.line), ("E0301", "templates/da/by-topic.md.j2", 2));
    }
}
