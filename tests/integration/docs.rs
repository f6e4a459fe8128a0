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

/// The rows of the markdown table that follows the line starting with `intro`: the word in the
/// first column and the cells of the Denmark and Sweden columns.
fn condition_rows(markdown: &str, intro: &str) -> Vec<(String, [String; 2])> {
    let rest = &markdown[markdown.find(intro).unwrap_or_else(|| panic!("no `{intro}` in docs/language.md"))..];
    rest.lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            let word = cells.first()?.strip_prefix('`')?.strip_suffix('`')?;
            Some((word.to_string(), [cells.get(2)?.to_string(), cells.get(3)?.to_string()]))
        })
        .collect()
}

/// What a cell says about a condition: `None` when unavailable ("—"), else whether it is for
/// public authorities only, for private controllers only, and unconfirmed (†).
fn cell_meaning(cell: &str) -> Option<(bool, bool, bool)> {
    (cell != "—")
        .then(|| (cell.contains("public authorities"), cell.contains("private controllers"), cell.contains('†')))
}

fn check_condition_table<C: policyc::model::vocab::Vocabulary + PartialEq + std::fmt::Debug>(
    markdown: &str,
    intro: &str,
    table: fn(&policyc::law::National) -> &[policyc::law::Allowed<C>],
) {
    use policyc::model::vocab::Jurisdiction;
    let rows = condition_rows(markdown, intro);
    let words: Vec<&str> = rows.iter().map(|(w, _)| w.as_str()).collect();
    let all: Vec<&str> = C::ALL.iter().map(|c| c.word()).collect();
    assert_eq!(words, all, "{intro}: the table must list every word once, in the vocabulary's order");
    for (word, cells) in &rows {
        for (cell, j) in cells.iter().zip([Jurisdiction::Dk, Jurisdiction::Se]) {
            let entry = table(policyc::law::tables().national(j)).iter().find(|a| a.condition.word() == word);
            let in_tables = entry.map(|a| (a.public_only, a.private_only, a.verify));
            assert_eq!(
                cell_meaning(cell),
                in_tables,
                "{intro} `{word}` in {j:?}: docs/language.md says `{cell}`, law/tables.yaml says \
                 (public only, private only, verify) = {in_tables:?}"
            );
        }
    }
}

/// The condition tables of docs/language.md say what law/tables.yaml says: which word each
/// jurisdiction allows, for whom, and which entries are unconfirmed.
#[test]
fn condition_tables_agree_with_the_legal_tables() {
    let markdown = std::fs::read_to_string(root().join("docs/language.md")).expect("docs/language.md");
    check_condition_table(&markdown, "`art10` (criminal-offence data", |n| &n.art10);
    check_condition_table(&markdown, "`id-number` (national identity numbers", |n| &n.id_number);
}

#[test]
fn condition_rows_read_the_table_after_the_intro() {
    let md = "`x` (intro):\n\n| Word | C | Denmark | Sweden |\n|---|---|---|---|\n| `a` | c | § 1, public authorities | — |\n\nafter\n| `b` | c | d | e |\n";
    let rows = condition_rows(md, "`x` (intro");
    assert_eq!(rows, vec![("a".to_string(), ["§ 1, public authorities".to_string(), "—".to_string()])]);
    assert_eq!(cell_meaning(&rows[0].1[0]), Some((true, false, false)));
    assert_eq!(cell_meaning(&rows[0].1[1]), None);
}

/// The README's table of `unconfirmed` markers per example policy says how many remain.
#[test]
fn the_readme_counts_the_example_policies_markers() {
    let readme = std::fs::read_to_string(crate::root().join("README.md")).expect("README.md");
    for path in crate::policies_in("policies") {
        let file = crate::source(&path);
        let policy = policyc::compile(&file).policy.expect("the example checks");
        let id = &policy.header.id.value;
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{id}` |")))
            .unwrap_or_else(|| panic!("README.md has no row for `{id}`"));
        let count: usize =
            row.trim_end_matches('|').rsplit('|').next().and_then(|c| c.trim().parse().ok()).expect("a count");
        assert_eq!(count, policy.unconfirmed.len(), "README.md: {row}");
    }
}

/// The list of acts in docs/language.md (*Laws by identifier*) is the legal tables' `laws`: each
/// act once, with its jurisdiction, title, reference and date, and † exactly where a lawyer must
/// still verify it.
#[test]
fn the_documented_laws_are_the_legal_tables_laws() {
    use policyc::model::vocab::{Jurisdiction, Vocabulary};
    let markdown = std::fs::read_to_string(root().join("docs/language.md")).expect("docs/language.md");
    let intro = "The acts the tables know";
    let rest = &markdown[markdown.find(intro).expect("the list of known acts")..];
    let rows: Vec<Vec<String>> = rest
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| l.trim_matches('|').split(" | ").map(|c| c.trim().to_string()).collect())
        .collect();
    let mut documented = 0;
    for j in Jurisdiction::ALL {
        for law in &policyc::law::tables().national(*j).laws {
            let row = rows
                .iter()
                .find(|r| r[0] == format!("`{}`", law.id))
                .unwrap_or_else(|| panic!("docs/language.md does not list `{}`", law.id));
            let dagger = if law.verify { " †" } else { "" };
            let date = format!("{:04}-{:02}-{:02}", law.date.year, law.date.month, law.date.day);
            let expected = [
                format!("`{}`", law.id),
                format!("`{}`", j.word()),
                law.title.clone(),
                format!("{}{dagger}", law.reference),
                date,
            ];
            assert_eq!(
                row.as_slice(),
                expected.as_slice(),
                "docs/language.md and law/tables.yaml differ on `{}`",
                law.id
            );
            documented += 1;
        }
    }
    assert_eq!(documented, rows.len(), "docs/language.md lists acts the legal tables do not know");
}
