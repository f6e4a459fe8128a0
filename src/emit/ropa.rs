//! The record of processing activities (GDPR Art. 30(1)): controller and DPO, and per purpose
//! the legal bases, subjects, data, recipients, transfers with safeguards, erasure time limits
//! and security measures. Written as JSON (the whole record) and CSV (one row per purpose).
//! Texts are in the policy's first declared language.

use serde::Serialize;

use crate::emit::csv::cell;
use crate::facts::Facts;
use crate::law::tables;
use crate::model::vocab::{Lang, Vocabulary};
use crate::model::{Period, Policy, Purpose, RetentionRule, Text, Transfer};

#[derive(Debug, Serialize)]
pub struct Record {
    pub policy: String,
    pub generator: String,
    pub source: String,
    pub language: Lang,
    pub controller: Party,
    pub representative: Option<Party>,
    pub dpo: Option<Party>,
    pub activities: Vec<Activity>,
    pub security_measures: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Party {
    pub name: Option<String>,
    pub registration: Option<String>,
    pub address: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// One purpose, as Art. 30(1)(b)-(f) asks.
#[derive(Debug, Serialize)]
pub struct Activity {
    pub id: String,
    pub purpose: String,
    pub legal_bases: Vec<String>,
    /// Art. 9(2), Art. 10 and identity-number conditions, as `art9:explicit-consent`.
    pub conditions: Vec<String>,
    pub subject_groups: Vec<String>,
    pub data_categories: Vec<String>,
    pub sources: Vec<String>,
    pub recipients: Vec<String>,
    pub third_country_transfers: Vec<String>,
    pub erasure: Vec<String>,
}

pub fn record(facts: &Facts, source: &str) -> Record {
    let policy = facts.policy;
    let lang = policy.header.languages.first().copied().unwrap_or(Lang::Da);
    let t = |x: &Text| x.get(lang).to_string();
    let c = &policy.controller;
    let contact = |x: &crate::model::Contact| Party {
        name: x.name.as_ref().map(t),
        registration: None,
        address: x.address.clone(),
        email: x.email.clone(),
        phone: x.phone.clone(),
    };
    Record {
        policy: policy.header.id.value.clone(),
        generator: format!("policyc {}", env!("CARGO_PKG_VERSION")),
        source: source.to_string(),
        language: lang,
        controller: Party {
            name: Some(t(&c.name)),
            registration: c.registration.clone(),
            address: c.address.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
        },
        representative: c.representative.as_ref().map(contact),
        dpo: c.dpo.as_ref().or(c.privacy_contact.as_ref()).map(contact),
        activities: policy
            .purposes
            .iter()
            .zip(&facts.coverage.rules_of_purpose)
            .map(|(p, rules)| activity(policy, p, rules, lang))
            .collect(),
        security_measures: policy.security.as_ref().map(|s| s.measures.iter().map(t).collect()).unwrap_or_default(),
    }
}

fn activity(policy: &Policy, p: &Purpose, rules: &[usize], lang: Lang) -> Activity {
    let t = |x: &Text| x.get(lang).to_string();
    let mut conditions = Vec::new();
    conditions.extend(p.art9.iter().map(|c| format!("art9:{}", c.condition.value.word())));
    conditions.extend(p.art10.as_ref().map(|c| format!("art10:{}", c.value.word())));
    conditions.extend(p.id_number.as_ref().map(|c| format!("id-number:{}", c.value.word())));
    let recipients: Vec<&crate::model::Recipient> = p.recipients.iter().map(|r| &policy.recipients[r.index]).collect();
    Activity {
        id: p.id.value.clone(),
        purpose: t(&p.title),
        legal_bases: p.bases.iter().map(|b| b.value.word().to_string()).collect(),
        conditions,
        subject_groups: p.subjects.iter().map(|g| t(&policy.groups[g.index].name)).collect(),
        data_categories: p.data.iter().map(|d| t(&policy.data[d.index].name)).collect(),
        sources: p
            .sources
            .iter()
            .map(|s| match s {
                crate::model::SourceRef::Person(_) => "person".to_string(),
                crate::model::SourceRef::Declared(r) => t(&policy.sources[r.index].name),
            })
            .collect(),
        recipients: recipients.iter().map(|r| format!("{} ({})", t(&r.name), r.role.value.word())).collect(),
        third_country_transfers: recipients
            .iter()
            .filter_map(|r| {
                let country = r.country.as_ref().filter(|c| !tables().is_eea(&c.value))?;
                let safeguard = match r.transfer.as_ref().map(|t| t.value) {
                    Some(Transfer::Adequacy(Some(f))) => format!("adequacy ({})", f.word()),
                    Some(Transfer::Adequacy(None)) => "adequacy".to_string(),
                    Some(Transfer::StandardContractualClauses) => "standard-contractual-clauses".to_string(),
                    Some(Transfer::BindingCorporateRules) => "binding-corporate-rules".to_string(),
                    Some(Transfer::Derogation(d)) => format!("derogation ({})", d.word()),
                    None => "none".to_string(),
                };
                Some(format!("{} -> {}: {safeguard}", t(&r.name), country.value))
            })
            .collect(),
        erasure: rules.iter().map(|&r| erasure(policy, &policy.retention[r])).collect(),
    }
}

/// `candidates: P6M after last-contact, then delete`.
fn erasure(policy: &Policy, r: &RetentionRule) -> String {
    let event = |t: &crate::model::Trigger| match t {
        crate::model::Trigger::Standard(e) => e.word().to_string(),
        crate::model::Trigger::Custom(e) => policy.events[e.index].id.value.clone(),
    };
    let period = match &r.period.value {
        Period::After { duration, up_to, event: e } => {
            format!("{}{} after {}", if *up_to { "up to " } else { "" }, duration.iso8601(), event(e))
        }
        Period::Until(e) => format!("until {}", event(e)),
        Period::Indefinitely => "indefinitely".to_string(),
        Period::Unconfirmed => "unconfirmed".to_string(),
    };
    let align = r.align.map_or(String::new(), |a| format!(" (from the end of the {})", a.word()));
    let limit = r
        .limit
        .as_ref()
        .map_or(String::new(), |l| format!(", at most {} after {}", l.duration.iso8601(), event(&l.event)));
    format!("{}: {period}{align}{limit}, then {}", r.id.value, r.action.word())
}

/// The record as CSV, one row per activity; list cells are joined with "; ".
pub fn csv(record: &Record) -> String {
    let mut out = String::from(
        "controller,purpose_id,purpose,legal_bases,conditions,subject_groups,data_categories,sources,recipients,third_country_transfers,erasure,security_measures\n",
    );
    let controller = record.controller.name.clone().unwrap_or_default();
    let security = record.security_measures.join("; ");
    for a in &record.activities {
        let cells = [
            controller.clone(),
            a.id.clone(),
            a.purpose.clone(),
            a.legal_bases.join("; "),
            a.conditions.join("; "),
            a.subject_groups.join("; "),
            a.data_categories.join("; "),
            a.sources.join("; "),
            a.recipients.join("; "),
            a.third_country_transfers.join("; "),
            a.erasure.join("; "),
            security.clone(),
        ];
        out.push_str(&cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}
