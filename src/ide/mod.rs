//! Editor support over the pipeline, independent of any protocol: byte offsets in, plain data
//! out. The language server (`policyc lsp`) and a browser playground are thin shells over it;
//! nothing here knows about threads, JSON-RPC or UTF-16.

mod actions;
mod complete;
mod docs;
mod hover;
mod names;
mod outline;
mod preview;
mod scan_names;
mod tokens;

pub use actions::{CodeAction, code_actions};
pub use complete::{Completion, CompletionKind, completions};
pub use hover::hover;
pub use names::{definition, references, rename};
pub use outline::{Symbol, folding_ranges, symbols};
pub use preview::{Preview, format, preview};

use crate::diagnostic::{Code, Diagnostic};
use crate::span::{SourceFile, Span};
use crate::syntax::ast;

/// One version of a document, compiled once; every feature reads from it.
#[derive(Debug)]
pub struct Analysis {
    pub file: SourceFile,
    /// The syntax tree, when the text parses.
    pub ast: Option<ast::File>,
    pub compiled: crate::Compiled,
}

impl Analysis {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let file = SourceFile::new(name, text);
        let (ast, compiled) = crate::compile_keeping_ast(&file);
        Analysis { file, ast, compiled }
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.compiled.diagnostics
    }
}

/// Replace `span` of the text with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

/// Where a code's long explanation is published (the same text `policyc explain CODE` prints).
pub fn explanation_url(code: Code) -> String {
    format!("https://github.com/policyc/policyc/blob/main/docs/codes/{}.md", code.as_str())
}
