//! `unconfirmed "..."` markers: which fact each one qualifies. A marker qualifies the item
//! right before it; as the first item of a block it qualifies the whole block.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Unconfirmed;
use crate::resolve::context::Cx;
use crate::syntax::ast::{Block, File, Item, Value};

pub(super) fn unconfirmed(cx: &mut Cx, file: &File) -> Vec<Unconfirmed> {
    let mut out = Vec::new();
    for decl in &file.decls {
        let at = Place {
            block: decl.kind.value.keyword(),
            name: decl.name.as_ref().map(|n| n.value.clone()),
            path: String::new(),
        };
        walk(cx, &decl.block, &at, &mut out);
    }
    out
}

/// Where a block stands: its declaration, and the path of nested blocks inside it (`dpo.`).
struct Place {
    block: &'static str,
    name: Option<String>,
    path: String,
}

fn walk(cx: &mut Cx, block: &Block, at: &Place, out: &mut Vec<Unconfirmed>) {
    let mut before: Option<&Item> = None;
    for item in &block.items {
        if let Value::Block(inner) = &item.value {
            let nested =
                Place { block: at.block, name: at.name.clone(), path: format!("{}{}.", at.path, item.key.value) };
            walk(cx, inner, &nested, out);
        }
        if item.key.value != "unconfirmed" {
            before = Some(item);
            continue;
        }
        let Value::Str(reason) = &item.value else { continue };
        if let Some(prev) = before.filter(|p| p.key.value == "unconfirmed") {
            cx.error(
                Diagnostic::new(
                    Code::DuplicateItem,
                    "`unconfirmed` is given twice in a row",
                    item.key.span,
                    "given again here",
                )
                .with_secondary(prev.key.span, "first given here")
                .with_help("keep one marker and say in it everything that must be confirmed"),
            );
            continue;
        }
        let (item_key, no_value) = match before {
            Some(prev) => (Some(format!("{}{}", at.path, prev.key.value)), prev.value == Value::Unknown),
            // The block's first item: the marker is about the whole block (for a nested block,
            // about the item that holds it).
            None if at.path.is_empty() => (None, false),
            None => (Some(at.path.trim_end_matches('.').to_string()), false),
        };
        out.push(Unconfirmed {
            block: at.block.to_string(),
            name: at.name.clone(),
            item: item_key,
            no_value,
            reason: reason.value.clone(),
            span: item.span,
        });
        before = Some(item);
    }
}
