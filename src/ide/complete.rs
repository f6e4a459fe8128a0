//! Completion: the items a block allows at the start of a line, the fixed words an item takes
//! after its keyword, and declared names of the right kind where an item refers to blocks.
//! Works on text that does not parse (it is being typed): it reads tokens, not the tree.

use crate::ide::tokens::{self, Tok, is_word_char};
use crate::ide::{Analysis, docs, hover};
use crate::model::vocab::{
    Action, AdequacyFramework, Alignment, Art9Condition, Art10Condition, Channel, CookieClass, Derogation,
    IdNumberCondition, Jurisdiction, KindWord, Lang, Layout, LegalBasis, Medium, Month, Party, Placement, Provision,
    RecipientRole, Relation, SpecialCategory, StandardEvent, TransferWord, Vocabulary,
};
use crate::span::Span;
use crate::syntax::BlockItems;
use crate::syntax::ast::DeclKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    /// A keyword that opens a block or an item.
    Keyword,
    /// A fixed word of the language (a legal basis, a unit, ...).
    Word,
    /// A declared name.
    Name,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    /// One line: what the word is ("legal basis", "data category").
    pub detail: String,
    /// Markdown, from the language reference, where it has a row for the word.
    pub documentation: Option<String>,
    /// What the completion replaces: the word typed so far (an editor's idea of a word may
    /// stop at a hyphen, the language's does not).
    pub replace: Span,
}

pub fn completions(analysis: &Analysis, offset: usize) -> Vec<Completion> {
    let (mut out, replace) = candidates(analysis, offset);
    out.iter_mut().for_each(|c| c.replace = replace);
    out
}

/// The completions at `offset` and the span of the word typed so far.
fn candidates(analysis: &Analysis, offset: usize) -> (Vec<Completion>, Span) {
    let src = analysis.file.text.as_str();
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let word_start =
        src[..offset].char_indices().rev().take_while(|(_, c)| is_word_char(*c)).last().map_or(offset, |(i, _)| i);
    let cx = tokens::context(src, word_start);
    let line_start = src[..word_start].rfind('\n').map_or(0, |i| i + 1);
    let after_comma = src[..word_start].trim_end().ends_with(',');
    let at_line_start = src[line_start..word_start].trim().is_empty() && !after_comma;
    let replace = Span::new(word_start, offset);
    let Some(block) = cx.block() else {
        // After `purpose ` comes the new block's name, which nothing can complete.
        let previous = src[..word_start].split_whitespace().next_back().unwrap_or("");
        if DeclKind::ALL.iter().any(|k| k.keyword() == previous) {
            return (Vec::new(), replace);
        }
        let blocks = DeclKind::ALL.iter().map(|k| keyword(k.keyword(), k.noun(), docs::block(k.keyword())));
        return (blocks.collect(), replace);
    };
    if at_line_start || cx.item.is_none() {
        let section = hover::section(block);
        // An item given once already is not offered again, unless it may be repeated.
        let given = tokens::given_items(src, offset, block);
        let allowed =
            block.keywords().iter().filter(|k| matches!(**k, "art9" | "measure" | "unconfirmed") || !given.contains(k));
        let items = allowed.map(|k| keyword(k, block.noun(), docs::keyword(section, k)));
        return (items.collect(), replace);
    }
    let item = cx.item.unwrap_or("");
    (values(src, block, item, &cx.after), replace)
}

fn keyword(label: &str, detail: &str, documentation: Option<String>) -> Completion {
    Completion {
        label: label.to_string(),
        kind: CompletionKind::Keyword,
        detail: detail.to_string(),
        documentation,
        replace: Span::default(),
    }
}

fn words(list: &[&str], detail: &str) -> Vec<Completion> {
    list.iter()
        .map(|w| Completion {
            label: w.to_string(),
            kind: CompletionKind::Word,
            detail: detail.to_string(),
            documentation: None,
            replace: Span::default(),
        })
        .collect()
}

fn vocab<V: Vocabulary>() -> Vec<Completion> {
    let list: Vec<&str> = V::ALL.iter().map(|v| v.word()).collect();
    words(&list, V::WHAT)
}

