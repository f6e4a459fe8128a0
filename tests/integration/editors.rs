//! The editor files in editors/ checked against the compiler: the TextMate grammar against the
//! pest grammar's keywords, the fixed words of src/vocab.rs and the example policies, and the
//! VS Code manifest against the files it names. No npm needed: a small TextMate tokenizer below
//! runs the grammar's regexes with fancy-regex, which reads the Oniguruma subset the grammar uses
//! (Unicode classes, lookaround, `(?i:...)`).

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use fancy_regex::Regex;
use policyc::syntax::{BlockItems, block_keywords};
use policyc::vocab;
use policyc::vocab::Vocabulary;
use serde_json::Value;

use crate::{policies_in, root};

const GRAMMAR: &str = "editors/vscode/syntaxes/policy.tmLanguage.json";

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

fn json(path: &str) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"))
}

// ---------------------------------------------------------------------------------------------
// A TextMate tokenizer: the rules of vscode-textmate that the grammar relies on. Line by line
// (with its `\n`, as VS Code passes lines), the earliest match wins, ties go to the end pattern
// and then to the first pattern listed.

struct Grammar {
    json: Value,
    regexes: RefCell<HashMap<String, Regex>>,
}

/// A run of characters with the same scopes (the root scope left out).
#[derive(Debug, Clone)]
struct Token {
    /// Byte offsets in the whole text.
    start: usize,
    end: usize,
    scopes: Vec<String>,
}

/// A begin/end rule that is open: the scopes outside it (with its `name`) and inside it.
struct Frame<'g> {
    rule: &'g Value,
    outer: Vec<String>,
    inner: Vec<String>,
}

