//! Lawfulness: an Art. 6(1) basis for every purpose, the extra conditions that special-category
//! data, criminal-offence data and identity numbers need, and the limits on legitimate interests
//! and automated decisions.

use crate::check::{Ctx, either};
use crate::diagnostic::{Code, Diagnostic};
use crate::law::Allowed;
use crate::model::vocab::{Art9Condition, LegalBasis, Vocabulary};
use crate::model::{DataKind, Purpose};
use crate::span::Spanned;

pub fn purpose_has_basis(cx: &Ctx) -> Vec<Diagnostic> {
    cx.policy
        .purposes
        .iter()
        .filter(|p| p.bases.is_empty())
        .map(|p| {
            Diagnostic::new(
                Code::NoBasis,
                format!("purpose `{}` has no legal basis", p.id.value),
                p.id.span,
                "no `basis`",
            )
            .with_help(format!(
                "add the Art. 6(1) basis that makes it lawful: `basis` and one or more of {}",
                either(&LegalBasis::ALL.iter().map(|b| b.word()).collect::<Vec<_>>())
            ))
        })
        .collect()
}

pub fn special_data_has_art9_condition(cx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &cx.policy.purposes {
        // The first special-category data no clause covers.
        let Some(first) =
            cx.data_of_kind(p, |k| matches!(k, DataKind::Special(_))).find(|d| p.art9_for(d.index).is_none())
        else {
            continue;
        };
        let data = cx.data(first);
        let help = if has_basis(p, LegalBasis::Consent) {
            "the purpose relies on consent: for special-category data that must be explicit consent, `art9 explicit-consent`".to_string()
        } else {
            format!(
                "add the Art. 9(2) condition that allows it, such as `art9 explicit-consent` or `art9 employment-law`; all: {}",
                either(&Art9Condition::ALL.iter().map(|c| c.word()).collect::<Vec<_>>())
            )
        };
        out.push(
            Diagnostic::new(
                Code::NoArt9Condition,
                format!("purpose `{}` uses special-category data without an Art. 9(2) condition", p.id.value),
                first.span,
                format!("`{}` is special-category data", first.name),
            )
            .with_secondary(data.kind.span, "declared special here")
            .with_secondary(p.id.span, "in this purpose")
            .with_help(help),
        );
    }
    out
}

pub fn special_data_on_consent_is_explicit(cx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &cx.policy.purposes {
        let only_consent = p.bases.len() == 1 && has_basis(p, LegalBasis::Consent);
        if !only_consent {
            continue;
        }
        // Each clause that covers some of the purpose's special-category data without explicit
        // consent.
        let mut seen = Vec::new();
        for d in cx.data_of_kind(p, |k| matches!(k, DataKind::Special(_))) {
            let Some(clause) = p.art9_for(d.index) else { continue };
            let art9 = &clause.condition;
            if art9.value == Art9Condition::ExplicitConsent || seen.contains(&art9.span) {
                continue;
            }
            seen.push(art9.span);
            out.push(
                Diagnostic::new(
                    Code::ConsentNotExplicit,
                    format!(
                        "purpose `{}` rests on consent, but its special-category data rests on `{}`, not explicit consent",
                        p.id.value,
                        art9.value.word()
                    ),
                    art9.span,
                    "not explicit consent",
                )
                .with_help("if the person's consent is what allows the special-category data, it must be explicit: `art9 explicit-consent`"),
            );
        }
    }
    out
}

pub fn criminal_data_has_national_condition(cx: &Ctx) -> Vec<Diagnostic> {
    let rule = NationalRule {
        kind: DataKind::Criminal,
        missing: Code::NoArt10Condition,
        not_allowed: Code::Art10NotAllowed,
        what: "criminal-offence data",
        is_a: "is criminal-offence data",
        key: "art10",
    };
    national_condition(cx, &rule, &cx.national.art10, |p| p.art10.as_ref())
}

pub fn id_numbers_have_national_condition(cx: &Ctx) -> Vec<Diagnostic> {
    let rule = NationalRule {
        kind: DataKind::NationalId,
        missing: Code::NoIdNumberCondition,
        not_allowed: Code::IdNumberNotAllowed,
        what: "identity numbers",
        is_a: "is an identity number",
        key: "id-number",
    };
    national_condition(cx, &rule, &cx.national.id_number, |p| p.id_number.as_ref())
}

