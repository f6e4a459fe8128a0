//! Where consent is not what it seems: employees' consent to their special-category data
//! (Art. 7(4), recital 43), and marketing by electronic mail, which national marketing law
//! allows only with prior consent whatever the GDPR basis.

use crate::check::Ctx;
use crate::check::lawfulness::has_basis;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::DataKind;
use crate::model::vocab::{Art9Condition, Channel, LegalBasis, Relation, Vocabulary};

pub fn employees_consent_is_doubtful(cx: &Ctx) -> Vec<Diagnostic> {
    let groups = &cx.policy.groups;
    cx.policy
        .purposes
        .iter()
        .filter_map(|p| {
            // The special-category data that rests on explicit consent.
            let consented = cx
                .data_of_kind(p, |k| matches!(k, DataKind::Special(_)))
                .find(|d| p.art9_for(d.index).is_some_and(|c| c.condition.value == Art9Condition::ExplicitConsent))?;
            let art9 = &p.art9_for(consented.index)?.condition;
            let staff = p.subjects.iter().find(|g| {
                groups[g.index].relation.as_ref().is_some_and(|r| r.value == Relation::Employees)
            })?;
            Some(
                Diagnostic::new(
                    Code::EmployeeConsent,
                    format!("purpose `{}` asks the controller's own employees for consent to special-category data", p.id.value),
                    art9.span,
                    "explicit consent",
                )
                .with_secondary(staff.span, "the controller's employees")
                .with_help("an employee can rarely refuse their employer freely (Art. 7(4), recital 43): rely on `art9 employment-law` where employment law requires the data, and keep consent for what is truly optional"),
            )
        })
        .collect()
}

pub fn marketing_email_has_consent(cx: &Ctx) -> Vec<Diagnostic> {
    let Some(rule) = &cx.national.marketing_email else {
        return Vec::new();
    };
    let groups = &cx.policy.groups;
    let mut out = Vec::new();
    for p in cx.policy.purposes.iter().filter(|p| p.direct_marketing) {
        if has_basis(p, LegalBasis::Consent) || !has_basis(p, LegalBasis::LegitimateInterests) {
            continue;
        }
        if cx.policy.is_unconfirmed("purpose", Some(&p.id.value), "channels") {
            continue;
        }
        if p.channels.is_empty() {
            out.push(
                Diagnostic::new(
                    Code::MarketingEmail,
                    format!("direct-marketing purpose `{}` does not say how it reaches people", p.id.value),
                    p.id.span,
                    "no `channels`",
                )
                .with_help(format!(
                    "add `channels email, post, ...`: marketing by e-mail or SMS needs prior consent ({})",
                    rule.reference
                )),
            );
            continue;
        }
        let electronic = p.channels.iter().find(|c| matches!(c.value, Channel::Email | Channel::Sms));
        let business_only = !p.subjects.is_empty()
            && p.subjects
                .iter()
                .all(|g| groups[g.index].relation.as_ref().is_some_and(|r| r.value == Relation::BusinessContacts));
        if let Some(channel) = electronic
            && !(rule.natural_persons_only && business_only)
        {
            out.push(
                Diagnostic::new(
                    Code::MarketingEmail,
                    format!("purpose `{}` markets by {} on legitimate interests", p.id.value, channel.value.word()),
                    channel.span,
                    "electronic mail",
                )
                .with_help(format!(
                    "{} requires the recipient's prior consent to marketing by e-mail or SMS: add `basis consent`, or stop using this channel",
                    rule.reference
                )),
            );
        }
    }
    out
}
