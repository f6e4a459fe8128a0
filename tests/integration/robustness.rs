//! No input may panic the compiler: mutants of every policy (cut, spliced, garbled) and
//! hostile strings go through the whole pipeline and come back as diagnostics.

use crate::{policies_in, root, source};

/// A small deterministic generator, so a failure reproduces from its seed.
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

const NOISE: &[&str] =
    &["{", "}", "\"", "\\", ",", "//", "\n", " ", "é", "ø", "€", "\u{0}", "data", "keep", "da", "0", "99999999999"];

pub fn mutate(text: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = chars.clone();
    for _ in 0..=rng.below(3) {
        let at = rng.below(out.len() + 1);
        match rng.below(4) {
            0 => out.truncate(at),
            1 => {
                let end = (at + rng.below(40)).min(out.len());
                out.drain(at..end);
            }
            2 => {
                let noise = NOISE[rng.below(NOISE.len())];
                for (i, c) in noise.chars().enumerate() {
                    out.insert((at + i).min(out.len()), c);
                }
            }
            _ => {
                let from = rng.below(chars.len());
                let end = (from + rng.below(200)).min(chars.len());
                for (i, c) in chars[from..end].iter().enumerate() {
                    out.insert((at + i).min(out.len()), *c);
                }
            }
        }
    }
    out.into_iter().collect()
}

#[test]
fn mutated_policies_never_panic() {
    let mut rng = Rng(0x05ee_d0f9_017c);
    let mut with_errors = 0;
    let mut total = 0;
    for path in policies_in("policies") {
        let original = source(&path);
        for _ in 0..120 {
            let text = mutate(&original.text, &mut rng);
            let file = policyc::span::SourceFile::new("mutant.policy", text);
            let compiled = policyc::compile(&file);
            // Rendering walks every span against the text: it must not panic either.
            let _ = policyc::diagnostic::render_plain(&file, &compiled.diagnostics);
            // So must the machine-readable exports (schedule, TILT) of a mutant that compiles.
            if let Some(policy) = &compiled.policy {
                let _ = policyc::emit::machine_readable(policy, &file);
            }
            if compiled.policy.is_none() {
                assert!(!compiled.diagnostics.is_empty(), "a failed compile must say why");
                with_errors += 1;
            }
            total += 1;
        }
    }
    // Most mutants break the policy; if none did, the mutator is not mutating.
    assert!(with_errors * 2 > total, "only {with_errors} of {total} mutants were rejected");
}

#[test]
fn hostile_inputs_give_diagnostics() {
    let deep = "purpose x { profiling { ".repeat(200);
    let long_word = "a".repeat(100_000);
    for text in [
        "",
        "\u{feff}",
        "{",
        "}",
        "\"",
        "policy",
        "policy x {",
        &deep,
        &long_word,
        "policy x { languages da jurisdiction DK } controller { name \"\u{0}\" }",
    ] {
        let file = policyc::span::SourceFile::new("hostile.policy", text.to_string());
        let compiled = policyc::compile(&file);
        let _ = policyc::diagnostic::render_plain(&file, &compiled.diagnostics);
        // Every one of these is broken: it must fail with a reason, not slip through.
        assert!(compiled.policy.is_none() && !compiled.diagnostics.is_empty(), "{text:.40?} compiled");
    }
}

#[test]
fn limits_give_errors_not_crashes() {
    use policyc::diagnostic::Code;
    let code_of = |text: String| {
        let compiled = policyc::compile(&policyc::span::SourceFile::new("big.policy", text));
        compiled.diagnostics.first().map(|d| d.code)
    };
    let huge_file = "// padding\n".repeat(policyc::syntax::MAX_FILE_BYTES / 11 + 1);
    assert_eq!(code_of(huge_file), Some(Code::TooLarge));
    let long_text = format!("group g {{ name da \"{}\" }}", "x".repeat(policyc::syntax::MAX_TEXT_BYTES + 1));
    assert_eq!(code_of(long_text), Some(Code::TooLarge));
    let many_blocks = "group g { name da \"x\" }\n".repeat(policyc::syntax::MAX_DECLARATIONS + 1);
    assert_eq!(code_of(many_blocks), Some(Code::TooLarge));
}

#[test]
fn unicode_spaces_and_a_byte_order_mark_are_spacing() {
    // Word processors paste no-break and em spaces; editors on Windows write a byte order mark
    // and CRLF. Between tokens (not inside texts) they are spacing like any other.
    let path = root().join("policies/jobconnection.policy");
    let plain = source(&path);
    let mut pasted = String::from("\u{feff}");
    let (mut in_text, mut escaped, mut in_comment) = (false, false, false);
    let mut chars = plain.text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' if !in_text && !in_comment => pasted.push_str("\u{a0}\u{2003}"),
            '\n' if !in_text => {
                in_comment = false;
                pasted.push_str("\r\n");
            }
            '/' if !in_text && chars.peek() == Some(&'/') => {
                in_comment = true;
                pasted.push(c);
            }
            '"' if !escaped && !in_comment => {
                in_text = !in_text;
                pasted.push(c);
            }
            _ => pasted.push(c),
        }
        escaped = in_text && c == '\\' && !escaped;
    }
    assert!(pasted.contains('\u{2003}'));
    let pasted = policyc::span::SourceFile::new("pasted.policy", pasted);
    let formatted = |file: &policyc::span::SourceFile| policyc::format::format(file).expect("the policy reads");
    assert_eq!(formatted(&pasted), formatted(&plain));
}
