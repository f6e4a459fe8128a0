//! Names while the text does not parse (it is being typed): hover, definition, references and
//! rename keep working from the last version that parsed. Its syntax tree is kept; what changed
//! since is one region of whole lines (the texts' common prefix and suffix, compared once per
//! request). A name outside those lines is where the old tree put it, shifted by the edit; inside
//! them, names are read from tokens (`scan_names.rs`), which is enough to navigate, not to edit.
//!
//! Why not the token scan alone (as completion does it): an unclosed quote turns the rest of the
//! file inside out for a scan, and rename must be exact. Why not the old tree alone: the lines
//! being typed are where the user is looking. Without any earlier parse (a document opened
//! broken), every name comes from the tokens and rename is refused.

use crate::ide::names::{Occurrence, occurrences};
use crate::ide::{Analysis, scan_names, tokens::is_word_char};
use crate::span::Span;
use crate::syntax::ast::{self, DeclKind};

/// The last version of a document that parsed: its text and syntax tree.
#[derive(Debug)]
pub struct Parsed {
    pub text: String,
    pub ast: ast::File,
}

/// The lines that differ between an old text and a new one: one region from the first changed
/// line to the last (edits in two places make one region spanning both), found by comparing
/// whole lines from either end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Changed {
    /// Where the changed lines start, in both texts (a line start).
    pub start: usize,
    /// Where they end in the old text (a line start, or its end); the same suffix follows.
    pub old_end: usize,
    /// Where they end in the new text.
    pub new_end: usize,
}

impl Changed {
    pub fn between(old: &str, new: &str) -> Changed {
        // Whole lines: a name is then either wholly inside the region or wholly outside it, and
        // a line inserted next to a similar one is not taken for a change of that one.
        let a: Vec<&str> = old.split_inclusive('\n').collect();
        let b: Vec<&str> = new.split_inclusive('\n').collect();
        let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let most = a.len().min(b.len()) - prefix;
        let suffix = a.iter().rev().zip(b.iter().rev()).take(most).take_while(|(x, y)| x == y).count();
        let length = |lines: &[&str]| lines.iter().map(|l| l.len()).sum::<usize>();
        let tail = length(&a[a.len() - suffix..]);
        Changed { start: length(&a[..prefix]), old_end: old.len() - tail, new_end: new.len() - tail }
    }

    /// Where a span of the old text is in the new one; `None` inside the changed lines.
    pub fn map(&self, span: Span) -> Option<Span> {
        if span.end <= self.start {
            Some(span)
        } else if span.start >= self.old_end {
            let shift = |x: usize| x - self.old_end + self.new_end;
            Some(Span::new(shift(span.start), shift(span.end)))
        } else {
            None
        }
    }

    /// Whether a span of the new text lies in the changed lines.
    pub fn contains(&self, span: Span) -> bool {
        self.start <= span.start && span.end <= self.new_end
    }

    /// The changed lines of the new text, for messages: "line 12", "lines 12-14".
    pub fn lines(&self, new: &str) -> String {
        let line = |offset: usize| new.as_bytes()[..offset.min(new.len())].iter().filter(|&&c| c == b'\n').count() + 1;
        let first = line(self.start);
        if self.new_end <= self.start {
            return format!("lines deleted before line {first}");
        }
        match line(self.new_end.saturating_sub(1)) {
            last if last == first => format!("line {first}"),
            last => format!("lines {first}-{last}"),
        }
    }
}

/// Where a document's names come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Its syntax tree: the text parses.
    Tree,
    /// The last version that parsed, outside the lines changed since; tokens inside them.
    Since(Changed),
    /// Tokens only: no version of the text has parsed.
    Scanned,
}

/// Every name of a document, in source order, and where they were read.
pub struct Names<'a> {
    pub all: Vec<Occurrence<'a>>,
    pub source: Source,
    /// The last version that parsed, with `Source::Since`.
    pub last: Option<&'a Parsed>,
}

impl<'a> Names<'a> {
    pub fn of(analysis: &'a Analysis) -> Names<'a> {
        if let Some(file) = &analysis.ast {
            return Names { all: occurrences(file), source: Source::Tree, last: None };
        }
        let text = analysis.file.text.as_str();
        let scanned = scan_names::occurrences(text);
        let Some(last) = analysis.last_parsed.as_deref() else {
            return Names { all: scanned, source: Source::Scanned, last: None };
        };
        let changed = Changed::between(&last.text, text);
        let mut all: Vec<Occurrence<'a>> = occurrences(&last.ast)
            .into_iter()
            .filter_map(|o| changed.map(o.span).map(|span| Occurrence { span, ..o }))
            .collect();
        all.extend(scanned.into_iter().filter(|o| changed.contains(o.span)));
        all.sort_by_key(|o| o.span.start);
        Names { all, source: Source::Since(changed), last: Some(last) }
    }

    /// The declaration of a name in the last parsed tree, when its name is outside the changed
    /// lines (`declared` is where it is now).
    pub fn old_declaration(&self, kind: DeclKind, declared: Span) -> Option<&'a ast::Decl> {
        let (Source::Since(changed), Some(last)) = (self.source, self.last) else { return None };
        last.ast
            .decls
            .iter()
            .find(|d| d.kind.value == kind && d.name.as_ref().is_some_and(|n| changed.map(n.span) == Some(declared)))
    }

    /// Why renaming `o` to `new_name` cannot be done exactly while the text does not parse, if
    /// it cannot: either name written in the changed lines (in a string that may be about to
    /// close, too) or the name on lines changed since the last parse.
    pub fn unsure_rename(&self, text: &str, o: &Occurrence, new_name: &str) -> Result<(), String> {
        let changed = match self.source {
            Source::Tree => return Ok(()),
            Source::Scanned => {
                return Err("the policy does not parse, and no earlier version of it did: \
                            fix the syntax errors first"
                    .into());
            }
            Source::Since(changed) => changed,
        };
        let region = text.get(changed.start..changed.new_end).unwrap_or("");
        let was_changed = self.last.is_some_and(|last| {
            occurrences(&last.ast).iter().any(|x| x.kind == o.kind && x.name == o.name && changed.map(x.span).is_none())
        });
        let lines = changed.lines(text);
        if has_word(region, o.name) || was_changed {
            return Err(format!(
                "`{}` occurs on {lines}, which changed since the policy last parsed: \
                 rename it when the policy parses again",
                o.name
            ));
        }
        if has_word(region, new_name) {
            return Err(format!(
                "`{new_name}` occurs on {lines}, which changed since the policy last parsed, \
                 so it may be taken: rename when the policy parses again"
            ));
        }
        Ok(())
    }
}

/// Whether `word` occurs in `text` as a whole word (strings and comments included).
fn has_word(text: &str, word: &str) -> bool {
    !word.is_empty()
        && text.match_indices(word).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
        })
}

#[cfg(test)]
mod tests;