enum Found<'g> {
    End,
    Match(&'g Value),
    Begin(&'g Value),
}

impl Grammar {
    fn load() -> Grammar {
        Grammar { json: json(GRAMMAR), regexes: RefCell::new(HashMap::new()) }
    }

    fn regex(&self, source: &str) -> Regex {
        self.regexes
            .borrow_mut()
            .entry(source.to_string())
            .or_insert_with(|| {
                // Oniguruma's `^` and `$` always match at line breaks.
                Regex::new(&format!("(?m){source}"))
                    .unwrap_or_else(|e| panic!("the grammar's regex `{source}` does not compile: {e}"))
            })
            .clone()
    }

    /// The rules a pattern list stands for, includes followed.
    fn flatten<'g>(&'g self, patterns: &'g Value, out: &mut Vec<&'g Value>, depth: usize) {
        assert!(depth < 20, "the grammar's includes loop");
        for p in patterns.as_array().map(Vec::as_slice).unwrap_or_default() {
            if let Some(include) = p.get("include").and_then(Value::as_str) {
                let target = match include {
                    "$self" | "$base" => &self.json,
                    name => self.json["repository"]
                        .get(name.trim_start_matches('#'))
                        .unwrap_or_else(|| panic!("include `{name}` names no repository entry")),
                };
                if target.get("match").is_some() || target.get("begin").is_some() {
                    out.push(target);
                } else {
                    self.flatten(&target["patterns"], out, depth + 1);
                }
            } else if p.get("match").is_some() || p.get("begin").is_some() {
                out.push(p);
            } else {
                self.flatten(&p["patterns"], out, depth + 1);
            }
        }
    }

    fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut line_start = 0;
        for raw in text.split('\n') {
            let line = format!("{raw}\n");
            let mut scopes: Vec<Vec<String>> = vec![Vec::new(); line.len()];
            let mut pos = 0;
            let mut stuck = 0;
            while pos < line.len() {
                let (base, patterns_of, end) = match stack.last() {
                    Some(f) => (f.inner.clone(), &f.rule["patterns"], f.rule["end"].as_str()),
                    None => (Vec::new(), &self.json["patterns"], None),
                };
                let mut rules = Vec::new();
                self.flatten(patterns_of, &mut rules, 0);

                let mut best: Option<(usize, Found, fancy_regex::Captures<str>)> = None;
                if let Some(end) = end
                    && let Some(c) = self.regex(end).captures_from_pos(line.as_str(), pos).expect("regex runs")
                {
                    best = Some((c.get(0).expect("group 0").start(), Found::End, c));
                }
                for rule in rules {
                    let (source, found) = match rule.get("match").and_then(Value::as_str) {
                        Some(m) => (m, Found::Match(rule)),
                        None => (rule["begin"].as_str().expect("begin is a string"), Found::Begin(rule)),
                    };
                    if let Some(c) = self.regex(source).captures_from_pos(line.as_str(), pos).expect("regex runs") {
                        let start = c.get(0).expect("group 0").start();
                        if best.as_ref().is_none_or(|(s, ..)| start < *s) {
                            best = Some((start, found, c));
                        }
                    }
                }

                let Some((start, found, captures)) = best else {
                    paint(&mut scopes, pos, line.len(), &base);
                    break;
                };
                let end_at = captures.get(0).expect("group 0").end();
                paint(&mut scopes, pos, start, &base);
                match found {
                    Found::End => {
                        let frame = stack.pop().expect("an open rule");
                        paint(&mut scopes, start, end_at, &frame.outer);
                        paint_captures(&mut scopes, &captures, &frame.rule["endCaptures"]);
                    }
                    Found::Match(rule) => {
                        let outer = with(&base, rule.get("name"));
                        paint(&mut scopes, start, end_at, &outer);
                        paint_captures(&mut scopes, &captures, &rule["captures"]);
                    }
                    Found::Begin(rule) => {
                        let outer = with(&base, rule.get("name"));
                        let inner = with(&outer, rule.get("contentName"));
                        paint(&mut scopes, start, end_at, &outer);
                        paint_captures(&mut scopes, &captures, &rule["beginCaptures"]);
                        stack.push(Frame { rule, outer, inner });
                    }
                }
                if end_at == pos {
                    stuck += 1;
                    assert!(stuck < 50, "the grammar loops without consuming input at `{raw}`");
                } else {
                    stuck = 0;
                }
                pos = end_at;
            }
            // One token per run of equal scopes; the line break is left out.
            let mut i = 0;
            while i < raw.len() {
                let mut j = i + 1;
                while j < raw.len() && scopes[j] == scopes[i] {
                    j += 1;
                }
                tokens.push(Token { start: line_start + i, end: line_start + j, scopes: scopes[i].clone() });
                i = j;
            }
            line_start += line.len();
        }
        tokens
    }

    /// The scopes of the token at `offset`, which must be exactly `len` bytes long: a keyword is
    /// highlighted whole or not at all.
    fn scopes_at(&self, text: &str, offset: usize, len: usize) -> Vec<String> {
        let tokens = self.tokenize(text);
        let t = tokens.iter().find(|t| t.start <= offset && offset < t.end).expect("a token at the offset");
        if t.start == offset && t.end == offset + len {
            t.scopes.clone()
        } else {
            vec![format!("(token {:?} does not match the word)", &text[t.start..t.end])]
        }
    }

    /// The scopes of the last occurrence of `word`, as a whole word, in `text`.
    fn scopes_of(&self, text: &str, word: &str) -> Vec<String> {
        let re = Regex::new(&format!(
            r"(?<![\p{{L}}\p{{M}}\p{{N}}_-]){}(?![\p{{L}}\p{{M}}\p{{N}}_-])",
            fancy_regex::escape(word)
        ))
        .expect("word regex");
        let offset = re.find_iter(text).filter_map(Result::ok).last().map(|m| m.start());
        let offset = offset.unwrap_or_else(|| panic!("`{word}` is not in {text:?}"));
        self.scopes_at(text, offset, word.len())
    }
}

fn with(base: &[String], name: Option<&Value>) -> Vec<String> {
    let mut out = base.to_vec();
    if let Some(n) = name.and_then(Value::as_str) {
        out.push(n.to_string());
    }
    out
}

fn paint(scopes: &mut [Vec<String>], from: usize, to: usize, with: &[String]) {
    for s in &mut scopes[from..to] {
        *s = with.to_vec();
    }
}

