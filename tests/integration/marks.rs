//! Issue 11: a draft marks each unconfirmed fact where it stands, with the lexicon's
//! `draft.mark` right after the value, in both languages and every layout, and only where the
//! policy marks the fact.

use policyc::model::vocab::Layout;

const DA: &str = r"\[skal bekræftes\]";
const SV: &str = r"\[ska bekräftas\]";

/// A small Danish-and-Swedish policy with a recipient outside the EU/EEA, a rights block and a
/// cookie; `parts` replace the `@NAME@` markers (the others are left empty).
fn policy(parts: &[(&str, &str)]) -> String {
    let mut text = r#"policy small {
  languages da, sv
  jurisdiction DK
}
controller {
  name "Lille ApS"
  registration "12345678" @REGISTRATION@
  address "Eksempelvej 1, 8000 Aarhus C" @ADDRESS@
  email "privacy@lille.dk" @EMAIL@
  phone "12 34 56 78" @PHONE@
  web "https://lille.dk" @WEB@
}
group candidates {
  name da "Kandidater" sv "Kandidater"
}
data contact {
  @DATA@
  name da "Kontaktoplysninger" sv "Kontaktuppgifter"
}
recipient host {
  @RECIPIENT@
  name da "Webhotellet" sv "Webbhotellet"
  role processor @ROLE@
  country US @COUNTRY@
  transfer standard-contractual-clauses @TRANSFER@
}
purpose recruitment {
  title da "Rekruttering" sv "Rekrytering"
  subjects candidates
  data contact
  sources person
  basis contract @BASIS@
  provision contractual
  recipients host
}
retention candidate-data {
  data contact
  keep 6 months after last-contact
}
rights {
  email "rights@lille.dk" @RIGHTS_EMAIL@
  phone "87 65 43 21" @RIGHTS_PHONE@
  address "Postboks 9, 8000 Aarhus C" @RIGHTS_ADDRESS@
  web "https://lille.dk/rights" @RIGHTS_WEB@
}
cookie "_ga" {
  @COOKIE@
  class statistics
  lifetime 1 year @LIFETIME@
  consent yes
}
"#
    .to_string();
    for (marker, value) in parts {
        text = text.replace(&format!("@{marker}@"), value);
    }
    for marker in [
        "REGISTRATION",
        "ADDRESS",
        "EMAIL",
        "PHONE",
        "WEB",
        "DATA",
        "RECIPIENT",
        "ROLE",
        "COUNTRY",
        "TRANSFER",
        "BASIS",
        "RIGHTS_EMAIL",
        "RIGHTS_PHONE",
        "RIGHTS_ADDRESS",
        "RIGHTS_WEB",
        "COOKIE",
        "LIFETIME",
    ] {
        text = text.replace(&format!("@{marker}@"), "");
    }
    assert!(!text.contains("@\n"), "an unknown marker in\n{text}");
    text
}

/// For the policy with `marker` in place of `at` (marked) and without it: every notice shows
/// the value of its language (`da` or `sv`, as it stands in the Markdown) right followed by the
/// mark exactly when marked, in `layouts`; an unmarked policy's notices show no mark at all.
fn marked_exactly_when(at: &str, marker: &str, da: &str, sv: &str, layouts: &[Layout]) {
    for (text, marked) in [(policy(&[(at, marker)]), true), (policy(&[]), false)] {
        for (lang, layout, md, html) in crate::rendered(&text) {
            let (value, mark) = if lang == "da" { (da, DA) } else { (sv, SV) };
            let needle = format!("{value} {mark}");
            if layouts.contains(&layout) {
                assert_eq!(
                    md.contains(&needle),
                    marked,
                    "{at} {lang} {layout:?}: {needle:?} should {}appear\n{md}",
                    if marked { "" } else { "not " }
                );
            }
            if !marked {
                assert!(!md.contains(mark), "{lang} {layout:?}: a mark without a marker\n{md}");
            } else {
                // The mark is text in the HTML page, never a link.
                let literal = mark.replace('\\', "");
                assert!(html.contains(&format!(" {literal}")), "{at} {lang} {layout:?}\n{html}");
                assert!(!html.contains(&format!(">{literal}</a>")), "{at} {lang} {layout:?}\n{html}");
            }
        }
    }
}

const ALL: &[Layout] = &[Layout::ByTopic, Layout::ByActivity, Layout::ByAudience];

#[test]
fn the_policy_without_markers_checks_and_renders() {
    for (_, _, md, _) in crate::rendered(&policy(&[])) {
        assert!(!md.contains("Udkast") && !md.contains("Utkast"), "{md}");
    }
}

