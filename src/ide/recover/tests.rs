//! Hover, definition, references and rename on a text that does not parse, each both ways.

use super::*;
use crate::ide::{definition, hover, prepare_rename, references, rename};

const PARSES: &str = "group kursister {
  name da \"Kursister\"
}

data kontakt {
  name da \"Kontakt\" sv \"Kontakt\"
  description da \"Navn og e-mail.\"
}

data cv {
  name da \"CV\"
}

purpose kursus {
  title da \"Dit kursus\"
  subjects kursister
  data kontakt, cv
  basis contract
}

retention r {
  data kontakt
  keep 6 months after end-of-course
}
";

/// `PARSES` with `from` replaced by `to` (which must break it), analysed after `PARSES`.
fn broken(from: &str, to: &str) -> (Analysis, String) {
    assert!(PARSES.contains(from), "{from}");
    let text = PARSES.replacen(from, to, 1);
    let first = Analysis::new("t.policy", PARSES);
    assert!(first.ast.is_some());
    let analysis = first.next(text.clone());
    assert!(analysis.ast.is_none(), "still parses: {text}");
    assert!(analysis.last_parsed.is_some());
    (analysis, text)
}

/// The byte offset of `needle` (the `nth` occurrence, from 0) in `text`.
fn at(text: &str, needle: &str, nth: usize) -> usize {
    text.match_indices(needle).nth(nth).map(|(i, _)| i).unwrap_or_else(|| panic!("{needle} #{nth}"))
}

fn words<'t>(text: &'t str, spans: &[Span]) -> Vec<&'t str> {
    spans.iter().map(|s| &text[s.range()]).collect()
}

/// An unclosed quote in the purpose's title: a scan alone reads the rest of the file as text.
const UNCLOSED: (&str, &str) = ("title da \"Dit kursus\"", "title da \"Dit kursus");

#[test]
fn changed_lines_are_one_region_of_whole_lines() {
    let c = Changed::between("a\nb\nc\n", "a\nbX\nc\n");
    assert_eq!(c, Changed { start: 2, old_end: 4, new_end: 5 });
    assert_eq!(c.map(Span::new(0, 1)), Some(Span::new(0, 1)));
    assert_eq!(c.map(Span::new(2, 3)), None);
    assert_eq!(c.map(Span::new(4, 5)), Some(Span::new(5, 6)));
    assert_eq!(c.lines("a\nbX\nc\n"), "line 2");
    // A line inserted, a line deleted, nothing before, nothing after, no final line break.
    assert_eq!(Changed::between("a\nc\n", "a\nb\nc\n"), Changed { start: 2, old_end: 2, new_end: 4 });
    assert_eq!(Changed::between("a\nb\nc\n", "a\nc\n"), Changed { start: 2, old_end: 4, new_end: 2 });
    assert_eq!(Changed::between("", "x\ny"), Changed { start: 0, old_end: 0, new_end: 3 });
    assert_eq!(Changed::between("x\ny", ""), Changed { start: 0, old_end: 3, new_end: 0 });
    assert_eq!(Changed::between("a\nb", "a\nbc"), Changed { start: 2, old_end: 3, new_end: 4 });
    assert_eq!(Changed::between("a\nb\n", "a\nb\nc\nd\n").lines("a\nb\nc\nd\n"), "lines 3-4");
    assert_eq!(Changed::between("a\nb\nc\n", "a\nc\n").lines("a\nc\n"), "lines deleted before line 2");
    // Letters of several bytes that differ only in their last byte: still whole lines.
    let c = Changed::between("æ\nø\nå\n", "æ\nö\nå\n");
    assert_eq!((c.start, c.old_end, c.new_end), (3, 6, 6));
}

#[test]
fn definition_while_the_text_does_not_parse() {
    let (analysis, text) = broken(UNCLOSED.0, UNCLOSED.1);
    let declared = at(&text, "kontakt {", 0);
    let from_retention = at(&text, "kontakt\n  keep", 0);
    assert_eq!(definition(&analysis, from_retention), Some(Span::new(declared, declared + 7)));
    // The tokens alone (no earlier parse) lose everything after the quote.
    let scanned = Analysis::new("t.policy", text.clone());
    assert_eq!(definition(&scanned, from_retention), None);
    // From the line being typed, to a declaration outside it.
    let (analysis, text) = broken("  data kontakt\n  keep", "  subjects kursister,\n  data kontakt\n  keep");
    let typed = at(&text, "kursister,", 0);
    assert_eq!(definition(&analysis, typed), Some(Span::new(6, 15)));
    // The declaration itself is on the changed line, and no longer declares `cv`: nothing.
    let (analysis, text) = broken("data cv {", "data {");
    assert_eq!(definition(&analysis, at(&text, "cv\n  basis", 0)), None);
}