fn paint_captures(scopes: &mut [Vec<String>], captures: &fancy_regex::Captures<str>, names: &Value) {
    let Some(names) = names.as_object() else { return };
    for (group, rule) in names {
        let group: usize = group.parse().expect("capture numbers");
        let (Some(m), Some(name)) = (captures.get(group), rule.get("name").and_then(Value::as_str)) else { continue };
        for s in &mut scopes[m.start()..m.end()] {
            s.push(name.to_string());
        }
    }
}

fn has(scopes: &[String], prefix: &str) -> bool {
    scopes.iter().any(|s| s.starts_with(prefix))
}

// ---------------------------------------------------------------------------------------------
// The grammar

#[test]
fn the_grammar_is_json_and_every_regex_compiles() {
    let g = Grammar::load();
    assert_eq!(g.json["scopeName"], "source.policy");
    let mut sources = Vec::new();
    fn walk<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    match (k.as_str(), v) {
                        ("match" | "begin" | "end", Value::String(s)) => out.push(s),
                        _ => walk(v, out),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    walk(&g.json, &mut sources);
    assert!(sources.len() > 20, "the grammar has {} regexes", sources.len());
    for s in sources {
        g.regex(s);
    }
    // Every include resolves.
    let mut rules = Vec::new();
    g.flatten(&g.json["patterns"], &mut rules, 0);
    for entry in g.json["repository"].as_object().expect("a repository").values() {
        g.flatten(&entry["patterns"], &mut rules, 0);
    }
}

/// The keywords of grammar/policy.pest: every `k_*` rule's word.
fn pest_keywords() -> BTreeSet<String> {
    let re = Regex::new(r#"(?m)^k_\w+\s*=\s*@\{\s*"([^"]+)""#).expect("regex");
    let pest = read("grammar/policy.pest");
    let found: BTreeSet<String> = re
        .captures_iter(pest.as_str())
        .map(|c| c.expect("runs").get(1).expect("group 1").as_str().to_string())
        .collect();
    assert!(found.len() > 80, "found only {} keywords in the pest grammar", found.len());
    found
}

/// Blocks that open inside another block, written `dpo { ... }`.
const NESTED_BLOCKS: &[&str] = &["dpo", "privacy-contact", "representative", "profiling", "automated-decision"];

#[test]
fn every_block_and_item_keyword_is_highlighted_in_its_block() {
    let g = Grammar::load();
    let mut failures = Vec::new();
    for block in BlockItems::ALL {
        // The block's own keyword and name.
        let opening = block.opening();
        let closes = "}".repeat(opening.matches('{').count());
        let text = format!("{opening}\n{closes}\n");
        // The last keyword of the opening: `policy` in `policy x {`, `dpo` in `controller { dpo {`.
        let mut words: Vec<&str> = opening.split_whitespace().collect();
        words.pop();
        let keyword = match words.pop() {
            Some("x" | "\"x\"") => words.pop(),
            other => other,
        }
        .expect("a keyword");
        let scopes = g.scopes_of(&text, keyword);
        if !has(&scopes, "keyword.control.block") {
            failures.push(format!("block keyword `{keyword}` in `{opening}`: {scopes:?}"));
        }
        if opening.ends_with(" x {") && !has(&g.scopes_of(&text, "x"), "entity.name.type") {
            failures.push(format!("the name in `{opening}`: {:?}", g.scopes_of(&text, "x")));
        }
    }
    for (block, keywords) in block_keywords() {
        let opening = block.opening();
        let closes = "}".repeat(opening.matches('{').count());
        for keyword in keywords {
            let item = if NESTED_BLOCKS.contains(keyword) { format!("{keyword} {{}}") } else { keyword.to_string() };
            let text = format!("{opening}\n  {item}\n{closes}\n");
            let scopes = g.scopes_of(&text, keyword);
            let wanted = if NESTED_BLOCKS.contains(keyword) { "keyword.control.block" } else { "keyword." };
            if !has(&scopes, wanted) {
                failures.push(format!("`{keyword}` in {}: {scopes:?}", block.noun()));
            }
        }
    }
    assert!(failures.is_empty(), "keywords the TextMate grammar does not highlight:\n{}", failures.join("\n"));
}

/// Where each keyword that does not start an item is written. A keyword added to the pest
/// grammar fails the next test until it is placed here (and highlighted).
const INNER_KEYWORDS: &[(&str, &str)] = &[
    ("starts", "controller {\n  financial-year starts 1 July\n}"),
    ("special", "data x {\n  kind special health\n}"),
    ("until", "retention x {\n  keep until end-of-course\n}"),
    ("indefinitely", "retention x {\n  keep indefinitely\n}"),
    ("after", "retention x {\n  keep up to 6 months after last-contact\n}"),
    ("every", "retention x {\n  reconfirm every 6 months\n}"),
    ("within", "rights {\n  respond within 1 month\n}"),
    ("session", "cookie \"x\" {\n  lifetime session\n}"),
    ("adequacy", "recipient x {\n  transfer adequacy data-privacy-framework\n}"),
    ("data-privacy-framework", "recipient x {\n  transfer adequacy data-privacy-framework\n}"),
    ("derogation", "recipient x {\n  transfer derogation explicit-consent\n}"),
    ("for", "purpose x {\n  art9 explicit-consent for health\n}"),
    ("collective-agreement", "purpose x {\n  law collective-agreement \"Teknikavtalet\"\n}"),
];

#[test]
fn every_keyword_of_the_pest_grammar_is_highlighted() {
    let g = Grammar::load();
    let mut covered: BTreeSet<String> = BlockItems::ALL
        .iter()
        .flat_map(|b| b.keywords().iter().map(|k| k.to_string()))
        .chain(
            ["policy", "controller", "group", "data", "source", "recipient", "storage", "event", "purpose"]
                .map(String::from),
        )
        .chain(["retention", "cookie", "security", "rights", "section"].map(String::from))
        .collect();
    let mut failures = Vec::new();
    for (keyword, text) in INNER_KEYWORDS {
        let scopes = g.scopes_of(text, keyword);
        if !has(&scopes, "keyword.") && !has(&scopes, "constant.language.") {
            failures.push(format!("`{keyword}` in {text:?}: {scopes:?}"));
        }
        covered.insert(keyword.to_string());
    }
    let scopes = g.scopes_of("retention x {\n  keep up to 6 months after last-contact\n}", "up to");
    if !has(&scopes, "keyword.") {
        failures.push(format!("`up to`: {scopes:?}"));
    }
    for keyword in pest_keywords() {
        if !covered.contains(&keyword) {
            failures.push(format!("`{keyword}` is a keyword of grammar/policy.pest that this test does not place"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Where the words of each vocabulary are written: `{}` stands for the word.
fn fixed_word_places() -> Vec<(&'static str, Vec<&'static str>, Vec<&'static str>)> {
    fn all<V: Vocabulary>() -> Vec<&'static str> {
        V::ALL.iter().map(|v| v.word()).collect()
    }
    vec![
        ("language", all::<vocab::Lang>(), vec!["policy x {\n  languages da, {}\n}", "group x {\n  name {} \"x\"\n}"]),
        ("jurisdiction", all::<vocab::Jurisdiction>(), vec!["policy x {\n  jurisdiction {}\n}"]),
        ("layout", all::<vocab::Layout>(), vec!["policy x {\n  layout {}\n}"]),
        ("kind", all::<vocab::KindWord>(), vec!["data x {\n  kind {}\n}"]),
        ("special category", all::<vocab::SpecialCategory>(), vec!["data x {\n  kind special {}\n}"]),
        (
            "basis",
            all::<vocab::LegalBasis>(),
            vec!["purpose x {\n  basis {}\n}", "purpose x {\n  basis contract,\n    {}\n}"],
        ),
        ("art9", all::<vocab::Art9Condition>(), vec!["purpose x {\n  art9 {} for health\n}"]),
        ("art10", all::<vocab::Art10Condition>(), vec!["purpose x {\n  art10 {}\n}"]),
        ("id-number", all::<vocab::IdNumberCondition>(), vec!["purpose x {\n  id-number {}\n}"]),
        ("provision", all::<vocab::Provision>(), vec!["purpose x {\n  provision {}\n}"]),
        ("role", all::<vocab::RecipientRole>(), vec!["recipient x {\n  role {}\n}"]),
        ("transfer", all::<vocab::TransferWord>(), vec!["recipient x {\n  transfer {}\n}"]),
        ("framework", all::<vocab::AdequacyFramework>(), vec!["recipient x {\n  transfer adequacy {}\n}"]),
        ("derogation", all::<vocab::Derogation>(), vec!["recipient x {\n  transfer derogation {}\n}"]),
        ("medium", all::<vocab::Medium>(), vec!["storage x {\n  medium {}\n}"]),
        (
            "event",
            all::<vocab::StandardEvent>(),
            vec!["retention x {\n  keep 6 months after {}\n}", "retention x {\n  keep until {}\n}"],
        ),
        ("alignment", all::<vocab::Alignment>(), vec!["retention x {\n  align {}\n}"]),
        ("placement", all::<vocab::Placement>(), vec!["section x {\n  place {}\n}"]),
        ("action", all::<vocab::Action>(), vec!["retention x {\n  then {}\n}"]),
        ("cookie class", all::<vocab::CookieClass>(), vec!["cookie \"x\" {\n  class {}\n}"]),
        ("party", all::<vocab::Party>(), vec!["cookie \"x\" {\n  party {}\n}"]),
        ("relation", all::<vocab::Relation>(), vec!["group x {\n  relation {}\n}"]),
        (
            "channel",
            all::<vocab::Channel>(),
            vec!["purpose x {\n  channels {}\n}", "purpose x {\n  channels sms, {}\n}"],
        ),
        ("month", all::<vocab::Month>(), vec!["controller {\n  financial-year starts 1 {}\n}"]),
    ]
}

#[test]
fn every_fixed_word_is_highlighted_where_it_is_allowed() {
    let places = fixed_word_places();
    // A new vocabulary in src/vocab.rs must be placed above.
    let vocabularies = read("src/vocab.rs").matches("vocabulary! {").count();
    assert_eq!(
        places.len(),
        vocabularies,
        "src/vocab.rs has {vocabularies} vocabularies; this test places {}",
        places.len()
    );

    let g = Grammar::load();
    let mut failures = Vec::new();
    for (what, words, templates) in places {
        for template in templates {
            for word in &words {
                let text = template.replace("{}", word);
                let scopes = g.scopes_of(&text, word);
                let ok = if what == "language" {
                    has(&scopes, "entity.name.tag.language")
                } else {
                    has(&scopes, "constant.language.")
                };
                if !ok {
                    failures.push(format!("{what} `{word}` in {text:?}: {scopes:?}"));
                }
            }
        }
    }
    // The month is read in any case (`1 July`).
    let scopes = g.scopes_of("controller {\n  financial-year starts 1 July\n}", "July");
    if !has(&scopes, "constant.language.month") {
        failures.push(format!("`July`: {scopes:?}"));
    }
    assert!(failures.is_empty(), "fixed words the TextMate grammar does not highlight:\n{}", failures.join("\n"));
}

#[test]
fn misspelt_words_are_not_highlighted_as_the_language() {
    let g = Grammar::load();
    // A keyword inside a longer name, a misspelt item, a word from the wrong list.
    let cases = [
        ("data x {\n  kind data-x\n}", "data-x"),
        ("purpose x {\n  basiss consent\n}", "basiss"),
        ("purpose x {\n  basis consnt\n}", "consnt"),
        ("purpose x {\n  basis explicit-consent\n}", "explicit-consent"),
        ("recipient x {\n  role procesor\n}", "procesor"),
    ];
    for (text, word) in cases {
        let scopes = g.scopes_of(text, word);
        assert!(
            !has(&scopes, "keyword.") && !has(&scopes, "constant.language."),
            "`{word}` in {text:?} is highlighted: {scopes:?}"
        );
    }
    // Names are names, even when they contain a keyword.
    let text = "purpose x {\n  data data-x, cv\n  storage storage-1\n}";
    assert!(has(&g.scopes_of(text, "data-x"), "variable.other.reference"));
    assert!(has(&g.scopes_of(text, "storage-1"), "variable.other.reference"));
    assert!(has(&g.scopes_of(text, "storage"), "keyword.other.item"));
    // A comment is a comment, a `//` in a string is not.
    let text = "controller {\n  web \"https://x.dk\" // data\n}";
    let tokens = g.tokenize(text);
    let scopes_within = |word: &str| {
        let offset = text.rfind(word).expect("in the text");
        tokens.iter().find(|t| t.start <= offset && offset < t.end).expect("a token").scopes.clone()
    };
    assert!(has(&scopes_within("data"), "comment.line"));
    assert!(has(&scopes_within("x.dk"), "string.quoted"));
    assert!(!has(&scopes_within("x.dk"), "comment.line"));
}

#[test]
fn every_word_of_the_example_policies_is_highlighted() {
    let g = Grammar::load();
    let item_keywords: BTreeSet<&str> = BlockItems::ALL.iter().flat_map(|b| b.keywords().iter().copied()).collect();
    let word = Regex::new(r"[\p{L}_][\p{L}\p{M}\p{N}_-]*|\d+").expect("regex");
    let paths = policies_in("policies");
    assert!(paths.len() >= 5);
    let mut failures = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("read policy");
        let tokens = g.tokenize(&text);
        let name = path.file_name().expect("file name").to_string_lossy().to_string();
        for t in &tokens {
            let piece = &text[t.start..t.end];
            if has(&t.scopes, "comment.") || has(&t.scopes, "string.") {
                continue;
            }
            let line = text[..t.start].matches('\n').count() + 1;
            let first_on_line = text[..t.start].rsplit('\n').next().is_some_and(|before| before.trim().is_empty());
            for m in word.find_iter(piece).filter_map(Result::ok) {
                if t.scopes.is_empty() {
                    failures.push(format!("{name}:{line}: `{}` has no scope", m.as_str()));
                } else if first_on_line
                    && m.start() == 0
                    && item_keywords.contains(m.as_str())
                    && !has(&t.scopes, "keyword.")
                {
                    failures.push(format!("{name}:{line}: item keyword `{}` is {:?}", m.as_str(), t.scopes));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "the TextMate grammar leaves words of the example policies unhighlighted:\n{}",
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// The VS Code extension's manifest

#[test]
fn the_vscode_manifest_points_to_files_that_exist() {
    let dir = Path::new("editors/vscode");
    let manifest = json("editors/vscode/package.json");
    let exists = |rel: &str| {
        let path = root().join(dir).join(rel);
        assert!(path.is_file(), "package.json names `{rel}`, which does not exist");
        path
    };
    let main = exists(manifest["main"].as_str().expect("main"));
    let extension = std::fs::read_to_string(main).expect("read main");
    assert!(manifest["engines"]["vscode"].is_string(), "engines.vscode");

    let contributes = &manifest["contributes"];
    let languages = contributes["languages"].as_array().expect("languages");
    let ids: Vec<&str> = languages.iter().filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(ids, ["policy"]);
    for language in languages {
        assert!(language["extensions"].as_array().expect("extensions").contains(&Value::from(".policy")));
        let configuration = exists(language["configuration"].as_str().expect("configuration"));
        let configuration: Value = serde_json::from_str(&std::fs::read_to_string(configuration).expect("read"))
            .expect("language configuration is JSON");
        // The comment syntax the pest grammar skips, and no block comments (it has none).
        assert!(read("grammar/policy.pest").contains(r#""//" ~ (!"\n" ~ ANY)*"#));
        assert_eq!(configuration["comments"]["lineComment"], "//");
        assert!(configuration["comments"].get("blockComment").is_none());
        assert_eq!(configuration["brackets"], serde_json::json!([["{", "}"]]));
    }
    for grammar in contributes["grammars"].as_array().expect("grammars") {
        assert!(ids.contains(&grammar["language"].as_str().expect("language")));
        let path = exists(grammar["path"].as_str().expect("path"));
        let tm: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("grammar is JSON");
        assert_eq!(grammar["scopeName"], tm["scopeName"]);
    }
    for event in manifest["activationEvents"].as_array().expect("activationEvents") {
        let event = event.as_str().expect("a string");
        if let Some(language) = event.strip_prefix("onLanguage:") {
            assert!(ids.contains(&language), "activation on unknown language `{language}`");
        }
    }
    // Every contributed command is registered by the code, and every setting is read.
    let code = extension.clone() + &std::fs::read_to_string(root().join(dir).join("preview.js")).expect("preview.js");
    for command in contributes["commands"].as_array().expect("commands") {
        let id = command["command"].as_str().expect("command id");
        assert!(code.contains(&format!("registerCommand('{id}'")), "command `{id}` is never registered");
    }
    let properties = contributes["configuration"]["properties"].as_object().expect("properties");
    assert!(properties.contains_key("policyc.serverPath"));
    for key in properties.keys() {
        let (section, name) = key.rsplit_once('.').expect("a dotted key");
        assert!(
            code.contains(&format!("getConfiguration('{section}')")) && code.contains(&format!("'{name}'")),
            "setting `{key}` is never read"
        );
    }
    // The preview's own files.
    for media in ["media/preview.js", "media/preview.css"] {
        exists(media);
    }
    // The server is started as the contract says.
    assert!(extension.contains("args: ['lsp']"));
    assert!(code.contains("'policyc/preview'"));
}

// ---------------------------------------------------------------------------------------------
// Neovim's syntax file

#[test]
fn the_vim_syntax_file_knows_every_keyword_and_fixed_word() {
    let vim = read("editors/nvim/syntax/policy.vim");
    let mut groups: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for line in vim.lines() {
        if let Some(rest) = line.strip_prefix("syn keyword ") {
            let mut words = rest.split_whitespace();
            let group = words.next().expect("a group");
            groups.entry(group).or_default().extend(words);
        }
    }
    let keywords: BTreeSet<&str> =
        ["policyBlock", "policyItem"].iter().flat_map(|g| groups[g].iter().copied()).collect();
    let mut missing: Vec<String> = pest_keywords().into_iter().filter(|k| !keywords.contains(k.as_str())).collect();
    // Fixed words: some are item keywords too (`consent`), shown as keywords. Months and
    // country codes are patterns: `syn match policyMonth "\c\<\%(january\|...\)\>"`.
    let known: BTreeSet<&str> = groups.values().flatten().copied().collect();
    let month_line = vim.lines().find(|l| l.starts_with("syn match policyMonth")).expect("a policyMonth match");
    let months: BTreeSet<&str> = month_line
        .split_once(r"\%(")
        .and_then(|(_, rest)| rest.split_once(r"\)"))
        .map(|(alternatives, _)| alternatives.split(r"\|").collect())
        .unwrap_or_default();
    for (what, words, _) in fixed_word_places() {
        for word in words {
            let covered = match what {
                "language" => vim.contains(r#"syn match policyLang "\<[a-z][a-z]\>\ze\s*\"""#),
                "jurisdiction" => vim.contains(r#"syn match policyConstant "\<\%(DK\|SE\|[A-Z][A-Z]\)\>""#),
                "month" => months.contains(word),
                _ => known.contains(word),
            };
            if !covered {
                missing.push(format!("{what} `{word}`"));
            }
        }
    }
    assert!(missing.is_empty(), "editors/nvim/syntax/policy.vim does not know: {}", missing.join(", "));
    assert!(read("editors/nvim/ftdetect/policy.vim").contains("*.policy setfiletype policy"));
}
