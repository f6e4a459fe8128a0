//! Stage 3 output, the resolved model: every name bound to its declaration, every word turned
//! into its legal meaning, defaults filled in. Later stages (check, emit) read only this.

pub mod coverage;
mod rebind;
mod refs;
pub mod text;

use serde::{Deserialize, Serialize};

pub use crate::calendar::{Date, Duration, Unit};
use crate::span::{Span, Spanned};
// The legal vocabularies are shared with the legal tables (`src/law`), so they live beside
// both; `model::vocab` stays their path for every stage.
pub use crate::vocab;

pub use rebind::{from_yaml, rebind};
pub use refs::Ref;
pub use text::Text;
use vocab::{
    Action, AdequacyFramework, Alignment, Art9Condition, Art10Condition, Channel, CookieClass, Derogation,
    IdNumberCondition, Jurisdiction, Lang, Layout, LegalBasis, Medium, Month, Party, Placement, Provision,
    RecipientRole, Relation, SpecialCategory, StandardEvent,
};

/// A whole policy.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Policy {
    pub header: Header,
    pub controller: Controller,
    pub groups: Vec<Group>,
    pub data: Vec<DataCategory>,
    pub sources: Vec<Source>,
    pub recipients: Vec<Recipient>,
    pub storage: Vec<Storage>,
    pub events: Vec<Event>,
    pub purposes: Vec<Purpose>,
    pub retention: Vec<RetentionRule>,
    pub cookies: Vec<Cookie>,
    pub security: Option<Security>,
    pub rights: Option<Rights>,
    pub sections: Vec<Section>,
    /// The facts the policy marks `unconfirmed`, in the order written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unconfirmed: Vec<Unconfirmed>,
}

/// A fact nobody has confirmed yet (`unconfirmed "..."`): a notice that states it is a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unconfirmed {
    /// Where the fact stands: the block's keyword (`controller`, `data`, ...) and name.
    pub block: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The item's keyword, `dpo.email` inside a nested block; `None` for the whole block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The item has no value at all (`email unconfirmed "..."`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_value: bool,
    /// What must be confirmed, in the author's words.
    pub reason: String,
    /// The marker, where messages point.
    #[serde(skip)]
    pub span: Span,
}

impl Policy {
    /// The marker on `item` of the block `block` named `name` (`item` `None`: on the block).
    pub fn unconfirmed(&self, block: &str, name: Option<&str>, item: Option<&str>) -> Option<&Unconfirmed> {
        self.unconfirmed.iter().find(|u| u.block == block && u.name.as_deref() == name && u.item.as_deref() == item)
    }

    /// Whether `item` (or the block itself) is marked, so that a rule treats an unknown value
    /// as given: the marker's own warning says it is still to be confirmed.
    pub fn is_unconfirmed(&self, block: &str, name: Option<&str>, item: &str) -> bool {
        self.unconfirmed(block, name, Some(item)).is_some()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    pub id: Spanned<String>,
    pub title: Option<Text>,
    pub languages: Vec<Lang>,
    pub jurisdiction: Spanned<Jurisdiction>,
    pub version: Option<String>,
    pub effective: Option<Date>,
    pub layout: Layout,
    #[serde(skip)]
    pub span: Span,
    /// `policy NAME`, where messages about the whole policy point.
    #[serde(skip)]
    pub head: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Controller {
    pub name: Text,
    pub registration: Option<String>,
    pub address: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub web: Option<String>,
    pub public_authority: bool,
    pub financial_year_start: DayOfYear,
    pub dpo: Option<Contact>,
    pub privacy_contact: Option<Contact>,
    pub representative: Option<Contact>,
    #[serde(skip)]
    pub span: Span,
    /// The `controller` keyword, where messages about the controller point.
    #[serde(skip)]
    pub head: Span,
}

/// A day in the year, such as the first day of the financial year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayOfYear {
    pub day: u8,
    pub month: Month,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Contact {
    pub name: Option<Text>,
    pub address: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub web: Option<String>,
    #[serde(skip)]
    pub span: Span,
}

/// A group of data subjects.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Group {
    pub id: Spanned<String>,
    pub name: Text,
    pub description: Option<Text>,
    /// Who they are to the controller, where the policy says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<Spanned<Relation>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DataCategory {
    pub id: Spanned<String>,
    pub name: Text,
    pub kind: Spanned<DataKind>,
    pub examples: Option<Text>,
    pub description: Option<Text>,
}

/// What the law makes of a data category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DataKind {
    Ordinary,
    Special(SpecialCategory),
    Criminal,
    NationalId,
    Financial,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub id: Spanned<String>,
    pub name: Text,
    pub description: Option<Text>,
    /// Whether the source is publicly accessible (Art. 14(2)(f)); `None` when the policy does
    /// not say, and then no notice states it either way.
    pub publicly_accessible: Option<bool>,
    /// The data categories obtained from this source; empty when the policy does not say, and
    /// then a notice says only that the source may supply some of the data of the purposes that
    /// name it (docs/language.md, `source`).
    pub data: Vec<Ref<DataCategory>>,
}

