//! Unconfirmed facts: each `unconfirmed` marker is a warning until someone confirms the fact.
//! A policy is legally complete only when none is left; until then its notices are drafts.

use crate::check::Ctx;
use crate::diagnostic::{Code, Diagnostic};

pub fn facts_are_confirmed(cx: &Ctx) -> Vec<Diagnostic> {
    cx.policy
        .unconfirmed
        .iter()
        .map(|u| {
            let noun = match u.block.as_str() {
                "policy" => "the policy header",
                "controller" => "the controller",
                "group" => "subject group",
                "data" => "data category",
                "storage" => "storage place",
                "retention" => "retention rule",
                "security" => "the security block",
                "rights" => "the rights block",
                other => other,
            };
            let whose = match &u.name {
                Some(name) => format!("{noun} `{name}`"),
                None => noun.to_string(),
            };
            let what = match &u.item {
                Some(item) if u.no_value => format!("`{item}` of {whose} is not known yet"),
                Some(item) => format!("`{item}` of {whose} is not confirmed"),
                None => format!("{whose} is not confirmed"),
            };
            Diagnostic::new(Code::Unconfirmed, what, u.span, u.reason.clone()).with_help(
                "confirm the fact and remove `unconfirmed`; until then `policyc build` writes a draft that marks it, and `build --final` refuses it",
            )
        })
        .collect()
}
