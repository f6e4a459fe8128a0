//! Probable mistakes: declarations nothing uses, conditions for data a purpose does not use, an
//! interest stated without its basis, purposes that name no data or no one.

use crate::check::Ctx;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::vocab::LegalBasis;
use crate::model::{DataKind, Period, Trigger};
use crate::span::Span;

pub fn declarations_are_used(cx: &Ctx) -> Vec<Diagnostic> {
    let p = cx.policy;
    let mut used_groups = vec![false; p.groups.len()];
    let mut used_data = vec![false; p.data.len()];
    let mut used_sources = vec![false; p.sources.len()];
    let mut used_recipients = vec![false; p.recipients.len()];
    let mut used_storage = vec![false; p.storage.len()];
    let mut used_events = vec![false; p.events.len()];
    for purpose in &p.purposes {
        purpose.subjects.iter().for_each(|r| used_groups[r.index] = true);
        purpose.data.iter().for_each(|r| used_data[r.index] = true);
        purpose.recipients.iter().for_each(|r| used_recipients[r.index] = true);
        purpose.storage.iter().for_each(|r| used_storage[r.index] = true);
        for s in &purpose.sources {
            if let crate::model::SourceRef::Declared(r) = s {
                used_sources[r.index] = true;
            }
        }
    }
    for rule in &p.retention {
        rule.storage.iter().for_each(|r| used_storage[r.index] = true);
        let trigger = match &rule.period.value {
            Period::After { event, .. } | Period::Until(event) => Some(event),
            Period::Indefinitely | Period::Unconfirmed => None,
        };
        let limit = rule.limit.as_ref().map(|l| &l.event);
        for t in trigger.into_iter().chain(limit) {
            if let Trigger::Custom(r) = t {
                used_events[r.index] = true;
            }
        }
    }
    for cookie in &p.cookies {
        cookie.provider.iter().for_each(|r| used_recipients[r.index] = true);
    }
    for storage in &p.storage {
        storage.operated_by.iter().for_each(|r| used_recipients[r.index] = true);
    }
    let mut out = Vec::new();
    let mut report = |used: &[bool], ids: Vec<(&str, Span)>, noun: &str, how: &str| {
        for ((name, span), used) in ids.into_iter().zip(used) {
            if !used {
                out.push(
                    Diagnostic::new(
                        Code::Unused,
                        format!("{noun} `{name}` is declared but never used"),
                        span,
                        "unused",
                    )
                    .with_help(format!("{how}, or remove the declaration")),
                );
            }
        }
    };
    report(
        &used_groups,
        p.groups.iter().map(|g| (g.id.value.as_str(), g.id.span)).collect(),
        "subject group",
        "name it in a purpose's `subjects`",
    );
    report(
        &used_data,
        p.data.iter().map(|d| (d.id.value.as_str(), d.id.span)).collect(),
        "data category",
        "name it in a purpose's `data`",
    );
    report(
        &used_sources,
        p.sources.iter().map(|s| (s.id.value.as_str(), s.id.span)).collect(),
        "source",
        "name it in a purpose's `sources`",
    );
    report(
        &used_recipients,
        p.recipients.iter().map(|r| (r.id.value.as_str(), r.id.span)).collect(),
        "recipient",
        "name it in a purpose's `recipients`, a cookie's `provider` or a storage place's `operated-by`",
    );
    report(
        &used_storage,
        p.storage.iter().map(|s| (s.id.value.as_str(), s.id.span)).collect(),
        "storage place",
        "name it in a purpose's or retention rule's `storage`",
    );
    report(
        &used_events,
        p.events.iter().map(|e| (e.id.value.as_str(), e.id.span)).collect(),
        "event",
        "count a retention period from it",
    );
    out
}

pub fn conditions_match_data(cx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &cx.policy.purposes {
        let kinds: Vec<DataKind> = p.data.iter().map(|r| cx.data(r).kind.value).collect();
        let checks = [
            (
                p.art9.first().map(|c| c.condition.span),
                kinds.iter().any(|k| matches!(k, DataKind::Special(_))),
                "art9",
                "special-category data",
            ),
            (p.art10.as_ref().map(|c| c.span), kinds.contains(&DataKind::Criminal), "art10", "criminal-offence data"),
            (
                p.id_number.as_ref().map(|c| c.span),
                kinds.contains(&DataKind::NationalId),
                "id-number",
                "identity numbers",
            ),
        ];
        for (span, has_data, key, what) in checks {
            if let (Some(span), false) = (span, has_data) {
                out.push(
                    Diagnostic::new(
                        Code::NeedlessCondition,
                        format!("purpose `{}` gives `{key}` but uses no {what}", p.id.value),
                        span,
                        "nothing to apply to",
                    )
                    .with_help(format!("add the {what} to the purpose's `data`, or remove `{key}`")),
                );
            }
        }
        // `art9 ... for DATA`: each named category must be special-category data of the purpose.
        for d in p.art9.iter().flat_map(|c| &c.data) {
            let special = matches!(cx.data(d).kind.value, DataKind::Special(_));
            if !special || !p.data.iter().any(|x| x.index == d.index) {
                out.push(
                    Diagnostic::new(
                        Code::NeedlessCondition,
                        format!(
                            "purpose `{}` gives `art9` for `{}`, which is not its special-category data",
                            p.id.value, d.name
                        ),
                        d.span,
                        if special { "not in the purpose's `data`" } else { "not special-category data" },
                    )
                    .with_help("name only special-category data the purpose uses after `for`"),
                );
            }
        }
    }
    out
}

pub fn interest_has_basis(cx: &Ctx) -> Vec<Diagnostic> {
    cx.policy
        .purposes
        .iter()
        .filter(|p| !p.bases.iter().any(|b| b.value == LegalBasis::LegitimateInterests))
        .filter_map(|p| p.legitimate_interest.as_ref().map(|t| (p, t)))
        .map(|(p, t)| {
            Diagnostic::new(
                Code::InterestWithoutBasis,
                format!("purpose `{}` states a legitimate interest but does not rely on it", p.id.value),
                t.span,
                "stated interest",
            )
            .with_help("add `legitimate-interests` to `basis`, or remove `legitimate-interest`")
        })
        .collect()
}

pub fn purpose_has_data_and_subjects(cx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &cx.policy.purposes {
        for (missing, key, example) in
            [(p.data.is_empty(), "data", "data contact"), (p.subjects.is_empty(), "subjects", "subjects candidates")]
        {
            if missing {
                out.push(
                    Diagnostic::new(
                        Code::PurposeWithoutData,
                        format!(
                            "purpose `{}` does not say {}",
                            p.id.value,
                            if key == "data" { "which data it uses" } else { "whose data it uses" }
                        ),
                        p.id.span,
                        format!("no `{key}`"),
                    )
                    .with_help(format!(
                        "add `{example}`: the notice lists the data and the people each purpose concerns"
                    )),
                );
            }
        }
    }
    out
}
