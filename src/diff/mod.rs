//! The semantic difference between two versions of a policy, on the resolved model rather
//! than the text: what was added, removed or changed, each change classified by what it
//! obliges the controller to do before publishing.

mod classify;
mod lifecycle;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::model::{Policy, Unconfirmed};

pub use classify::Class;
pub use lifecycle::{introduced, withdrawn};

/// One change between the old and the new policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub class: Class,
    /// The kind of item: `purpose`, `recipient`, `retention`, `controller`, ...
    pub kind: &'static str,
    /// The item's name (empty for the controller, the header and other single blocks).
    pub id: String,
    /// `added`, `removed`, or the field that changed.
    pub change: String,
    /// The old and new values of a changed field, or the items added to and removed from a list.
    pub detail: String,
    /// Why the class: the obligation in a few words.
    pub why: &'static str,
}

/// All changes, most demanding class first, then in the order of the policy.
pub fn diff(old: &Policy, new: &Policy) -> Vec<Change> {
    let (old_v, new_v) = (json(old), json(new));
    let mut changes = Vec::new();
    for (kind, key) in TABLES {
        compare_tables(kind, key, &old_v[key], &new_v[key], old, new, &mut changes);
    }
    for (kind, key) in SINGLES {
        compare_fields(kind, "", &old_v[key], &new_v[key], old, new, &mut changes);
    }
    compare_markers(old, new, &mut changes);
    changes.sort_by_key(|c| c.class);
    changes
}

/// `unconfirmed` markers added or removed: a draft's list of unconfirmed facts changes, and a
/// notice becomes final only when none is left.
fn compare_markers(old: &Policy, new: &Policy, out: &mut Vec<Change>) {
    let key = |u: &Unconfirmed| (u.block.clone(), u.name.clone(), u.item.clone());
    let place = |u: &Unconfirmed| {
        let mut s = u.block.clone();
        if let Some(name) = &u.name {
            s = format!("{s} {name}");
        }
        if let Some(item) = &u.item {
            s = format!("{s}: {item}");
        }
        s
    };
    let mut push = |u: &Unconfirmed, change: &str, why: &'static str| {
        out.push(Change {
            class: Class::NoticeUpdate,
            kind: "unconfirmed",
            id: place(u),
            change: change.to_string(),
            detail: u.reason.clone(),
            why,
        });
    };
    for u in old.unconfirmed.iter().filter(|u| !new.unconfirmed.iter().any(|n| key(n) == key(u))) {
        push(u, "confirmed", "a fact is confirmed: the notice loses its draft mark for it (Art. 13, 14)");
    }
    for u in new.unconfirmed.iter().filter(|u| !old.unconfirmed.iter().any(|o| key(o) == key(u))) {
        push(u, "marked unconfirmed", "a fact is no longer confirmed: the notice is a draft until it is");
    }
}

/// Lists of named items, by the key of the model's serialised form.
const TABLES: &[(&str, &str)] = &[
    ("purpose", "purposes"),
    ("data", "data"),
    ("group", "groups"),
    ("source", "sources"),
    ("recipient", "recipients"),
    ("storage", "storage"),
    ("event", "events"),
    ("retention", "retention"),
    ("cookie", "cookies"),
    ("section", "sections"),
];

/// Blocks a policy has once.
const SINGLES: &[(&str, &str)] =
    &[("policy", "header"), ("controller", "controller"), ("rights", "rights"), ("security", "security")];

fn json(policy: &Policy) -> Value {
    serde_json::to_value(policy).unwrap_or(Value::Null)
}

fn id_of(item: &Value) -> String {
    item.get("id").or_else(|| item.get("name")).and_then(Value::as_str).unwrap_or("").to_string()
}

fn compare_tables(
    kind: &'static str,
    _key: &str,
    old: &Value,
    new: &Value,
    po: &Policy,
    pn: &Policy,
    out: &mut Vec<Change>,
) {
    let empty = Vec::new();
    let old_items = old.as_array().unwrap_or(&empty);
    let new_items = new.as_array().unwrap_or(&empty);
    for item in old_items {
        let id = id_of(item);
        match new_items.iter().find(|n| id_of(n) == id) {
            None => out.push(classify::whole(kind, &id, false, item, po, pn)),
            Some(n) => compare_fields(kind, &id, item, n, po, pn, out),
        }
    }
    for item in new_items {
        let id = id_of(item);
        if !old_items.iter().any(|o| id_of(o) == id) {
            out.push(classify::whole(kind, &id, true, item, po, pn));
        }
    }
}

fn compare_fields(
    kind: &'static str,
    id: &str,
    old: &Value,
    new: &Value,
    po: &Policy,
    pn: &Policy,
    out: &mut Vec<Change>,
) {
    let empty = Map::new();
    let (o, n) = (old.as_object().unwrap_or(&empty), new.as_object().unwrap_or(&empty));
    if old.is_null() != new.is_null() {
        let (added, item) = if old.is_null() { (true, new) } else { (false, old) };
        out.push(classify::whole(kind, id, added, item, po, pn));
        return;
    }
    let mut keys: Vec<&String> = o.keys().chain(n.keys()).collect();
    keys.dedup();
    let mut seen = Vec::new();
    for key in keys {
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let (a, b) = (o.get(key).unwrap_or(&Value::Null), n.get(key).unwrap_or(&Value::Null));
        if a != b {
            out.push(classify::field(kind, id, key, a, b, po, pn));
        }
    }
}

/// `a, b` -> `a, c`: "+c -b"; other values: "old -> new".
pub(crate) fn describe(old: &Value, new: &Value) -> String {
    if let (Some(a), Some(b)) = (old.as_array(), new.as_array()) {
        let added: Vec<String> = b.iter().filter(|x| !a.contains(x)).map(short).collect();
        let removed: Vec<String> = a.iter().filter(|x| !b.contains(x)).map(short).collect();
        let mut parts = Vec::new();
        if !added.is_empty() {
            parts.push(format!("added {}", added.join(", ")));
        }
        if !removed.is_empty() {
            parts.push(format!("removed {}", removed.join(", ")));
        }
        if parts.is_empty() {
            return "reordered".to_string();
        }
        return parts.join("; ");
    }
    format!("{} -> {}", short(old), short(new))
}

fn short(v: &Value) -> String {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Null => "none".to_string(),
        other => other.to_string(),
    };
    if s.chars().count() > 60 { format!("{}...", s.chars().take(57).collect::<String>()) } else { s }
}