/// Where a purpose's data comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceRef {
    /// Collected from the person (Art. 13).
    Person(#[serde(skip)] Span),
    /// From a declared source (Art. 14).
    Declared(Ref<Source>),
}

impl SourceRef {
    /// Whether both name the same source (the person, or the same declared source).
    pub fn same(&self, other: &SourceRef) -> bool {
        match (self, other) {
            (SourceRef::Person(_), SourceRef::Person(_)) => true,
            (SourceRef::Declared(a), SourceRef::Declared(b)) => a.index == b.index,
            _ => false,
        }
    }

    /// How the policy names it: `person` or the source's name.
    pub fn name(&self) -> &str {
        match self {
            SourceRef::Person(_) => "person",
            SourceRef::Declared(r) => &r.name,
        }
    }
}

/// `sources SOURCE for DATA, ...`: which of a purpose's data come from that source (Art.
/// 14(1)(d)). The person may give the same data as another source, so two clauses may name the
/// same data.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SourceData {
    pub source: SourceRef,
    pub data: Vec<Ref<DataCategory>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Recipient {
    pub id: Spanned<String>,
    pub name: Text,
    pub description: Option<Text>,
    pub role: Spanned<RecipientRole>,
    /// ISO 3166 code; `None` means the recipient gave no country.
    pub country: Option<Spanned<String>>,
    pub transfer: Option<Spanned<Transfer>>,
    /// For a joint controller: the essence of the arrangement between us (Art. 26(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrangement: Option<Text>,
    /// For a joint controller: what we control together, where that is less than the purposes
    /// that name it (Art. 26; the Meta pixel is joint, the advertising that follows is not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Text>,
}

/// The safeguard for a transfer outside the EU/EEA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Transfer {
    Adequacy(Option<AdequacyFramework>),
    StandardContractualClauses,
    BindingCorporateRules,
    Derogation(Derogation),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Storage {
    pub id: Spanned<String>,
    pub name: Text,
    pub description: Option<Text>,
    pub medium: Medium,
    pub operated_by: Option<Ref<Recipient>>,
    pub country: Option<Spanned<String>>,
}

/// A custom event that starts a retention period.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub id: Spanned<String>,
    pub name: Text,
    pub description: Option<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Purpose {
    pub id: Spanned<String>,
    pub title: Text,
    pub description: Option<Text>,
    pub subjects: Vec<Ref<Group>>,
    pub data: Vec<Ref<DataCategory>>,
    /// Every source the purpose names, in either form of `sources`.
    pub sources: Vec<SourceRef>,
    /// Which of its data come from which source, where the purpose says (`sources S for D`);
    /// a source named only in the plain list gives data the purpose does not specify.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source_data: Vec<SourceData>,
    pub bases: Vec<Spanned<LegalBasis>>,
    pub legitimate_interest: Option<Text>,
    /// The Art. 9(2) conditions, each for some of the special-category data (or the rest).
    #[serde(deserialize_with = "art9_clauses")]
    pub art9: Vec<Art9Clause>,
    pub art10: Option<Spanned<Art10Condition>>,
    pub id_number: Option<Spanned<IdNumberCondition>>,
    pub provision: Option<Spanned<Provision>>,
    pub consequence: Option<Text>,
    pub profiling: Option<Profiling>,
    pub automated_decision: Option<Profiling>,
    pub recipients: Vec<Ref<Recipient>>,
    pub storage: Vec<Ref<Storage>>,
    pub direct_marketing: bool,
    /// The law the purpose rests on (Art. 6(3)): for `legal-obligation` and `public-task`, as
    /// the notice cites it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law: Option<Text>,
    /// What `law` names, where it names an act of the legal tables or a collective agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statute: Option<Statute>,
    /// How its direct marketing reaches people.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Spanned<Channel>>,
    /// The data categories it publishes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub published: Vec<Ref<DataCategory>>,
    /// Its data that are records the bookkeeping act requires: their retention meets the act's
    /// minimum.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accounting_records: Vec<Ref<DataCategory>>,
    #[serde(skip)]
    pub span: Span,
}

/// `art9 CONDITION [for DATA, ...]`: an Art. 9(2) condition and the special-category data it
/// covers; `data` empty: every special-category category of the purpose no other clause names.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Art9Clause {
    pub condition: Spanned<Art9Condition>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<Ref<DataCategory>>,
}

/// Models written before a purpose could have several conditions hold one condition or none
/// (`art9: explicit-consent`, `art9: ~`): read them as one clause for all the data.
fn art9_clauses<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Art9Clause>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Written {
        Clauses(Vec<Art9Clause>),
        One(Art9Condition),
        None(()),
    }
    Ok(match Written::deserialize(d)? {
        Written::Clauses(c) => c,
        Written::One(condition) => {
            vec![Art9Clause { condition: Spanned::new(condition, Span::default()), data: Vec::new() }]
        }
        Written::None(()) => Vec::new(),
    })
}