/// A kind of data that national law allows only under conditions listed in the tables.
struct NationalRule {
    kind: DataKind,
    missing: Code,
    not_allowed: Code,
    what: &'static str,
    is_a: &'static str,
    key: &'static str,
}

fn national_condition<C: Vocabulary + PartialEq>(
    cx: &Ctx,
    rule: &NationalRule,
    allowed: &[Allowed<C>],
    chosen: fn(&Purpose) -> Option<&Spanned<C>>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &cx.policy.purposes {
        let Some(first) = cx.data_of_kind(p, |k| k == rule.kind).next() else {
            continue;
        };
        match chosen(p) {
            None => out.push(
                Diagnostic::new(
                    rule.missing,
                    format!("purpose `{}` uses {} without the condition national law requires", p.id.value, rule.what),
                    first.span,
                    format!("`{}` {}", first.name, rule.is_a),
                )
                .with_secondary(p.id.span, "in this purpose")
                .with_help(format!(
                    "add `{}` with one of: {}",
                    rule.key,
                    allowed_list(allowed, cx.policy.controller.public_authority)
                )),
            ),
            Some(c) => out.extend(not_allowed(cx, allowed, c, rule)),
        }
    }
    out
}

/// A condition that is not in the jurisdiction's table, or only for public authorities.
fn not_allowed<C: Vocabulary + PartialEq>(
    cx: &Ctx,
    allowed: &[Allowed<C>],
    chosen: &Spanned<C>,
    rule: &NationalRule,
) -> Option<Diagnostic> {
    let (code, what, key) = (rule.not_allowed, rule.what, rule.key);
    let public = cx.policy.controller.public_authority;
    let entry = allowed.iter().find(|a| a.condition == chosen.value);
    let jurisdiction = match cx.policy.header.jurisdiction.value {
        crate::model::vocab::Jurisdiction::Dk => "Danish",
        crate::model::vocab::Jurisdiction::Se => "Swedish",
    };
    let message = match entry {
        // A public authority citing a private controller's provision is E0233.
        Some(a) if a.private_only && public => return None,
        Some(a) if a.public_only && !public => {
            format!("`{}` is open only to public authorities ({})", chosen.value.word(), a.reference)
        }
        Some(_) => return None,
        None => format!("{jurisdiction} law does not allow {what} on `{}`", chosen.value.word()),
    };
    Some(
        Diagnostic::new(code, message, chosen.span, "not allowed here")
            .with_secondary(cx.policy.header.jurisdiction.span, "the jurisdiction")
            .with_help(format!("write `{key}` with one of: {}", allowed_list(allowed, public))),
    )
}

fn allowed_list<C: Vocabulary>(allowed: &[Allowed<C>], public: bool) -> String {
    let words: Vec<String> = allowed
        .iter()
        .filter(|a| a.open_to(public))
        .map(|a| format!("{} ({})", a.condition.word(), a.reference))
        .collect();
    words.join(", ")
}

pub fn authority_uses_public_provisions(cx: &Ctx) -> Vec<Diagnostic> {
    if !cx.policy.controller.public_authority {
        return Vec::new();
    }
    let mut out = Vec::new();
    for p in &cx.policy.purposes {
        if let Some(c) = &p.art10
            && cx.data_of_kind(p, |k| k == DataKind::Criminal).next().is_some()
        {
            out.extend(private_provision(cx, &cx.national.art10, c, "art10", "criminal-offence data"));
        }
        if let Some(c) = &p.id_number
            && cx.data_of_kind(p, |k| k == DataKind::NationalId).next().is_some()
        {
            out.extend(private_provision(cx, &cx.national.id_number, c, "id-number", "identity numbers"));
        }
    }
    out
}

fn private_provision<C: Vocabulary + PartialEq>(
    cx: &Ctx,
    allowed: &[Allowed<C>],
    chosen: &Spanned<C>,
    key: &str,
    what: &str,
) -> Option<Diagnostic> {
    let a = allowed.iter().find(|a| a.condition == chosen.value && a.private_only)?;
    Some(
        Diagnostic::new(
            Code::PrivateProvision,
            format!(
                "`{}` is a condition for private controllers ({}), not for a public authority",
                chosen.value.word(),
                a.reference
            ),
            chosen.span,
            "for private controllers only",
        )
        .with_secondary(cx.policy.controller.head, "the controller is a public authority")
        .with_help(format!(
            "a public authority processes {what} under the provisions for authorities: write `{key}` with one of: {}",
            allowed_list(allowed, true)
        )),
    )
}

