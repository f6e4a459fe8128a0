//! The two features that produce whole texts: formatting (the `fmt` layout) and the notice
//! preview (the HTML `build` writes, for one language and layout).

use crate::diagnostic::{Diagnostic, Severity};
use crate::emit::Options;
use crate::ide::{Analysis, Edit};
use crate::model::vocab::{Lang, Layout, Vocabulary};
use crate::span::Span;

/// The document in canonical layout as one edit (none when it already is), or why not.
pub fn format(analysis: &Analysis) -> Result<Vec<Edit>, String> {
    match crate::format::format(&analysis.file) {
        Ok(text) if text == analysis.file.text => Ok(Vec::new()),
        Ok(text) => Ok(vec![Edit { span: Span::new(0, analysis.file.text.len()), text }]),
        Err(diagnostics) => Err(format!("cannot format: {}", brief(analysis, &diagnostics))),
    }
}

/// A rendered notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// An HTML fragment, as `policyc build` writes it (without `--standalone`).
    pub html: String,
    /// The policy marks unconfirmed facts, so the notice is a draft.
    pub draft: bool,
}

/// The notice in `language` (`da`, `sv`) and `layout` (the policy's own when `None`), or why
/// there is none: the policy has errors, or does not declare the language.
pub fn preview(analysis: &Analysis, language: &str, layout: Option<&str>) -> Result<Preview, String> {
    let Some(policy) = analysis.compiled.policy.as_ref() else {
        return Err(format!("the policy has errors: {}", brief(analysis, analysis.diagnostics())));
    };
    let lang = Lang::from_word(language).ok_or_else(|| format!("`{language}` is not a language: use `da` or `sv`"))?;
    if !policy.header.languages.contains(&lang) {
        return Err(format!("the policy is not written in `{language}`"));
    }
    let layout = match layout {
        Some(l) => Some(
            Layout::from_word(l)
                .ok_or_else(|| format!("`{l}` is not a layout: use `by-topic`, `by-activity` or `by-audience`"))?,
        ),
        None => None,
    };
    let options = Options { layout, language: Some(lang), ..Options::default() };
    let outputs = crate::emit::notices(policy, &analysis.file.name, &options).map_err(|e| {
        format!(
            "the notice cannot be rendered: {}",
            e.diagnostics.iter().map(|d| d.message.as_str()).collect::<Vec<_>>().join("; ")
        )
    })?;
    let suffix = format!(".{language}.html");
    let html = outputs.into_iter().find(|o| o.name.ends_with(&suffix)).map(|o| o.contents).unwrap_or_default();
    Ok(Preview { html, draft: !policy.unconfirmed.is_empty() })
}

/// The errors in a line: `3:5 E0102 no subject group is named `x`; ...` (the first five).
fn brief(analysis: &Analysis, diagnostics: &[Diagnostic]) -> String {
    let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.severity() == Severity::Error).collect();
    let mut parts: Vec<String> = errors
        .iter()
        .take(5)
        .map(|d| {
            let (line, col) = analysis.file.line_col(d.primary_span().start);
            format!("{line}:{col} {} {}", d.code.as_str(), d.message)
        })
        .collect();
    if errors.len() > 5 {
        parts.push(format!("and {} more", errors.len() - 5));
    }
    parts.join("; ")
}
