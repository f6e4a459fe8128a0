//! Resolving the declarations that processing refers to: subject groups, data categories,
//! sources, recipients, storage places and custom events.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::vocab::{
    AdequacyFramework, Derogation, KindWord, Medium, RecipientRole, Relation, TransferWord, Vocabulary,
};
use crate::model::{DataCategory, DataKind, Event, Group, Recipient, Source, Storage, Transfer};
use crate::resolve::context::{Cx, word_list};
use crate::resolve::fields::Fields;
use crate::resolve::header::head;
use crate::span::Spanned;
use crate::syntax::ast::{Decl, Item, Value};

/// The fields of a named declaration, with its name.
fn fields<'a>(cx: &mut Cx, decl: &'a Decl) -> Option<(Spanned<String>, Fields<'a>)> {
    let id = decl.name.clone()?;
    let what = format!("{} `{}`", decl.kind.value.noun(), id.value);
    let f = Fields::new(&decl.block, what, head(decl), &[], &mut cx.diags);
    Some((id, f))
}

/// A required `name`, reported when missing.
fn name(cx: &mut Cx, f: &Fields, example: &str) -> Option<crate::model::Text> {
    match f.get("name") {
        Some(item) => cx.text(item),
        None => {
            cx.error(f.missing("name", example));
            None
        }
    }
}

pub(super) fn group(cx: &mut Cx, decl: &Decl) -> Option<Group> {
    let (id, f) = fields(cx, decl)?;
    let name = name(cx, &f, "name da \"Kandidater\"");
    let description = f.get("description").and_then(|i| cx.text(i));
    let relation = f.get("relation").and_then(|i| cx.word::<Relation>(i));
    Some(Group { id, name: name?, description, relation })
}

pub(super) fn data(cx: &mut Cx, decl: &Decl) -> Option<DataCategory> {
    let (id, f) = fields(cx, decl)?;
    let name = name(cx, &f, "name da \"Kontaktoplysninger\"");
    let kind = match f.get("kind") {
        Some(item) => kind(cx, item)?,
        None => Spanned::new(DataKind::Ordinary, f.head),
    };
    let examples = f.get("examples").and_then(|i| cx.text(i));
    let description = f.get("description").and_then(|i| cx.text(i));
    Some(DataCategory { id, name: name?, kind, examples, description })
}

/// `kind special health`: the second word is needed for, and only for, special categories.
fn kind(cx: &mut Cx, item: &Item) -> Option<Spanned<DataKind>> {
    let words = cx.words(item);
    let first = cx.vocab::<KindWord>(words.first()?)?;
    let second = words.get(1);
    let kind = match (first.value, second) {
        (KindWord::Special, Some(w)) => DataKind::Special(cx.vocab(w)?.value),
        (KindWord::Special, None) => {
            cx.error(
                Diagnostic::new(Code::UnknownWord, "which special category?", first.span, "needs a second word")
                    .with_help(format!(
                        "write `kind special` and one of: {}",
                        word_list::<crate::model::vocab::SpecialCategory>()
                    )),
            );
            return None;
        }
        (other, Some(w)) => {
            return no_second_word(
                cx,
                other,
                w,
                "only `kind special` is followed by a category, such as `kind special health`",
            );
        }
        (KindWord::Ordinary, None) => DataKind::Ordinary,
        (KindWord::Criminal, None) => DataKind::Criminal,
        (KindWord::NationalId, None) => DataKind::NationalId,
        (KindWord::Financial, None) => DataKind::Financial,
    };
    Some(Spanned::new(kind, item.span))
}

pub(super) fn source(cx: &mut Cx, decl: &Decl) -> Option<Source> {
    let (id, f) = fields(cx, decl)?;
    let name = name(cx, &f, "name da \"Jobcentret\"");
    let description = f.get("description").and_then(|i| cx.text(i));
    let publicly_accessible = f.get("publicly-accessible").and_then(|i| cx.yes_no(i));
    let data = f.get("data").map(|i| cx.refs(i, |n| &n.data, "data category")).unwrap_or_default();
    Some(Source { id, name: name?, description, publicly_accessible, data })
}

