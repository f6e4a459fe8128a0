//! Joint controllers (Art. 26): the essence of their arrangement must be available to the
//! person, so the notice must be able to state it.

use crate::check::Ctx;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::vocab::RecipientRole;

pub fn joint_controllers_state_their_arrangement(cx: &Ctx) -> Vec<Diagnostic> {
    cx.policy
        .recipients
        .iter()
        .filter(|r| r.role.value == RecipientRole::JointController && r.arrangement.is_none())
        .filter(|r| !cx.policy.is_unconfirmed("recipient", Some(&r.id.value), "arrangement"))
        .map(|r| {
            Diagnostic::new(
                Code::NoArrangement,
                format!("joint controller `{}` has no `arrangement`", r.id.value),
                r.role.span,
                "joint controller",
            )
            .with_help("say in `arrangement da \"...\"` who does what: who informs people, who answers their requests, which processing each controls; the essence must be available to them (Art. 26(2)); write `arrangement unconfirmed \"...\"` until it is known")
        })
        .collect()
}
