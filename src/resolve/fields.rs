//! Access to a block's items by keyword, reporting items given twice.

use crate::diagnostic::{Code, Diagnostic};
use crate::span::Span;
use crate::syntax::ast::{Block, Item, Value};

/// The items of one block, checked for duplicates.
pub(super) struct Fields<'a> {
    items: &'a [Item],
    /// What the block is called in messages: "purpose `recruitment`".
    pub what: String,
    /// Where "this block lacks X" points: the block's keyword and name.
    pub head: Span,
}

/// Only items whose value is a list accept several values separated by commas (`data a, b`,
/// `basis consent, contract`); suggesting commas elsewhere would lead to a syntax error.
fn duplicate_help(first: &Item, again: &Item) -> String {
    match (list_values(first), list_values(again)) {
        (Some(mut values), Some(more)) => {
            for v in more {
                if !values.contains(&v) {
                    values.push(v);
                }
            }
            format!(
                "give `{}` once, with all its values separated by commas: `{} {}`",
                again.key.value,
                again.key.value,
                values.join(", ")
            )
        }
        _ => format!("`{}` takes one value: keep the right one and remove the other", again.key.value),
    }
}

/// The values of an item that takes a comma-separated list.
fn list_values(item: &Item) -> Option<Vec<String>> {
    let words = match &item.value {
        Value::Idents(v) | Value::Langs(v) => v,
        Value::Words(v) if item.key.value == "basis" => v,
        _ => return None,
    };
    Some(words.iter().map(|w| w.value.clone()).collect())
}

impl<'a> Fields<'a> {
    /// `repeatable` keys may appear several times; any other key given twice is reported.
    pub fn new(block: &'a Block, what: String, head: Span, repeatable: &[&str], diags: &mut Vec<Diagnostic>) -> Self {
        for (i, item) in block.items.iter().enumerate() {
            // Markers qualify the item before them; `resolve::markers` checks them.
            if repeatable.contains(&item.key.value) || item.key.value == "unconfirmed" {
                continue;
            }
            if let Some(first) = block.items[..i].iter().find(|earlier| earlier.key.value == item.key.value) {
                diags.push(
                    Diagnostic::new(
                        Code::DuplicateItem,
                        format!("`{}` is given twice in {what}", item.key.value),
                        item.key.span,
                        "given again here",
                    )
                    .with_secondary(first.key.span, "first given here")
                    .with_help(duplicate_help(first, item)),
                );
            }
        }
        Fields { items: &block.items, what, head }
    }

    /// The first item with this key.
    pub fn get(&self, key: &str) -> Option<&'a Item> {
        self.items.iter().find(|i| i.key.value == key)
    }

    /// Every item with this key, for repeatable items.
    pub fn all(&self, key: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| i.key.value == key)
    }

    /// A diagnostic for a missing required item, with an example of how to write it.
    pub fn missing(&self, key: &str, example: &str) -> Diagnostic {
        Diagnostic::new(
            Code::MissingItem,
            format!("{} has no `{key}`", self.what),
            self.head,
            format!("`{key}` missing"),
        )
        .with_help(format!("add an item such as `{example}`"))
    }
}