pub(super) fn recipient(cx: &mut Cx, decl: &Decl) -> Option<Recipient> {
    let (id, f) = fields(cx, decl)?;
    let name = name(cx, &f, "name \"Example A/S\"");
    let description = f.get("description").and_then(|i| cx.text(i));
    let role = match f.get("role") {
        Some(item) => cx.word::<RecipientRole>(item),
        None => {
            cx.error(f.missing("role", "role processor"));
            None
        }
    };
    let country = f.get("country").and_then(|i| country(cx, i));
    let transfer = match f.get("transfer") {
        Some(item) => Some(transfer(cx, item)?),
        None => None,
    };
    let arrangement = f.get("arrangement").and_then(|i| cx.text(i));
    let scope = f.get("scope").and_then(|i| cx.text(i));
    Some(Recipient { id, name: name?, description, role: role?, country, transfer, arrangement, scope })
}

fn country(cx: &mut Cx, item: &Item) -> Option<Spanned<String>> {
    cx.words(item).first().cloned()
}

/// `transfer adequacy [data-privacy-framework]`, `transfer derogation explicit-consent`, ...
fn transfer(cx: &mut Cx, item: &Item) -> Option<Spanned<Transfer>> {
    let words = cx.words(item);
    let first = cx.vocab::<TransferWord>(words.first()?)?;
    let second = words.get(1);
    let transfer = match (first.value, second) {
        (TransferWord::Adequacy, None) => Transfer::Adequacy(None),
        (TransferWord::Adequacy, Some(w)) => Transfer::Adequacy(Some(cx.vocab::<AdequacyFramework>(w)?.value)),
        (TransferWord::Derogation, Some(w)) => Transfer::Derogation(cx.vocab::<Derogation>(w)?.value),
        (TransferWord::Derogation, None) => {
            cx.error(
                Diagnostic::new(Code::UnknownWord, "which Art. 49 derogation?", first.span, "needs a second word")
                    .with_help(format!("write `transfer derogation` and one of: {}", word_list::<Derogation>())),
            );
            return None;
        }
        (TransferWord::StandardContractualClauses, None) => Transfer::StandardContractualClauses,
        (TransferWord::BindingCorporateRules, None) => Transfer::BindingCorporateRules,
        (other, Some(w)) => {
            return no_second_word(
                cx,
                other,
                w,
                "only `adequacy` (with `data-privacy-framework`) and `derogation` take a second word",
            );
        }
    };
    Some(Spanned::new(transfer, item.span))
}

pub(super) fn storage(cx: &mut Cx, decl: &Decl) -> Option<Storage> {
    let (id, f) = fields(cx, decl)?;
    let name = name(cx, &f, "name \"HR-skyen\"");
    let description = f.get("description").and_then(|i| cx.text(i));
    let medium = f.get("medium").and_then(|i| cx.word::<Medium>(i)).map_or(Medium::Digital, |m| m.value);
    let operated_by = match f.get("operated-by").map(|i| &i.value) {
        Some(Value::Ident(r)) => cx.reference(r, |n| &n.recipients, "recipient"),
        _ => None,
    };
    let country = f.get("country").and_then(|i| country(cx, i));
    Some(Storage { id, name: name?, description, medium, operated_by, country })
}

pub(super) fn event(cx: &mut Cx, decl: &Decl) -> Option<Event> {
    let (id, f) = fields(cx, decl)?;
    let name = name(cx, &f, "name da \"garantiens udløb\"");
    let description = f.get("description").and_then(|i| cx.text(i));
    Some(Event { id, name: name?, description })
}

/// A second word after a word that takes none. The grammar already refuses most of these; the
/// check stays so that resolution does not depend on it.
fn no_second_word<V: Vocabulary, T>(cx: &mut Cx, first: V, extra: &Spanned<String>, help: &str) -> Option<T> {
    cx.error(
        Diagnostic::new(
            Code::UnknownWord,
            format!("`{}` takes no second word", first.word()),
            extra.span,
            "not expected here",
        )
        .with_help(help),
    );
    None
}
