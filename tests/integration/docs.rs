//! Every ```policy block in README.md and docs/ parses; blocks that are whole policies (they
//! have a `policy` header) also resolve without errors.

use policyc::diagnostic::render_plain;
use policyc::span::SourceFile;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use crate::root;

fn policy_snippets(markdown: &str) -> Vec<String> {
    let mut snippets = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if lang.as_ref() == "policy" => {
                current = Some(String::new());
            }
            Event::Text(text) => {
                if let Some(s) = current.as_mut() {
                    s.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => snippets.extend(current.take()),
            _ => {}
        }
    }
    snippets
}

#[test]
fn documented_policy_snippets_parse() {
    let mut checked = 0;
    for doc in ["README.md", "docs/language.md"] {
        let markdown = std::fs::read_to_string(root().join(doc)).unwrap_or_else(|e| panic!("{doc}: {e}"));
        let snippets = policy_snippets(&markdown);
        assert!(!snippets.is_empty(), "{doc} has no ```policy examples");
        for (i, snippet) in snippets.iter().enumerate() {
            let file = SourceFile::new(format!("{doc} example {}", i + 1), snippet.clone());
            if let Err(diagnostics) = policyc::syntax::parse(&file) {
                panic!("{}\n{}", snippet, render_plain(&file, &diagnostics));
            }
            if snippet.lines().any(|l| l.trim_start().starts_with("policy ")) {
                let compiled = policyc::compile(&file);
                assert!(compiled.policy.is_some(), "{}\n{}", snippet, render_plain(&file, &compiled.diagnostics));
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} documented snippets");
}

#[test]
fn snippet_extraction_finds_only_policy_blocks() {
    let md = "text\n\n```policy\ngroup a { name da \"A\" }\n```\n\n```sh\nls\n```\n";
    assert_eq!(policy_snippets(md), vec!["group a { name da \"A\" }\n".to_string()]);
}
