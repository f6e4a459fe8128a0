//! What the law behind a purpose says: the statute a `legal-obligation` or `public-task`
//! purpose rests on (Art. 6(3)), and whether the person must provide the data (Art. 13(2)(e)).

use crate::check::Ctx;
use crate::check::lawfulness::has_basis;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::vocab::Relation;
use crate::model::vocab::{Jurisdiction, LegalBasis, Provision};
use crate::model::{Group, Purpose, Ref, Statute};

/// The purpose names its law, or marks it as still to be confirmed.
fn names_law(cx: &Ctx, p: &Purpose) -> bool {
    p.law.is_some() || cx.policy.is_unconfirmed("purpose", Some(&p.id.value), "law")
}

fn rests_on_law(p: &Purpose) -> bool {
    has_basis(p, LegalBasis::LegalObligation) || has_basis(p, LegalBasis::PublicTask)
}

/// A legal obligation may follow from a collective agreement where national law says so (the
/// legal tables, `collective_agreement`): in Sweden generally (dataskyddslagen 2 kap. 1 §), in
/// Denmark only in employment law, for the controller's own employees (databeskyttelsesloven
/// § 12, stk. 1).
pub fn collective_agreement_is_law_here(cx: &Ctx) -> Vec<Diagnostic> {
    let agreement = cx.national.collective_agreement.as_ref();
    let staff_only = |groups: &[Ref<Group>]| {
        !groups.is_empty()
            && groups
                .iter()
                .all(|g| cx.policy.groups[g.index].relation.as_ref().is_some_and(|r| r.value == Relation::Employees))
    };
    let purposes = cx.policy.purposes.iter().map(|p| (&p.statute, "purpose", &p.id, &p.subjects));
    let rules = cx.policy.retention.iter().map(|r| (&r.statute, "retention rule", &r.id, &r.subjects));
    let mut out = Vec::new();
    for (statute, what, id, groups) in purposes.chain(rules) {
        let Some(Statute::CollectiveAgreement(at)) = statute else { continue };
        let country = match cx.policy.header.jurisdiction.value {
            Jurisdiction::Dk => "Danish",
            Jurisdiction::Se => "Swedish",
        };
        let (message, help) = match agreement {
            Some(a) if !a.employees_only || staff_only(groups) => continue,
            Some(a) => (
                format!("{country} law accepts a collective agreement as law only for obligations towards the controller's own employees"),
                format!(
                    "if the agreement concerns your own employees under employment law ({}), give their groups `relation employees`; otherwise name the statute (`law da \"...\"`), or rest the purpose on `contract` if the agreement binds you as one",
                    a.reference
                ),
            ),
            None => (
                format!("{country} law does not accept a collective agreement as the source of a legal obligation"),
                "name the statute the obligation rests on (`law da \"...\"`), or rest the purpose on `contract` if the agreement binds you as one".to_string(),
            ),
        };
        out.push(
            Diagnostic::new(
                Code::AgreementNotLaw,
                format!("{what} `{}` rests on a collective agreement: {message}", id.value),
                *at,
                "a collective agreement",
            )
            .with_help(help),
        );
    }
    out
}

pub fn purpose_names_its_law(cx: &Ctx) -> Vec<Diagnostic> {
    let example = match cx.policy.header.jurisdiction.value {
        Jurisdiction::Dk => "`law da \"lov om en aktiv beskæftigelsesindsats\"`",
        Jurisdiction::Se => {
            "`law sv \"lagen (1997:238) om arbetslöshetsförsäkring\"`, `law bokforingslagen \"7 kap. 2 §\"`, or for an obligation in a collective agreement (dataskyddslagen 2 kap. 1 §) `law collective-agreement \"...\"`"
        }
    };
    cx.policy
        .purposes
        .iter()
        .filter(|p| rests_on_law(p) && !names_law(cx, p))
        .map(|p| {
            let basis =
                p.bases.iter().find(|b| matches!(b.value, LegalBasis::LegalObligation | LegalBasis::PublicTask));
            let mut d = Diagnostic::new(
                Code::NoLawNamed,
                format!("purpose `{}` does not name the law it rests on", p.id.value),
                p.id.span,
                "no `law`",
            );
            if let Some(b) = basis {
                d = d.with_secondary(b.span, "this basis must be laid down by law (Art. 6(3))");
            }
            d.with_help(format!(
                "name the act, e.g. {example}; if it is not known yet, write `law unconfirmed \"...\"`"
            ))
        })
        .collect()
}

/// Art. 13(2)(e) is owed where the data is required by statute or contract: for purposes on
/// those bases the notice must say whether the person must provide it, and what follows if not.
pub fn provision_is_stated(cx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &cx.policy.purposes {
        let owed = rests_on_law(p) || has_basis(p, LegalBasis::Contract);
        let marked = |item| cx.policy.is_unconfirmed("purpose", Some(&p.id.value), item);
        match &p.provision {
            None if owed && !marked("provision") => out.push(
                Diagnostic::new(
                    Code::ProvisionNotStated,
                    format!("purpose `{}` does not say whether the person must provide the data", p.id.value),
                    p.id.span,
                    "no `provision`",
                )
                .with_help("add `provision statutory`, `contractual`, `pre-contractual` or `voluntary`, and a `consequence` saying what happens if the person does not provide the data (Art. 13(2)(e))"),
            ),
            Some(prov) if prov.value != Provision::Voluntary && p.consequence.is_none() && !marked("consequence") => {
                out.push(
                    Diagnostic::new(
                        Code::ProvisionNotStated,
                        format!(
                            "purpose `{}` says the data is required, but not what happens if it is not provided",
                            p.id.value
                        ),
                        prov.span,
                        "required, with no `consequence`",
                    )
                    .with_help("add `consequence da \"...\"`: what the person loses by not providing the data (Art. 13(2)(e))"),
                )
            }
            _ => {}
        }
    }
    out
}

pub fn statutory_requirement_has_a_basis(cx: &Ctx) -> Vec<Diagnostic> {
    cx.policy
        .purposes
        .iter()
        .filter_map(|p| {
            let prov = p.provision.as_ref().filter(|x| x.value == Provision::Statutory)?;
            let consent_only = !p.bases.is_empty() && p.bases.iter().all(|b| b.value == LegalBasis::Consent);
            consent_only.then(|| {
                Diagnostic::new(
                    Code::StatutoryOnConsent,
                    format!("purpose `{}` says the law requires the data, but rests on consent alone", p.id.value),
                    prov.span,
                    "required by law",
                )
                .with_secondary(p.bases[0].span, "consent must be free to refuse (Art. 4(11), 7(4))")
                .with_help("if a law requires the data, the basis is `legal-obligation` (or `public-task`), not consent; if the person may refuse, write `provision voluntary`")
            })
        })
        .collect()
}

pub fn statutory_requirement_names_law(cx: &Ctx) -> Vec<Diagnostic> {
    cx.policy
        .purposes
        .iter()
        .filter_map(|p| {
            let prov = p.provision.as_ref().filter(|x| x.value == Provision::Statutory)?;
            (!names_law(cx, p)).then(|| {
                Diagnostic::new(
                    Code::StatutoryWithoutLaw,
                    format!("purpose `{}` says the law requires the data, but names no law", p.id.value),
                    prov.span,
                    "required by which law?",
                )
                .with_help("name the act that requires the data: `law da \"...\"` (or `law unconfirmed \"...\"` until it is known); the notice must not claim a legal duty it cannot cite (Art. 13(2)(e))")
            })
        })
        .collect()
}
