//! Turning pest's parse errors into diagnostics in the policy author's words. pest reports the
//! rules it tried at the furthest position; we name them with `keywords::words`, point at the
//! token found there, and recognise the two mistakes that make pest's position useless: a text
//! whose closing quote is missing and a block whose `}` is missing.

use pest::error::{Error, ErrorVariant, InputLocation};

use crate::diagnostic::{Code, Diagnostic};
use crate::span::Span;
use crate::suggest::did_you_mean;
use crate::syntax::Rule;
use crate::syntax::keywords::{BlockItems, RuleWords, words};
use crate::syntax::scan::scan;

/// `offset`: where in `src` the piece that pest read starts (its positions count from there).
pub fn to_diagnostic(src: &str, offset: usize, error: &Error<Rule>) -> Diagnostic {
    let pos = offset
        + match error.location {
            InputLocation::Pos(p) => p,
            InputLocation::Span((start, _)) => start,
        };
    let scan = scan(src);
    if let Some(open) = scan.unterminated_text.filter(|open| *open <= pos) {
        return Diagnostic::new(
            Code::UnterminatedText,
            "this text is never closed",
            Span::new(open, open + 1),
            "the text starting here has no closing `\"`",
        )
        .with_help("add `\"` where the text ends; write `\\\"` for a quote inside a text");
    }
    let positives = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.as_slice(),
        ErrorVariant::CustomError { message } => {
            return Diagnostic::new(
                Code::Syntax,
                format!("the file cannot be read: {message}"),
                Span::new(pos, pos),
                "here",
            )
            .with_help("simplify the policy around this point");
        }
    };
    let found = Found::at(src, pos);
    let block = positives.iter().find_map(|r| match words(*r) {
        RuleWords::BlockItem(b) => Some(b),
        _ => None,
    });
    // After a text, another `LANG "..."` may follow; inside a block that possibility is noise
    // next to the list of items.
    let at_top = positives.iter().any(|r| matches!(r, Rule::declarations | Rule::declaration));
    let expected: Vec<RuleWords> = positives
        .iter()
        .filter(|r| !(block.is_some() && **r == Rule::lang))
        // "the end of the file" is no help next to the list of blocks that may come.
        .filter(|r| !(at_top && **r == Rule::EOI))
        .map(|r| words(*r))
        .collect();

    if found.is_end
        && let Some(&open) = scan.open_braces.last()
    {
        let mut d = Diagnostic::new(
            Code::UnclosedBlock,
            "a block is never closed",
            Span::new(open, open + 1),
            "this `{` has no matching `}`",
        )
        .with_help("add `}` after the last item of this block");
        if let Some(b) = block {
            d.message = format!("the {} is never closed", b.noun());
        }
        return d;
    }

    if let Some(d) = negative_number(src, &found, positives) {
        return d;
    }

    let label = format!("expected {}", expected_list(&expected, block));
    let message = match block {
        Some(b) => format!("unexpected {} in this {}", found.description, b.noun()),
        None => format!("unexpected {}", found.description),
    };
    let mut d = Diagnostic::new(Code::Syntax, message, found.span, label);
    d.help = Some(help(&found, block, positives));
    d
}

/// `keep -6 months after ...`: the language has no negative numbers, and "unexpected `-6`"
/// does not say why.
fn negative_number(src: &str, found: &Found, positives: &[Rule]) -> Option<Diagnostic> {
    let digits = found.word.as_deref()?.strip_prefix('-')?;
    let number_expected = positives.iter().any(|r| matches!(r, Rule::number | Rule::duration | Rule::keep_for));
    if !number_expected || digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let after = src.get(found.span.end..).unwrap_or("").trim_start();
    let unit =
        ["days", "day", "weeks", "week", "months", "month", "years", "year"].into_iter().find(|u| after.starts_with(u));
    let Some(unit) = unit else {
        return Some(
            Diagnostic::new(Code::Syntax, "a number cannot be negative", found.span, "negative")
                .with_help(format!("write `{digits}`: numbers in a policy are whole numbers from 1")),
        );
    };
    let at_event =
        if positives.contains(&Rule::keep_for) { "; to act at the event itself, write `keep until EVENT`" } else { "" };
    Some(Diagnostic::new(Code::Syntax, "a duration cannot be negative", found.span, "negative").with_help(format!(
        "write `{digits} {unit}`: a duration is a whole number from 1 up and counts forward from its event{at_event}"
    )))
}

