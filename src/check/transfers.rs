//! Transfers outside the EU/EEA (GDPR Chapter V): a safeguard for every recipient in a third
//! country, and adequacy only where a decision exists, covers the recipient and was in force.

use crate::check::Ctx;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::vocab::Vocabulary;
use crate::model::{Date, Recipient, Ref, Transfer};

pub fn third_country_has_safeguard(cx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in &cx.policy.recipients {
        let Some(country) = &r.country else { continue };
        if cx.tables.is_eea(&country.value) {
            continue;
        }
        let decision = cx.tables.adequacy(&country.value);
        let effective = cx.policy.header.effective;
        // A decision adopted after the policy took effect was not there to rely on.
        let later = decision.zip(effective).filter(|(d, e)| *e < d.since);
        let Some(transfer) = &r.transfer else {
            let hint = match decision {
                Some(d) if later.is_some() => format!(
                    "the adequacy decision for {} dates from {}, after this policy took effect: add {}",
                    d.name,
                    iso(d.since),
                    OTHER_SAFEGUARDS
                ),
                Some(d) if d.framework.is_some() => format!(
                    "{} has an adequacy decision for certified organisations: `transfer adequacy {}` if the recipient is certified, else `transfer standard-contractual-clauses`",
                    d.name,
                    d.framework.map_or("", |f| f.word())
                ),
                Some(d) => format!("{} has an adequacy decision: `transfer adequacy`", d.name),
                None => format!("add {OTHER_SAFEGUARDS}"),
            };
            out.push(
                Diagnostic::new(
                    Code::NoTransferSafeguard,
                    format!("recipient `{}` is outside the EU/EEA but no transfer safeguard is given", r.id.value),
                    country.span,
                    "a third country",
                )
                .with_help(hint),
            );
            continue;
        };
        let Transfer::Adequacy(framework) = transfer.value else {
            continue;
        };
        let problem = match decision {
            None => Some(format!("there is no adequacy decision for `{}`", country.value)),
            Some(d) if d.framework.is_some() && framework != d.framework => Some(format!(
                "the adequacy decision for {} covers only organisations certified under `{}`",
                d.name,
                d.framework.map_or("", |f| f.word())
            )),
            Some(d) => later.map(|(_, effective)| {
                format!(
                    "the adequacy decision for {} dates from {}, after this policy took effect on {}",
                    d.name,
                    iso(d.since),
                    iso(effective)
                )
            }),
        };
        if let Some(message) = problem {
            let help = match decision {
                Some(_) if later.is_some() => {
                    format!("on the policy's effective date, rely on {OTHER_SAFEGUARDS} instead")
                }
                Some(d) if d.framework.is_some() => format!(
                    "if the recipient is certified, write `transfer adequacy {}`; otherwise use `transfer standard-contractual-clauses`",
                    d.framework.map_or("", |f| f.word())
                ),
                _ => format!("rely on {OTHER_SAFEGUARDS} instead"),
            };
            out.push(
                Diagnostic::new(Code::NoAdequacy, message, transfer.span, "adequacy does not cover this")
                    .with_secondary(country.span, "the recipient's country")
                    .with_help(help),
            );
        }
    }
    out
}

/// Without a country nobody can tell whether the data leave the EU/EEA, so the safeguard rules
/// above cannot apply. A country marked `unconfirmed` counts: its marker is a warning of its own.
pub fn named_recipient_has_country(cx: &Ctx) -> Vec<Diagnostic> {
    let mut named: Vec<Option<&Ref<Recipient>>> = vec![None; cx.policy.recipients.len()];
    for p in &cx.policy.purposes {
        for r in &p.recipients {
            named[r.index].get_or_insert(r);
        }
    }
    cx.policy
        .recipients
        .iter()
        .zip(named)
        .filter_map(|(r, by)| by.map(|by| (r, by)))
        .filter(|(r, _)| r.country.is_none() && !cx.policy.is_unconfirmed("recipient", Some(&r.id.value), "country"))
        .map(|(r, by)| {
            Diagnostic::new(
                Code::RecipientWithoutCountry,
                format!("recipient `{}` has no country, so it cannot be told whether data leave the EU/EEA", r.id.value),
                r.id.span,
                "no `country`",
            )
            .with_secondary(by.span, "a purpose discloses data to it")
            .with_help("add `country` with the code of the country where the recipient processes the data, such as `country DK`; if it is not known yet, write `country unconfirmed \"...\"` saying what must be found out (Art. 13(1)(f), 44)")
        })
        .collect()
}

/// The safeguards that need no adequacy decision (Art. 46, 47, 49).
const OTHER_SAFEGUARDS: &str =
    "`transfer standard-contractual-clauses`, `transfer binding-corporate-rules` or an Art. 49 derogation";

pub fn safeguard_only_outside_eea(cx: &Ctx) -> Vec<Diagnostic> {
    cx.policy
        .recipients
        .iter()
        .filter_map(|r| match (&r.country, &r.transfer) {
            (Some(c), Some(t)) if cx.tables.is_eea(&c.value) => Some((r, c, t)),
            _ => None,
        })
        .map(|(r, c, t)| {
            Diagnostic::new(
                Code::SafeguardInsideEea,
                format!("recipient `{}` is inside the EU/EEA, so no transfer safeguard is needed", r.id.value),
                t.span,
                "not a third-country transfer",
            )
            .with_secondary(c.span, "inside the EU/EEA")
            .with_help("remove `transfer`, or correct `country` if the data goes elsewhere")
        })
        .collect()
}

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}
