//! Transparency: who the controller is and how to reach it, where data comes from, how rights
//! and consent withdrawals reach the controller, and the DPO a public authority must have.

use crate::check::Ctx;
use crate::check::lawfulness::has_basis;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::vocab::{Art9Condition, LegalBasis};

pub fn purpose_names_source(cx: &Ctx) -> Vec<Diagnostic> {
    cx.policy
        .purposes
        .iter()
        .filter(|p| p.sources.is_empty())
        .map(|p| {
            Diagnostic::new(
                Code::NoSource,
                format!("purpose `{}` does not say where its data comes from", p.id.value),
                p.id.span,
                "no `sources`",
            )
            .with_help("add `sources person` for data the person gives, and the declared sources of anything else (Art. 14(2)(f))")
        })
        .collect()
}

/// Whether the rights block or the controller gives a way to reach the controller.
fn has_rights_channel(cx: &Ctx) -> bool {
    let c = &cx.policy.controller;
    cx.policy.rights.as_ref().is_some_and(rights_block_has_channel)
        || c.email.is_some()
        || c.phone.is_some()
        || c.address.is_some()
}

fn rights_block_has_channel(r: &crate::model::Rights) -> bool {
    r.email.is_some() || r.phone.is_some() || r.address.is_some() || r.web.is_some()
}

/// Without a `rights` block the notice points people to the controller's own contact details
/// (which `controller_is_reachable` demands); a `rights` block must name its channel.
pub fn rights_have_contact(cx: &Ctx) -> Vec<Diagnostic> {
    let Some(rights) = &cx.policy.rights else {
        return Vec::new();
    };
    let marked = ["email", "phone", "address", "web"].iter().any(|i| cx.policy.is_unconfirmed("rights", None, i));
    if rights_block_has_channel(rights) || marked {
        return Vec::new();
    }
    vec![
        Diagnostic::new(
            Code::NoRightsContact,
            "the rights block does not say where to send requests",
            rights.head,
            "no e-mail, phone, address or web form",
        )
        .with_help("add the channel people use to exercise their rights: `email \"...\"`, `phone`, `address` or `web`"),
    ]
}

pub fn consent_is_easy_to_withdraw(cx: &Ctx) -> Vec<Diagnostic> {
    // Without any channel the rights rule already reports; this rule is about a channel that
    // exists but is harder to use than giving consent was.
    if !has_rights_channel(cx) {
        return Vec::new();
    }
    let Some(purpose) = cx.policy.purposes.iter().find(|p| {
        has_basis(p, LegalBasis::Consent) || p.art9.as_ref().is_some_and(|c| c.value == Art9Condition::ExplicitConsent)
    }) else {
        return Vec::new();
    };
    let c = &cx.policy.controller;
    let rights = cx.policy.rights.as_ref();
    let easy = rights.is_some_and(|r| r.email.is_some() || r.phone.is_some() || r.web.is_some())
        || c.email.is_some()
        || c.phone.is_some()
        || c.web.is_some();
    if easy {
        return Vec::new();
    }
    vec![
        Diagnostic::new(
            Code::HardToWithdraw,
            format!("purpose `{}` relies on consent, but consent can only be withdrawn by post", purpose.id.value),
            purpose.id.span,
            "relies on consent",
        )
        .with_help("withdrawing consent must be as easy as giving it: add an e-mail, phone or web form to `rights`"),
    ]
}

/// A channel given, or marked as not known yet (its marker is a warning of its own).
fn controller_has(cx: &Ctx, item: &str, value: &Option<String>) -> bool {
    value.is_some() || cx.policy.is_unconfirmed("controller", None, item)
}

pub fn controller_is_reachable(cx: &Ctx) -> Vec<Diagnostic> {
    let c = &cx.policy.controller;
    if controller_has(cx, "email", &c.email)
        || controller_has(cx, "phone", &c.phone)
        || controller_has(cx, "address", &c.address)
    {
        return Vec::new();
    }
    vec![
        Diagnostic::new(
            Code::ControllerUnreachable,
            "the controller has no contact details",
            c.head,
            "no e-mail, phone or address",
        )
        .with_help("add the controller's `email`, `phone` or `address`: the notice must say how to reach it"),
    ]
}

pub fn controller_is_identified(cx: &Ctx) -> Vec<Diagnostic> {
    let c = &cx.policy.controller;
    if controller_has(cx, "address", &c.address) || controller_has(cx, "registration", &c.registration) {
        return Vec::new();
    }
    let number = match cx.policy.header.jurisdiction.value {
        crate::model::vocab::Jurisdiction::Dk => "CVR number",
        crate::model::vocab::Jurisdiction::Se => "organisationsnummer",
    };
    vec![
        Diagnostic::new(
            Code::ControllerUnidentified,
            "the controller gives neither an address nor a registration number",
            c.head,
            "no address or registration number",
        )
        .with_help(format!(
            "add `address \"...\"` or `registration \"...\"` (the {number}) so that people can identify the controller"
        )),
    ]
}

pub fn authority_has_dpo(cx: &Ctx) -> Vec<Diagnostic> {
    let c = &cx.policy.controller;
    if !c.public_authority || c.dpo.is_some() {
        return Vec::new();
    }
    vec![
        Diagnostic::new(Code::NoDpo, "a public authority must designate a data protection officer", c.head, "no `dpo`")
            .with_help("add `dpo { name ...  email \"...\" }` to the controller (Art. 37(1)(a)); the notice must give its contact details"),
    ]
}
