//! The draft notes of a notice: each fact the policy marks `unconfirmed`, named in the
//! notice's language, so that a draft says visibly what is not yet confirmed.

use serde::Serialize;

use crate::facts::{Md, md};
use crate::model::vocab::Lang;
use crate::model::{Policy, Text};

/// One unconfirmed fact: the block (its keyword, worded by the lexicon) and the declaration's
/// name, the item's keyword (`None` for the whole block) and what must be confirmed.
#[derive(Debug, Clone, Serialize)]
pub struct DraftNote {
    pub block: String,
    pub name: Option<Md>,
    pub item: Option<String>,
    /// The item has no value yet, so the notice leaves it out.
    pub no_value: bool,
    pub reason: Md,
}

pub fn notes(policy: &Policy, lang: Lang) -> Vec<DraftNote> {
    policy
        .unconfirmed
        .iter()
        .map(|u| DraftNote {
            block: u.block.clone(),
            name: u.name.as_deref().map(|id| md(&display_name(policy, &u.block, id, lang))),
            // The lexicon words the last keyword of a nested item (`dpo.email` -> `email`).
            item: u.item.as_deref().map(|i| i.rsplit('.').next().unwrap_or(i).to_string()),
            no_value: u.no_value,
            reason: md(&u.reason),
        })
        .collect()
}

/// What the notice calls a declaration: its name or title, else its id.
fn display_name(policy: &Policy, block: &str, id: &str, lang: Lang) -> String {
    fn find<'a, T>(list: &'a [T], id: &str, key: impl Fn(&'a T) -> (&'a String, &'a Text)) -> Option<&'a Text> {
        list.iter().map(key).find(|(i, _)| i.as_str() == id).map(|(_, t)| t)
    }
    let text = match block {
        "group" => find(&policy.groups, id, |x| (&x.id.value, &x.name)),
        "data" => find(&policy.data, id, |x| (&x.id.value, &x.name)),
        "source" => find(&policy.sources, id, |x| (&x.id.value, &x.name)),
        "recipient" => find(&policy.recipients, id, |x| (&x.id.value, &x.name)),
        "storage" => find(&policy.storage, id, |x| (&x.id.value, &x.name)),
        "event" => find(&policy.events, id, |x| (&x.id.value, &x.name)),
        "purpose" => find(&policy.purposes, id, |x| (&x.id.value, &x.title)),
        "section" => find(&policy.sections, id, |x| (&x.id.value, &x.title)),
        _ => None,
    };
    text.map_or_else(|| id.to_string(), |t| t.get(lang).to_string())
}