#[test]
fn the_controllers_contact_details_are_marked_where_they_stand() {
    let marker = "unconfirmed \"check\"";
    for (at, da, sv) in [
        ("REGISTRATION", "12345678", "12345678"),
        ("ADDRESS", "- Adresse: Eksempelvej 1, 8000 Aarhus C", "- Adress: Eksempelvej 1, 8000 Aarhus C"),
        ("EMAIL", "[privacy@lille.dk](mailto:privacy@lille.dk)", "[privacy@lille.dk](mailto:privacy@lille.dk)"),
        ("PHONE", "- Telefon: 12 34 56 78", "- Telefon: 12 34 56 78"),
        ("WEB", "[https://lille.dk](https://lille.dk)", "[https://lille.dk](https://lille.dk)"),
    ] {
        marked_exactly_when(at, marker, da, sv, ALL);
    }
}

#[test]
fn the_rights_channels_are_marked_where_they_stand() {
    let marker = "unconfirmed \"check\"";
    for (at, da, sv) in [
        ("RIGHTS_EMAIL", "[rights@lille.dk](mailto:rights@lille.dk)", "[rights@lille.dk](mailto:rights@lille.dk)"),
        ("RIGHTS_PHONE", "- Telefon: 87 65 43 21", "- Telefon: 87 65 43 21"),
        ("RIGHTS_ADDRESS", "- Post: Postboks 9, 8000 Aarhus C", "- Post: Postboks 9, 8000 Aarhus C"),
        (
            "RIGHTS_WEB",
            "[https://lille.dk/rights](https://lille.dk/rights)",
            "[https://lille.dk/rights](https://lille.dk/rights)",
        ),
    ] {
        marked_exactly_when(at, marker, da, sv, ALL);
    }
}

#[test]
fn a_data_category_marked_as_a_whole_is_marked_after_its_name() {
    let marker = "unconfirmed \"is this collected at all?\"";
    // Where the purpose lists it, in every layout.
    marked_exactly_when("DATA", marker, "Oplysninger: kontaktoplysninger", "Uppgifter: kontaktuppgifter", ALL);
    // In the data section, which only the layout by topic has.
    marked_exactly_when("DATA", marker, "- Kontaktoplysninger", "- Kontaktuppgifter", &[Layout::ByTopic]);
}

#[test]
fn a_recipient_marked_as_a_whole_is_marked_after_its_name() {
    marked_exactly_when("RECIPIENT", "unconfirmed \"is the host still used?\"", "- Webhotellet", "- Webbhotellet", ALL);
    let (da, sv) = (format!("- Webhotellet {DA} (USA)"), format!("- Webbhotellet {SV} (USA)"));
    for (lang, layout, md, _) in crate::rendered(&policy(&[("RECIPIENT", "unconfirmed \"still used?\"")])) {
        let needle = if lang == "da" { &da } else { &sv };
        assert!(md.contains(needle.as_str()), "{lang} {layout:?}: {needle}\n{md}");
    }
}

#[test]
fn a_recipients_unconfirmed_role_or_country_is_marked_inside_its_brackets() {
    // A mark after the name would read as "this recipient may not exist".
    for (at, marker) in [("ROLE", "unconfirmed \"processor?\""), ("COUNTRY", "unconfirmed \"where are the servers?\"")]
    {
        marked_exactly_when(at, marker, "(databehandler i USA", "(personuppgiftsbiträde i USA", ALL);
        for (lang, layout, md, _) in crate::rendered(&policy(&[(at, marker)])) {
            assert!(
                !md.contains(&format!("Webhotellet {DA}")) && !md.contains(&format!("Webbhotellet {SV}")),
                "{lang} {layout:?}\n{md}"
            );
        }
    }
    // In the list of transfers, the country carries the mark.
    marked_exactly_when("COUNTRY", "unconfirmed \"where?\"", "- Webhotellet (USA", "- Webbhotellet (USA", ALL);
}

#[test]
fn an_unconfirmed_safeguard_is_marked_after_the_safeguard() {
    for (lang, layout, md, _) in crate::rendered(&policy(&[("TRANSFER", "unconfirmed \"which safeguard?\"")])) {
        let (line, mark) = if lang == "da" { ("- Webhotellet (USA): ", DA) } else { ("- Webbhotellet (USA): ", SV) };
        let at = md.lines().find(|l| l.starts_with(line)).unwrap_or_else(|| panic!("{lang} {layout:?}\n{md}"));
        assert!(at.ends_with(mark), "{lang} {layout:?}: {at}");
    }
}

#[test]
fn a_cookie_marked_as_a_whole_or_on_its_lifetime_is_marked_in_its_row() {
    marked_exactly_when("COOKIE", "unconfirmed \"is it still set?\"", "| \\_ga", "| \\_ga", ALL);
    marked_exactly_when("LIFETIME", "unconfirmed \"check the banner\"", "| 1 år", "| 1 år", ALL);
}

#[test]
fn a_purposes_unconfirmed_basis_is_marked_after_the_basis() {
    marked_exactly_when(
        "BASIS",
        "unconfirmed \"contract or consent?\"",
        "- Retsgrundlag: [aftale](#retsgrundlag)",
        "- Rättslig grund: [avtal](#rattslig-grund)",
        ALL,
    );
}

