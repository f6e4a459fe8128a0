//! Printing the syntax tree in canonical layout, with the comments put back between the items
//! they stood between.

use crate::syntax::ast::{Block, Decl, DeclKind, Duration, File, Item, Keep, Text, Value};
use crate::syntax::is_fold_space;
use crate::syntax::scan::Comment;

/// Texts wrap at this column.
const WIDTH: usize = 100;
const INDENT: usize = 2;
/// Continuation lines of an item are indented this much more than the item.
const CONTINUATION: usize = 2;

pub fn file(ast: &File, comments: &[Comment], src: &str) -> String {
    let mut p = Printer { out: String::new(), comments, next: 0, src };
    for (i, decl) in ast.decls.iter().enumerate() {
        if i > 0 {
            p.out.push('\n');
        }
        p.comments_before(decl.kind.span.start, 0);
        p.decl(decl);
    }
    p.comments_before(usize::MAX, 0);
    p.out
}

struct Printer<'a> {
    out: String,
    comments: &'a [Comment],
    next: usize,
    src: &'a str,
}

impl Printer<'_> {
    /// Comments that stand before `pos`, each on its own line. A blank line written after a
    /// comment is kept, so a file's header comment stays apart from what follows.
    fn comments_before(&mut self, pos: usize, indent: usize) {
        while let Some(c) = self.comments.get(self.next).filter(|c| c.span.start < pos) {
            self.out.push_str(&" ".repeat(indent));
            self.out.push_str(&c.text);
            self.out.push('\n');
            self.next += 1;
            let following = self.comments.get(self.next).map_or(pos, |n| n.span.start.min(pos));
            let gap = self.src.get(c.span.end..following.min(self.src.len())).unwrap_or("");
            if gap.matches('\n').count() >= 2 && following < self.src.len() {
                self.out.push('\n');
            }
        }
    }

    /// A comment after the code on the line where `end` is stays on that line.
    fn trailing(&mut self, end: usize) {
        let same_line = |c: &&Comment| {
            !c.own_line && (c.span.start < end || !self.src.get(end..c.span.start).unwrap_or("\n").contains('\n'))
        };
        if let Some(c) = self.comments.get(self.next).filter(same_line) {
            if self.out.ends_with('\n') {
                self.out.pop();
            }
            self.out.push(' ');
            self.out.push_str(&c.text);
            self.out.push('\n');
            self.next += 1;
        }
    }

    fn decl(&mut self, d: &Decl) {
        let head = match (&d.kind.value, &d.name) {
            (DeclKind::Cookie, Some(name)) => format!("cookie {}", quote(&name.value)),
            (kind, Some(name)) => format!("{} {}", kind.keyword(), name.value),
            (kind, None) => kind.keyword().to_string(),
        };
        self.block(&head, &d.block, 0);
    }

    fn block(&mut self, head: &str, block: &Block, indent: usize) {
        let pad = " ".repeat(indent);
        let inner_comments = self.comments.get(self.next).is_some_and(|c| c.span.start < block.span.end);
        if block.items.is_empty() && !inner_comments {
            self.out.push_str(&format!("{pad}{head} {{}}\n"));
            self.trailing(block.span.end);
            return;
        }
        self.out.push_str(&format!("{pad}{head} {{\n"));
        // Whether the last item printed ended without a comment: only then can a marker join it.
        let mut clean = false;
        for (i, item) in block.items.iter().enumerate() {
            let before = self.next;
            self.comments_before(item.span.start, indent + INDENT);
            if let (Value::Str(reason), true) = (&item.value, item.key.value == "unconfirmed" && i > 0) {
                let joined = clean && self.next == before;
                self.marker(&reason.value, indent + INDENT, joined);
                clean = false;
                continue;
            }
            let before = self.next;
            self.item(item, indent + INDENT);
            clean = self.next == before;
        }
        self.comments_before(block.span.end, indent + INDENT);
        self.out.push_str(&format!("{pad}}}\n"));
        self.trailing(block.span.end);
    }

    /// `unconfirmed "..."` after the item it qualifies: on the item's last line when it fits,
    /// else on a continuation line, so that it reads as part of that item.
    fn marker(&mut self, reason: &str, indent: usize, joined: bool) {
        let marker = format!("unconfirmed {}", quote(reason));
        let column = self.out.trim_end_matches('\n').rsplit('\n').next().map_or(0, |l| l.chars().count());
        if joined && column + 1 + marker.chars().count() <= WIDTH && !reason.contains('\n') {
            self.out.pop();
            self.out.push_str(&format!(" {marker}\n"));
        } else {
            self.out.push_str(&wrap_string("unconfirmed ", reason, indent + CONTINUATION));
        }
    }

    fn item(&mut self, item: &Item, indent: usize) {
        let key = item.key.value;
        match &item.value {
            Value::Unknown => self.out.push_str(&format!("{}{key}\n", " ".repeat(indent))),
            Value::Block(b) => {
                self.block(key, b, indent);
                return;
            }
            Value::Text(t) => self.text_item(key, t, indent),
            Value::Str(s) => {
                let lines = wrap_string(&format!("{key} "), &s.value, indent);
                self.out.push_str(&lines);
            }
            Value::Act { id, provision: None } => {
                self.out.push_str(&format!("{}{key} {}\n", " ".repeat(indent), id.value))
            }
            Value::Act { id, provision: Some(p) } => {
                self.out.push_str(&wrap_string(&format!("{key} {} ", id.value), &p.value, indent));
            }
            Value::Agreement(name) => {
                self.out.push_str(&wrap_string(&format!("{key} collective-agreement "), &name.value, indent));
            }
            other => {
                let line = format!("{}{} {}\n", " ".repeat(indent), key, simple(key, other));
                self.out.push_str(&wrap_list(&line, indent));
            }
        }
        // Comments inside a multi-line item come after it; the first may trail its last line.
        self.trailing(item.span.end);
        self.comments_before(item.span.end, indent);
    }

    /// `title da "..." sv "..."`: on one line when it fits, else one language per line.
    fn text_item(&mut self, key: &str, t: &Text, indent: usize) {
        let one_line: String = t.parts.iter().map(|(l, s)| format!(" {} {}", l.value, quote(&s.value))).collect();
        if indent + key.len() + one_line.len() < WIDTH && !one_line.contains('\n') {
            self.out.push_str(&format!("{}{key}{one_line}\n", " ".repeat(indent)));
            return;
        }
        for (i, (lang, s)) in t.parts.iter().enumerate() {
            let lead = if i == 0 {
                format!("{key} {} ", lang.value)
            } else {
                format!("{} {} ", " ".repeat(key.len()), lang.value)
            };
            self.out.push_str(&wrap_string(&lead, &s.value, indent));
        }
    }
}

