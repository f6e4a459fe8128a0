//! Which rights arise from which purposes, and where requests go: derived here once, in no
//! language, and read by the notices (`items.rs`) and the TILT export.

use crate::model::vocab::{Art9Condition, LegalBasis};
use crate::model::{Policy, Purpose};

/// The purposes (indexes into `Policy::purposes`, in the policy's order) that give rise to each
/// right that depends on the processing.
#[derive(Debug, Clone, Default)]
pub struct RightsOf {
    /// Art. 20: consent or contract.
    pub portability: Vec<usize>,
    /// Art. 21(1): public task or legitimate interests.
    pub objection: Vec<usize>,
    /// Art. 21(2): direct marketing.
    pub objection_marketing: Vec<usize>,
    /// Art. 7(3): consent, or explicit consent to special-category data.
    pub withdraw_consent: Vec<usize>,
    /// Art. 22(3): decisions based solely on automated processing.
    pub automated_decisions: Vec<usize>,
}

pub fn rights_of(policy: &Policy) -> RightsOf {
    let with = |f: &dyn Fn(&Purpose) -> bool| -> Vec<usize> {
        policy.purposes.iter().enumerate().filter(|(_, p)| f(p)).map(|(i, _)| i).collect()
    };
    let has = |p: &Purpose, b: LegalBasis| p.bases.iter().any(|x| x.value == b);
    RightsOf {
        portability: with(&|p| has(p, LegalBasis::Consent) || has(p, LegalBasis::Contract)),
        objection: with(&|p| has(p, LegalBasis::PublicTask) || has(p, LegalBasis::LegitimateInterests)),
        objection_marketing: with(&|p| p.direct_marketing),
        withdraw_consent: with(&|p| has(p, LegalBasis::Consent) || p.has_art9(Art9Condition::ExplicitConsent)),
        automated_decisions: with(&|p| p.automated_decision.is_some()),
    }
}

/// Where rights requests go: each channel of the rights block, else the controller's.
#[derive(Debug, Clone, Copy)]
pub struct Channels<'a> {
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub address: Option<&'a str>,
    pub web: Option<&'a str>,
    /// The rights block's own channels, each only where it differs from the controller's (a
    /// notice refers to the controller's contact details instead of repeating them).
    pub added: [Option<&'a str>; 4],
    /// Some channel in use is one of the controller's.
    pub controllers: bool,
}

pub fn channels(policy: &Policy) -> Channels<'_> {
    let r = policy.rights.as_ref();
    let c = &policy.controller;
    let pairs = [
        (r.and_then(|r| r.email.as_deref()), c.email.as_deref()),
        (r.and_then(|r| r.phone.as_deref()), c.phone.as_deref()),
        (r.and_then(|r| r.address.as_deref()), c.address.as_deref()),
        (r.and_then(|r| r.web.as_deref()), c.web.as_deref()),
    ];
    let effective = pairs.map(|(ours, theirs)| ours.or(theirs));
    let controllers = pairs.iter().zip(&effective).any(|((_, theirs), eff)| eff.is_some() && eff == theirs);
    let [email, phone, address, web] = effective;
    Channels {
        email,
        phone,
        address,
        web,
        added: pairs.map(|(ours, theirs)| ours.filter(|x| Some(*x) != theirs)),
        controllers,
    }
}
