//! Publishing data (on a website, in a public list): identity numbers only with consent where
//! national law says so, special-category data only on Art. 9(2)(a) or (e).

use crate::check::Ctx;
use crate::check::lawfulness::has_basis;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::DataKind;
use crate::model::vocab::{Art9Condition, IdNumberCondition, LegalBasis};

pub fn published_id_number_has_consent(cx: &Ctx) -> Vec<Diagnostic> {
    let Some(rule) = &cx.national.publish_id_number else {
        return Vec::new();
    };
    if cx.policy.controller.public_authority {
        return Vec::new();
    }
    let mut out = Vec::new();
    for p in &cx.policy.purposes {
        let consent = has_basis(p, LegalBasis::Consent)
            || p.id_number.as_ref().is_some_and(|c| c.value == IdNumberCondition::Consent);
        for d in p.published.iter().filter(|d| cx.data(d).kind.value == DataKind::NationalId) {
            if !consent {
                out.push(
                    Diagnostic::new(
                        Code::PublishedIdNumber,
                        format!("purpose `{}` publishes `{}` without the person's consent", p.id.value, d.name),
                        d.span,
                        "an identity number, published",
                    )
                    .with_help(format!(
                        "{} allows a private controller to publish an identity number only with consent: add `id-number consent`, or do not publish it",
                        rule.reference
                    )),
                );
            }
        }
    }
    out
}

pub fn published_special_data_is_allowed(cx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &cx.policy.purposes {
        let allowed = |i: usize| {
            p.art9_for(i).is_some_and(|c| {
                matches!(c.condition.value, Art9Condition::ExplicitConsent | Art9Condition::MadePublic)
            })
        };
        for d in
            p.published.iter().filter(|d| matches!(cx.data(d).kind.value, DataKind::Special(_)) && !allowed(d.index))
        {
            out.push(
                Diagnostic::new(
                    Code::PublishedSpecial,
                    format!("purpose `{}` publishes special-category data `{}`", p.id.value, d.name),
                    d.span,
                    "special-category data, published",
                )
                .with_help("publishing special-category data needs the person's explicit consent (`art9 explicit-consent`, Art. 9(2)(a)) or data the person has manifestly made public (`art9 made-public`, Art. 9(2)(e))"),
            );
        }
    }
    out
}