#[test]
fn references_while_the_text_does_not_parse() {
    let (analysis, text) = broken(UNCLOSED.0, UNCLOSED.1);
    let spans = references(&analysis, at(&text, "kontakt {", 0), true);
    assert_eq!(words(&text, &spans), vec!["kontakt"; 3]);
    assert_eq!(spans[2].start, at(&text, "kontakt\n  keep", 0));
    assert_eq!(references(&analysis, at(&text, "kontakt {", 0), false).len(), 2);
    // Inside the unclosed text nothing is a name.
    assert_eq!(references(&analysis, at(&text, "kursus\n", 0), true), Vec::new());
}

#[test]
fn hover_says_it_reads_the_last_version_that_parsed() {
    let (analysis, text) = broken(UNCLOSED.0, UNCLOSED.1);
    let shown = hover(&analysis, at(&text, "kontakt\n  keep", 0)).map(|h| h.markdown).unwrap_or_default();
    for expected in ["data category `kontakt`", "*da*: Kontakt", "Navn og e-mail.", "last version that did"] {
        assert!(shown.contains(expected), "{expected} in {shown}");
    }
    assert!(shown.contains("unchanged since"), "{shown}");
    // Its description is being edited: what it said when it last parsed, and that it changed.
    let (analysis, text) = broken("e-mail.\"", "e-mail, adresse");
    let shown = hover(&analysis, at(&text, "kontakt\n  keep", 0)).map(|h| h.markdown).unwrap_or_default();
    assert!(shown.contains("Navn og e-mail.") && shown.contains("line 7 of the file changed since"), "{shown}");
    // The declaration was on the changed line and is gone: not declared.
    let (analysis, text) = broken("data cv {", "data {");
    let shown = hover(&analysis, at(&text, "cv\n  basis", 0)).map(|h| h.markdown).unwrap_or_default();
    assert!(shown.contains("data category `cv`") && shown.contains("*not declared*"), "{shown}");
    // No version parsed: the name and where it is declared, but not what the declaration says.
    let scanned = Analysis::new("t.policy", PARSES.replacen("basis contract", "basiss contract", 1));
    assert!(scanned.ast.is_none());
    let shown = hover(&scanned, at(PARSES, "cv\n  basis", 0)).map(|h| h.markdown).unwrap_or_default();
    assert!(shown.contains("declaration is on line 10") && shown.contains("from its words alone"), "{shown}");
    assert!(!shown.contains("\"CV\""), "{shown}");
}

#[test]
fn rename_while_the_text_does_not_parse_is_exact_or_refused() {
    let (analysis, text) = broken(UNCLOSED.0, UNCLOSED.1);
    let at_group = at(&text, "kursister {", 0);
    assert_eq!(prepare_rename(&analysis, at_group), Ok(Span::new(6, 15)));
    let mut edits = rename(&analysis, at_group, "deltagere").unwrap_or_default();
    assert_eq!(edits.len(), 2);
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut renamed = text.clone();
    edits.iter().for_each(|e| renamed.replace_range(e.span.range(), &e.text));
    assert_eq!(renamed, text.replace("kursister", "deltagere"));
    // Taken names are still refused.
    let taken = rename(&analysis, at(&text, "cv {", 0), "kontakt");
    assert!(taken.is_err_and(|m| m.contains("already exists")));

    // The name is on the changed line: refused, there and from elsewhere.
    let (analysis, text) = broken("  data kontakt\n  keep", "  subjects kursister,\n  data kontakt\n  keep");
    for offset in [at(&text, "kursister {", 0), at(&text, "kursister,", 0)] {
        let refused = rename(&analysis, offset, "deltagere").map(|_| ());
        assert_eq!(
            refused,
            Err("`kursister` occurs on line 22, which changed since the policy last parsed: \
                 rename it when the policy parses again"
                .into())
        );
        assert!(prepare_rename(&analysis, offset).is_err());
    }
    // The new name is on the changed line (maybe being declared there): refused.
    let refused = rename(&analysis, at(&text, "cv {", 0), "kursister");
    assert!(refused.is_err_and(|m| m.contains("may be taken")));
    // The old declaration was on the changed line: refused.
    let (analysis, text) = broken("data cv {", "data {");
    assert!(rename(&analysis, at(&text, "cv\n  basis", 0), "cv2").is_err_and(|m| m.contains("line 10")));
    // No version parsed: refused.
    let scanned = Analysis::new("t.policy", text.clone());
    let refused = rename(&scanned, at(&text, "kontakt {", 0), "k2");
    assert!(refused.is_err_and(|m| m.contains("does not parse")));
}
