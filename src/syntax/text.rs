//! Turning a string literal's body into the text it means: escapes decoded, line breaks and
//! indentation folded into single spaces, blank lines kept as paragraph breaks.

use crate::diagnostic::{Code, Diagnostic};
use crate::span::Span;

/// Decode `body` (the characters between the quotes, starting at byte `offset`) and fold it.
pub fn decode(body: &str, offset: usize) -> Result<String, Diagnostic> {
    if body.len() > crate::syntax::MAX_TEXT_BYTES {
        let mut d = crate::syntax::too_large(format!(
            "this text is {} KiB; a text may be at most {} KiB",
            body.len() / 1024,
            crate::syntax::MAX_TEXT_BYTES / 1024
        ));
        d.labels[0].span = Span::new(offset, offset + 1);
        return Err(d);
    }
    // Most texts are one line without escapes: folding then only trims the ends.
    // (A byte scan: a `contains` over a set of chars decodes every character.)
    if !body.bytes().any(|b| matches!(b, b'\\' | b'\n' | b'\r')) {
        return Ok(body.trim_matches(is_fold_space).to_string());
    }
    if !body.contains('\\') {
        return Ok(fold(body));
    }
    let mut raw = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            raw.push(c);
            continue;
        }
        match chars.next() {
            Some((_, '"')) => raw.push('"'),
            Some((_, '\\')) => raw.push('\\'),
            Some((j, other)) => {
                let span = Span::new(offset + i, offset + j + other.len_utf8());
                return Err(Diagnostic::new(
                    Code::BadEscape,
                    format!("`\\{other}` has no meaning in a text"),
                    span,
                    "unknown escape",
                )
                .with_help("write `\\\"` for a quote and `\\\\` for a backslash"));
            }
            None => raw.push('\\'),
        }
    }
    Ok(fold(&raw))
}

/// The spacing that folding removes at the start and end of every line of a text. The
/// formatter must not break a line next to one, or folding would remove it.
pub fn is_fold_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\r')
}

/// Fold line breaks and indentation into single spaces; a blank line starts a new paragraph,
/// kept as `\n\n`.
pub fn fold(raw: &str) -> String {
    // A carriage return on its own (an old Mac line break) ends a line too.
    let raw: std::borrow::Cow<str> =
        if raw.contains('\r') { raw.replace("\r\n", "\n").replace('\r', "\n").into() } else { raw.into() };
    let mut out = String::with_capacity(raw.len());
    let mut blank_line_before = false;
    for line in raw.lines() {
        let line = line.trim_matches(is_fold_space);
        if line.is_empty() {
            blank_line_before = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_line_before { "\n\n" } else { " " });
        }
        blank_line_before = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_lines_and_keeps_paragraphs() {
        let raw = "\n    Vi behandler\n    dine oplysninger.\n\n    Nyt afsnit.\n  ";
        assert_eq!(fold(raw), "Vi behandler dine oplysninger.\n\nNyt afsnit.");
        // Several blank lines are one paragraph break; blank lines at either end vanish.
        let raw = "\r\n\n  Et.\r\n\r\n\n \u{a0}\n  To\n  tre.\n\n";
        assert_eq!(fold(raw), "Et.\n\nTo tre.");
        assert_eq!(fold("\n \n"), "");
        // Lone carriage returns break lines as `\n` and `\r\n` do (found by fuzzing).
        assert_eq!(fold("Et\r\r\t\r to\rtre"), "Et\n\nto tre");
        assert_eq!(fold("Et\r\nto"), "Et to");
    }

    #[test]
    fn one_line_texts_take_the_short_way_to_the_same_result() {
        for body in ["plain", "  padded\u{a0} ", "a  b", ""] {
            assert_eq!(decode(body, 0).unwrap(), fold(body), "{body:?}");
        }
    }

    #[test]
    fn decodes_escapes() {
        assert_eq!(decode(r#"a \"b\" \\ c"#, 0).unwrap(), r#"a "b" \ c"#);
        let err = decode(r"bad \n", 10).unwrap_err();
        assert_eq!(err.code, Code::BadEscape);
        assert_eq!(err.primary_span(), Span::new(14, 16));
    }
}
