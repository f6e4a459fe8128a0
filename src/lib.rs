//! policyc: a compiler for privacy policies. See ARCHITECTURE.md for the pipeline.
//!
//! `compile` is the pipeline: each stage stops the next when it finds errors.

pub mod calendar;
pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod facts;
pub mod format;
pub mod ide;
pub mod law;
pub mod model;
pub mod resolve;
pub mod schedule;
pub mod span;
pub mod suggest;
pub mod syntax;
pub mod vocab;

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

/// Parse, resolve and check a policy. The model is returned only when there are no errors.
pub fn compile(file: &SourceFile) -> Compiled {
    compile_keeping_ast(file).1
}

/// `compile`, also returning the syntax tree when the file parses: an editor needs both and
/// should not parse twice.
pub fn compile_keeping_ast(file: &SourceFile) -> (Option<syntax::ast::File>, Compiled) {
    let ast = syntax::parse(file);
    let result = ast.as_ref().map_err(Clone::clone).and_then(resolve::resolve);
    let (policy, mut diagnostics) = match result {
        Ok(policy) => {
            let diagnostics = check::check(&policy);
            let policy = (!diagnostic::has_errors(&diagnostics)).then_some(policy);
            (policy, diagnostics)
        }
        Err(diagnostics) => (None, diagnostics),
    };
    diagnostics.sort_by_key(|d| (d.primary_span().start, d.code));
    (ast.ok(), Compiled { policy, diagnostics })
}
