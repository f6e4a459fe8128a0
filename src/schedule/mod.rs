//! The machine-readable retention schedule: one entry per retention rule, with the data
//! categories, subject groups and purposes it covers spelled out, its trigger event, its period
//! as an ISO 8601 duration, alignment, action and legal reference. Deletion jobs read it (as
//! JSON or YAML); `due` evaluates it against recorded events.

pub mod due;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::facts::Facts;
use crate::model::vocab::{Action, Alignment, Jurisdiction, Lang, Vocabulary};
use crate::model::{Period, Policy, Purpose, RetentionRule, Text, Trigger, text::TextValue};
use crate::span::SourceFile;

/// The schedule of one policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    pub policy: String,
    pub generator: String,
    pub source: String,
    pub jurisdiction: Jurisdiction,
    /// The first day of the controller's financial year: `{ month: 7, day: 1 }`.
    pub financial_year_start: MonthDay,
    pub rules: Vec<Rule>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthDay {
    pub month: u8,
    pub day: u8,
}

/// One retention rule, with what it covers made explicit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub data: Vec<String>,
    pub subjects: Vec<String>,
    pub purposes: Vec<String>,
    pub storage: Vec<String>,
    /// The event the period counts from; absent when data is kept indefinitely.
    pub trigger: Option<Event>,
    /// ISO 8601 duration after the (aligned) event; `P0D` when the action runs at the event,
    /// absent when data is kept indefinitely.
    pub duration: Option<String>,
    /// The duration is a maximum: the action may run sooner.
    pub up_to: bool,
    /// The action runs at the latest this long after this event, whichever comes first.
    pub limit: Option<RuleLimit>,
    pub align: Option<Alignment>,
    pub action: Action,
    /// ISO 8601 interval at which the person is asked to confirm, failing which the action runs.
    pub reconfirm: Option<String>,
    pub law: Option<Wording>,
    pub justification: Option<Wording>,
    /// Where the rule is written: `policies/x.policy:31:1`.
    pub location: Location,
    /// What the policy marks `unconfirmed` in this rule: a period not known yet has no
    /// `trigger` or `duration` here, and nothing may act on it until it is confirmed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unconfirmed: Vec<UnconfirmedNote>,
}

/// An unconfirmed item of a rule (`None`: the whole rule) and what must be confirmed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnconfirmedNote {
    pub item: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleLimit {
    pub trigger: Event,
    pub duration: String,
}

/// An event: a standard one, or one the policy declares with its name per language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub event: String,
    pub standard: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Wording>,
}

/// Text from the policy: one string, or one per language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Wording {
    Same(String),
    PerLanguage(BTreeMap<Lang, String>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

/// The schedule of a checked policy.
pub fn schedule(policy: &Policy, file: &SourceFile) -> Schedule {
    schedule_of(&crate::facts::derive(policy), file)
}

/// The schedule from the facts derived once for the policy (which rules cover which purposes).
pub fn schedule_of(facts: &Facts, file: &SourceFile) -> Schedule {
    let policy = facts.policy;
    let fy = policy.controller.financial_year_start;
    Schedule {
        policy: policy.header.id.value.clone(),
        generator: format!("policyc {}", env!("CARGO_PKG_VERSION")),
        source: file.name.clone(),
        jurisdiction: policy.header.jurisdiction.value,
        financial_year_start: MonthDay { month: fy.month.number(), day: fy.day },
        rules: policy
            .retention
            .iter()
            .zip(&facts.coverage.purposes_of_rule)
            .map(|(r, ps)| rule(policy, r, ps, file))
            .collect(),
    }
}

fn rule(policy: &Policy, r: &RetentionRule, purposes: &[usize], file: &SourceFile) -> Rule {
    let covered = covered(policy, r, purposes);
    let (trigger, duration, up_to) = match &r.period.value {
        Period::After { duration, up_to, event } => (Some(event_of(policy, event)), Some(duration.iso8601()), *up_to),
        Period::Until(event) => (Some(event_of(policy, event)), Some("P0D".to_string()), false),
        Period::Indefinitely | Period::Unconfirmed => (None, None, false),
    };
    let (line, column) = file.line_col(r.id.span.start);
    Rule {
        id: r.id.value.clone(),
        data: covered.data,
        subjects: covered.subjects,
        purposes: covered.purposes,
        storage: r.storage.iter().map(|s| s.name.clone()).collect(),
        trigger,
        duration,
        up_to,
        limit: r
            .limit
            .as_ref()
            .map(|l| RuleLimit { trigger: event_of(policy, &l.event), duration: l.duration.iso8601() }),
        align: r.align,
        action: r.action,
        reconfirm: r.reconfirm.map(|d| d.iso8601()),
        law: r.law.as_ref().map(wording),
        justification: r.justification.as_ref().map(wording),
        location: Location { file: file.name.clone(), line, column },
        unconfirmed: policy
            .unconfirmed
            .iter()
            .filter(|u| u.block == "retention" && u.name.as_deref() == Some(r.id.value.as_str()))
            .map(|u| UnconfirmedNote { item: u.item.clone(), reason: u.reason.clone() })
            .collect(),
    }
}

fn event_of(policy: &Policy, t: &Trigger) -> Event {
    match t {
        Trigger::Standard(e) => Event { event: e.word().to_string(), standard: true, name: None },
        Trigger::Custom(r) => {
            Event { event: r.name.clone(), standard: false, name: Some(wording(&policy.events[r.index].name)) }
        }
    }
}

fn wording(t: &Text) -> Wording {
    match &t.value {
        TextValue::Same(s) => Wording::Same(s.clone()),
        TextValue::Translated(map) => Wording::PerLanguage(map.clone()),
    }
}

/// What a rule covers, in declaration order. A rule's empty list means "all": it is resolved
/// against the purposes that use the data, so the schedule never says "all".
struct Covered {
    data: Vec<String>,
    subjects: Vec<String>,
    purposes: Vec<String>,
}

/// What `r` covers among the purposes that `model::coverage` found it covers.
fn covered(policy: &Policy, r: &RetentionRule, covering: &[usize]) -> Covered {
    // Indexes of what is covered, sorted at the end into the order of the policy: proportional
    // to what the rule covers, not to the size of the policy (this runs once per rule).
    let (mut data, mut groups, mut purposes) = (Vec::new(), Vec::new(), Vec::new());
    for &pi in covering {
        let p: &Purpose = &policy.purposes[pi];
        let used_data: Vec<usize> =
            p.data.iter().filter(|d| r.data.is_empty() || r.data.contains(d)).map(|d| d.index).collect();
        let used_groups: Vec<usize> =
            p.subjects.iter().filter(|g| r.subjects.is_empty() || r.subjects.contains(g)).map(|g| g.index).collect();
        let groups_ok = p.subjects.is_empty() || !used_groups.is_empty();
        if used_data.is_empty() || !groups_ok {
            continue;
        }
        purposes.push(pi);
        data.extend(used_data);
        groups.extend(used_groups);
    }
    let pick = |mut indexes: Vec<usize>, name: &dyn Fn(usize) -> String| -> Vec<String> {
        indexes.sort_unstable();
        indexes.dedup();
        indexes.into_iter().map(name).collect()
    };
    Covered {
        data: pick(data, &|i| policy.data[i].id.value.clone()),
        subjects: pick(groups, &|i| policy.groups[i].id.value.clone()),
        purposes: pick(purposes, &|i| policy.purposes[i].id.value.clone()),
    }
}
