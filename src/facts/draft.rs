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
        "retention" => return retention_name(policy, id, lang),
        _ => None,
    };
    text.map_or_else(|| id.to_string(), |t| t.get(lang).to_string())
}

/// A retention rule has no name: the notice calls it by its data ("Navn, CPR-nummer og
/// kontaktoplysninger"), with its groups where it names some, else by its groups or purposes;
/// only a rule that names none of these is called by its id.
fn retention_name(policy: &Policy, id: &str, lang: Lang) -> String {
    let Some(r) = policy.retention.iter().find(|r| r.id.value == id) else { return id.to_string() };
    let and = if lang == Lang::Sv { " och " } else { " og " };
    // As the notices list names: later names in lower case ("Kontaktoplysninger" ->
    // "kontaktoplysninger", "CPR-nummer" stays), "; " between names that hold commas.
    let lower = |s: &str| {
        let mut c = s.chars();
        match (c.next(), c.next()) {
            (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
                a.to_lowercase().chain(s.chars().skip(1)).collect()
            }
            _ => s.to_string(),
        }
    };
    let list = |names: Vec<&str>| {
        let sep = if names.iter().any(|n| n.contains(',')) { "; " } else { ", " };
        let and = if names.iter().any(|n| n.contains(and)) { " samt " } else { and };
        let names: Vec<String> =
            names.iter().enumerate().map(|(i, n)| if i == 0 { (*n).to_string() } else { lower(n) }).collect();
        match names.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{}{and}{last}", rest.join(sep)),
            None => String::new(),
        }
    };
    let data = list(r.data.iter().map(|d| policy.data[d.index].name.get(lang)).collect());
    let groups = list(r.subjects.iter().map(|g| policy.groups[g.index].name.get(lang)).collect());
    let purposes = list(r.purposes.iter().map(|p| policy.purposes[p.index].title.get(lang)).collect());
    match (data.is_empty(), groups.is_empty()) {
        (false, false) => format!("{data} ({groups})"),
        (false, true) => data,
        (true, false) => groups,
        (true, true) if !purposes.is_empty() => purposes,
        (true, true) => id.to_string(),
    }
}

/// For each data category, whether it is unconfirmed: the policy marks its block (or an item of
/// it), or every purpose that uses it marks which data it uses (or itself as a whole), so the
/// category is there only by unconfirmed facts. Derived once per policy.
pub fn unconfirmed_data(policy: &Policy) -> Vec<bool> {
    let marked = |block: &str, name: &str, whole_or: Option<&str>| {
        policy.unconfirmed.iter().any(|u| {
            u.block == block
                && u.name.as_deref() == Some(name)
                && (whole_or.is_none() || u.item.is_none() || u.item.as_deref() == whole_or)
        })
    };
    let (mut used, mut all_marked) = (vec![false; policy.data.len()], vec![true; policy.data.len()]);
    for p in &policy.purposes {
        let data_marked = marked("purpose", &p.id.value, Some("data"));
        for d in &p.data {
            used[d.index] = true;
            all_marked[d.index] &= data_marked;
        }
    }
    policy
        .data
        .iter()
        .enumerate()
        .map(|(i, d)| marked("data", &d.id.value, None) || (used[i] && all_marked[i]))
        .collect()
}
