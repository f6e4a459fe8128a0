//! Code actions: fixes for the diagnostics at a position. A "did you mean" becomes a
//! replacement; a missing required item (`basis`, `art9`, a retention rule for uncovered
//! data, any item `E0104` names) is inserted as a skeleton. Where the fix is a legal choice
//! the author must make, the skeleton marks it `unconfirmed`, so it stays a warning (`W0250`)
//! and the notice a draft until someone decides.

use crate::diagnostic::{Code, Diagnostic};
use crate::ide::{Analysis, Edit};
use crate::span::Span;
use crate::syntax::ast::{self, DeclKind, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeAction {
    pub title: String,
    pub edits: Vec<Edit>,
    /// The diagnostic it fixes (an index into the analysis's diagnostics).
    pub diagnostic: usize,
    /// The one obvious fix (a did-you-mean), which an editor may apply on its own.
    pub preferred: bool,
}

/// The fixes for the diagnostics whose primary span touches `range`.
pub fn code_actions(analysis: &Analysis, range: Span) -> Vec<CodeAction> {
    let mut out = Vec::new();
    for (i, d) in analysis.diagnostics().iter().enumerate() {
        let s = d.primary_span();
        if s.start > range.end || range.start > s.end {
            continue;
        }
        let action =
            |title: String, edits: Vec<Edit>, preferred: bool| CodeAction { title, edits, diagnostic: i, preferred };
        let src = analysis.file.text.as_str();
        let name = src.get(s.range()).unwrap_or("");
        // Replace only a whole word: a span that points between words has nothing to replace.
        let one_word = !name.is_empty() && name.chars().all(crate::ide::tokens::is_word_char);
        if let Some(word) = suggestion(d).filter(|_| one_word) {
            out.push(action(format!("Replace with `{word}`"), vec![Edit { span: s, text: word.to_string() }], true));
        }
        let Some(file) = analysis.ast.as_ref() else { continue };
        let insert = |item: String| insert_item(src, file, s, &item);
        let fix = match d.code {
            Code::MissingItem => example(d).and_then(|e| {
                let key = e.split(' ').next().unwrap_or(e);
                insert(e.to_string()).map(|edit| (format!("Add `{key}` (with an example to edit)"), edit))
            }),
            Code::NoBasis => insert("basis consent\nunconfirmed \"choose the legal basis (Art. 6(1)); consent is a placeholder\"".into())
                .map(|e| ("Add `basis` (to be chosen)".to_string(), e)),
            Code::NoArt9Condition => insert(format!(
                "art9 explicit-consent for {name}\nunconfirmed \"choose the Art. 9(2) condition for {name}; explicit consent is a placeholder\""
            ))
            .map(|e| (format!("Add `art9 ... for {name}` (to be chosen)"), e)),
            Code::NoRetention => retention_rule(src, file, s, name).map(|e| (format!("Add a retention rule for `{name}`"), e)),
            _ => None,
        };
        if let Some((title, edit)) = fix {
            out.push(action(title, vec![edit], false));
        }
    }
    out
}

/// The word of a "did you mean `word`?" help.
fn suggestion(d: &Diagnostic) -> Option<&str> {
    let help = d.help.as_deref()?;
    let rest = &help[help.find("did you mean `")? + "did you mean `".len()..];
    rest.get(..rest.find('`')?)
}

/// The example of "add an item such as `example`".
fn example(d: &Diagnostic) -> Option<&str> {
    let help = d.help.as_deref()?;
    let rest = help.strip_prefix("add an item such as `")?;
    rest.get(..rest.find('`')?)
}

/// Insert `item` (one line or several) as the last item of the innermost block around `at`.
fn insert_item(src: &str, file: &ast::File, at: Span, item: &str) -> Option<Edit> {
    let block = innermost(file, at)?;
    let close = block.end.checked_sub(1).filter(|&c| src.get(c..block.end) == Some("}"))?;
    let line_start = src[..close].rfind('\n').map_or(0, |i| i + 1);
    let open_line = src[..block.start].rfind('\n').map_or(0, |i| i + 1);
    let base: String = src[open_line..].chars().take_while(|c| *c == ' ' || *c == '\t').collect();
    let indent = format!("{base}  ");
    let lines: String = item.lines().map(|l| format!("{indent}{l}\n")).collect();
    if src[line_start..close].trim().is_empty() {
        Some(Edit { span: Span::new(line_start, line_start), text: lines })
    } else {
        Some(Edit { span: Span::new(close, close), text: format!("\n{lines}{base}") })
    }
}

/// The span of the innermost block (declaration or nested) that contains `at`.
fn innermost(file: &ast::File, at: Span) -> Option<Span> {
    let decl = file.decls.iter().find(|d| d.block.span.start <= at.start && at.end <= d.block.span.end)?;
    let mut found = decl.block.span;
    let mut items = &decl.block.items;
    'down: loop {
        for item in items {
            if let Value::Block(b) = &item.value
                && item.span.start <= at.start
                && at.end <= item.span.end
            {
                found = item.span;
                items = &b.items;
                continue 'down;
            }
        }
        return Some(found);
    }
}

/// A new retention rule for data a purpose uses, its period left to decide.
fn retention_rule(src: &str, file: &ast::File, at: Span, data: &str) -> Option<Edit> {
    let purpose = file
        .decls
        .iter()
        .find(|d| d.kind.value == DeclKind::Purpose && d.block.span.start <= at.start && at.end <= d.block.span.end)?;
    let purpose_name = &purpose.name.as_ref()?.value;
    let subjects: Vec<&str> = purpose
        .block
        .items
        .iter()
        .filter(|i| i.key.value == "subjects")
        .flat_map(|i| match &i.value {
            Value::Idents(ids) => ids.iter().map(|id| id.value.as_str()).collect(),
            _ => Vec::new(),
        })
        .collect();
    let taken = |n: &str| {
        file.decls.iter().any(|d| d.kind.value == DeclKind::Retention && d.name.as_ref().is_some_and(|x| x.value == n))
    };
    let base = format!("{data}-{purpose_name}");
    let name = std::iter::once(base.clone()).chain((2..).map(|i| format!("{base}-{i}"))).find(|n| !taken(n))?;
    let mut rule = format!("\nretention {name} {{\n  data {data}\n");
    if !subjects.is_empty() {
        rule.push_str(&format!("  subjects {}\n", subjects.join(", ")));
    }
    rule.push_str(&format!(
        "  purposes {purpose_name}\n  keep unconfirmed \"how long `{data}` is kept for `{purpose_name}`\"\n}}\n"
    ));
    let prefix = if src.ends_with('\n') || src.is_empty() { "" } else { "\n" };
    Some(Edit { span: Span::new(src.len(), src.len()), text: format!("{prefix}{rule}") })
}
