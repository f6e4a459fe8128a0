//! The canonical layout of a policy file (`policyc fmt`): one block after another with a blank
//! line between, one item per line indented by two spaces, long texts wrapped at 100 columns,
//! comments kept where they were. The formatter proves itself: it re-parses its own output and
//! refuses when the result differs from the input in anything but layout.

mod print;
mod strip;

use crate::diagnostic::{Code, Diagnostic};
use crate::span::{SourceFile, Span};
use crate::syntax::{parse, scan::scan};

/// The canonical form of `file`, or why it cannot be formatted: the file does not parse, or
/// (a bug) the formatted text would mean something else.
pub fn format(file: &SourceFile) -> Result<String, Vec<Diagnostic>> {
    let ast = parse(file)?;
    let comments = scan(&file.text).comments;
    let out = print::file(&ast, &comments, &file.text);
    soundness(file, &out)?;
    Ok(out)
}

/// The formatted text must parse to the same tree (spans aside) with the same comments.
fn soundness(input: &SourceFile, output: &str) -> Result<(), Vec<Diagnostic>> {
    let formatted = SourceFile::new(input.name.clone(), output);
    let refuse = |what: &str| {
        vec![
            Diagnostic::new(
                Code::Internal,
                format!("internal compiler error: formatting would change the policy ({what})"),
                Span::default(),
                "the file was not changed",
            )
            .with_help("this is a bug in policyc; please report it with this policy file"),
        ]
    };
    let (Ok(before), Ok(after)) = (parse(input), parse(&formatted)) else {
        return Err(refuse("the formatted text does not parse"));
    };
    if strip::file(&before) != strip::file(&after) {
        return Err(refuse("the formatted text parses differently"));
    }
    let texts = |s: &str| scan(s).comments.into_iter().map(|c| c.text).collect::<Vec<_>>();
    if texts(&input.text) != texts(output) {
        return Err(refuse("comments would be lost or reordered"));
    }
    Ok(())
}
