//! Resolving cookies, the security and rights blocks, and free sections.

use crate::model::vocab::{CookieClass, Party, Placement};
use crate::model::{Cookie, Lifetime, Rights, Section, Security};
use crate::resolve::context::Cx;
use crate::resolve::fields::Fields;
use crate::resolve::header::{head, singleton_twice};
use crate::syntax::ast::{Decl, Value};

pub(super) fn cookie(cx: &mut Cx, decl: &Decl) -> Option<Cookie> {
    let name = decl.name.clone()?;
    let f = Fields::new(&decl.block, format!("cookie `{}`", name.value), head(decl), &[], &mut cx.diags);
    let class = match f.get("class") {
        Some(item) => cx.word::<CookieClass>(item),
        None => {
            cx.error(f.missing("class", "class statistics"));
            None
        }
    };
    let lifetime = match f.get("lifetime").map(|i| &i.value) {
        Some(Value::Lifetime(Some(d))) => Some(Lifetime::For(cx.duration(d))),
        Some(Value::Lifetime(None)) => Some(Lifetime::Session),
        _ => None,
    };
    let provider = match f.get("provider").map(|i| &i.value) {
        Some(Value::Ident(r)) => cx.reference(r, |n| &n.recipients, "recipient"),
        _ => None,
    };
    Some(Cookie {
        provider,
        party: f.get("party").and_then(|i| cx.word::<Party>(i)).map_or(Party::First, |p| p.value),
        lifetime,
        consent: f.get("consent").and_then(|i| match &i.value {
            Value::YesNo(b) => Some(b.clone()),
            _ => None,
        }),
        purpose: f.get("purpose").and_then(|i| cx.text(i)),
        class: class?,
        name,
    })
}

pub(super) fn security(cx: &mut Cx, decls: &[&Decl]) -> Option<Security> {
    let (decl, extra) = decls.split_first()?;
    singleton_twice(cx, decl, extra);
    let f = Fields::new(&decl.block, "the security block".into(), head(decl), &["measure"], &mut cx.diags);
    let measures = f.all("measure").filter_map(|i| cx.text(i)).collect();
    Some(Security {
        measures,
        breach_notification: f.get("breach-notification").and_then(|i| cx.yes_no(i)).unwrap_or(false),
        description: f.get("description").and_then(|i| cx.text(i)),
        span: decl.block.span,
    })
}

pub(super) fn rights(cx: &mut Cx, decls: &[&Decl]) -> Option<Rights> {
    let (decl, extra) = decls.split_first()?;
    singleton_twice(cx, decl, extra);
    let f = Fields::new(&decl.block, "the rights block".into(), head(decl), &[], &mut cx.diags);
    let respond_within = match f.get("respond").map(|i| &i.value) {
        Some(Value::Duration(d)) => Some(cx.duration(d)),
        _ => None,
    };
    Some(Rights {
        email: f.get("email").and_then(|i| cx.string(i)),
        phone: f.get("phone").and_then(|i| cx.string(i)),
        address: f.get("address").and_then(|i| cx.string(i)),
        web: f.get("web").and_then(|i| cx.string(i)),
        respond_within,
        description: f.get("description").and_then(|i| cx.text(i)),
        span: decl.block.span,
        head: head(decl),
    })
}

pub(super) fn section(cx: &mut Cx, decl: &Decl) -> Option<Section> {
    let id = decl.name.clone()?;
    let f = Fields::new(&decl.block, format!("section `{}`", id.value), head(decl), &[], &mut cx.diags);
    let title = match f.get("title") {
        Some(i) => cx.text(i),
        None => {
            cx.error(f.missing("title", "title da \"Ændringer\""));
            None
        }
    };
    let body = match f.get("body") {
        Some(i) => cx.text(i),
        None => {
            cx.error(f.missing("body", "body da \"...\""));
            None
        }
    };
    let place = f.get("place").and_then(|i| cx.word::<Placement>(i)).map_or(Placement::End, |p| p.value);
    Some(Section { id, title: title?, body: body?, place })
}