/// The fixed words or names allowed after `item` and the words already written after it.
fn values(src: &str, block: BlockItems, item: &str, after: &[&str]) -> Vec<Completion> {
    let last = after.last().copied();
    let list_next = last.is_none() || last == Some(",");
    let first = after.is_empty();
    let number = last.is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
    let unit =
        last.is_some_and(|w| matches!(w, "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years"));
    let mut out = match (item, after) {
        ("art9", [_]) => words(&["for"], "keyword"),
        ("art9", _) if after.contains(&"for") && matches!(last, Some("for" | ",")) => names(src, DeclKind::Data),
        ("art9", []) => vocab::<Art9Condition>(),
        ("basis", _) if list_next => vocab::<LegalBasis>(),
        ("channels", _) if list_next => vocab::<Channel>(),
        ("languages", _) if list_next => vocab::<Lang>(),
        ("art10", []) => vocab::<Art10Condition>(),
        ("id-number", []) => vocab::<IdNumberCondition>(),
        ("provision", []) => vocab::<Provision>(),
        ("role", []) => vocab::<RecipientRole>(),
        ("jurisdiction", []) => vocab::<Jurisdiction>(),
        ("layout", []) => vocab::<Layout>(),
        ("medium", []) => vocab::<Medium>(),
        ("then", []) => vocab::<Action>(),
        ("align", []) => vocab::<Alignment>(),
        ("class", []) => vocab::<CookieClass>(),
        ("party", []) => vocab::<Party>(),
        ("place", []) => vocab::<Placement>(),
        ("relation", []) => vocab::<Relation>(),
        ("kind", []) => vocab::<KindWord>(),
        ("kind", ["special"]) => vocab::<SpecialCategory>(),
        ("transfer", []) => vocab::<TransferWord>(),
        ("transfer", ["adequacy"]) => vocab::<AdequacyFramework>(),
        ("transfer", ["derogation"]) => vocab::<Derogation>(),
        ("country", []) => countries(),
        ("public-authority" | "publicly-accessible" | "direct-marketing" | "breach-notification" | "consent", []) => {
            words(&["yes", "no"], "yes or no")
        }
        ("financial-year", []) => words(&["starts"], "keyword"),
        ("financial-year", [_, _]) => vocab::<Month>(),
        ("respond", []) => words(&["within"], "keyword"),
        ("reconfirm", []) => words(&["every"], "keyword"),
        ("lifetime", []) => words(&["session"], "keyword"),
        ("keep", []) => words(&["up to", "until", "indefinitely"], "keyword"),
        ("keep", ["until"]) => events(src),
        ("keep" | "limit", _) if last == Some("after") => events(src),
        ("keep" | "limit", _) if unit => words(&["after"], "keyword"),
        _ if number => words(&["days", "weeks", "months", "years"], "unit of time"),
        _ => Vec::new(),
    };
    if out.is_empty() && list_next {
        let single = matches!(item, "operated-by" | "provider");
        if let Some(kind) = hover::item_target(block, item).filter(|_| !single || first) {
            out = names(src, kind);
            if kind == DeclKind::Source {
                out.insert(0, words(&["person"], "the person themselves (Art. 13)").remove(0));
            }
        }
    }
    let section = hover::section(block);
    for c in out.iter_mut().filter(|c| c.kind == CompletionKind::Word) {
        // Where the reference lists the words in prose, the item's row says what they are for.
        c.documentation = docs::fixed_word(section, item, &c.label).or_else(|| docs::keyword(section, item));
    }
    out
}

/// The names declared for a kind of block, read from the tokens: `data cv {`.
fn names(src: &str, kind: DeclKind) -> Vec<Completion> {
    let toks = tokens::tokens(src);
    let mut depth = 0usize;
    let mut out: Vec<Completion> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t.kind {
            Tok::Open => depth += 1,
            Tok::Close => depth = depth.saturating_sub(1),
            Tok::Word if depth == 0 && src.get(t.span.range()) == Some(kind.keyword()) => {
                let (Some(name), Some(open)) = (toks.get(i + 1), toks.get(i + 2)) else { continue };
                if name.kind == Tok::Word && open.kind == Tok::Open {
                    let label = src.get(name.span.range()).unwrap_or("").to_string();
                    if !out.iter().any(|c| c.label == label) {
                        out.push(Completion {
                            label,
                            kind: CompletionKind::Name,
                            detail: kind.noun().to_string(),
                            documentation: None,
                            replace: Span::default(),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn events(src: &str) -> Vec<Completion> {
    let mut out = vocab::<StandardEvent>();
    out.extend(names(src, DeclKind::Event));
    out
}

/// EU/EEA countries and those with an adequacy decision, from the legal tables.
fn countries() -> Vec<Completion> {
    let tables = crate::law::tables();
    let mut out: Vec<Completion> = tables.eea.iter().map(|c| words(&[c.as_str()], "EU/EEA").remove(0)).collect();
    for a in &tables.adequacy {
        if !out.iter().any(|c| c.label == a.country) {
            out.extend(words(&[a.country.as_str()], &format!("adequacy decision: {}", a.name)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(src: &str) -> Vec<String> {
        let analysis = Analysis::new("t.policy", src);
        completions(&analysis, src.len()).into_iter().map(|c| c.label).collect()
    }

    #[test]
    fn completes_by_position() {
        let head = "data cv {\n  name da \"CV\"\n}\ngroup g {\n  name da \"G\"\n}\npurpose p {\n";
        assert!(labels(&format!("{head}  ba")).contains(&"basis".to_string()));
        assert!(labels(&format!("{head}  basis consent, ")).contains(&"contract".to_string()));
        assert_eq!(labels(&format!("{head}  data ")), vec!["cv"]);
        assert_eq!(labels(&format!("{head}  subjects g")), vec!["g"]);
        assert!(labels(&format!("{head}  art9 explicit-consent for ")).contains(&"cv".to_string()));
        assert!(labels("retention r {\n  keep 6 ").contains(&"months".to_string()));
        assert!(labels("retention r {\n  keep 6 months after ").contains(&"last-contact".to_string()));
        assert!(labels("recipient r {\n  country ").contains(&"DK".to_string()));
        assert!(labels("").contains(&"purpose".to_string()));
        assert!(labels("data cv {\n}\npurpose ").is_empty(), "a new name is not completed");
    }
}
