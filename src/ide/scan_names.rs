//! Declared names and references read from tokens, for a text that does not parse (it is
//! being typed): go to definition and find references still work. The syntax tree is used
//! whenever there is one (`names.rs`); this reads the same shapes less strictly.

use crate::ide::names::{Occurrence, is_built_in, target};
use crate::ide::tokens::{Tok, is_value, tokens};
use crate::syntax::BlockItems;
use crate::syntax::ast::DeclKind;

const NAMED: &[DeclKind] = &[
    DeclKind::Group,
    DeclKind::Data,
    DeclKind::Source,
    DeclKind::Recipient,
    DeclKind::Storage,
    DeclKind::Event,
    DeclKind::Purpose,
    DeclKind::Retention,
    DeclKind::Section,
];

pub fn occurrences(src: &str) -> Vec<Occurrence<'_>> {
    let toks = tokens(src);
    let text = |i: usize| toks.get(i).and_then(|t| src.get(t.span.range())).unwrap_or("");
    let kind = |i: usize| toks.get(i).map(|t| t.kind);
    let mut out = Vec::new();
    let mut depth = 0usize;
    // The declaration being read, its item keyword and the words after it.
    let mut decl: Option<DeclKind> = None;
    let mut item: Option<&str> = None;
    let mut after: Vec<&str> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t.kind {
            Tok::Open => {
                depth += 1;
                item = None;
            }
            Tok::Close => {
                depth = depth.saturating_sub(1);
                item = None;
                if depth == 0 {
                    decl = None;
                }
            }
            Tok::Comma | Tok::Str => {}
            Tok::Word if depth == 0 => {
                let named = NAMED.iter().copied().find(|k| k.keyword() == text(i));
                if let Some(k) = named.filter(|_| kind(i + 1) == Some(Tok::Word) && kind(i + 2) == Some(Tok::Open)) {
                    let name = toks[i + 1].span;
                    out.push(Occurrence { kind: k, name: text(i + 1), span: name, declaration: true });
                    decl = Some(k);
                } else if let Some(k) = decl_kind(text(i)) {
                    decl = Some(k);
                }
            }
            Tok::Word => {
                let word = text(i);
                let after_comma = i > 0 && kind(i - 1) == Some(Tok::Comma);
                let keywords = decl.and_then(block_items).map_or(&[][..], |b| b.keywords());
                if depth == 1 && keywords.contains(&word) && !is_value(src, i.checked_sub(1).map(|p| toks[p]), keywords)
                {
                    item = Some(word);
                    after.clear();
                    continue;
                }
                let (Some(d), Some(key)) = (decl, item) else { continue };
                let refers = match key {
                    "art9" if after.contains(&"for") => Some(DeclKind::Data),
                    "keep" | "limit" if matches!(after.last(), Some(&"after") | Some(&"until")) => {
                        Some(DeclKind::Event)
                    }
                    "art9" | "keep" | "limit" => None,
                    _ if after.is_empty() || after_comma => target(d, key),
                    _ => None,
                };
                if let Some(k) = refers.filter(|k| !is_built_in(*k, word)) {
                    out.push(Occurrence { kind: k, name: word, span: t.span, declaration: false });
                }
                after.push(word);
            }
        }
    }
    out
}

fn decl_kind(keyword: &str) -> Option<DeclKind> {
    [DeclKind::Policy, DeclKind::Controller, DeclKind::Cookie, DeclKind::Security, DeclKind::Rights]
        .into_iter()
        .chain(NAMED.iter().copied())
        .find(|k| k.keyword() == keyword)
}

fn block_items(kind: DeclKind) -> Option<BlockItems> {
    BlockItems::ALL.iter().copied().find(|b| b.opening().split(' ').next() == Some(kind.keyword()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_from_a_text_that_does_not_parse() {
        let src = "data cv {\n  name da \"CV\"\n}\npurpose p {\n  data cv, x, title\n  basiss consent\n  art9 explicit-consent for cv\n}\nretention r {\n  keep 6 months after ev\n";
        let found: Vec<(DeclKind, &str, bool)> =
            occurrences(src).into_iter().map(|o| (o.kind, o.name, o.declaration)).collect();
        assert_eq!(
            found,
            vec![
                (DeclKind::Data, "cv", true),
                (DeclKind::Purpose, "p", true),
                (DeclKind::Data, "cv", false),
                (DeclKind::Data, "x", false),
                (DeclKind::Data, "title", false),
                (DeclKind::Data, "cv", false),
                (DeclKind::Retention, "r", true),
                (DeclKind::Event, "ev", false),
            ]
        );
    }
}