/// `lead"text"` at `indent`, wrapped at single spaces; paragraphs keep a blank line between.
fn wrap_string(lead: &str, value: &str, indent: usize) -> String {
    let mut out = " ".repeat(indent);
    out.push_str(lead);
    out.push('"');
    let mut column = indent + lead.len() + 1;
    let continuation = " ".repeat(indent + CONTINUATION);
    for (p, paragraph) in value.split("\n\n").enumerate() {
        if p > 0 {
            out.push_str("\n\n");
            out.push_str(&continuation);
            column = continuation.len();
        }
        for (w, word) in words(paragraph).into_iter().enumerate() {
            let word = escape(word);
            let width = word.chars().count();
            if w > 0 {
                // +2 leaves room for a closing quote.
                if column + 1 + width + 2 > WIDTH {
                    out.push('\n');
                    out.push_str(&continuation);
                    column = continuation.len();
                } else {
                    out.push(' ');
                    column += 1;
                }
            }
            out.push_str(&word);
            column += width;
        }
    }
    out.push_str("\"\n");
    out
}

/// A paragraph cut at the spaces where a line may break: single spaces between words. A run
/// of spacing written inside a line (spaces, tabs, no-break spaces) stays inside one piece,
/// since folding trims such spacing at the ends of lines and would not restore it.
fn words(paragraph: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut before: Option<char> = None;
    let mut chars = paragraph.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let after = chars.peek().map(|&(_, n)| n);
        let breakable = |n: Option<char>| n.is_some_and(|n| !is_fold_space(n));
        if c == ' ' && breakable(before) && breakable(after) {
            pieces.push(&paragraph[start..i]);
            start = i + 1;
        }
        before = Some(c);
    }
    pieces.push(&paragraph[start..]);
    pieces
}

