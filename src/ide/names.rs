//! Declared names and the references to them, read from the syntax tree (so they work before
//! the policy resolves), or while the text does not parse, as `recover.rs` says: go to
//! definition, find references, rename.

use crate::ide::recover::Names;
use crate::ide::{Analysis, Edit};
use crate::model::vocab::{StandardEvent, Vocabulary};
use crate::span::{SourceFile, Span, Spanned};
use crate::syntax::ast::{self, DeclKind, Item, Keep, Value};

/// A name as written: a declaration or a reference to one, and the kind of block it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence<'a> {
    pub kind: DeclKind,
    pub name: &'a str,
    pub span: Span,
    pub declaration: bool,
}

/// Every declared name and reference in the file, in source order.
pub fn occurrences(file: &ast::File) -> Vec<Occurrence<'_>> {
    let mut out = Vec::new();
    for decl in &file.decls {
        if let Some(name) = decl.name.as_ref().filter(|_| decl.kind.value != DeclKind::Cookie) {
            out.push(Occurrence { kind: decl.kind.value, name: &name.value, span: name.span, declaration: true });
        }
        items(decl.kind.value, &decl.block.items, &mut out);
    }
    out
}

fn items<'a>(block: DeclKind, items: &'a [Item], out: &mut Vec<Occurrence<'a>>) {
    for item in items {
        let mut push = |kind: DeclKind, id: &'a Spanned<String>| {
            if !is_built_in(kind, &id.value) {
                out.push(Occurrence { kind, name: &id.value, span: id.span, declaration: false });
            }
        };
        match &item.value {
            Value::Ident(id) => {
                if let Some(kind) = target(block, item.key.value) {
                    push(kind, id);
                }
            }
            Value::Idents(ids) => {
                if let Some(kind) = target(block, item.key.value) {
                    ids.iter().for_each(|id| push(kind, id));
                }
            }
            Value::Condition { data, .. } => data.iter().for_each(|id| push(DeclKind::Data, id)),
            Value::Limit { after, .. } | Value::Keep(Keep::For { after, .. }) | Value::Keep(Keep::Until(after)) => {
                push(DeclKind::Event, after)
            }
            Value::Block(b) => self::items(block, &b.items, out),
            _ => {}
        }
    }
}

/// The kind of block an item's names refer to.
pub fn target(block: DeclKind, key: &str) -> Option<DeclKind> {
    Some(match key {
        "subjects" => DeclKind::Group,
        "data" | "published" | "accounting-records" if block != DeclKind::Data => DeclKind::Data,
        "sources" => DeclKind::Source,
        "recipients" | "operated-by" | "provider" => DeclKind::Recipient,
        "storage" => DeclKind::Storage,
        "purposes" => DeclKind::Purpose,
        _ => return None,
    })
}

/// `person` and the standard events are built in: nothing declares them.
pub fn is_built_in(kind: DeclKind, name: &str) -> bool {
    match kind {
        DeclKind::Source => name == "person",
        DeclKind::Event => StandardEvent::from_word(name).is_some(),
        _ => false,
    }
}

/// The name under `offset`, if any.
fn at<'a>(all: &[Occurrence<'a>], offset: usize) -> Option<Occurrence<'a>> {
    all.iter().copied().find(|o| o.span.start <= offset && offset <= o.span.end)
}

/// Where the name under `offset` is declared.
pub fn definition(analysis: &Analysis, offset: usize) -> Option<Span> {
    let all = Names::of(analysis).all;
    let o = at(&all, offset)?;
    all.into_iter().find(|d| d.declaration && d.kind == o.kind && d.name == o.name).map(|d| d.span)
}

/// Every occurrence of the name under `offset`: its references, and its declaration if asked.
pub fn references(analysis: &Analysis, offset: usize, include_declaration: bool) -> Vec<Span> {
    let all = Names::of(analysis).all;
    let Some(o) = at(&all, offset) else { return Vec::new() };
    all.into_iter()
        .filter(|x| x.kind == o.kind && x.name == o.name && (include_declaration || !x.declaration))
        .map(|x| x.span)
        .collect()
}

/// The name a rename at `offset` would change, or why there is none that can be renamed
/// exactly (while the text does not parse, see `recover.rs`).
pub fn prepare_rename(analysis: &Analysis, offset: usize) -> Result<Span, String> {
    let names = Names::of(analysis);
    let o = at(&names.all, offset).ok_or("there is no declared name here")?;
    names.unsure_rename(&analysis.file.text, &o, "")?;
    Ok(o.span)
}

/// Rename the name under `offset` and every reference to it. Refused, with a reason, when
/// nothing renamable is there, when the new name is not a name, when it is taken, or while the
/// text does not parse, when the change could touch a line that has changed since it did.
pub fn rename(analysis: &Analysis, offset: usize, new_name: &str) -> Result<Vec<Edit>, String> {
    let names = Names::of(analysis);
    let o = at(&names.all, offset).ok_or("there is no declared name here")?;
    if !is_name(new_name) {
        return Err(format!("`{new_name}` is not a name: start with a letter, then letters, digits and hyphens"));
    }
    names.unsure_rename(&analysis.file.text, &o, new_name)?;
    let all = names.all;
    if new_name != o.name
        && (all.iter().any(|x| x.declaration && x.kind == o.kind && x.name == new_name)
            || is_built_in(o.kind, new_name))
    {
        return Err(format!("{} `{new_name}` already exists", o.kind.noun()));
    }
    let text = new_name.to_string();
    Ok(all
        .into_iter()
        .filter(|x| x.kind == o.kind && x.name == o.name)
        .map(|x| Edit { span: x.span, text: text.clone() })
        .collect())
}

/// Whether the grammar reads `word` as one name: tried in a block's name position.
fn is_name(word: &str) -> bool {
    let probe = SourceFile::new("", format!("group {word} {{}}"));
    matches!(crate::syntax::parse(&probe), Ok(f) if f.decls.len() == 1 && f.decls[0].name.as_ref().is_some_and(|n| n.value == word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_by_the_grammar() {
        assert!(is_name("kursister-2"));
        assert!(is_name("æble"));
        assert!(!is_name("two words"));
        assert!(!is_name("x{"));
        assert!(!is_name(""));
        assert!(!is_name("2x"));
    }
}
