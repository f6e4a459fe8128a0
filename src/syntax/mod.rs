//! Stage 1, syntax: source text -> AST. The pest grammar lives in `grammar/policy.pest`; pest's
//! pairs and rule names never leave this module.

mod build;
pub use build::days_in_month;
mod errors;
mod keywords;
pub mod scan;
mod text;
pub use text::is_fold_space;

pub mod ast;

use pest::Parser as _;
use pest_derive::Parser;

use crate::diagnostic::{Code, Diagnostic};
use crate::span::SourceFile;

#[derive(Parser)]
#[grammar = "../grammar/policy.pest"]
struct PolicyParser;

pub use keywords::{BlockItems, block_keywords};

/// The largest policy file policyc reads. Real policies are tens of kilobytes; the limit keeps a
/// pasted or generated monster from exhausting memory.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// The longest single text.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;
/// The most blocks in one file.
pub const MAX_DECLARATIONS: usize = 200_000;
/// pest gives up after this many rule calls per byte of input (plus a floor): the grammar needs
/// far fewer, so only pathological input reaches it, and it ends in an error instead of a hang.
const CALLS_PER_BYTE: usize = 400;

/// Parse a policy file into its AST, or the diagnostics that explain why it cannot be read.
pub fn parse(file: &SourceFile) -> Result<ast::File, Vec<Diagnostic>> {
    if file.text.len() > MAX_FILE_BYTES {
        return Err(vec![too_large(format!(
            "the file is {} MiB; policyc reads policies of up to {} MiB",
            file.text.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ))]);
    }
    // A piece at a time (see the `declarations` rule), each piece's positions shifted by where
    // it starts. Syntax errors end the parse, as pest cannot resume; errors in what was read
    // (an empty text, a date that does not exist) are collected from every declaration.
    let mut decls = Vec::new();
    let mut diagnostics = Vec::new();
    let mut offset = 0;
    loop {
        let piece = &file.text[offset..];
        // A piece that reads costs a few calls per byte (the grammar backtracks over a token or
        // two at most); the limit is for input that would never finish, and its error ends the
        // parse. Set per piece from the bytes left: as generous as the whole-file limit was.
        pest::set_call_limit(std::num::NonZeroUsize::new(piece.len().saturating_mul(CALLS_PER_BYTE).max(1_000_000)));
        let pairs = match PolicyParser::parse(Rule::declarations, piece) {
            Ok(pairs) => pairs,
            Err(error) => return Err(vec![errors::to_diagnostic(&file.text, offset, &error)]),
        };
        let builder = build::Builder { offset };
        let mut end = None;
        let read = pairs.into_iter().flat_map(|p| p.into_inner());
        for pair in read.filter(|p| p.as_rule() == Rule::declaration) {
            end = Some(pair.as_span().end());
            if decls.len() == MAX_DECLARATIONS {
                let mut d = too_large(format!("the file has more than {MAX_DECLARATIONS} blocks"));
                d.labels[0].span = builder.span(&pair);
                return Err(vec![d]);
            }
            match builder.declaration(pair) {
                Ok(decl) => decls.push(decl),
                Err(d) => diagnostics.push(d),
            }
        }
        match end {
            Some(end) => offset += end,
            None => break, // only the end of the file was left
        }
    }
    if diagnostics.is_empty() { Ok(ast::File { decls }) } else { Err(diagnostics) }
}

pub(crate) fn too_large(message: String) -> Diagnostic {
    Diagnostic::new(Code::TooLarge, message, crate::span::Span::new(0, 0), "here")
        .with_help("split the policy into smaller files, or shorten the text")
}
