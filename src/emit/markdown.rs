//! Escaping policy strings for Markdown, so that text from a policy is always text: no
//! emphasis, links, raw HTML, headings or heading attributes can come from a policy.

/// Characters that can start Markdown or HTML syntax anywhere in a line. `{` and `}` guard
/// heading attributes (`{#id}`), `&` guards entities, `|` guards table cells.
const INLINE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '&', '{', '}', '|', '~', '#', '!'];

/// Escape a policy text for Markdown. Paragraph breaks (`\n\n`) are kept; each paragraph is
/// one line whose start is also escaped, so it cannot become a list item or a heading.
pub fn escape(text: &str) -> String {
    text.split("\n\n").map(escape_line).collect::<Vec<_>>().join("\n\n")
}

fn escape_line(line: &str) -> String {
    let line = line.replace('\n', " ");
    let mut out = String::with_capacity(line.len() + 8);
    let mut chars = line.chars().peekable();
    // A line that starts like a list marker, block quote, thematic break or setext underline.
    if let Some(&first) = chars.peek()
        && matches!(first, '-' | '+' | '=' | '>')
    {
        out.push('\\');
    }
    let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() && matches!(line[digits.len()..].chars().next(), Some('.' | ')')) {
        // "1. " starts an ordered list: escape the delimiter.
        out.push_str(&digits);
        out.push('\\');
        for _ in 0..digits.chars().count() {
            chars.next();
        }
    }
    for c in chars {
        if INLINE.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A link target that is safe in Markdown and HTML: only `https:`, `http:` and `mailto:`
/// schemes, and every character outside a conservative set percent-encoded.
pub fn href(target: &str) -> Option<String> {
    let lower = target.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")) {
        return None;
    }
    let mut out = String::with_capacity(target.len());
    for b in target.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:/?#@=&+%".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(escape("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
        assert_eq!(escape("*bold* [link](x)"), "\\*bold\\* \\[link\\](x)");
        assert_eq!(escape("Title {#evil}"), "Title \\{\\#evil\\}");
    }

    #[test]
    fn line_starts_cannot_open_blocks() {
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("12. maj"), "12\\. maj");
        assert_eq!(escape("a\n\n# b"), "a\n\n\\# b");
        assert_eq!(escape("2024 was"), "2024 was");
    }

    #[test]
    fn only_safe_links() {
        assert_eq!(href("javascript:alert(1)"), None);
        assert_eq!(href("mailto:info@x.dk").as_deref(), Some("mailto:info@x.dk"));
        assert_eq!(href("https://x.dk/a b\"(").as_deref(), Some("https://x.dk/a%20b%22%28"));
    }
}