/// A comma-separated list that is too long goes on over continuation lines.
fn wrap_list(line: &str, indent: usize) -> String {
    if line.chars().count() <= WIDTH + 1 || !line.contains(", ") {
        return line.to_string();
    }
    let continuation = " ".repeat(indent + CONTINUATION);
    let mut out = String::new();
    let mut column = 0;
    for (i, piece) in line.trim_end().split(", ").enumerate() {
        if i > 0 {
            if column + 2 + piece.len() + 1 > WIDTH {
                out.push_str(",\n");
                out.push_str(&continuation);
                column = continuation.len();
            } else {
                out.push_str(", ");
                column += 2;
            }
        }
        out.push_str(piece);
        column += piece.chars().count();
    }
    out.push('\n');
    out
}

fn simple(key: &str, v: &Value) -> String {
    let names = |xs: &[crate::span::Spanned<String>], sep: &str| {
        xs.iter().map(|x| x.value.as_str()).collect::<Vec<_>>().join(sep)
    };
    match v {
        Value::Ident(x) => x.value.clone(),
        Value::Idents(xs) | Value::Langs(xs) => names(xs, ", "),
        // `basis` lists several bases; `kind special health` and `transfer adequacy ...` are
        // one value of two words.
        Value::Words(xs) if key == "basis" || key == "channels" => names(xs, ", "),
        Value::Words(xs) => names(xs, " "),
        Value::Date(d) => format!("{:04}-{:02}-{:02}", d.value.year, d.value.month, d.value.day),
        Value::YesNo(b) => if b.value { "yes" } else { "no" }.to_string(),
        Value::Duration(d) => match key {
            "reconfirm" => format!("every {}", duration(d)),
            "respond" => format!("within {}", duration(d)),
            _ => duration(d),
        },
        Value::DayOfYear { day, month } => format!("starts {} {}", day.value, capitalised(&month.value)),
        Value::Keep(Keep::For { up_to, duration: d, after }) => {
            format!("{}{} after {}", if *up_to { "up to " } else { "" }, duration(d), after.value)
        }
        Value::Keep(Keep::Until(e)) => format!("until {}", e.value),
        Value::Keep(Keep::Indefinitely(_)) => "indefinitely".to_string(),
        Value::Limit { duration: d, after } => format!("{} after {}", duration(d), after.value),
        Value::Condition { word, data } if data.is_empty() => word.value.clone(),
        Value::Condition { word, data } => format!("{} for {}", word.value, names(data, ", ")),
        Value::Lifetime(Some(d)) => duration(d),
        Value::Lifetime(None) => "session".to_string(),
        // Texts, strings and blocks are printed by their own functions.
        Value::Text(_) | Value::Str(_) | Value::Block(_) | Value::Unknown | Value::Act { .. } | Value::Agreement(_) => {
            String::new()
        }
    }
}

fn duration(d: &Duration) -> String {
    format!("{} {}", d.amount.value, d.unit.value.keyword(d.amount.value))
}

fn capitalised(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn quote(s: &str) -> String {
    format!("\"{}\"", escape(s))
}
