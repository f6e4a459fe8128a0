//! A quick pass over raw text that knows only comments, texts and braces. Parse errors use it
//! to find a text left open or a block never closed; the formatter uses it to keep comments,
//! which the grammar skips.

use crate::span::Span;

/// A `// comment`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// From `//` to the end of the line, without the line break.
    pub span: Span,
    /// The comment as written, `//` included, trailing spaces removed.
    pub text: String,
    /// Nothing but whitespace before it on its line.
    pub own_line: bool,
}

#[derive(Debug, Default)]
pub struct Scan {
    /// Where a text starts that is never closed.
    pub unterminated_text: Option<usize>,
    /// The `{` still open at the end (or where the unterminated text starts).
    pub open_braces: Vec<usize>,
    pub comments: Vec<Comment>,
}

pub fn scan(src: &str) -> Scan {
    let mut out = Scan::default();
    let mut chars = src.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '/' if chars.peek().map(|(_, c)| *c) == Some('/') => {
                let mut end = src.len();
                for (j, c) in chars.by_ref() {
                    if c == '\n' {
                        end = j;
                        break;
                    }
                }
                let line_start = src[..i].rfind('\n').map_or(0, |n| n + 1);
                out.comments.push(Comment {
                    span: Span::new(i, end),
                    text: src[i..end].trim_end().to_string(),
                    own_line: src[line_start..i].trim().is_empty(),
                });
            }
            '"' => {
                let mut closed = false;
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => {
                            closed = true;
                            break;
                        }
                        _ => {}
                    }
                }
                if !closed {
                    out.unterminated_text = Some(i);
                    return out;
                }
            }
            '{' => out.open_braces.push(i),
            '}' => {
                out.open_braces.pop();
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_comments_but_not_inside_texts() {
        let s = scan("// top\npolicy x { // trailing\n  title da \"a // b\"\n}\n");
        let texts: Vec<(&str, bool)> = s.comments.iter().map(|c| (c.text.as_str(), c.own_line)).collect();
        assert_eq!(texts, vec![("// top", true), ("// trailing", false)]);
        assert!(s.unterminated_text.is_none() && s.open_braces.is_empty());
    }
}