pub fn authority_does_not_rest_on_consent_alone(cx: &Ctx) -> Vec<Diagnostic> {
    if !cx.policy.controller.public_authority {
        return Vec::new();
    }
    cx.policy
        .purposes
        .iter()
        .filter_map(|p| match p.bases.as_slice() {
            [only] if only.value == LegalBasis::Consent => Some((p, only)),
            _ => None,
        })
        .map(|(p, b)| {
            Diagnostic::new(
                Code::AuthorityConsent,
                format!("purpose `{}` of a public authority rests on consent alone", p.id.value),
                b.span,
                "the only basis",
            )
            .with_secondary(cx.policy.controller.head, "the controller is a public authority")
            .with_help("consent given to a public authority is seldom free (recital 43): if the purpose is a task the authority has by law, write `basis public-task` or `legal-obligation`; keep `consent` only where people can refuse without any consequence")
        })
        .collect()
}

pub fn legitimate_interest_is_stated(cx: &Ctx) -> Vec<Diagnostic> {
    cx.policy
        .purposes
        .iter()
        .filter(|p| p.legitimate_interest.is_none())
        .filter_map(|p| p.bases.iter().find(|b| b.value == LegalBasis::LegitimateInterests).map(|b| (p, b)))
        .map(|(p, b)| {
            Diagnostic::new(
                Code::InterestNotStated,
                format!("purpose `{}` relies on legitimate interests but does not say which", p.id.value),
                b.span,
                "which interest?",
            )
            .with_help("state the interest the notice must name (Art. 13(1)(d)): `legitimate-interest da \"...\"`")
        })
        .collect()
}

pub fn authority_does_not_use_legitimate_interest(cx: &Ctx) -> Vec<Diagnostic> {
    if !cx.policy.controller.public_authority {
        return Vec::new();
    }
    cx.policy
        .purposes
        .iter()
        .filter_map(|p| p.bases.iter().find(|b| b.value == LegalBasis::LegitimateInterests).map(|b| (p, b)))
        .map(|(p, b)| {
            Diagnostic::new(
                Code::AuthorityInterest,
                format!("a public authority cannot rely on legitimate interests for purpose `{}`", p.id.value),
                b.span,
                "not open to public authorities",
            )
            .with_secondary(cx.policy.controller.head, "the controller is a public authority")
            .with_help("a public authority's tasks rest on `public-task` or `legal-obligation`")
        })
        .collect()
}

pub fn profiling_has_logic(cx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &cx.policy.purposes {
        for (what, block) in [("profiling", &p.profiling), ("automated-decision", &p.automated_decision)] {
            if let Some(b) = block
                && b.logic.is_none()
            {
                out.push(
                    Diagnostic::new(
                        Code::NoProfilingLogic,
                        format!("the `{what}` of purpose `{}` does not describe its logic", p.id.value),
                        b.span,
                        "no `logic`",
                    )
                    .with_help("the notice must explain the logic involved and the consequences: add `logic da \"...\"` and `consequences da \"...\"`"),
                );
            }
        }
    }
    out
}

pub fn automated_decision_has_basis(cx: &Ctx) -> Vec<Diagnostic> {
    let allowing = [LegalBasis::Contract, LegalBasis::LegalObligation, LegalBasis::Consent];
    cx.policy
        .purposes
        .iter()
        .filter(|p| p.automated_decision.is_some() && !p.bases.iter().any(|b| allowing.contains(&b.value)))
        .filter_map(|p| p.automated_decision.as_ref().map(|d| (p, d)))
        .map(|(p, d)| {
            Diagnostic::new(
                Code::AutomatedDecisionBasis,
                format!("purpose `{}` makes automated decisions without an Art. 22(2) basis", p.id.value),
                d.span,
                "solely automated decision",
            )
            .with_secondary(p.id.span, "in this purpose")
            .with_help("a decision based solely on automated processing needs a contract, a law (`legal-obligation` or `public-task`) or the person's explicit consent")
        })
        .collect()
}

pub(crate) fn has_basis(p: &Purpose, basis: LegalBasis) -> bool {
    p.bases.iter().any(|b| b.value == basis)
}
