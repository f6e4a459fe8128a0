//! `policyc build`: the notices of every policy in every language, snapshotted; escaping of
//! hostile strings; template overrides; determinism; atomic output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use policyc::emit::{Options, TemplateSet, notices};

use crate::{policies_in, policyc, root, source};

/// A fresh, empty folder under the target directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch folder");
    dir
}

fn read_dir_sorted(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("read output folder")
        .map(|e| {
            let path = e.expect("entry").path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            (name, std::fs::read_to_string(&path).unwrap_or_default())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_policy_renders_in_every_language_and_matches_its_snapshots() {
    for path in policies_in("policies") {
        let file = source(&path);
        let policy = policyc::compile(&file).policy.expect("the example policies compile");
        let outputs = notices(&policy, &file.name, &Options::default()).expect("built-in templates render");
        assert_eq!(outputs.len(), 2 * policy.header.languages.len());
        for output in outputs {
            if output.name.ends_with(".html") {
                assert_well_formed(&output.contents, &output.name);
            }
            insta::with_settings!({ snapshot_suffix => output.name.clone(), prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!("notice", output.contents);
            });
        }
    }
}

#[test]
fn two_builds_give_identical_bytes() {
    let (a, b) = (scratch("determinism-a"), scratch("determinism-b"));
    for dir in [&a, &b] {
        let out = policyc(&["build", "policies", "--out", dir.to_str().expect("utf-8 path"), "--standalone"]);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let (files_a, files_b) = (read_dir_sorted(&a), read_dir_sorted(&b));
    assert_eq!(files_a.len(), 35, "five policies: notice .md/.html, schedule .json/.yaml, record .json/.csv, TILT");
    assert_eq!(files_a, files_b);
}

#[test]
fn a_failed_build_leaves_earlier_outputs_untouched() {
    let out_dir = scratch("atomic");
    let out = out_dir.to_str().expect("utf-8 path");
    let good = policyc(&["build", "policies", "--out", out]);
    assert_eq!(good.status.code(), Some(0), "{}", String::from_utf8_lossy(&good.stderr));
    let before = read_dir_sorted(&out_dir);
    let bad = policyc(&["build", "policies", "tests/fixtures/broken/unknown_basis.policy", "--out", out]);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(read_dir_sorted(&out_dir), before, "a failed build changed the outputs");
}

#[test]
fn an_override_folder_replaces_a_template_and_template_errors_are_located() {
    let dir = scratch("override");
    std::fs::create_dir_all(dir.join("da")).expect("create da/");
    std::fs::write(dir.join("da/by-topic.md.j2"), "# OVERRIDDEN {{ n.controller.name }}\n").expect("write template");
    // A file that is not a template name is never read, whatever it is called.
    std::fs::write(dir.join("secret.txt"), "not a template").expect("write file");
    let file = source(&root().join("tests/fixtures/valid/minimal.policy"));
    let policy = policyc::compile(&file).policy.expect("minimal compiles");
    let options = Options { templates: TemplateSet::with_overrides(&dir), ..Options::default() };
    let outputs = notices(&policy, &file.name, &options).expect("override renders");
    assert!(outputs[0].contents.contains("# OVERRIDDEN Demo ApS"), "{}", outputs[0].contents);
    assert!(outputs[1].contents.contains("<h1>OVERRIDDEN Demo ApS</h1>"), "{}", outputs[1].contents);

    std::fs::write(dir.join("da/by-topic.md.j2"), "line one\n{{ n.controler.name }}\n").expect("write template");
    let error = notices(&policy, &file.name, &options).expect_err("a misspelt value fails");
    assert_eq!(error.diagnostics[0].code, policyc::diagnostic::Code::Template);
    let rendered = policyc::diagnostic::render_plain(&error.file, &error.diagnostics);
    assert!(rendered.contains("templates/da/by-topic.md.j2:2:"), "{rendered}");
}

/// The WebAssembly package has no file system: overrides come as texts by name, and behave as
/// a folder's files do.
#[test]
fn overrides_in_memory_replace_a_template_and_template_errors_are_located() {
    let file = source(&root().join("tests/fixtures/valid/minimal.policy"));
    let policy = policyc::compile(&file).policy.expect("minimal compiles");
    let texts = |text: &str| BTreeMap::from([("da/by-topic.md.j2".to_string(), text.to_string())]);

    let set = TemplateSet::with_texts(texts("# IN MEMORY {{ n.controller.name }}\n")).expect("a template name");
    let options = Options { templates: set, ..Options::default() };
    let outputs = notices(&policy, &file.name, &options).expect("override renders");
    assert!(outputs[0].contents.contains("# IN MEMORY Demo ApS"), "{}", outputs[0].contents);
    assert!(outputs[1].contents.contains("<h1>IN MEMORY Demo ApS</h1>"), "{}", outputs[1].contents);

    let set = TemplateSet::with_texts(texts("line one\n{{ n.controler.name }}\n")).expect("a template name");
    let options = Options { templates: set, ..Options::default() };
    let error = notices(&policy, &file.name, &options).expect_err("a misspelt value fails");
    assert_eq!(error.diagnostics[0].code, policyc::diagnostic::Code::Template);
    let rendered = policyc::diagnostic::render_plain(&error.file, &error.diagnostics);
    assert!(rendered.contains("templates/da/by-topic.md.j2:2:"), "{rendered}");

    // A misspelt name is refused rather than silently ignored.
    let unknown = BTreeMap::from([("da/by-topic.md".to_string(), String::new())]);
    let error = TemplateSet::with_texts(unknown).expect_err("not a template name");
    assert_eq!(error.name, "da/by-topic.md");
}

/// Hostile strings in every kind of field come out as text, never as markup.
#[test]
fn hostile_strings_are_escaped_everywhere() {
    const PAYLOADS: &[&str] = &[
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[klik](javascript:alert(1))",
        "**fed** _kursiv_ `kode`",
        "# Overskrift {#rettigheder}",
        "- punkt",
        "&lt;b&gt; &amp;",
        "a | b | c",
    ];
    for (i, payload) in PAYLOADS.iter().enumerate() {
        let quoted = payload.replace('\\', "\\\\").replace('"', "\\\"");
        let policy_text = hostile_policy(&quoted);
        let file = policyc::span::SourceFile::new(format!("hostile{i}.policy"), policy_text);
        let compiled = policyc::compile(&file);
        let Some(policy) = compiled.policy else {
            panic!("{}", policyc::diagnostic::render_plain(&file, &compiled.diagnostics))
        };
        for standalone in [false, true] {
            let options = Options { standalone, ..Options::default() };
            for output in notices(&policy, &file.name, &options).expect("renders") {
                if !output.name.ends_with(".html") {
                    continue;
                }
                let html = &output.contents;
                for bad in [
                    "<script",
                    "<img",
                    "href=\"javascript",
                    "<strong>fed",
                    "<em>kursiv",
                    "<code>kode",
                    "<li>punkt",
                    "<b>",
                ] {
                    assert!(!html.contains(bad), "payload {payload:?} produced {bad:?} in\n{html}");
                }
                for link in html.split("href=\"").skip(1) {
                    assert!(
                        ["mailto:", "https://", "http://", "#"].iter().any(|s| link.starts_with(s)),
                        "payload {payload:?} produced a link to {link:.40}"
                    );
                }
                assert_well_formed(html, &output.name);
            }
        }
    }
}

/// A policy with `payload` in every string field the notice shows.
fn hostile_policy(payload: &str) -> String {
    format!(
        r#"policy hostile {{
  title da "{p}"
  languages da
  jurisdiction DK
  version "{p}"
}}
controller {{
  name "{p}"
  registration "{p}"
  address "{p}"
  email "{p}"
  phone "{p}"
  web "{p}"
  dpo {{
    name da "{p}"
    email "{p}"
  }}
}}
group g {{
  name da "{p}"
  description da "{p}"
}}
data d {{
  name da "{p}"
  examples da "{p}"
  description da "{p}"
}}
source s {{
  name da "{p}"
  description da "{p}"
}}
recipient r {{
  name da "{p}"
  description da "{p}"
  role processor
  country US
  transfer standard-contractual-clauses
}}
storage st {{
  name da "{p}"
  description da "{p}"
}}
event e {{
  name da "{p}"
}}
purpose p {{
  title da "{p}"
  description da "{p}"
  subjects g
  data d
  sources person, s
  basis legitimate-interests, consent
  legitimate-interest da "{p}"
  provision voluntary
  consequence da "{p}"
  profiling {{
    logic da "{p}"
    consequences da "{p}"
  }}
  recipients r
  storage st
}}
retention keep {{
  data d
  keep 1 year after e
  law da "{p}"
  description da "{p}"
}}
cookie "{p}" {{
  provider r
  class statistics
  lifetime 1 year
  consent yes
  purpose da "{p}"
}}
security {{
  measure da "{p}"
  description da "{p}"
}}
rights {{
  email "{p}"
  description da "{p}"
}}
section s1 {{
  title da "{p}"
  body da "{p}"
}}
"#,
        p = payload
    )
}

/// Every opened element is closed in order (void elements excepted), no stray `<` or `>`.
fn assert_well_formed(html: &str, name: &str) {
    const VOID: &[&str] = &["br", "hr", "img", "meta", "link", "input"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let text = &rest[..start];
        assert!(!text.contains('>'), "{name}: stray `>` in text {text:?}");
        let Some(end) = rest[start..].find('>') else { panic!("{name}: unclosed tag") };
        let tag = &rest[start + 1..start + end];
        rest = &rest[start + end + 1..];
        if tag.starts_with("!--") || tag.starts_with("!DOCTYPE") {
            continue;
        }
        let tag_name: String =
            tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>();
        if tag.starts_with('/') {
            let open = stack.pop();
            assert_eq!(open.as_deref(), Some(tag_name.as_str()), "{name}: </{tag_name}> closes {open:?}");
        } else if !VOID.contains(&tag_name.as_str()) && !tag.ends_with('/') {
            stack.push(tag_name);
        }
    }
    assert!(stack.is_empty(), "{name}: unclosed {stack:?}");
}
