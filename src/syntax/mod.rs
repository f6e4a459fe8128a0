//! Stage 1, syntax: source text -> AST. The pest grammar lives in `grammar/policy.pest`; pest's
//! pairs and rule names never leave this module.

mod build;
pub use build::days_in_month;
mod errors;
mod keywords;
pub mod scan;
mod text;

pub mod ast;

use pest::Parser as _;
use pest_derive::Parser;

use crate::diagnostic::Diagnostic;
use crate::span::SourceFile;

#[derive(Parser)]
#[grammar = "../grammar/policy.pest"]
struct PolicyParser;

pub use keywords::{BlockItems, block_keywords};

/// Parse a policy file into its AST, or the diagnostics that explain why it cannot be read.
pub fn parse(file: &SourceFile) -> Result<ast::File, Vec<Diagnostic>> {
    let pairs = match PolicyParser::parse(Rule::file, &file.text) {
        Ok(pairs) => pairs,
        Err(error) => return Err(vec![errors::to_diagnostic(&file.text, &error)]),
    };
    build::file(pairs)
}
