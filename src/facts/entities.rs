//! The notice facts about who and what: the notice itself, the controller, groups, data and
//! sources, as templates see them (serialised). Every string from the policy is escaped for
//! Markdown.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::facts::processing::{
    CookieInfo, GroundInfo, PurposeInfo, RecipientInfo, RetentionInfo, RightsInfo, SectionInfo, SecurityInfo,
    StorageInfo,
};

/// Markdown-escaped text from the policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Md(pub(crate) String);

#[derive(Debug, Serialize)]
pub struct Notice {
    pub lang: &'static str,
    pub layout: &'static str,
    /// `policyc 0.1.0`
    pub generator: String,
    /// The policy file the notice was generated from.
    pub source: Md,
    pub policy: PolicyInfo,
    pub jurisdiction: &'static str,
    pub controller: ControllerInfo,
    pub authority: AuthorityInfo,
    pub groups: Vec<GroupInfo>,
    pub data: Vec<DataInfo>,
    pub sources: Vec<SourceInfo>,
    pub purposes: Vec<PurposeInfo>,
    pub recipients: Vec<RecipientInfo>,
    pub storage: Vec<StorageInfo>,
    pub retention: Vec<RetentionInfo>,
    pub cookies: Vec<CookieInfo>,
    pub rights: RightsInfo,
    pub security: Option<SecurityInfo>,
    pub sections: Vec<SectionInfo>,
    /// Some data does not come from the person (Art. 14).
    pub art14: bool,
    /// Some purpose collects data from the person (Art. 13).
    pub from_person: bool,
    /// Every purpose that names no other source collects its data from the person: a notice may
    /// say so once instead of under each purpose.
    pub person_by_default: bool,
    /// Why the processing is lawful, each ground once with the purposes that rest on it, in the
    /// order the layout shows purposes: the legal bases (Art. 6(1)), then the conditions for
    /// special categories (Art. 9(2)), criminal-offence data (Art. 10) and identity numbers.
    pub grounds: Vec<GroundInfo>,
    /// The notice has a cookie section (some cookie is declared).
    pub cookie_section: bool,
    /// Some recipient is outside the EU/EEA.
    pub transfers: bool,
    /// Some data is special-category, criminal-offence data or an identity number.
    pub sensitive: bool,
    /// The facts the policy marks `unconfirmed`: a notice with any is a draft.
    pub draft: Vec<crate::facts::draft::DraftNote>,
    /// Each declaration by its id, as a list of none or one, so that templates look items up
    /// in one step instead of searching the lists (which grows with the square of the size).
    pub by_id: ById,
}

#[derive(Debug, Serialize)]
pub struct ById {
    pub data: BTreeMap<String, Vec<DataInfo>>,
    pub sources: BTreeMap<String, Vec<SourceInfo>>,
    pub recipients: BTreeMap<String, Vec<RecipientInfo>>,
    pub storage: BTreeMap<String, Vec<StorageInfo>>,
    pub purposes: BTreeMap<String, Vec<PurposeInfo>>,
}