impl Purpose {
    /// The clause whose condition covers data category `index`, if any.
    pub fn art9_for(&self, index: usize) -> Option<&Art9Clause> {
        self.art9
            .iter()
            .find(|c| c.data.iter().any(|d| d.index == index))
            .or_else(|| self.art9.iter().find(|c| c.data.is_empty()))
    }

    /// The data the purpose says come from declared source `index` (`None`: the person), if it
    /// says (`sources S for ...`).
    pub fn data_from(&self, index: Option<usize>) -> Option<&[Ref<DataCategory>]> {
        let is = |s: &SourceRef| match s {
            SourceRef::Person(_) => index.is_none(),
            SourceRef::Declared(r) => index == Some(r.index),
        };
        self.source_data.iter().find(|c| is(&c.source)).map(|c| c.data.as_slice())
    }

    /// Whether the purpose says where data category `index` comes from.
    pub fn states_source_of(&self, index: usize) -> bool {
        self.source_data.iter().any(|c| c.data.iter().any(|d| d.index == index))
    }

    /// Whether some clause rests on `condition`.
    pub fn has_art9(&self, condition: Art9Condition) -> bool {
        self.art9.iter().any(|c| c.condition.value == condition)
    }
}

/// What a `law` item names beyond its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Statute {
    /// `law bogforingsloven "§ 12"`: an act of the legal tables (`law/tables.yaml`, `laws`) by
    /// its identifier, and the provision.
    Act {
        id: Spanned<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        provision: Option<String>,
    },
    /// `law collective-agreement "..."`: an obligation that follows from a collective agreement
    /// (Sweden, dataskyddslagen 2 kap. 1 §).
    CollectiveAgreement(#[serde(skip)] Span),
}

impl Statute {
    /// The identifier of the act, for `Act`.
    pub fn act(&self) -> Option<&str> {
        match self {
            Statute::Act { id, .. } => Some(&id.value),
            Statute::CollectiveAgreement(_) => None,
        }
    }
}

/// Profiling or an automated decision (Art. 22): its logic and consequences.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Profiling {
    pub logic: Option<Text>,
    pub consequences: Option<Text>,
    /// The `profiling` or `automated-decision` keyword.
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RetentionRule {
    pub id: Spanned<String>,
    pub data: Vec<Ref<DataCategory>>,
    pub subjects: Vec<Ref<Group>>,
    pub purposes: Vec<Ref<Purpose>>,
    pub storage: Vec<Ref<Storage>>,
    pub period: Spanned<Period>,
    /// The latest the action runs, whatever `period` says (whichever comes first).
    pub limit: Option<Limit>,
    pub align: Option<Alignment>,
    pub action: Action,
    pub reconfirm: Option<Duration>,
    /// The provision that sets the period, as the notice cites it.
    pub law: Option<Text>,
    /// What `law` names, where it names an act of the legal tables or a collective agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statute: Option<Statute>,
    pub justification: Option<Text>,
    pub description: Option<Text>,
}

/// How long data is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    /// `[up to] 6 months after last-contact`; `up_to` marks a maximum rather than a fixed time.
    After { duration: Duration, up_to: bool, event: Trigger },
    /// `until end-of-course`: the action runs at the event.
    Until(Trigger),
    /// `indefinitely`: needs a justification.
    Indefinitely,
    /// `keep unconfirmed "..."`: the period is not known yet.
    Unconfirmed,
}

/// `limit 5 years after end-of-course`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limit {
    pub duration: Duration,
    pub event: Trigger,
}

/// The event that starts a retention period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trigger {
    Standard(StandardEvent),
    Custom(Ref<Event>),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Cookie {
    pub name: Spanned<String>,
    pub provider: Option<Ref<Recipient>>,
    pub class: Spanned<CookieClass>,
    pub party: Party,
    pub lifetime: Option<Lifetime>,
    /// Whether consent is asked before the cookie is set; `None` when the policy does not say.
    pub consent: Option<Spanned<bool>>,
    pub purpose: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lifetime {
    /// Deleted when the browser session ends.
    Session,
    For(Duration),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Security {
    pub measures: Vec<Text>,
    pub breach_notification: bool,
    pub description: Option<Text>,
    #[serde(skip)]
    pub span: Span,
}

/// How a person exercises their rights.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rights {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub web: Option<String>,
    pub respond_within: Option<Duration>,
    pub description: Option<Text>,
    #[serde(skip)]
    pub span: Span,
    /// The `rights` keyword.
    #[serde(skip)]
    pub head: Span,
}

/// A free section of text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Section {
    pub id: Spanned<String>,
    pub title: Text,
    pub body: Text,
    /// Where the section goes (`place start|end`, default end).
    pub place: Placement,
}
