//! policyc: a compiler for privacy policies. See ARCHITECTURE.md for the pipeline.
//!
//! `compile` is the pipeline: each stage stops the next when it finds errors.

pub mod diagnostic;
pub mod model;
pub mod resolve;
pub mod span;
pub mod suggest;
pub mod syntax;

use diagnostic::Diagnostic;
use model::Policy;
use span::SourceFile;

/// What compiling one policy file gave: the model when there were no errors, and every
/// diagnostic in source order.
#[derive(Debug)]
pub struct Compiled {
    pub policy: Option<Policy>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parse and resolve a policy.
pub fn compile(file: &SourceFile) -> Compiled {
    let result = syntax::parse(file).and_then(|ast| resolve::resolve(&ast));
    let (policy, mut diagnostics) = match result {
        Ok(policy) => (Some(policy), Vec::new()),
        Err(diagnostics) => (None, diagnostics),
    };
    diagnostics.sort_by_key(|d| (d.primary_span().start, d.code));
    Compiled {
        policy,
        diagnostics,
    }
}
