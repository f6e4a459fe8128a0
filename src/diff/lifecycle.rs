//! A policy that is new, or withdrawn: what each obliges, in the same classes as a change.

use crate::diff::{Change, Class};
use crate::model::Policy;
use crate::model::vocab::{Art9Condition, Art10Condition, LegalBasis, RecipientRole};

/// What a policy that did not exist before obliges: its notice before the processing starts,
/// consent where processing rests on it, a processing agreement with each processor.
pub fn introduced(policy: &Policy) -> Vec<Change> {
    let mut out = vec![Change {
        class: Class::InformBefore,
        kind: "policy",
        id: policy.header.id.value.clone(),
        change: "added".to_string(),
        detail: String::new(),
        why: "a new policy: publish its notice before the processing starts (Art. 13(1), 14(3))",
    }];
    for p in &policy.purposes {
        let consent = p.bases.iter().any(|b| b.value == LegalBasis::Consent)
            || p.has_art9(Art9Condition::ExplicitConsent)
            || p.art10.as_ref().is_some_and(|c| c.value == Art10Condition::ExplicitConsent);
        if consent {
            out.push(Change {
                class: Class::ReConsent,
                kind: "purpose",
                id: p.id.value.clone(),
                change: "added".to_string(),
                detail: String::new(),
                why: "processing on consent: obtain consent before it starts (Art. 6(1)(a), 7, 9(2)(a))",
            });
        }
    }
    for r in policy.recipients.iter().filter(|r| r.role.value == RecipientRole::Processor) {
        out.push(Change {
            class: Class::ProcessorAgreement,
            kind: "recipient",
            id: r.id.value.clone(),
            change: "added".to_string(),
            detail: String::new(),
            why: "a processor: sign a data processing agreement first (Art. 28(3))",
        });
    }
    out.sort_by_key(|c| c.class);
    out
}

/// What withdrawing a policy obliges: the data it covers are still kept by its retention rules,
/// so its notice stays available until they are gone.
pub fn withdrawn(policy: &Policy) -> Vec<Change> {
    vec![Change {
        class: Class::NoticeUpdate,
        kind: "policy",
        id: policy.header.id.value.clone(),
        change: "removed".to_string(),
        detail: String::new(),
        why: "policy withdrawn: keep its notice available while data it covers are kept, and delete them by its retention rules",
    }]
}
