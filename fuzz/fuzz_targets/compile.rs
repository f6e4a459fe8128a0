//! Fuzz the whole pipeline: parse, resolve, check, render the diagnostics, and for a policy
//! that compiles, every output; also the formatter, which proves itself on every input.

#![no_main]

use libfuzzer_sys::fuzz_target;
use policyc::diagnostic::render_plain;
use policyc::emit::{Options, machine_readable, notices};
use policyc::span::SourceFile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = SourceFile::new("fuzz.policy", text);
    let compiled = policyc::compile(&file);
    let _ = render_plain(&file, &compiled.diagnostics);
    if let Some(policy) = compiled.policy {
        let _ = notices(&policy, &file.name, &Options::default());
        let _ = machine_readable(&policy, &file);
    }
    // A refusal (E0900) is a formatter bug: make it a crash the fuzzer reports.
    if let Err(diagnostics) = policyc::format::format(&file) {
        assert!(
            diagnostics.iter().all(|d| d.code != policyc::diagnostic::Code::Internal),
            "formatter refused: {diagnostics:?}"
        );
    }
});
