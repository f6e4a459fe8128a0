//! `law`: the law behind a purpose (Art. 6(3)) or a retention period. Free text, an act of the
//! legal tables by its identifier (the notice cites the act's title from the tables), or a
//! collective agreement (Sweden).

use crate::diagnostic::{Code, Diagnostic};
use crate::law::tables;
use crate::model::text::TextValue;
use crate::model::vocab::Jurisdiction;
use crate::model::{Statute, Text};
use crate::resolve::context::Cx;
use crate::span::Spanned;
use crate::suggest::did_you_mean;
use crate::syntax::ast::{Item, Value};

/// The law as the notice cites it, and what it names.
pub(super) fn law(cx: &mut Cx, item: &Item) -> (Option<Text>, Option<Statute>) {
    match &item.value {
        Value::Act { id, provision } => act(cx, item, id, provision.as_ref()),
        Value::Agreement(name) => (
            Some(Text { value: TextValue::Same(name.value.clone()), span: name.span }),
            Some(Statute::CollectiveAgreement(item.span)),
        ),
        _ => (cx.text(item), None),
    }
}

/// `law bogforingsloven "§ 12"`: the act's title from the tables, then the provision.
fn act(
    cx: &mut Cx,
    item: &Item,
    id: &Spanned<String>,
    provision: Option<&Spanned<String>>,
) -> (Option<Text>, Option<Statute>) {
    let national = tables().national(cx.jurisdiction);
    let Some(law) = national.law(&id.value) else {
        let known: Vec<&str> = national.laws.iter().map(|l| l.id.as_str()).collect();
        let country = match cx.jurisdiction {
            Jurisdiction::Dk => "Danish",
            Jurisdiction::Se => "Swedish",
        };
        let help = match did_you_mean(&id.value, known.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => {
                let known: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                format!(
                    "the legal tables know {}; for another act, write its title as text: `law \"...\"`",
                    known.join(", ")
                )
            }
        };
        cx.error(
            Diagnostic::new(
                Code::UnknownLaw,
                format!("the legal tables know no {country} act called `{}`", id.value),
                id.span,
                "unknown act",
            )
            .with_help(help),
        );
        return (None, None);
    };
    let cited = match provision {
        Some(p) => format!("{} {}", law.title, p.value),
        None => law.title.clone(),
    };
    (
        Some(Text { value: TextValue::Same(cited), span: item.span }),
        Some(Statute::Act { id: id.clone(), provision: provision.map(|p| p.value.clone()) }),
    )
}
