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
mod recover;
mod scan_names;
mod tokens;

pub use actions::{CodeAction, code_actions};
pub use complete::{Completion, CompletionKind, completions};
pub use hover::hover;
pub use names::{definition, prepare_rename, references, rename};
pub use outline::{Symbol, folding_ranges, symbols};
pub use preview::{Preview, format, preview};
pub use recover::Parsed;

use std::sync::Arc;

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
    /// While the text does not parse: the document's last version that did, which the names
    /// are read from (`recover.rs`). The caller carries it from version to version.
    pub last_parsed: Option<Arc<Parsed>>,
}

impl Analysis {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let file = SourceFile::new(name, text);
        let (ast, compiled) = crate::compile_keeping_ast(&file);
        Analysis { file, ast, compiled, last_parsed: None }
    }

    /// The next version of the same document (for callers that compile every version).
    pub fn next(mut self, text: impl Into<String>) -> Self {
        let last = self.take_parsed().or(self.last_parsed.take());
        Analysis::new(self.file.name.clone(), text).with_last_parsed(last)
    }

    /// Keep `last` (the last version that parsed) for when this one does not parse.
    pub fn with_last_parsed(mut self, last: Option<Arc<Parsed>>) -> Self {
        if self.ast.is_none() {
            self.last_parsed = last;
        }
        self
    }

    /// This version's text and tree, if it parsed, to carry to the versions after it. The tree
    /// is moved out, not copied: call it on a version being replaced.
    pub fn take_parsed(&mut self) -> Option<Arc<Parsed>> {
        let ast = self.ast.take()?;
        Some(Arc::new(Parsed { text: self.file.text.clone(), ast }))
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
