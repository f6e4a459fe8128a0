//! Resolving the policy header and the controller block.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::vocab::{Jurisdiction, Lang, Layout, Month, Vocabulary};
use crate::model::{Contact, Controller, DayOfYear, Header};
use crate::resolve::context::{Cx, lang_name};
use crate::resolve::fields::Fields;
use crate::span::{Span, Spanned};
use crate::syntax::ast::{Decl, Value};

pub(super) fn policy(cx: &mut Cx, decls: &[&Decl]) -> Option<Header> {
    let Some((decl, extra)) = decls.split_first() else {
        cx.error(
            Diagnostic::new(Code::PolicyHeader, "this file has no `policy` header", Span::new(0, 0), "no header")
                .with_help("start the file with `policy NAME { languages da  jurisdiction DK }`"),
        );
        return None;
    };
    for other in extra {
        cx.error(
            Diagnostic::new(
                Code::PolicyHeader,
                "a file holds one policy, but this is a second header",
                other.kind.span,
                "second header",
            )
            .with_secondary(decl.kind.span, "first header")
            .with_help("put each policy in its own file"),
        );
    }
    let id = decl.name.clone()?;
    let f = Fields::new(&decl.block, format!("policy `{}`", id.value), head(decl), &[], &mut cx.diags);

    let languages = match f.get("languages").map(|i| &i.value) {
        Some(Value::Langs(tags)) => languages(cx, tags)?,
        _ => {
            cx.error(f.missing("languages", "languages da, sv"));
            return None;
        }
    };
    // Texts in the header itself can only be checked once the languages are known.
    cx.langs = languages.clone();
    let jurisdiction = match f.get("jurisdiction") {
        Some(item) => cx.word::<Jurisdiction>(item)?,
        None => {
            cx.error(f.missing("jurisdiction", "jurisdiction DK"));
            return None;
        }
    };
    let effective = match f.get("effective").map(|i| &i.value) {
        Some(Value::Date(d)) => Some(d.value),
        _ => None,
    };
    Some(Header {
        title: f.get("title").and_then(|i| cx.text(i)),
        languages,
        jurisdiction,
        version: f.get("version").and_then(|i| cx.string(i)),
        effective,
        layout: f.get("layout").and_then(|i| cx.word::<Layout>(i)).map_or(Layout::ByTopic, |l| l.value),
        span: decl.block.span,
        head: head(decl),
        id,
    })
}

fn languages(cx: &mut Cx, tags: &[Spanned<String>]) -> Option<Vec<Lang>> {
    let mut langs: Vec<Lang> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    for tag in tags {
        let lang = cx.vocab::<Lang>(tag)?.value;
        if let Some(i) = langs.iter().position(|l| *l == lang) {
            cx.error(
                Diagnostic::new(
                    Code::DuplicateLanguage,
                    format!("{} is listed twice", lang_name(lang)),
                    tag.span,
                    "listed again",
                )
                .with_secondary(spans[i], "first listed here")
                .with_help("list each language once"),
            );
            continue;
        }
        langs.push(lang);
        spans.push(tag.span);
    }
    Some(langs)
}

pub(super) fn controller(cx: &mut Cx, decls: &[&Decl], header: Span) -> Option<Controller> {
    let Some((decl, extra)) = decls.split_first() else {
        cx.error(
            Diagnostic::new(Code::MissingItem, "the policy has no `controller` block", header, "this policy has no controller")
                .with_help("add `controller { name \"...\"  address \"...\"  email \"...\" }`: who is responsible for the processing"),
        );
        return None;
    };
    singleton_twice(cx, decl, extra);
    let f = Fields::new(
        &decl.block,
        "the controller".into(),
        head(decl),
        &["dpo", "privacy-contact", "representative"],
        &mut cx.diags,
    );
    for key in ["dpo", "privacy-contact", "representative"] {
        let items: Vec<_> = f.all(key).collect();
        if let [first, second, ..] = items.as_slice() {
            cx.error(
                Diagnostic::new(
                    Code::DuplicateItem,
                    format!("`{key}` is given twice in the controller"),
                    second.key.span,
                    "given again here",
                )
                .with_secondary(first.key.span, "first given here")
                .with_help("give one contact block of each kind"),
            );
        }
    }
    let name = match f.get("name") {
        Some(item) => cx.text(item),
        None => {
            cx.error(f.missing("name", "name \"Example ApS\""));
            None
        }
    };
    let financial_year_start = match f.get("financial-year").map(|i| &i.value) {
        Some(Value::DayOfYear { day, month }) => day_of_year(cx, day, month),
        _ => Some(DayOfYear { day: 1, month: Month::January }),
    };
    let contact = |cx: &mut Cx, key: &str| f.get(key).and_then(|item| contact(cx, &item.value, item.span, key));
    let dpo = contact(cx, "dpo");
    let privacy_contact = contact(cx, "privacy-contact");
    let representative = contact(cx, "representative");
    Some(Controller {
        name: name?,
        registration: f.get("registration").and_then(|i| cx.string(i)),
        address: f.get("address").and_then(|i| cx.string(i)),
        email: f.get("email").and_then(|i| cx.string(i)),
        phone: f.get("phone").and_then(|i| cx.string(i)),
        web: f.get("web").and_then(|i| cx.string(i)),
        public_authority: f.get("public-authority").and_then(|i| cx.yes_no(i)).unwrap_or(false),
        financial_year_start: financial_year_start?,
        dpo,
        privacy_contact,
        representative,
        span: decl.block.span,
        head: head(decl),
    })
}

fn day_of_year(cx: &mut Cx, day: &Spanned<u32>, month: &Spanned<String>) -> Option<DayOfYear> {
    let lower = Spanned::new(month.value.to_lowercase(), month.span);
    let m = cx.vocab::<Month>(&lower)?.value;
    // The financial year may start on any day that exists in every year.
    let last = crate::syntax::days_in_month(2001, m.number());
    if day.value == 0 || day.value > u32::from(last) {
        cx.error(
            Diagnostic::new(
                Code::BadDate,
                format!("there is no {} {}", day.value, capitalised(m.word())),
                day.span,
                "no such day",
            )
            .with_help("write the first day of the financial year, such as `financial-year starts 1 July`"),
        );
        return None;
    }
    Some(DayOfYear { day: day.value as u8, month: m })
}

fn contact(cx: &mut Cx, value: &Value, span: Span, key: &str) -> Option<Contact> {
    let Value::Block(block) = value else {
        return None;
    };
    let f = Fields::new(block, format!("the `{key}` block"), span, &[], &mut cx.diags);
    Some(Contact {
        name: f.get("name").and_then(|i| cx.text(i)),
        address: f.get("address").and_then(|i| cx.string(i)),
        email: f.get("email").and_then(|i| cx.string(i)),
        phone: f.get("phone").and_then(|i| cx.string(i)),
        web: f.get("web").and_then(|i| cx.string(i)),
        span: block.span,
    })
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Report second and later blocks of a kind a policy has once.
pub(super) fn singleton_twice(cx: &mut Cx, first: &Decl, extra: &[&Decl]) {
    for other in extra {
        cx.error(
            Diagnostic::new(
                Code::SingletonTwice,
                format!("a policy has one `{}` block, but this is a second", other.kind.value.keyword()),
                other.kind.span,
                "second block",
            )
            .with_secondary(first.kind.span, "first block")
            .with_help("merge the two blocks into one"),
        );
    }
}

/// Where messages about a whole block point: its keyword and name.
pub(super) fn head(decl: &Decl) -> Span {
    match &decl.name {
        Some(name) => decl.kind.span.to(name.span),
        None => decl.kind.span,
    }
}
