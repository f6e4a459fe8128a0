//! The outline of a policy (its blocks by kind and name, nested blocks inside) and the ranges
//! an editor may fold (every `{ ... }` and every run of comment lines).

use crate::ide::Analysis;
use crate::ide::tokens::{Tok, tokens};
use crate::span::Span;
use crate::syntax::ast::{Block, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// The block's name, or its keyword for blocks without one (`controller`).
    pub name: String,
    /// The block's keyword: `purpose`, `dpo`, ...
    pub kind: &'static str,
    /// The whole block.
    pub span: Span,
    /// The name (or the keyword) to select.
    pub selection: Span,
    pub children: Vec<Symbol>,
}

/// The blocks of the file; empty while the file does not parse.
pub fn symbols(analysis: &Analysis) -> Vec<Symbol> {
    let Some(file) = analysis.ast.as_ref() else { return Vec::new() };
    file.decls
        .iter()
        .map(|d| {
            let kind = d.kind.value.keyword();
            let (name, selection) = match &d.name {
                Some(n) => (n.value.clone(), n.span),
                None => (kind.to_string(), d.kind.span),
            };
            Symbol { name, kind, span: d.block.span, selection, children: nested(&d.block) }
        })
        .collect()
}

fn nested(block: &Block) -> Vec<Symbol> {
    block
        .items
        .iter()
        .filter_map(|item| match &item.value {
            Value::Block(b) => Some(Symbol {
                name: item.key.value.to_string(),
                kind: item.key.value,
                span: item.span,
                selection: item.key.span,
                children: nested(b),
            }),
            _ => None,
        })
        .collect()
}

/// Foldable ranges as byte spans (each from its first line to its last), in source order.
pub fn folding_ranges(analysis: &Analysis) -> Vec<Span> {
    let src = analysis.file.text.as_str();
    let mut out = Vec::new();
    let mut open = Vec::new();
    for t in tokens(src) {
        match t.kind {
            Tok::Open => open.push(t.span.start),
            Tok::Close => {
                if let Some(start) = open.pop() {
                    out.push(Span::new(start, t.span.end));
                }
            }
            _ => {}
        }
    }
    out.extend(comment_runs(src));
    out.retain(|s| src.get(s.range()).is_some_and(|t| t.contains('\n')));
    out.sort();
    out
}

/// Runs of two or more lines that hold only a comment.
fn comment_runs(src: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut run: Option<Span> = None;
    let mut offset = 0;
    for line in src.split_inclusive('\n') {
        let span = Span::new(offset, offset + line.trim_end().len());
        offset += line.len();
        if line.trim_start().starts_with("//") {
            run = Some(run.map_or(span, |r| r.to(span)));
        } else if let Some(r) = run.take() {
            out.push(r);
        }
    }
    out.extend(run);
    out
}