#[derive(Debug, Serialize)]
pub struct PolicyInfo {
    pub id: String,
    pub title: Option<Md>,
    pub version: Option<Md>,
    pub effective: Option<DateInfo>,
    /// The items the policy marks `unconfirmed` here (`*`: the whole declaration), each with a
    /// value the notice prints: a draft marks each where it stands.
    pub marked: Vec<String>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct DateInfo {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

#[derive(Debug, Serialize)]
pub struct ControllerInfo {
    pub name: Md,
    pub registration: Option<Md>,
    /// The policy marks `registration` unconfirmed: a draft marks it where it stands.
    pub registration_tbc: bool,
    pub address: Option<Md>,
    pub email: Option<Md>,
    pub email_href: Option<String>,
    pub phone: Option<Md>,
    pub web: Option<Md>,
    pub web_href: Option<String>,
    pub public_authority: bool,
    /// The first day of the financial year, `{ day, month }`.
    pub financial_year_start: DayMonth,
    pub dpo: Option<ContactInfo>,
    pub privacy_contact: Option<ContactInfo>,
    pub representative: Option<ContactInfo>,
    /// Which contact details the policy marks `unconfirmed` (a draft marks each where it stands).
    #[serde(flatten)]
    pub tbc: ContactTbc,
    /// The items the policy marks `unconfirmed` here (`*`: the whole declaration), each with a
    /// value the notice prints: a draft marks each where it stands.
    pub marked: Vec<String>,
}

/// Which contact details of a contact block the policy marks `unconfirmed`.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct ContactTbc {
    pub address_tbc: bool,
    pub email_tbc: bool,
    pub phone_tbc: bool,
    pub web_tbc: bool,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct DayMonth {
    pub day: u8,
    pub month: u8,
}

#[derive(Debug, Serialize)]
pub struct ContactInfo {
    pub name: Option<Md>,
    pub address: Option<Md>,
    pub email: Option<Md>,
    pub email_href: Option<String>,
    pub phone: Option<Md>,
    pub web: Option<Md>,
    pub web_href: Option<String>,
    #[serde(flatten)]
    pub tbc: ContactTbc,
}

#[derive(Debug, Serialize)]
pub struct AuthorityInfo {
    pub name: Md,
    pub address: Md,
    pub web: Md,
    pub web_href: Option<String>,
}

/// A declaration referred to from elsewhere: its id (for anchors) and its name.
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub id: String,
    pub name: Md,
    /// The name is a proper name (written without a language tag): never lower-cased in a
    /// sentence ("Google", "Facebook").
    pub proper: bool,
    /// For a data category: not confirmed (see `draft::unconfirmed_data`); a draft marks the name
    /// wherever a list names it.
    pub tbc: bool,
}

#[derive(Debug, Serialize)]
pub struct GroupInfo {
    pub id: String,
    pub name: Md,
    pub description: Option<Md>,
    /// The ids of the purposes that concern this group, in the order of the policy.
    pub purposes: Vec<String>,
    /// Some purpose of this group collects data from the person.
    pub from_person: bool,
    /// Some purpose of this group names a declared source.
    pub art14: bool,
    /// The data categories of this group's purposes, in the order of the policy.
    pub data: Vec<DataInfo>,
    /// The sources (of `Notice::sources`) that this group's purposes name, in the order of the
    /// policy, each with only the `data` obtained from it that this group's purposes use.
    pub sources: Vec<SourceInfo>,
    /// The recipients of this group's purposes, in the order of the policy.
    pub recipients: Vec<RecipientInfo>,
    /// The retention rules that cover this group's purposes and are not limited to other
    /// groups, in the order of the policy.
    pub retention: Vec<RetentionInfo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DataInfo {
    pub id: String,
    pub name: Md,
    /// `ordinary`, `special`, `criminal`, `national-id` or `financial`.
    pub kind: &'static str,
    /// For `special`: the Art. 9(1) category.
    pub category: Option<&'static str>,
    pub examples: Option<Md>,
    pub description: Option<Md>,
    /// The policy marks the category as a whole `unconfirmed`: a draft marks its name.
    pub tbc: bool,
    /// The first purpose, in the order the layout shows purposes, that uses this category: a
    /// layout that shows the examples under each purpose shows them there only.
    pub first_purpose: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    pub id: String,
    pub name: Md,
    pub description: Option<Md>,
    /// `None` when the policy does not say (and the notice says nothing either).
    pub publicly_accessible: Option<bool>,
    /// The data categories obtained from this source (Art. 14(1)(d)); empty when the policy
    /// does not name them, and then the notice says only that the source may supply some of the
    /// data of `purposes`.
    pub data: Vec<Named>,
    /// The purposes that name this source, in the order of the policy.
    pub purposes: Vec<Named>,
    /// The items the policy marks `unconfirmed` here (`*`: the whole declaration), each with a
    /// value the notice prints: a draft marks each where it stands.
    pub marked: Vec<String>,
    /// The id of the first purpose, in the order the layout shows purposes, that uses this
    /// item: a layout that shows an item under each purpose describes it there in full, and
    /// refers to it from the others.
    pub first_purpose: Option<String>,
}
