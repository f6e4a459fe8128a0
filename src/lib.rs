//! policyc: a compiler for privacy policies. See ARCHITECTURE.md for the pipeline.

pub mod diagnostic;
pub mod span;
pub mod suggest;
pub mod syntax;
