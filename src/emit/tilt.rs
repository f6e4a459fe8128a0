//! Stage 4, emit: the TILT export. A checked policy as a document in the Transparency
//! Information Language (`shared/interop/tilt/tilt-schema.json`, JSON Schema draft-07): the
//! Art. 13/14 facts, one `dataDisclosed` entry per data category, in the policy's first
//! declared language. The document is a function of the policy alone (no clock, no random
//! ids), so every build writes the same bytes.
//!
//! TILT requires some facts the language has no item for; those fields get the value the
//! schema accepts that claims least, and a comment says why. Facts TILT has no place for
//! (cookies, security measures, subject groups, storage places, objection rights, ...) are
//! left to the notices.

use std::collections::HashMap;

use serde::Serialize;

use crate::law::tables;
use crate::model::vocab::{Alignment, Art9Condition, Derogation, Lang, LegalBasis, Provision, Vocabulary};
use crate::model::{Contact, DataKind, Date, Period, Policy, Purpose, RetentionRule, Text, Transfer, Trigger};
use crate::span::SourceFile;

mod words;

use words::{Words, lookup, words};

/// A TILT document. Field names are TILT's.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tilt {
    pub meta: Meta,
    pub controller: Controller,
    pub data_protection_officer: Officer,
    pub data_disclosed: Vec<Disclosed>,
    pub third_country_transfers: Vec<ThirdCountry>,
    pub access_and_data_portability: Right,
    pub sources: Vec<Sourced>,
    pub right_to_information: Right,
    pub right_to_rectification_or_deletion: Right,
    pub right_to_data_portability: Right,
    pub right_to_withdraw_consent: Right,
    pub right_to_complain: Complaint,
    pub automated_decision_making: Automated,
    /// Always empty: a policy states its current purposes, not planned changes to them.
    pub changes_of_purpose: Vec<serde_json::Value>,
}

#[derive(Debug, Serialize)]
pub struct Meta {
    #[serde(rename = "_id")]
    pub id: String,
    pub name: String,
    pub created: String,
    pub modified: String,
    pub version: u64,
    pub language: &'static str,
    pub status: &'static str,
    pub url: String,
    #[serde(rename = "_hash")]
    pub hash: String,
}

#[derive(Debug, Serialize)]
pub struct Controller {
    pub name: String,
    pub address: String,
    pub country: &'static str,
    pub representative: Person,
}

