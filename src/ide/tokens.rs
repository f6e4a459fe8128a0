//! A forgiving token scan for features that must work while the text does not parse
//! (completion, folding, hover on a half-written item): words, texts, braces and commas, with
//! comments skipped, and which block and item a position is in.

use crate::span::Span;
use crate::syntax::BlockItems;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    Word,
    Str,
    Open,
    Close,
    Comma,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Tok,
    pub span: Span,
}

/// A character of a name or fixed word (the grammar's XID classes, approximated).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

pub fn tokens(src: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = src.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let single = |kind| Token { kind, span: Span::new(i, i + 1) };
        match c {
            '/' if chars.peek().map(|(_, c)| *c) == Some('/') => while chars.next_if(|(_, c)| *c != '\n').is_some() {},
            '"' => {
                let mut end = src.len();
                while let Some((j, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => {
                            end = j + 1;
                            break;
                        }
                        _ => {}
                    }
                }
                out.push(Token { kind: Tok::Str, span: Span::new(i, end) });
            }
            '{' => out.push(single(Tok::Open)),
            '}' => out.push(single(Tok::Close)),
            ',' => out.push(single(Tok::Comma)),
            c if is_word_char(c) => {
                let mut end = i + c.len_utf8();
                while let Some((j, c)) = chars.next_if(|(_, c)| is_word_char(*c)) {
                    end = j + c.len_utf8();
                }
                out.push(Token { kind: Tok::Word, span: Span::new(i, end) });
            }
            _ => {}
        }
    }
    out
}

/// Where a position is: the blocks around it (outermost first) and, inside the innermost, the
/// item keyword that starts the item the position is in with the words written after it.
#[derive(Debug, Default, Clone)]
pub struct Context<'a> {
    pub blocks: Vec<BlockItems>,
    /// The item's keyword, when the position is after one in the innermost block.
    pub item: Option<&'a str>,
    /// The item's words and commas after its keyword, before the position.
    pub after: Vec<&'a str>,
}

impl Context<'_> {
    pub fn block(&self) -> Option<BlockItems> {
        self.blocks.last().copied()
    }
}

/// The context of `offset`; the word the position is in (being typed) does not count.
pub fn context(src: &str, offset: usize) -> Context<'_> {
    let toks = tokens(src);
    let before: Vec<&Token> =
        toks.iter().take_while(|t| t.span.end < offset || (t.span.end == offset && t.kind != Tok::Word)).collect();
    let text = |t: &Token| src.get(t.span.range()).unwrap_or("");
    let mut cx = Context::default();
    // Each open block remembers where its items begin, to find the current item.
    let mut starts: Vec<usize> = Vec::new();
    for (i, t) in before.iter().enumerate() {
        match t.kind {
            Tok::Open => {
                let keyword = if starts.is_empty() {
                    // `purpose x {`, `cookie "x" {`, `controller {`: the first token since the
                    // previous block at the top.
                    let from = before[..i].iter().rposition(|t| t.kind == Tok::Close).map_or(0, |c| c + 1);
                    before.get(from).map(|t| text(t)).unwrap_or("")
                } else if i > 0 {
                    text(before[i - 1])
                } else {
                    ""
                };
                cx.blocks.push(block_of(keyword, starts.is_empty()).unwrap_or(BlockItems::Section));
                starts.push(i + 1);
            }
            Tok::Close => {
                cx.blocks.pop();
                starts.pop();
            }
            _ => {}
        }
    }
    let (Some(block), Some(&start)) = (cx.block(), starts.last()) else {
        return cx;
    };
    // The current item starts at the last keyword of the block that is not a value (a name
    // may look like a keyword: `data title`, `data cv, title`) and not inside a nested block.
    let keywords = block.keywords();
    let mut depth = 0usize;
    let mut item_at = None;
    for (i, t) in before.iter().enumerate().skip(start) {
        match t.kind {
            Tok::Open => depth += 1,
            Tok::Close => depth = depth.saturating_sub(1),
            Tok::Word
                if depth == 0
                    && keywords.contains(&text(t))
                    && !is_value(src, i.checked_sub(1).map(|p| *before[p]), keywords) =>
            {
                item_at = Some(i)
            }
            _ => {}
        }
    }
    if let Some(i) = item_at {
        cx.item = Some(text(before[i]));
        cx.after = before[i + 1..].iter().map(|t| text(t)).collect();
    }
    cx
}

