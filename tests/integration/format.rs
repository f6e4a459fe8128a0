//! `policyc fmt`: the policies are canonical, formatting is idempotent and keeps comments, and
//! a re-indented or re-wrapped policy formats back to the canonical file.

use policyc::format::format;
use policyc::span::SourceFile;
use proptest::prelude::*;

use crate::{policies_in, policyc, root, source};

#[test]
fn the_repository_policies_are_canonical() {
    for folder in ["policies", "tests/fixtures/valid"] {
        for path in policies_in(folder) {
            let file = source(&path);
            let formatted = format(&file).unwrap_or_else(|d| panic!("{}: {d:?}", file.name));
            assert!(formatted == file.text, "{} is not in canonical form: run `policyc fmt {}`", file.name, file.name);
        }
    }
}

#[test]
fn formatting_twice_changes_nothing() {
    for folder in ["tests/fixtures/broken", "tests/fixtures/check"] {
        for path in policies_in(folder) {
            let file = source(&path);
            // Files that do not parse cannot be formatted; that is their point.
            let Ok(once) = format(&file) else { continue };
            let twice = format(&SourceFile::new(file.name.clone(), once.clone())).expect("formatted text formats");
            assert_eq!(once, twice, "{}", file.name);
        }
    }
}

/// Re-indent every line, join some lines and add blank lines, outside texts and comments, where
/// whitespace carries no meaning. (A line joined onto a comment's line would make the comment
/// trail that line, and a blank line after a comment is kept on purpose, so neither is done.)
fn mangle(text: &str, choices: &[u8]) -> String {
    let mut out = String::new();
    let mut in_text = false;
    let mut choice = choices.iter().cycle();
    let lines: Vec<&str> = text.lines().collect();
    for (n, line) in lines.iter().enumerate() {
        let next_is_comment = lines.get(n + 1).is_some_and(|l| l.trim_start().starts_with("//"));
        let c = *choice.next().unwrap_or(&0);
        let trimmed = if in_text { line } else { line.trim_start() };
        if !in_text {
            out.push_str(&" ".repeat(usize::from(c % 7)));
            if c.is_multiple_of(5) {
                out.push('\t');
            }
        }
        out.push_str(trimmed);
        // Track whether the line ends inside a text (escapes aside, quotes toggle).
        let mut escaped = false;
        let mut comment = false;
        for (i, ch) in line.char_indices() {
            match ch {
                '\\' if in_text && !escaped => escaped = true,
                '"' if !escaped && !comment => in_text = !in_text,
                '/' if !in_text && line[i..].starts_with("//") => comment = true,
                _ => escaped = false,
            }
        }
        let joinable = !in_text && !comment && !next_is_comment && !trimmed.is_empty() && c.is_multiple_of(3);
        out.push(if joinable { ' ' } else { '\n' });
        if c.is_multiple_of(11) && !in_text && !comment && !joinable {
            out.push('\n');
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn a_mangled_policy_formats_back_to_canonical(which in 0usize..5, choices in prop::collection::vec(any::<u8>(), 1..64)) {
        let path = &policies_in("policies")[which];
        let canonical = std::fs::read_to_string(path).expect("policy");
        let mangled = mangle(&canonical, &choices);
        let file = SourceFile::new("mangled.policy", mangled);
        let formatted = format(&file).map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        prop_assert!(formatted == canonical, "{} did not format back", path.display());
    }
}

#[test]
fn fmt_check_reports_a_diff_and_changes_nothing() {
    let ok = policyc(&["fmt", "--check", "policies"]);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stderr));

    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fmt");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let messy = dir.join("messy.policy");
    let original = std::fs::read_to_string(root().join("tests/fixtures/valid/minimal.policy")).expect("minimal");
    let text = original.replace("  ", "        ");
    std::fs::write(&messy, &text).expect("write");
    let path = messy.to_str().expect("utf-8 path");

    let check = policyc(&["fmt", "--check", path]);
    assert_eq!(check.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&check.stdout);
    assert!(diff.contains("-        languages da") && diff.contains("+  languages da"), "{diff}");
    assert_eq!(std::fs::read_to_string(&messy).expect("read"), text, "--check must not write");

    let write = policyc(&["fmt", path]);
    assert_eq!(write.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&messy).expect("read"), original);

    let broken = policyc(&["fmt", "tests/fixtures/broken/syntax_unterminated_text.policy"]);
    assert_eq!(broken.status.code(), Some(2), "a file that does not parse cannot be formatted");
}

/// Texts with tabs, no-break spaces or lone carriage returns beside the spaces between words:
/// wrapping a long line must not break next to them, since folding trims them at line ends.
/// (The first input is the fuzzer's finding, minimised.)
#[test]
fn long_texts_with_odd_spacing_format_soundly() {
    let found = "rights{description da\"V\"}security{measure da\"Konsernes notater opbevares aflås a policy \
                 without a controller\r\r\r\r\t\r\r\r\r\r\r\r\r\r\r blo)n.\"}";
    let mut inputs = vec![found.to_string()];
    for odd in ["\t", "\u{a0}", "\r", "\t\t", " \u{a0}"] {
        let words: Vec<String> = (0..40).map(|i| format!("ord{i}{odd}")).collect();
        inputs.push(format!("section s {{\n  body da \"{}\"\n}}\n", words.join(" ")));
    }
    for text in inputs {
        let file = SourceFile::new("odd.policy", text.clone());
        let once = format(&file).unwrap_or_else(|d| panic!("refused {text:?}: {d:?}"));
        let twice = format(&SourceFile::new("odd.policy", once.clone())).expect("formatted text formats");
        assert_eq!(once, twice, "{text:?}");
    }
}
