//! What a change obliges the controller to do. The classes are ordered from the most to the
//! least demanding; a change gets the most demanding class that applies.

use serde::Serialize;
use serde_json::Value;

use crate::diff::{Change, describe};
use crate::model::Policy;
use crate::model::vocab::LegalBasis;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// Consent given for the old processing does not cover the new: ask again (Art. 7).
    ReConsent,
    /// New processing: inform the people concerned before it starts (Art. 13(3), 14(4)).
    InformBefore,
    /// A new processor: a data processing agreement is needed first (Art. 28(3)).
    ProcessorAgreement,
    /// The notice's facts change: publish the new notice (Art. 12, 13, 14).
    NoticeUpdate,
    /// Only wording changed.
    Editorial,
}

impl Class {
    pub fn word(self) -> &'static str {
        match self {
            Class::ReConsent => "re-consent",
            Class::InformBefore => "inform-before",
            Class::ProcessorAgreement => "processor-agreement",
            Class::NoticeUpdate => "notice-update",
            Class::Editorial => "editorial",
        }
    }
}

const WHY_CONSENT: &str = "consent given before does not cover this: ask for consent again (Art. 7)";
const WHY_INFORM: &str = "new processing: inform the people concerned before it starts (Art. 13(3), 14(4))";
const WHY_PROCESSOR: &str = "a new processor: sign a data processing agreement first (Art. 28(3))";
const WHY_NOTICE: &str = "the notice's facts change: publish the updated notice (Art. 13, 14)";
const WHY_EDITORIAL: &str = "wording only";

/// Fields whose change is wording: texts that describe, never facts.
const WORDING: &[&str] =
    &["title", "description", "examples", "body", "consequence", "justification", "purpose", "version"];

/// A whole item added or removed.
pub fn whole(kind: &'static str, id: &str, added: bool, item: &Value, _old: &Policy, _new: &Policy) -> Change {
    let (class, why) = match (kind, added) {
        ("purpose", true) => (Class::InformBefore, WHY_INFORM),
        ("recipient", true) if item["role"] == "processor" => (Class::ProcessorAgreement, WHY_PROCESSOR),
        ("cookie", true) if item["class"] != "necessary" => (Class::ReConsent, WHY_CONSENT),
        ("section", _) => (Class::Editorial, WHY_EDITORIAL),
        _ => (Class::NoticeUpdate, WHY_NOTICE),
    };
    Change {
        class,
        kind,
        id: id.to_string(),
        change: if added { "added" } else { "removed" }.to_string(),
        detail: String::new(),
        why,
    }
}

/// One field of an item changed.
pub fn field(kind: &'static str, id: &str, key: &str, old: &Value, new: &Value, po: &Policy, pn: &Policy) -> Change {
    let consent_purpose = |p: &Policy| {
        p.purposes.iter().any(|x| x.id.value == id && x.bases.iter().any(|b| b.value == LegalBasis::Consent))
    };
    // Consent covers what it was given for: widening what a consent-based purpose does needs it again.
    let widens =
        matches!(key, "data" | "recipients" | "subjects" | "profiling" | "automated_decision" | "direct_marketing")
            && grows(old, new);
    let (class, why) = match (kind, key) {
        ("purpose", _) if consent_purpose(po) && consent_purpose(pn) && widens => (Class::ReConsent, WHY_CONSENT),
        ("purpose", "bases") if !consent_purpose(po) && consent_purpose(pn) => (Class::ReConsent, WHY_CONSENT),
        ("purpose", "profiling" | "automated_decision") if old.is_null() => (Class::InformBefore, WHY_INFORM),
        ("purpose", "direct_marketing") if new == &Value::Bool(true) => (Class::InformBefore, WHY_INFORM),
        ("recipient", "role") if new == "processor" => (Class::ProcessorAgreement, WHY_PROCESSOR),
        ("cookie", "class") if old == "necessary" => (Class::ReConsent, WHY_CONSENT),
        ("policy", "effective") => (Class::Editorial, WHY_EDITORIAL),
        (_, key) if WORDING.contains(&key) => (Class::Editorial, WHY_EDITORIAL),
        ("policy", "title") | ("section", _) => (Class::Editorial, WHY_EDITORIAL),
        _ => (Class::NoticeUpdate, WHY_NOTICE),
    };
    if (kind, key) == ("retention", "period") {
        return period_change(id, old, new, class, why);
    }
    Change { class, kind, id: id.to_string(), change: key.replace('_', "-"), detail: describe(old, new), why }
}

/// A retention period that changed: in words, and whether it got longer or shorter.
fn period_change(id: &str, old: &Value, new: &Value, class: Class, why: &'static str) -> Change {
    let (a, b) = (period(old), period(new));
    let change = match (a.1, b.1) {
        (Some(x), Some(y)) if y > x => "period longer",
        (Some(x), Some(y)) if y < x => "period shorter",
        (Some(_), None) if new.as_str() == Some("indefinitely") => "period longer",
        _ => "period changed",
    };
    Change {
        class,
        kind: "retention",
        id: id.to_string(),
        change: change.to_string(),
        detail: format!("{} -> {}", a.0, b.0),
        why,
    }
}

/// `P6M after last-contact`, with its length in days when it has one (for comparing).
fn period(v: &Value) -> (String, Option<u64>) {
    let event =
        |e: &Value| e.get("standard").or_else(|| e.get("custom")).and_then(Value::as_str).unwrap_or("?").to_string();
    if let Some(after) = v.get("after") {
        let duration = after["duration"].as_str().unwrap_or("?");
        let up_to = if after["up_to"] == Value::Bool(true) { "up to " } else { "" };
        return (format!("{up_to}{duration} after {}", event(&after["event"])), days(duration));
    }
    if let Some(until) = v.get("until") {
        return (format!("until {}", event(until)), Some(0));
    }
    ("indefinitely".to_string(), None)
}

/// The approximate length of an ISO 8601 duration in one unit, in days.
fn days(iso: &str) -> Option<u64> {
    let body = iso.strip_prefix('P')?;
    let (n, unit) = body.split_at(body.len().checked_sub(1)?);
    let n: u64 = n.parse().ok()?;
    Some(match unit {
        "Y" => n * 365,
        "M" => n * 30,
        "W" => n * 7,
        _ => n,
    })
}

/// Whether the new value holds something the old did not: more list entries, a block where
/// there was none, `true` where there was `false`.
fn grows(old: &Value, new: &Value) -> bool {
    match (old, new) {
        (Value::Array(a), Value::Array(b)) => b.iter().any(|x| !a.contains(x)),
        (Value::Null, v) => !v.is_null(),
        (Value::Bool(false), Value::Bool(true)) => true,
        _ => false,
    }
}