/// Whether a keyword after `previous` is the value of an item rather than the start of one:
/// it follows a comma (a list goes on) or an item's keyword.
pub fn is_value(src: &str, previous: Option<Token>, keywords: &[&str]) -> bool {
    previous.is_some_and(|p| {
        p.kind == Tok::Comma || (p.kind == Tok::Word && keywords.contains(&src.get(p.span.range()).unwrap_or("")))
    })
}

/// The block a keyword opens: at the top, a declaration; inside, a nested block.
fn block_of(keyword: &str, top: bool) -> Option<BlockItems> {
    if !top {
        return match keyword {
            "dpo" | "privacy-contact" | "representative" => Some(BlockItems::Contact),
            "profiling" | "automated-decision" => Some(BlockItems::Profiling),
            _ => None,
        };
    }
    BlockItems::ALL.iter().copied().find(|b| {
        b.opening().split(' ').next() == Some(keyword) && *b != BlockItems::Contact && *b != BlockItems::Profiling
    })
}

/// The item keywords given in the innermost block around `offset` (before and after it), not
/// counting a word the position is in.
pub fn given_items(src: &str, offset: usize, block: BlockItems) -> Vec<&str> {
    let toks = tokens(src);
    let mut open = Vec::new();
    for (i, t) in toks.iter().enumerate().take_while(|(_, t)| t.span.end <= offset) {
        match t.kind {
            Tok::Open => open.push(i),
            Tok::Close => {
                open.pop();
            }
            _ => {}
        }
    }
    let Some(&start) = open.last() else { return Vec::new() };
    let keywords = block.keywords();
    let mut depth = 0usize;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate().skip(start + 1) {
        match t.kind {
            Tok::Open => depth += 1,
            Tok::Close if depth == 0 => break,
            Tok::Close => depth -= 1,
            Tok::Word if depth == 0 && !is_value(src, i.checked_sub(1).map(|p| toks[p]), keywords) => {
                let word = src.get(t.span.range()).unwrap_or("");
                let typed = t.span.start <= offset && offset <= t.span.end;
                if keywords.contains(&word) && !typed {
                    out.push(word);
                }
            }
            _ => {}
        }
    }
    out
}

/// The word token at `offset` (touching it from either side).
pub fn word_at(src: &str, offset: usize) -> Option<Span> {
    tokens(src)
        .into_iter()
        .find(|t| t.kind == Tok::Word && t.span.start <= offset && offset <= t.span.end)
        .map(|t| t.span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_block_and_item() {
        let src = "purpose p {\n  title da \"x { y\"\n  basis consent, \n  profiling {\n    lo";
        let cx = context(src, src.find("consent,").unwrap() + 9);
        assert_eq!(cx.block(), Some(BlockItems::Purpose));
        assert_eq!(cx.item, Some("basis"));
        assert_eq!(cx.after, vec!["consent", ","]);
        let cx = context(src, src.len());
        assert_eq!(cx.blocks, vec![BlockItems::Purpose, BlockItems::Profiling]);
        assert_eq!(cx.item, None, "the word being typed is not an item yet");
    }

    #[test]
    fn lists_the_items_a_block_already_has() {
        let src = "purpose p {\n  title da \"x\"\n  data title, b\n  ba\n  profiling { logic da \"y\" }\n  basis consent\n}\ndata d {\n  name da \"n\"\n}\n";
        let at = src.find("ba\n").unwrap() + 2;
        assert_eq!(given_items(src, at, BlockItems::Purpose), vec!["title", "data", "profiling", "basis"]);
    }
}
