//! The notice facts about processing: purposes and their legal grounds, recipients, storage,
//! retention, cookies, rights, security and free sections.

use serde::Serialize;

use crate::facts::entities::{ContactTbc, DataInfo, Md, Named};

#[derive(Debug, Clone, Serialize)]
pub struct PurposeInfo {
    pub id: String,
    pub title: Md,
    pub description: Option<Md>,
    pub groups: Vec<Named>,
    /// The id of the first declared group among `groups` (the by-audience layouts anchor the
    /// purpose there).
    pub first_group: Option<String>,
    pub data: Vec<Named>,
    /// The data categories of `data` in full, in the order the policy declares them.
    pub data_categories: Vec<DataInfo>,
    pub from_person: bool,
    pub sources: Vec<Named>,
    /// The legal bases, as lexicon keys: `public-task` is `public-task-authority` when the
    /// controller is a public authority (only then is official authority vested in it).
    pub bases: Vec<&'static str>,
    /// The policy marks `basis` `unconfirmed`: a draft marks the bases.
    pub basis_tbc: bool,
    /// The items the policy marks `unconfirmed` here (`*`: the whole declaration), each with a
    /// value the notice prints: a draft marks each where it stands.
    pub marked: Vec<String>,
    pub legitimate_interest: Option<Md>,
    /// The statute a legal-obligation or public-task purpose rests on (Art. 6(3)).
    pub law: Option<Md>,
    /// `law` names a collective agreement, not a statute (SE dataskyddslagen 2 kap. 1 §; DK
    /// § 12, employment law): the notice says it is one.
    pub law_agreement: bool,
    /// The Art. 9(2) conditions, each with the special-category data it covers here.
    pub art9: Vec<Art9Info>,
    pub art10: Option<&'static str>,
    /// The national provision behind `art10`, from `law/tables.yaml`.
    pub art10_reference: Option<Md>,
    pub id_number: Option<&'static str>,
    /// The national provision behind `id_number`, from `law/tables.yaml`.
    pub id_number_reference: Option<Md>,
    pub provision: Option<&'static str>,
    /// For a statutory or contractual duty to provide data: the categories it covers when that
    /// is not all of them. No duty is said of special-category or criminal-offence data, which
    /// no contract may demand and only a law the purpose names (`law`) could.
    pub provision_data: Option<Vec<Named>>,
    pub consequence: Option<Md>,
    pub profiling: Option<ProfilingInfo>,
    pub automated_decision: Option<ProfilingInfo>,
    pub recipients: Vec<Named>,
    pub storage: Vec<Named>,
    pub direct_marketing: bool,
    /// The retention rules that cover this purpose's data.
    pub retention: Vec<RetentionInfo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Art9Info {
    pub condition: &'static str,
    /// The national provision the condition rests on, from `law/tables.yaml`.
    pub reference: Option<Md>,
    pub data: Vec<Named>,
}

/// A legal ground and the purposes that rest on it.
#[derive(Debug, Clone, Serialize)]
pub struct GroundInfo {
    /// `basis`, `art9`, `art10` or `id-number`.
    pub kind: &'static str,
    /// The lexicon key (a basis as in `PurposeInfo::bases`, or a condition).
    pub key: &'static str,
    pub purposes: Vec<Named>,
    /// For an Art. 9 condition that covers only some categories: those categories.
    pub data: Vec<Named>,
    /// For an Art. 9 condition: the national provision it rests on, when it is the same for
    /// every purpose of the ground (else none is cited).
    pub reference: Option<Md>,
    /// Some purpose of the ground marks this condition `unconfirmed`.
    pub tbc: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProfilingInfo {
    pub logic: Option<Md>,
    pub consequences: Option<Md>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecipientInfo {
    pub id: String,
    pub name: Md,
    pub description: Option<Md>,
    pub role: &'static str,
    pub country: Option<String>,
    pub third_country: bool,
    pub transfer: Option<TransferInfo>,
    /// For a joint controller: the essence of the arrangement (Art. 26(2)).
    pub arrangement: Option<Md>,
    /// For a joint controller: what is controlled jointly, in the policy's words; else the
    /// purposes that name it.
    pub scope: Option<Md>,
    /// The items the policy marks `unconfirmed` here (`*`: the whole declaration), each with a
    /// value the notice prints: a draft marks each where it stands.
    pub marked: Vec<String>,
    /// The id of the first purpose, in the order the layout shows purposes, that uses this
    /// item: a layout that shows an item under each purpose describes it there in full, and
    /// refers to it from the others.
    pub first_purpose: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TransferInfo {
    /// `adequacy`, `standard-contractual-clauses`, `binding-corporate-rules` or `derogation`.
    pub mechanism: &'static str,
    /// For adequacy: the framework; for a derogation: which.
    pub detail: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StorageInfo {
    pub id: String,
    pub name: Md,
    pub description: Option<Md>,
    pub medium: &'static str,
    pub operator: Option<Named>,
    pub country: Option<String>,
    /// The items the policy marks `unconfirmed` here (`*`: the whole declaration), each with a
    /// value the notice prints: a draft marks each where it stands.
    pub marked: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RetentionInfo {
    pub id: String,
    pub data: Vec<Named>,
    pub groups: Vec<Named>,
    pub purposes: Vec<Named>,
    pub storage: Vec<Named>,
    pub period: PeriodInfo,
    /// The latest the action runs (whichever comes first).
    pub limit: Option<LimitInfo>,
    /// `financial-year` or `calendar-year`.
    pub align: Option<&'static str>,
    pub action: &'static str,
    pub reconfirm: Option<DurationInfo>,
    pub law: Option<Md>,
    pub justification: Option<Md>,
    pub description: Option<Md>,
    /// The one purpose the rule covers, when the rule's data are exactly that purpose's data: a
    /// notice may say "all the data of this purpose" instead of naming them. A rule that covers
    /// several purposes, or only some of a purpose's data, has its data named.
    pub whole_purpose: Option<Named>,
    /// The rule names groups, covers every purpose of those groups with all of its data, and no
    /// other rule covers those purposes for those groups: a notice may say "all the data about
    /// <groups>".
    pub whole_groups: bool,
    /// The items the policy marks `unconfirmed` here (`*`: the whole declaration), each with a
    /// value the notice prints: a draft marks each where it stands.
    pub marked: Vec<String>,
    /// The id of the first purpose, in the order the layout shows purposes, that uses this
    /// item: a layout that shows an item under each purpose describes it there in full, and
    /// refers to it from the others.
    pub first_purpose: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodInfo {
    /// `after`, `until` or `indefinitely`.
    pub kind: &'static str,
    pub duration: Option<DurationInfo>,
    pub up_to: bool,
    pub event: Option<EventInfo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LimitInfo {
    pub duration: DurationInfo,
    pub event: EventInfo,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct DurationInfo {
    pub amount: u32,
    /// `day`, `week`, `month` or `year`.
    pub unit: &'static str,
}

/// A standard event (its word, worded by the lexicon) or a declared one (its name).
#[derive(Debug, Clone, Serialize)]
pub struct EventInfo {
    pub standard: Option<&'static str>,
    pub name: Option<Md>,
}

#[derive(Debug, Serialize)]
pub struct CookieInfo {
    pub name: Md,
    pub provider: Option<Named>,
    pub class: &'static str,
    pub party: &'static str,
    pub session: bool,
    pub lifetime: Option<DurationInfo>,
    pub consent: bool,
    /// The policy marks `lifetime` `unconfirmed`: a draft marks the lifetime.
    pub lifetime_tbc: bool,
    /// The items the policy marks `unconfirmed` (`*`: the cookie as a whole): a draft marks
    /// each in its cell.
    pub marked: Vec<String>,
    pub purpose: Option<Md>,
}

/// The rights that apply, derived from the legal bases: each list names the purposes that
/// give rise to it (empty: the right does not arise).
#[derive(Debug, Serialize)]
pub struct RightsInfo {
    pub portability: Vec<Named>,
    pub objection: Vec<Named>,
    pub objection_marketing: Vec<Named>,
    pub withdraw_consent: Vec<Named>,
    pub automated_decisions: Vec<Named>,
    pub email: Option<Md>,
    pub email_href: Option<String>,
    pub phone: Option<Md>,
    pub address: Option<Md>,
    pub web: Option<Md>,
    pub web_href: Option<String>,
    /// Which of the rights block's own channels the policy marks `unconfirmed`.
    #[serde(flatten)]
    pub tbc: ContactTbc,
    pub respond_within: Option<DurationInfo>,
    pub description: Option<Md>,
    /// Some channel for rights requests is one of the controller's (the notice refers to the
    /// controller's contact details instead of repeating them); `email`, `phone`, `address`
    /// and `web` hold only the channels the rights block adds.
    pub controller_channels: bool,
    /// Some retention rule archives instead of deleting (Art. 17(3)(b)/(d)).
    pub erasure_archive: bool,
    /// Some data is kept because a law requires it (a retention rule names a law, or a purpose
    /// rests on a legal obligation): erasure does not reach it (Art. 17(3)(b)).
    pub erasure_kept_by_law: bool,
    /// Some purpose rests on a task in the public interest: erasure does not reach the data
    /// that task needs (Art. 17(3)(b)).
    pub erasure_public_task: bool,
    /// The items the policy marks `unconfirmed` here (`*`: the whole declaration), each with a
    /// value the notice prints: a draft marks each where it stands.
    pub marked: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct SecurityInfo {
    pub measures: Vec<Md>,
    pub breach_notification: bool,
    pub description: Option<Md>,
    /// The items the policy marks `unconfirmed` here (`*`: the whole declaration), each with a
    /// value the notice prints: a draft marks each where it stands.
    pub marked: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct SectionInfo {
    pub id: String,
    pub title: Md,
    pub body: Md,
    /// `start` (after the introduction) or `end`.
    pub place: &'static str,
    /// The items the policy marks `unconfirmed` here (`*`: the whole declaration), each with a
    /// value the notice prints: a draft marks each where it stands.
    pub marked: Vec<String>,
}