/// Words the author may have meant at this position, for "did you mean".
fn candidates(block: Option<BlockItems>, positives: &[Rule]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = block.map(|b| b.keywords().to_vec()).unwrap_or_default();
    for rule in positives {
        match rule {
            Rule::declarations | Rule::declaration | Rule::EOI => out.extend_from_slice(DECLARATIONS),
            Rule::unit => out.extend_from_slice(&["days", "weeks", "months", "years"]),
            Rule::yes_no => out.extend_from_slice(&["yes", "no"]),
            r => {
                if let RuleWords::Keyword(k) = words(*r) {
                    out.push(k);
                }
            }
        }
    }
    out
}

/// The keywords that open a top-level block.
const DECLARATIONS: &[&str] = &[
    "policy",
    "controller",
    "group",
    "data",
    "source",
    "recipient",
    "storage",
    "event",
    "purpose",
    "retention",
    "cookie",
    "security",
    "rights",
    "section",
];

/// "an item of the purpose, `,` or `}` to close it"
fn expected_list(expected: &[RuleWords], block: Option<BlockItems>) -> String {
    let mut phrases: Vec<String> = Vec::new();
    let mut closes = false;
    for w in expected {
        let phrase = match w {
            RuleWords::Keyword(k) => format!("`{k}`"),
            RuleWords::BlockItem(b) => format!("an item of the {}", b.noun()),
            RuleWords::Phrase("`}`") if block.is_some() => {
                closes = true;
                continue;
            }
            RuleWords::Phrase(p) => (*p).to_string(),
        };
        if !phrases.contains(&phrase) {
            phrases.push(phrase);
        }
    }
    if closes {
        phrases.push("`}` to close it".to_string());
    }
    join_or(&phrases)
}

fn help(found: &Found, block: Option<BlockItems>, positives: &[Rule]) -> String {
    if let Some(word) = found.word.as_deref() {
        if let Some(suggestion) = did_you_mean(word, candidates(block, positives)) {
            return format!("did you mean `{suggestion}`?");
        }
        if block.is_some() && positives.contains(&Rule::comma) {
            return format!("if `{word}` belongs to the list before it, separate them with a comma");
        }
    }
    if found.description == "text in quotes" && positives.contains(&Rule::lang) {
        return "a text that differs between languages starts with its language: `da \"...\"`".to_string();
    }
    if let Some(b) = block {
        return format!("a {} can contain: {}", b.noun(), backticked(b.keywords()));
    }
    if positives.iter().any(|r| matches!(r, Rule::declarations | Rule::declaration | Rule::EOI)) {
        return format!("a policy file is a list of blocks: {}", backticked(DECLARATIONS));
    }
    "see docs/language.md for how each block and item is written".to_string()
}

fn backticked(words: &[&str]) -> String {
    words.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => "something else".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

/// The token at the error position, described for a message.
struct Found {
    description: String,
    span: Span,
    word: Option<String>,
    is_end: bool,
}

impl Found {
    fn at(src: &str, pos: usize) -> Found {
        let rest = src.get(pos..).unwrap_or("");
        let Some(first) = rest.chars().next() else {
            return Found { description: "end of file".into(), span: Span::new(pos, pos), word: None, is_end: true };
        };
        let is_word_char = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
        if is_word_char(first) {
            let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
            let word = &rest[..len];
            return Found {
                description: format!("`{word}`"),
                span: Span::new(pos, pos + len),
                word: Some(word.to_string()),
                is_end: false,
            };
        }
        let span = Span::new(pos, pos + first.len_utf8());
        let description = match first {
            '"' => "text in quotes".to_string(),
            c => format!("`{c}`"),
        };
        Found { description, span, word: None, is_end: false }
    }
}
