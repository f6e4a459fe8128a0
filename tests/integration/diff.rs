//! `policyc diff`: each kind of change and its class, on the resolved model.

use policyc::diff::{Class, diff};
use policyc::span::SourceFile;

use crate::{policyc, root};

fn minimal() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/valid/minimal.policy")).expect("minimal policy")
}

fn compile(text: &str) -> policyc::model::Policy {
    let file = SourceFile::new("t.policy", text);
    let compiled = policyc::compile(&file);
    compiled.policy.unwrap_or_else(|| panic!("{}", policyc::diagnostic::render_plain(&file, &compiled.diagnostics)))
}

/// The classes of the changes from `old` to `new`, with what changed.
fn classes(old: &str, new: &str) -> Vec<(Class, String)> {
    diff(&compile(old), &compile(new))
        .into_iter()
        .map(|c| (c.class, format!("{} {} {}", c.kind, c.id, c.change)))
        .collect()
}

fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

/// What changed, the old and new policy, and the changes expected.
type Case<'a> = (&'a str, String, String, Vec<(Class, &'a str)>);

#[test]
fn each_kind_of_change_gets_its_class() {
    let base = minimal();
    let consent = edit(&base, "  basis contract", "  basis consent");
    let cases: Vec<Case> = vec![
        ("the same policy", base.clone(), base.clone(), vec![]),
        ("only the layout", base.clone(), base.replace("\n  ", "\n      "), vec![]),
        (
            "a reworded title",
            base.clone(),
            edit(&base, "\"Rekruttering\"", "\"Rekruttering af kandidater\""),
            vec![(Class::Editorial, "purpose recruitment title")],
        ),
        (
            "a new purpose",
            base.clone(),
            format!(
                "{base}\npurpose marketing {{\n  title da \"Nyheder\"\n  subjects candidates\n  data contact\n  sources person\n  basis legitimate-interests\n  legitimate-interest da \"Markedsføring\"\n}}\n"
            ),
            vec![(Class::InformBefore, "purpose marketing added")],
        ),
        (
            "a new processor",
            base.clone(),
            format!(
                "{}\nrecipient metis {{\n  name \"METIS\"\n  role processor\n  country DK\n}}\n",
                edit(&base, "  basis contract", "  basis contract\n  recipients metis")
            ),
            vec![
                (Class::ProcessorAgreement, "recipient metis added"),
                (Class::NoticeUpdate, "purpose recruitment recipients"),
            ],
        ),
        (
            "a consent-based purpose widened",
            format!(
                "{consent}\ndata cv {{\n  name da \"CV\"\n}}\n\nretention cv {{\n  data cv\n  keep 1 year after last-contact\n}}\n\npurpose other {{\n  title da \"Andet\"\n  subjects candidates\n  data cv\n  sources person\n  basis contract\n}}\n"
            ),
            format!(
                "{}\ndata cv {{\n  name da \"CV\"\n}}\n\nretention cv {{\n  data cv\n  keep 1 year after last-contact\n}}\n\npurpose other {{\n  title da \"Andet\"\n  subjects candidates\n  data cv\n  sources person\n  basis contract\n}}\n",
                edit(&consent, "  data contact\n  sources", "  data contact, cv\n  sources")
            ),
            vec![(Class::ReConsent, "purpose recruitment data")],
        ),
        (
            "a purpose moved onto consent",
            base.clone(),
            consent.clone(),
            vec![(Class::ReConsent, "purpose recruitment bases")],
        ),
        (
            "a longer retention",
            base.clone(),
            edit(&base, "keep 6 months", "keep 1 year"),
            vec![(Class::NoticeUpdate, "retention candidate-data period longer")],
        ),
        (
            "a shorter retention",
            base.clone(),
            edit(&base, "keep 6 months", "keep 3 months"),
            vec![(Class::NoticeUpdate, "retention candidate-data period shorter")],
        ),
        (
            "new controller details",
            base.clone(),
            edit(&base, "privacy@demo.dk", "dpo@demo.dk"),
            vec![(Class::NoticeUpdate, "controller  email")],
        ),
        (
            "a new statistics cookie",
            format!(
                "{base}\nrecipient google {{\n  name \"Google\"\n  role processor\n  country IE\n}}\n\ncookie \"_x\" {{\n  provider google\n  class necessary\n  lifetime session\n}}\n"
            ),
            format!(
                "{base}\nrecipient google {{\n  name \"Google\"\n  role processor\n  country IE\n}}\n\ncookie \"_x\" {{\n  provider google\n  class necessary\n  lifetime session\n}}\n\ncookie \"_ga\" {{\n  provider google\n  class statistics\n  lifetime 2 years\n  consent yes\n}}\n"
            ),
            vec![(Class::ReConsent, "cookie _ga added")],
        ),
        (
            "profiling added",
            base.clone(),
            edit(
                &base,
                "  basis contract",
                "  basis contract\n  profiling {\n    logic da \"Vi matcher CV og stillinger.\"\n  }",
            ),
            vec![(Class::InformBefore, "purpose recruitment profiling")],
        ),
    ];
    for (what, old, new, expected) in cases {
        let got = classes(&old, &new);
        let expected: Vec<(Class, String)> = expected.into_iter().map(|(c, s)| (c, s.to_string())).collect();
        assert_eq!(got, expected, "{what}");
    }
}

#[test]
fn diff_exit_codes_and_json() {
    let same = policyc(&["diff", "policies/atwork.policy", "policies/atwork.policy"]);
    assert_eq!(same.status.code(), Some(0), "{}", String::from_utf8_lossy(&same.stderr));
    let different = policyc(&["diff", "--format", "json", "policies/workstep.policy", "policies/addvalue.policy"]);
    assert_eq!(different.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&different.stdout).expect("JSON");
    assert!(json["changes"].as_array().is_some_and(|c| !c.is_empty()));
    assert!(json["classes"].as_array().is_some_and(|c| c.iter().any(|x| x == "inform-before")));
    let broken = policyc(&["diff", "policies/atwork.policy", "tests/fixtures/broken/unknown_basis.policy"]);
    assert_eq!(broken.status.code(), Some(2));
}

#[test]
fn diff_against_a_git_revision() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("diff-git");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
            .args(args)
            .current_dir(&dir)
            .output()
            .expect("run git");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    git(&["init", "-q"]);
    std::fs::write(dir.join("p.policy"), minimal()).expect("write");
    git(&["add", "p.policy"]);
    git(&["commit", "-q", "-m", "first"]);
    std::fs::write(dir.join("p.policy"), minimal().replace("keep 6 months", "keep 2 years")).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["diff", "--git", "HEAD", "p.policy"])
        .current_dir(&dir)
        .output()
        .expect("run policyc");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("period longer: P6M after last-contact -> P2Y after last-contact"), "{text}");
}
