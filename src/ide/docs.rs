//! The legal meaning of keywords and fixed words, sliced from docs/language.md at run time
//! from the text compiled in: the reference is the one source, hover only quotes it.

const LANGUAGE_MD: &str = include_str!("../../docs/language.md");

/// A table of the reference: the `### block` section it is in, the line introducing it
/// ("`basis` (Art. 6(1)):"), its header cells and its rows.
struct Table<'a> {
    section: &'a str,
    caption: &'a str,
    header: Vec<&'a str>,
    rows: Vec<Vec<&'a str>>,
}

/// The cells of a table row; a `|` inside backticks is text, not a border.
fn cells(line: &str) -> Vec<&str> {
    let inner = line.trim().strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = Vec::new();
    let (mut start, mut code) = (0, false);
    for (i, c) in inner.char_indices() {
        match c {
            '`' => code = !code,
            '|' if !code => {
                out.push(inner[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(inner[start..].trim());
    out
}

/// The reference's tables, sliced once.
fn tables() -> &'static [Table<'static>] {
    static TABLES: std::sync::OnceLock<Vec<Table<'static>>> = std::sync::OnceLock::new();
    TABLES.get_or_init(slice_tables)
}

fn slice_tables() -> Vec<Table<'static>> {
    let mut out: Vec<Table> = Vec::new();
    let mut section = "";
    let mut caption = "";
    let mut in_table = false;
    for line in LANGUAGE_MD.lines() {
        if let Some(title) = line.strip_prefix("### ") {
            section = title.trim();
        } else if line.starts_with("## ") {
            section = "";
        }
        if !line.starts_with('|') {
            in_table = false;
            if !line.trim().is_empty() {
                caption = line.trim();
            }
            continue;
        }
        if line.starts_with("|---") {
            continue;
        }
        if in_table {
            if let Some(t) = out.last_mut() {
                t.rows.push(cells(line));
            }
        } else {
            in_table = true;
            out.push(Table { section, caption, header: cells(line), rows: Vec::new() });
        }
    }
    out
}

/// Whether a row's first cell names `word`: `` `basis` ``, `` `dpo { ... }` ``,
/// `` `financial-year starts` ``, `` `special CATEGORY` ``.
fn names(cell: &str, word: &str) -> bool {
    let Some(inner) = cell.strip_prefix('`') else { return false };
    let first = inner.split(['`', ' ']).next().unwrap_or("");
    first == word
}

/// Where the reference is published: its links to its own sections point there from a hover.
const REFERENCE_URL: &str = "https://github.com/policyc/policyc/blob/main/docs/language.md";

fn render(table: &Table, row: &[&str]) -> String {
    absolute(render_row(table, row))
}

fn absolute(markdown: String) -> String {
    markdown.replace("](#", &format!("]({REFERENCE_URL}#"))
}

fn render_row(table: &Table, row: &[&str]) -> String {
    let mut out = format!("**{}**", row.first().copied().unwrap_or(""));
    if !table.section.is_empty() {
        out.push_str(&format!(" · `{}`", table.section));
    }
    out.push_str("\n\n");
    for (h, c) in table.header.iter().zip(row).skip(1) {
        if !c.is_empty() {
            out.push_str(&format!("- {h}: {c}\n"));
        }
    }
    out
}

/// The reference's row for an item keyword of a block (its section is the block's keyword).
pub fn keyword(section: &str, word: &str) -> Option<String> {
    let tables = tables();
    let in_section = tables.iter().filter(|t| t.section == section && t.header.first() == Some(&"Item"));
    let found = in_section
        .flat_map(|t| t.rows.iter().map(move |r| (t, r)))
        .find(|(_, r)| r.first().is_some_and(|c| names(c, word)));
    match found {
        // "(below)" points at the table of the item's words, which a hover does not show:
        // list the words instead.
        Some((t, r)) if r.iter().any(|c| c.contains("below)")) => {
            let row: Vec<String> = r.iter().map(|c| c.replace(" (see below)", "").replace(" (below)", "")).collect();
            let row: Vec<&str> = row.iter().map(String::as_str).collect();
            let mut text = render(t, &row);
            if let Some(words) = words_of(section, word) {
                text.push_str(&format!("\nWords: {words}\n"));
            }
            Some(text)
        }
        Some((t, r)) => Some(render(t, r)),
        // The marker every block accepts is explained once, in the general rules.
        None if word == "unconfirmed" => paragraph("**Unconfirmed facts"),
        None => None,
    }
}

/// The words of the table the reference introduces with `item` in `section` ("`basis`
/// (Art. 6(1)):"), as a list: `` `contract`, `consent`, ... ``.
fn words_of(section: &str, item: &str) -> Option<String> {
    let caption = format!("`{item}`");
    let table = tables()
        .iter()
        .filter(|t| t.header.first() != Some(&"Item"))
        .find(|t| t.section == section && t.caption.starts_with(&caption))?;
    let words: Vec<&str> = table.rows.iter().filter_map(|r| r.first().copied()).collect();
    (!words.is_empty()).then(|| words.join(", "))
}

/// The paragraph of the reference that starts with `lead`.
fn paragraph(lead: &str) -> Option<String> {
    let start = LANGUAGE_MD.find(lead)?;
    let rest = &LANGUAGE_MD[start..];
    Some(absolute(rest.split("\n\n").next()?.replace('\n', " ")))
}

/// The reference's row for a fixed word after `item` in `section`: first a table introduced
/// by that item in that section, then any table of the section, then any table at all.
pub fn fixed_word(section: &str, item: &str, word: &str) -> Option<String> {
    let tables = tables();
    let caption = format!("`{item}`");
    let words = |t: &&Table| t.header.first() != Some(&"Item");
    let row = |t: &Table<'static>| t.rows.iter().find(|r| r.first().is_some_and(|c| names(c, word))).cloned();
    let ranked = [
        tables
            .iter()
            .filter(words)
            .find(|t| t.section == section && t.caption.starts_with(&caption) && row(t).is_some()),
        tables.iter().filter(words).find(|t| t.section == section && row(t).is_some()),
        tables.iter().filter(words).find(|t| row(t).is_some()),
    ];
    let table = ranked.into_iter().flatten().next()?;
    row(table).map(|r| render(table, &r))
}

/// The block's own section: its first paragraph, for hover on the block's keyword.
pub fn block(section: &str) -> Option<String> {
    let start = LANGUAGE_MD.find(&format!("\n### {section}\n"))? + section.len() + 6;
    let rest = LANGUAGE_MD.get(start..)?.trim_start();
    let paragraph = rest.split("\n\n").next()?;
    Some(absolute(format!("**`{section}`**\n\n{}", paragraph.replace('\n', " "))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_keyword_whose_row_points_below_lists_its_words_instead() {
        let basis = keyword("purpose", "basis").expect("basis is documented");
        assert!(!basis.contains("below)"), "{basis}");
        assert!(basis.contains("Words: `"), "{basis}");
        let role = keyword("recipient", "role").expect("role is documented");
        assert!(role.contains("`processor`") && !role.contains("below)"), "{role}");
        // A row without "(below)" is quoted as it is.
        let title = keyword("purpose", "title").expect("title is documented");
        assert!(!title.contains("Words:"), "{title}");
    }

    #[test]
    fn slices_rows_of_the_reference() {
        let basis = keyword("purpose", "basis").expect("basis is documented");
        assert!(basis.contains("Art. 6(1)"), "{basis}");
        let vital = fixed_word("purpose", "art9", "vital-interests").expect("documented");
        assert!(vital.contains("(c) vital interests"), "{vital}");
        let vital = fixed_word("purpose", "basis", "vital-interests").expect("documented");
        assert!(vital.contains("(d) vital interests"), "{vital}");
        assert!(block("retention").is_some_and(|b| b.contains("storage period")));
        assert!(keyword("controller", "dpo").is_some());
        let keep = keyword("retention", "keep").unwrap_or_default();
        assert!(
            keep.contains("(https://github.com/policyc/policyc/blob/main/docs/language.md#the-keep-item)"),
            "{keep}"
        );
        let jurisdiction = keyword("policy", "jurisdiction").unwrap_or_default();
        assert!(jurisdiction.contains("- Required: yes\n- Meaning: Whose national law applies"), "{jurisdiction}");
    }

    #[test]
    fn every_keyword_has_a_meaning() {
        let mut missing = Vec::new();
        for b in crate::syntax::BlockItems::ALL {
            for k in b.keywords() {
                if keyword(crate::ide::hover::section(*b), k).is_none() {
                    missing.push(format!("{}:{k}", crate::ide::hover::section(*b)));
                }
            }
        }
        assert!(missing.is_empty(), "{missing:?}");
    }
}