#[test]
fn the_duty_to_provide_data_is_marked_with_the_basis_it_follows_from() {
    // Whether the person must give the data follows from the basis (and, for employees'
    // consent, whether refusing is free: Art. 7(4)).
    marked_exactly_when(
        "BASIS",
        "unconfirmed \"contract or consent?\"",
        "- Skal du give os oplysningerne? Ja, efter aftalen med os.",
        "- Måste du lämna uppgifterna? Ja, enligt avtalet med oss.",
        ALL,
    );
}

#[test]
fn an_unknown_cookie_lifetime_is_the_mark_alone() {
    let text = policy(&[("LIFETIME", "")]).replace("lifetime 1 year", "lifetime unconfirmed \"ask\"");
    for (lang, layout, md, _) in crate::rendered(&text) {
        let mark = if lang == "da" { DA } else { SV };
        assert!(md.contains(&format!("| {mark} |")), "{lang} {layout:?}\n{md}");
    }
}

#[test]
fn a_dpos_contact_details_are_marked_where_they_stand() {
    let dpo = |marker: &str| {
        policy(&[]).replace(
            "  web \"https://lille.dk\" \n",
            &format!(
                "  web \"https://lille.dk\"\n  dpo {{\n    name \"Dorte\"\n    phone \"11 22 33 44\" {marker}\n  }}\n"
            ),
        )
    };
    for (text, marked) in [(dpo("unconfirmed \"check\""), true), (dpo(""), false)] {
        assert!(text.contains("dpo {"), "{text}");
        for (lang, layout, md, _) in crate::rendered(&text) {
            let mark = if lang == "da" { DA } else { SV };
            let needle = format!("- Telefon: 11 22 33 44 {mark}");
            assert_eq!(md.contains(&needle), marked, "{lang} {layout:?}: {needle}\n{md}");
        }
    }
}

/// The inline marks of a rendered notice, the draft list at its top left out.
fn inline_marks(md: &str) -> usize {
    let body: String = md.lines().filter(|l| !l.starts_with('>')).collect::<Vec<_>>().join("\n");
    let body = body.replace('\\', "");
    body.matches("[skal bekræftes]").count() + body.matches("[ska bekräftas]").count()
}

/// Facts a layout does not print (block, item, layout), so that no mark can stand there; each
/// with the reason. The draft list names them all the same.
const NOT_PRINTED: &[(&str, &str, Layout)] = &[
    // Only the by-topic layout lists the storage places with their details; the others name
    // them where a retention rule keeps data.
    ("storage", "country", Layout::ByActivity),
    ("storage", "country", Layout::ByAudience),
];

/// Reviewers' first condition for drafts (issue 11): every unconfirmed fact a notice prints
/// carries its mark where it stands. Each marker of each example policy is kept alone (with the
/// markers of absent values, which cannot be removed): its notices must have more inline marks
/// than those with none of these markers, in every layout and language.
#[test]
fn every_printed_unconfirmed_fact_of_the_examples_is_marked_where_it_stands() {
    let mut missing = Vec::new();
    for path in crate::policies_in("policies") {
        let file = crate::source(&path);
        let policy = policyc::compile(&file).policy.expect("the example checks");
        let marks = |text: &str| -> Vec<(String, usize)> {
            let file = policyc::span::SourceFile::new(file.name.clone(), text.to_string());
            let policy = policyc::compile(&file).policy.expect("checks without the markers");
            let mut out = Vec::new();
            for layout in [Layout::ByTopic, Layout::ByActivity, Layout::ByAudience] {
                let options = policyc::emit::Options { layout: Some(layout), ..policyc::emit::Options::default() };
                for o in policyc::emit::notices(&policy, &file.name, &options).expect("renders") {
                    if o.name.ends_with(".md") {
                        out.push((format!("{} {layout:?}", o.name), inline_marks(&o.contents)));
                    }
                }
            }
            out
        };
        let markers: Vec<_> = policy.unconfirmed.iter().filter(|u| !u.no_value).collect();
        // The source without the markers of `markers` but `keep`.
        let without = |keep: Option<usize>| {
            let mut text = String::new();
            let mut at = 0;
            for (_, u) in markers.iter().enumerate().filter(|(i, _)| Some(*i) != keep) {
                text.push_str(&file.text[at..u.span.start]);
                at = u.span.end;
            }
            text + &file.text[at..]
        };
        let none = marks(&without(None));
        for (i, u) in markers.iter().enumerate() {
            let item = u.item.as_deref().unwrap_or("(block)");
            for ((at, alone), (_, base)) in marks(&without(Some(i))).iter().zip(&none) {
                if NOT_PRINTED.iter().any(|(b, i, l)| *b == u.block && *i == item && at.ends_with(&format!("{l:?}"))) {
                    continue;
                }
                if alone <= base {
                    missing.push(format!("{}: {} {:?} {item} ({at})", file.name, u.block, u.name));
                }
            }
        }
    }
    assert!(missing.is_empty(), "unconfirmed facts printed without their mark:\n{}", missing.join("\n"));
}
