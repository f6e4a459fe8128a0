//! Cookies (ePrivacy Art. 5(3); DK cookiebekendtgørelsen, SE lagen om elektronisk
//! kommunikation): consent before any cookie that is not strictly necessary, and a stated
//! lifetime for every cookie.

use crate::check::Ctx;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::vocab::{CookieClass, Vocabulary};

pub fn non_essential_cookie_has_consent(cx: &Ctx) -> Vec<Diagnostic> {
    cx.policy
        .cookies
        .iter()
        .filter(|c| c.class.value != CookieClass::Necessary && c.consent.as_ref().is_none_or(|b| !b.value))
        .map(|c| {
            let (span, label) = match &c.consent {
                Some(b) => (b.span, "consent is required"),
                None => (c.name.span, "is consent asked?"),
            };
            Diagnostic::new(
                Code::CookieWithoutConsent,
                format!("cookie `{}` is a {} cookie, which may be set only with consent", c.name.value, c.class.value.word()),
                span,
                label,
            )
            .with_secondary(c.class.span, "not strictly necessary")
            .with_help("ask for consent before setting it and say so: `consent yes`; only `class necessary` cookies go without")
        })
        .collect()
}

pub fn cookie_has_lifetime(cx: &Ctx) -> Vec<Diagnostic> {
    cx.policy
        .cookies
        .iter()
        .filter(|c| c.lifetime.is_none() && !cx.policy.is_unconfirmed("cookie", Some(&c.name.value), "lifetime"))
        .map(|c| {
            Diagnostic::new(
                Code::CookieWithoutLifetime,
                format!("cookie `{}` does not say how long it lasts", c.name.value),
                c.name.span,
                "no `lifetime`",
            )
            .with_help("add `lifetime 24 months`, or `lifetime session` for a cookie deleted when the browser closes")
        })
        .collect()
}