#[derive(Debug, Serialize)]
pub struct Person {
    pub name: String,
    pub email: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Officer {
    pub name: String,
    pub address: String,
    pub country: &'static str,
    pub email: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Disclosed {
    #[serde(rename = "_id")]
    pub id: String,
    pub category: String,
    pub purposes: Vec<PurposeOf>,
    pub legal_bases: Vec<Basis>,
    pub legitimate_interests: Vec<Interest>,
    pub recipients: Vec<RecipientOf>,
    pub storage: Vec<Kept>,
    pub non_disclosure: NonDisclosure,
}

#[derive(Debug, Serialize)]
pub struct PurposeOf {
    pub purpose: String,
    pub description: String,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct Basis {
    /// `GDPR-6-1-a`: law, article, paragraph, letter.
    pub reference: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Interest {
    pub exists: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<String>,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct RecipientOf {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub category: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Kept {
    pub temporal: Vec<Temporal>,
    pub purpose_conditional: Vec<String>,
    pub legal_basis_conditional: Vec<String>,
    pub aggregation_function: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Temporal {
    pub description: String,
    /// ISO 8601 duration.
    pub ttl: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NonDisclosure {
    pub legal_requirement: bool,
    pub contractual_regulation: bool,
    pub obligation_to_provide: bool,
    pub consequences: String,
}

#[derive(Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThirdCountry {
    pub country: String,
    pub adequacy_decision: Safeguard,
    pub appropriate_guarantees: Safeguard,
    pub standard_data_protection_clause: Safeguard,
    // `presenceOfEnforceableRightsAndEffectiveRemedies` is left out: the policy does not say,
    // and `available: false` would claim there are none.
}

#[derive(Debug, PartialEq, Serialize)]
pub struct Safeguard {
    pub available: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sourced {
    #[serde(rename = "_id")]
    pub id: String,
    pub data_category: String,
    pub sources: Vec<SourceOf>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceOf {
    pub description: String,
    pub url: &'static str,
    pub publicly_available: bool,
}

#[derive(Debug, Serialize)]
pub struct Right {
    pub available: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Complaint {
    #[serde(flatten)]
    pub right: Right,
    pub supervisory_authority: Authority,
}

#[derive(Debug, Serialize)]
pub struct Authority {
    pub name: String,
    pub address: String,
    pub country: &'static str,
    /// Not a TILT field (TILT gives an authority no web address); TILT allows extra fields.
    pub url: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Automated {
    pub in_use: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logic_involved: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope_and_intended_effects: Option<String>,
}

/// TILT requires an e-mail address for the DPO and the controller's representative, and
/// checks its format, so no empty value passes. A policy without any e-mail address gets an
/// address in the `.invalid` domain, which RFC 6761 reserves for names that never exist: it
/// says "none" in a form the schema accepts and no mail can ever reach.
const NO_EMAIL: &str = "none@invalid";

/// TILT requires a creation date; without an `effective` date the policy has none. The zero
/// date of common date libraries (Go, .NET) says "unset" without inventing a plausible date.
const NO_DATE: &str = "0001-01-01";

/// The TILT document of a checked policy. `file` is the policy's source, whose retention
/// schedule says which rules cover which data.
pub fn tilt(policy: &Policy, file: &SourceFile) -> Tilt {
    let lang = policy.header.languages.first().copied().unwrap_or(Lang::ALL[0]);
    // The purposes that use each data category, found once: searching every purpose for each
    // category grows with the square of the policy.
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); policy.data.len()];
    for (pi, p) in policy.purposes.iter().enumerate() {
        for d in &p.data {
            if users[d.index].last() != Some(&pi) {
                users[d.index].push(pi);
            }
        }
    }
    let cx = Builder { policy, lang, words: words(lang), users };
    let c = &policy.controller;
    let name = cx.text(&c.name);
    // The controller's country is not written in a policy: the jurisdiction is the national
    // law of the country where it is established, and both are ISO 3166 codes.
    let country = policy.header.jurisdiction.value.word();
    let date = policy.header.effective.map_or_else(|| NO_DATE.to_string(), iso_date);
    let schedule = crate::schedule::schedule(policy, file);
    // The schedule has one rule per retention rule, in order, with "all" resolved: the rules
    // that keep each data category, in order.
    let data_index: HashMap<&str, usize> =
        policy.data.iter().enumerate().map(|(i, d)| (d.id.value.as_str(), i)).collect();
    let mut rules_of_data: Vec<Vec<usize>> = vec![Vec::new(); policy.data.len()];
    for (ri, rule) in schedule.rules.iter().enumerate().take(policy.retention.len()) {
        for d in rule.data.iter().filter_map(|d| data_index.get(d.as_str())) {
            if rules_of_data[*d].last() != Some(&ri) {
                rules_of_data[*d].push(ri);
            }
        }
    }
    let authority = &tables().national(policy.header.jurisdiction.value).authority;
    let rights = cx.rights_contact();
    let of = crate::facts::rights_of(policy);
    let portability = cx.titles(&of.portability);
    let withdraw = cx.titles(&of.withdraw_consent);
    let w = cx.words;
    Tilt {
        meta: Meta {
            id: policy.header.id.value.clone(),
            name: name.clone(),
            created: date.clone(),
            modified: date,
            version: version(policy.header.version.as_deref()),
            language: lang.word(),
            // A draft (facts marked `unconfirmed`) is not in force.
            status: if policy.unconfirmed.is_empty() { "active" } else { "inactive" },
            // Where the policy is published is not in the policy; the HTML notice `build`
            // writes beside this file is, as a relative reference.
            url: format!("{}.{}.html", policy.header.id.value, lang.word()),
            hash: fingerprint(serde_json::to_string(policy).unwrap_or_default().as_bytes()),
        },
        controller: Controller {
            name: name.clone(),
            address: c.address.clone().unwrap_or_default(),
            country,
            representative: cx.representative(),
        },
        data_protection_officer: cx.officer(country),
        data_disclosed: policy
            .data
            .iter()
            .enumerate()
            .map(|(i, _)| {
                let kept = rules_of_data[i].iter().map(|&r| cx.kept(&policy.retention[r])).collect();
                cx.disclosed(i, kept)
            })
            .collect(),
        third_country_transfers: cx.transfers(),
        access_and_data_portability: rights.right(true, w.access.to_string()),
        sources: cx.sources(),
        right_to_information: rights.right(true, w.access.to_string()),
        right_to_rectification_or_deletion: rights.right(true, w.rectification.to_string()),
        right_to_data_portability: rights.right(!portability.is_empty(), applies(w, &w.portability, &portability)),
        right_to_withdraw_consent: rights.right(!withdraw.is_empty(), applies(w, &w.withdraw, &withdraw)),
        right_to_complain: Complaint {
            right: rights.right(true, w.complain.to_string()),
            supervisory_authority: Authority {
                name: authority.name.clone(),
                address: authority.address.clone(),
                country,
                url: authority.web.clone(),
            },
        },
        automated_decision_making: cx.automated(),
        changes_of_purpose: Vec::new(),
    }
}

struct Builder<'a> {
    policy: &'a Policy,
    lang: Lang,
    words: &'static Words,
    /// For each data category, the purposes that use it, in order.
    users: Vec<Vec<usize>>,
}

impl Builder<'_> {
    fn text(&self, t: &Text) -> String {
        t.get(self.lang).to_string()
    }

    fn opt(&self, t: &Option<Text>) -> Option<String> {
        t.as_ref().map(|t| self.text(t))
    }

    fn has(&self, p: &Purpose, b: LegalBasis) -> bool {
        p.bases.iter().any(|x| x.value == b)
    }

    fn titles(&self, purposes: &[usize]) -> Vec<String> {
        purposes.iter().map(|&i| self.text(&self.policy.purposes[i].title)).collect()
    }

    fn using(&self, data: usize) -> impl Iterator<Item = &Purpose> {
        self.users[data].iter().map(|&p| &self.policy.purposes[p])
    }

    /// TILT requires a representative. A controller established in the EU has no Art. 27
    /// representative, so without a declared one the controller stands for itself.
    fn representative(&self) -> Person {
        let c = &self.policy.controller;
        let r = c.representative.as_ref();
        Person {
            name: r.and_then(|r| self.opt(&r.name)).unwrap_or_else(|| self.text(&c.name)),
            email: r.and_then(|r| r.email.clone()).or_else(|| c.email.clone()).unwrap_or_else(|| NO_EMAIL.into()),
            phone: phone(r.and_then(|r| r.phone.as_deref()).or(c.phone.as_deref())),
        }
    }

    /// TILT requires a DPO. Without one, the contact for privacy questions takes its place,
    /// and without that the controller's own contact details (Art. 13(1)(a) makes the
    /// controller the contact). Each missing detail falls back to the controller's.
    fn officer(&self, country: &'static str) -> Officer {
        let c = &self.policy.controller;
        let who: Option<&Contact> = c.dpo.as_ref().or(c.privacy_contact.as_ref());
        Officer {
            name: who.and_then(|w| self.opt(&w.name)).unwrap_or_else(|| self.text(&c.name)),
            address: who.and_then(|w| w.address.clone()).or_else(|| c.address.clone()).unwrap_or_default(),
            country,
            email: who.and_then(|w| w.email.clone()).or_else(|| c.email.clone()).unwrap_or_else(|| NO_EMAIL.into()),
            phone: phone(who.and_then(|w| w.phone.as_deref()).or(c.phone.as_deref())),
        }
    }

    fn disclosed(&self, i: usize, storage: Vec<Kept>) -> Disclosed {
        let d = &self.policy.data[i];
        let mut bases = Vec::new();
        let mut interests = Vec::new();
        let mut recipients = Vec::new();
        let mut consequences: Vec<String> = Vec::new();
        let provisions: Vec<Provision> = self.using(i).filter_map(|p| p.provision.as_ref().map(|x| x.value)).collect();
        let national = tables().national(self.policy.header.jurisdiction.value);
        for p in self.using(i) {
            for b in &p.bases {
                push_new(&mut bases, Basis { reference: art6(b.value), description: None });
            }
            // The extra conditions apply to the kind of data they are about.
            match d.kind.value {
                DataKind::Special(_) => {
                    if let Some(c) = p.art9_for(i) {
                        push_new(&mut bases, Basis { reference: art9(c.condition.value), description: None });
                    }
                }
                DataKind::Criminal => {
                    if let Some(c) = &p.art10 {
                        let law = national.art10.iter().find(|a| a.condition == c.value).map(|a| a.reference.clone());
                        push_new(&mut bases, Basis { reference: "GDPR-10", description: law });
                    }
                }
                // Art. 87 lets national law set the conditions for identity numbers.
                DataKind::NationalId => {
                    if let Some(c) = &p.id_number {
                        let law =
                            national.id_number.iter().find(|a| a.condition == c.value).map(|a| a.reference.clone());
                        push_new(&mut bases, Basis { reference: "GDPR-87", description: law });
                    }
                }
                DataKind::Ordinary | DataKind::Financial => {}
            }
            if self.has(p, LegalBasis::LegitimateInterests) {
                interests.push(Interest {
                    exists: true,
                    reasoning: Some(self.opt(&p.legitimate_interest).unwrap_or_default()),
                });
            }
            for r in &p.recipients {
                let r = &self.policy.recipients[r.index];
                let category = lookup(&self.words.roles, r.role.value);
                let country = r.country.as_ref().map(|c| c.value.clone());
                push_new(&mut recipients, RecipientOf { name: self.text(&r.name), country, category });
            }
            if let Some(c) = self.opt(&p.consequence) {
                push_new(&mut consequences, c);
            }
        }
        if interests.is_empty() {
            interests.push(Interest { exists: false, reasoning: None });
        }
        let statutory = provisions.contains(&Provision::Statutory);
        let contractual =
            provisions.contains(&Provision::Contractual) || provisions.contains(&Provision::PreContractual);
        Disclosed {
            id: d.id.value.clone(),
            category: self.text(&d.name),
            purposes: self
                .using(i)
                .map(|p| PurposeOf {
                    purpose: self.text(&p.title),
                    // Required by TILT; a purpose without a description has only its title.
                    description: self.opt(&p.description).unwrap_or_default(),
                })
                .collect(),
            legal_bases: bases,
            legitimate_interests: interests,
            recipients,
            storage,
            non_disclosure: NonDisclosure {
                legal_requirement: statutory,
                contractual_regulation: contractual,
                // Needed to enter into a contract is a requirement, not an obligation: the
                // person may choose not to contract.
                obligation_to_provide: statutory || provisions.contains(&Provision::Contractual),
                consequences: consequences.join("\n\n"),
            },
        }
    }

    /// One retention rule as TILT storage: its period and its limit as durations, whichever
    /// ends first (`min`). TILT durations have no start, so each description names the event
    /// its duration counts from.
    fn kept(&self, r: &RetentionRule) -> Kept {
        let w = self.words;
        let align = match r.align {
            Some(Alignment::FinancialYear) => format!(", {}", w.financial_year),
            Some(Alignment::CalendarYear) => format!(", {}", w.calendar_year),
            None => String::new(),
        };
        let law = self.opt(&r.law).map(|l| format!(" ({l})")).unwrap_or_default();
        let mut temporal = Vec::new();
        match &r.period.value {
            Period::After { duration, up_to, event } => {
                let lead = if *up_to { &w.at_most } else { &w.counted_from };
                let description = format!("{lead} {}{align}{law}", self.event(event));
                temporal.push(Temporal { description, ttl: duration.iso8601() });
            }
            Period::Until(event) => {
                let description = format!("{} {}{align}{law}", w.until, self.event(event));
                temporal.push(Temporal { description, ttl: "P0D".into() });
            }
            // No duration to give: the justification below says why the data is kept.
            Period::Indefinitely => {}
            // Nothing confirmed to state.
            Period::Unconfirmed => {}
        }
        if let Some(l) = &r.limit {
            let description = format!("{} {}", w.at_latest, self.event(&l.event));
            temporal.push(Temporal { description, ttl: l.duration.iso8601() });
        }
        Kept {
            temporal,
            purpose_conditional: [&r.justification, &r.description].into_iter().filter_map(|t| self.opt(t)).collect(),
            // TILT wants coded references here (`SGB-100-42`); a policy names acts in free text,
            // which goes into the description above.
            legal_basis_conditional: Vec::new(),
            aggregation_function: "min",
        }
    }

    fn event(&self, t: &Trigger) -> String {
        match t {
            Trigger::Standard(e) => lookup(&self.words.events, *e).to_string(),
            Trigger::Custom(r) => self.text(&self.policy.events[r.index].name),
        }
    }

    /// Recipients outside the EU/EEA, with the safeguard the policy states. TILT's entries do
    /// not name the recipient, so two recipients in one country on one safeguard are one entry.
    fn transfers(&self) -> Vec<ThirdCountry> {
        let w = self.words;
        let tables = tables();
        let none = || Safeguard { available: false, description: None };
        let some = |d: String| Safeguard { available: true, description: Some(d) };
        self.policy
            .recipients
            .iter()
            .filter_map(|r| {
                let country = r.country.as_ref().filter(|c| !tables.is_eea(&c.value))?.value.clone();
                let mut t = ThirdCountry {
                    adequacy_decision: none(),
                    appropriate_guarantees: none(),
                    standard_data_protection_clause: none(),
                    country,
                };
                match r.transfer.as_ref().map(|t| t.value) {
                    Some(Transfer::Adequacy(_)) => {
                        let decision = tables
                            .adequacy(&t.country)
                            .map_or(String::new(), |a| format!(": {}, {}", a.name, iso_date(a.since)));
                        t.adequacy_decision = some(format!("{}{decision}", w.adequacy));
                    }
                    Some(Transfer::StandardContractualClauses) => {
                        t.appropriate_guarantees = some(w.scc.to_string());
                        t.standard_data_protection_clause = some(w.scc.to_string());
                    }
                    Some(Transfer::BindingCorporateRules) => t.appropriate_guarantees = some(w.bcr.to_string()),
                    // Art. 49 is the absence of a safeguard; say which exception applies.
                    Some(Transfer::Derogation(d)) => {
                        t.appropriate_guarantees.description = Some(format!("{}{}", w.derogation, derogation(d)));
                    }
                    None => {}
                }
                Some(t)
            })
            .fold(Vec::new(), |mut all, t| {
                push_new(&mut all, t);
                all
            })
    }

    /// The data categories obtained from declared sources (Art. 14(1)(d)), as the facts stage
    /// derives them for the notices (`facts::sources_of_data`).
    fn sources(&self) -> Vec<Sourced> {
        let of = crate::facts::sources_of_data(self.policy);
        self.policy
            .data
            .iter()
            .zip(of)
            .filter(|(_, sources)| !sources.is_empty())
            .map(|(d, sources)| Sourced {
                id: d.id.value.clone(),
                data_category: self.text(&d.name),
                sources: sources
                    .into_iter()
                    .map(|s| {
                        let s = &self.policy.sources[s];
                        let name = self.text(&s.name);
                        SourceOf {
                            description: self.opt(&s.description).map_or(name.clone(), |d| format!("{name}: {d}")),
                            // Required by TILT; a policy gives no address for a source,
                            // and the empty reference is the one that points nowhere.
                            url: "",
                            // TILT requires a yes or no; a source the policy does not
                            // call publicly accessible is exported as not.
                            publicly_available: s.publicly_accessible == Some(true),
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    /// Art. 22 decisions set `inUse`. TILT has no place for profiling that decides nothing, so
    /// its logic and consequences follow the decisions' in the same fields.
    fn automated(&self) -> Automated {
        let decisions = self.policy.purposes.iter().filter_map(|p| p.automated_decision.as_ref().map(|x| (p, x)));
        let profiling = self.policy.purposes.iter().filter_map(|p| p.profiling.as_ref().map(|x| (p, x)));
        let mut logic = Vec::new();
        let mut effects = Vec::new();
        for (p, x) in decisions.clone().chain(profiling) {
            let title = self.text(&p.title);
            logic.push(format!("{title}: {}", self.opt(&x.logic).unwrap_or_default()));
            effects.push(format!("{title}: {}", self.opt(&x.consequences).unwrap_or_default()));
        }
        let nonempty = |v: Vec<String>| (!v.is_empty()).then(|| v.join("\n\n"));
        Automated {
            in_use: decisions.count() > 0,
            logic_involved: nonempty(logic),
            scope_and_intended_effects: nonempty(effects),
        }
    }

    /// Where requests go: the rights block's channels, else the controller's (as the notices).
    fn rights_contact(&self) -> Contacts {
        let channels = crate::facts::channels(self.policy);
        Contacts { url: channels.web.map(str::to_string), email: channels.email.map(str::to_string) }
    }
}

struct Contacts {
    url: Option<String>,
    email: Option<String>,
}

impl Contacts {
    /// A right that does not arise gets no description and no channels.
    fn right(&self, available: bool, description: String) -> Right {
        Right {
            available,
            description: available.then_some(description),
            url: self.url.clone().filter(|_| available),
            email: self.email.clone().filter(|_| available),
        }
    }
}

/// A right's description, followed by the purposes it arises from.
fn applies(w: &Words, right: &str, purposes: &[String]) -> String {
    format!("{right} {} {}.", w.applies_to, purposes.join("; "))
}

fn iso_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn push_new<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// TILT counts versions as whole numbers from 1; a policy's version is free text (`2`,
/// `2.1`, `2024-05`), so its leading number is used, and 1 when it has none.
fn version(v: Option<&str>) -> u64 {
    let digits: String = v.unwrap_or("").chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|n| *n >= 1).unwrap_or(1)
}

/// A phone number in the form TILT's pattern accepts (`^[+]*[(]?[0-9]{1,4}[)]?[-\s./0-9]*$`),
/// or nothing: the field is optional, and a number written otherwise would fail the schema.
fn phone(p: Option<&str>) -> Option<String> {
    let p = p?;
    let rest = p.trim_start_matches('+');
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    let digits = rest.chars().take_while(char::is_ascii_digit).take(4).count();
    let rest = &rest[digits..];
    let rest = rest.strip_prefix(')').unwrap_or(rest);
    let ok = digits > 0 && rest.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || "-./".contains(c));
    ok.then(|| p.to_string())
}

/// A 256-bit fingerprint of `bytes` (TILT's `_hash` is 64 hex digits): four FNV-1a 64 hashes,
/// each seeded with its lane number. It tells that the model changed, not who changed it; it
/// is not a cryptographic hash.
fn fingerprint(bytes: &[u8]) -> String {
    (0u8..4)
        .map(|lane| {
            let hash = std::iter::once(lane)
                .chain(bytes.iter().copied())
                .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
            format!("{hash:016x}")
        })
        .collect()
}

fn art6(b: LegalBasis) -> &'static str {
    match b {
        LegalBasis::Consent => "GDPR-6-1-a",
        LegalBasis::Contract => "GDPR-6-1-b",
        LegalBasis::LegalObligation => "GDPR-6-1-c",
        LegalBasis::VitalInterests => "GDPR-6-1-d",
        LegalBasis::PublicTask => "GDPR-6-1-e",
        LegalBasis::LegitimateInterests => "GDPR-6-1-f",
    }
}

fn art9(c: Art9Condition) -> &'static str {
    match c {
        Art9Condition::ExplicitConsent => "GDPR-9-2-a",
        Art9Condition::EmploymentLaw => "GDPR-9-2-b",
        Art9Condition::VitalInterests => "GDPR-9-2-c",
        Art9Condition::NotForProfit => "GDPR-9-2-d",
        Art9Condition::MadePublic => "GDPR-9-2-e",
        Art9Condition::LegalClaims => "GDPR-9-2-f",
        Art9Condition::SubstantialPublicInterest => "GDPR-9-2-g",
        Art9Condition::HealthCare => "GDPR-9-2-h",
        Art9Condition::PublicHealth => "GDPR-9-2-i",
        Art9Condition::ArchivingResearch => "GDPR-9-2-j",
    }
}

/// The letter of Art. 49(1).
fn derogation(d: Derogation) -> &'static str {
    match d {
        Derogation::ExplicitConsent => "a",
        Derogation::Contract => "b",
        Derogation::PublicInterest => "d",
        Derogation::LegalClaims => "e",
        Derogation::VitalInterests => "f",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_kept_only_in_tilts_form() {
        for ok in ["+45 41772000", "31 222 111", "(040) 12-34.56", "0049 151 1234 5678"] {
            assert_eq!(phone(Some(ok)).as_deref(), Some(ok));
        }
        for bad in ["", "+", "ring 31 222 111", "+45 4177 (hverdage)", "12345) 6"] {
            assert_eq!(phone(Some(bad)), None, "{bad}");
        }
    }

    #[test]
    fn versions_and_fingerprints() {
        assert_eq!((version(None), version(Some("3")), version(Some("2.1")), version(Some("v2"))), (1, 3, 2, 1));
        assert_eq!(version(Some("0")), 1);
        let a = fingerprint(b"policy");
        assert_eq!(a.len(), 64);
        assert_eq!(a, fingerprint(b"policy"));
        assert_ne!(a, fingerprint(b"policz"));
    }
}
