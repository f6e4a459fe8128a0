//! Transparency: who the controller is and how to reach it, where data comes from, how rights
//! and consent withdrawals reach the controller, and the DPO a public authority must have.

use crate::check::Ctx;
use crate::check::lawfulness::has_basis;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Purpose;
use crate::model::vocab::{Art9Condition, LegalBasis};

pub fn purpose_names_source(cx: &Ctx) -> Vec<Diagnostic> {
    let partly = cx.policy.purposes.iter().filter_map(crate::check::sources::unsourced_data);
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
        .chain(partly)
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
    let Some(purpose) = cx.policy.purposes.iter().find(|p| relies_on_consent(p)) else {
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

fn relies_on_consent(p: &Purpose) -> bool {
    has_basis(p, LegalBasis::Consent) || p.has_art9(Art9Condition::ExplicitConsent)
}

/// A postal address is a channel, but people must also be able to make requests electronically.
/// No channel at all is E0220 or E0216; with a purpose on consent E0217 already reports it.
pub fn controller_not_only_by_post(cx: &Ctx) -> Vec<Diagnostic> {
    let c = &cx.policy.controller;
    let rights = cx.policy.rights.as_ref();
    let electronic = controller_has(cx, "email", &c.email)
        || controller_has(cx, "phone", &c.phone)
        || controller_has(cx, "web", &c.web)
        || rights.is_some_and(|r| {
            rights_has(cx, "email", &r.email) || rights_has(cx, "phone", &r.phone) || rights_has(cx, "web", &r.web)
        });
    let by_post = c.address.is_some() || rights.is_some_and(|r| r.address.is_some());
    if electronic || !by_post || cx.policy.purposes.iter().any(relies_on_consent) {
        return Vec::new();
    }
    let mut d = Diagnostic::new(
        Code::OnlyByPost,
        "the controller can be reached only by post",
        c.head,
        "only a postal address",
    );
    if let Some(r) = rights {
        d = d.with_secondary(r.head, "no e-mail, phone or web form here either");
    }
    vec![d.with_help(
        "add an `email`, `phone` or `web` form to the controller or to `rights`: people must be able to make their requests electronically too (Art. 12(2), recital 59)",
    )]
}

pub fn dpo_is_reachable(cx: &Ctx) -> Vec<Diagnostic> {
    let Some(dpo) = &cx.policy.controller.dpo else {
        return Vec::new();
    };
    let has = |item: &str, value: &Option<String>| controller_has(cx, &format!("dpo.{item}"), value);
    if has("email", &dpo.email) || has("phone", &dpo.phone) || has("address", &dpo.address) || has("web", &dpo.web) {
        return Vec::new();
    }
    // The block starts with its keyword: point at `dpo`, not at the whole block.
    let keyword = crate::span::Span::new(dpo.span.start, dpo.span.start + "dpo".len());
    vec![
        Diagnostic::new(
            Code::DpoUnreachable,
            "the data protection officer has no contact details",
            keyword,
            "no e-mail, phone, address or web",
        )
        .with_help("add the DPO's `email`, `phone`, `address` or `web` inside `dpo { ... }`: the notice must give them (Art. 13(1)(b))"),
    ]
}

/// A channel given, or marked as not known yet (its marker is a warning of its own).
fn controller_has(cx: &Ctx, item: &str, value: &Option<String>) -> bool {
    value.is_some() || cx.policy.is_unconfirmed("controller", None, item)
}

/// The same for the rights block.
fn rights_has(cx: &Ctx, item: &str, value: &Option<String>) -> bool {
    value.is_some() || cx.policy.is_unconfirmed("rights", None, item)
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
