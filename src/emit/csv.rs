//! CSV cells for spreadsheets: RFC 4180 quoting, and defused formulas. Every CSV output (the
//! Art. 30 record, `due`) writes its cells through `cell`: their values come from policies and
//! from HR systems' event files, and a spreadsheet runs a cell that starts with `=` as a formula.

/// RFC 4180 quoting, and a leading `'` on cells a spreadsheet would run as a formula.
pub fn cell(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
    if value.contains([',', '"', '\n', '\r']) { format!("\"{}\"", value.replace('"', "\"\"")) } else { value }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_quoted_and_defused() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
