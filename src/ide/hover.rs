//! Hover: what the word under the cursor means. A keyword or fixed word gets its row of the
//! language reference, a declared name its declaration (name and description in each of the
//! policy's languages), a diagnostic code (or a position a diagnostic points at) its
//! explanation.

use crate::diagnostic::Code;
use crate::ide::names::is_built_in;
use crate::ide::recover::{Names, Source};
use crate::ide::{Analysis, docs, tokens};
use crate::span::Span;
use crate::syntax::BlockItems;
use crate::syntax::ast::{DeclKind, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    pub span: Span,
    /// Markdown.
    pub markdown: String,
}

pub fn hover(analysis: &Analysis, offset: usize) -> Option<Hover> {
    let src = &analysis.file.text;
    let mut word = tokens::word_at(src, offset);
    let mut parts: Vec<String> = Vec::new();
    if let Some((span, code)) = code_at(src, offset) {
        // Codes are written in comments (`// W0250: ...`), which the tokens skip.
        word = Some(span);
        parts.push(code.explanation().to_string());
    } else if let Some((span, text)) = name(analysis, offset) {
        // Before the tokens: after a quote left open, they read names as text.
        word = Some(span);
        parts.push(text);
    } else if let Some(span) = word {
        let w = src.get(span.range()).unwrap_or("");
        if let Some(text) = word_meaning(src, span, w) {
            parts.push(text);
        }
    }
    let diagnostics = analysis.diagnostics().iter().filter(|d| {
        let s = d.primary_span();
        s.start <= offset && offset <= s.end.max(s.start + 1)
    });
    let mut codes: Vec<Code> = diagnostics.map(|d| d.code).collect();
    codes.dedup();
    let diagnostic_span = analysis.diagnostics().iter().find(|d| codes.contains(&d.code)).map(|d| d.primary_span());
    for code in codes {
        if !parts.iter().any(|p| p.as_str() == code.explanation()) {
            parts.push(code.explanation().to_string());
        }
    }
    if parts.is_empty() {
        return None;
    }
    let span = word.or(diagnostic_span).unwrap_or(Span::new(offset, offset));
    Some(Hover { span, markdown: parts.join("\n\n---\n\n") })
}

/// A diagnostic code such as `E0102` around `offset`, anywhere in the text.
fn code_at(src: &str, offset: usize) -> Option<(Span, Code)> {
    let offset = offset.min(src.len());
    let head = src.get(..offset)?;
    let start =
        head.char_indices().rev().take_while(|(_, c)| c.is_ascii_alphanumeric()).last().map_or(offset, |(i, _)| i);
    let end = offset + src.get(offset..)?.chars().take_while(char::is_ascii_alphanumeric).count();
    let w = &src[start..end];
    Code::parse(w).filter(|_| w.len() == 5).map(|c| (Span::new(start, end), c))
}

/// A declared name or a reference: what its declaration says. While the text does not parse,
/// the declaration is read from the last version that did, and the hover says so.
fn name(analysis: &Analysis, offset: usize) -> Option<(Span, String)> {
    let names = Names::of(analysis);
    let o = names.all.iter().find(|o| o.span.start <= offset && offset <= o.span.end)?;
    if is_built_in(o.kind, o.name) {
        return None;
    }
    let declared = names.all.iter().find(|d| d.declaration && d.kind == o.kind && d.name == o.name);
    let decl = match names.source {
        Source::Tree => analysis.ast.as_ref().and_then(|file| {
            file.decls.iter().find(|d| d.kind.value == o.kind && d.name.as_ref().is_some_and(|n| n.value == o.name))
        }),
        _ => declared.and_then(|d| names.old_declaration(o.kind, d.span)),
    };
    let mut out = format!("{} `{}`", o.kind.noun(), o.name);
    match (decl, declared) {
        (Some(decl), _) => {
            for key in ["name", "title", "description", "examples"] {
                if let Some(item) = decl.block.items.iter().find(|i| i.key.value == key) {
                    out.push_str(&format!("\n\n**{key}**"));
                    texts(&item.value, &mut out);
                }
            }
        }
        (None, Some(d)) => {
            let line = analysis.file.line_col(d.span.start).0;
            let how = if matches!(names.source, Source::Since(_)) { "is being edited" } else { "is" };
            out.push_str(&format!(
                "\n\n*Its declaration {how} on line {line}: what it says shows when the policy parses.*"
            ));
        }
        (None, None) => out.push_str("\n\n*not declared*"),
    }
    match names.source {
        Source::Tree => {}
        Source::Since(changed) => {
            let lines = changed.lines(&analysis.file.text);
            let note = match decl {
                Some(d) if changed.map(d.block.span).is_none() => {
                    format!("this is the declaration as it last parsed; {lines} of the file changed since")
                }
                Some(_) => "this is read from the last version that did; the declaration is unchanged since".into(),
                None => format!("this is read from the last version that did ({lines} changed since)"),
            };
            out.push_str(&format!("\n\n*The policy does not parse: {note}.*"));
        }
        Source::Scanned => out.push_str("\n\n*The policy does not parse: this is read from its words alone.*"),
    }
    Some((o.span, out))
}

fn texts(value: &Value, out: &mut String) {
    match value {
        Value::Str(s) => out.push_str(&format!("\n\n{}", s.value)),
        Value::Text(t) => {
            for (lang, s) in &t.parts {
                out.push_str(&format!("\n\n*{}*: {}", lang.value, s.value));
            }
        }
        _ => {}
    }
}

/// A keyword, fixed word or built-in name: its row of the reference.
fn word_meaning(src: &str, span: Span, w: &str) -> Option<String> {
    let cx = tokens::context(src, span.start);
    let Some(block) = cx.block() else {
        return docs::block(w);
    };
    let section = section(block);
    // Read with the word itself: is it the keyword of an item?
    let with = tokens::context(src, span.end + 1);
    if with.block() == Some(block) && with.item == Some(w) && with.after.is_empty() {
        return docs::keyword(section, w);
    }
    let item = cx.item?;
    if let Some(kind) = item_target(block, item) {
        // A name not in the tree (the file does not parse): built-ins still have a meaning.
        if !is_built_in(kind, w) {
            return None;
        }
    }
    docs::fixed_word(section, item, w).or_else(|| docs::keyword(section, item))
}

/// The kind of declaration an item of `block` refers to (`data` in a purpose: data categories).
pub(crate) fn item_target(block: BlockItems, item: &str) -> Option<DeclKind> {
    let kind = match block {
        BlockItems::Source => DeclKind::Source,
        BlockItems::Retention => DeclKind::Retention,
        BlockItems::Cookie => DeclKind::Cookie,
        BlockItems::Storage => DeclKind::Storage,
        _ => DeclKind::Purpose,
    };
    crate::ide::names::target(kind, item)
}

/// The reference's section for a block's items.
pub fn section(block: BlockItems) -> &'static str {
    match block {
        BlockItems::Contact => "controller",
        BlockItems::Profiling => "purpose",
        b => b.opening().split(' ').next().unwrap_or(""),
    }
}
