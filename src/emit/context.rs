//! The facts a notice template renders, for one policy in one language. Everything the law
//! derives (which rights apply, the supervisory authority, where data came from, which
//! retention rules cover a purpose) is worked out here, language-neutrally; every string from
//! the policy is already escaped for Markdown. The words come from the templates' lexicon.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::emit::markdown::{escape, href};
use crate::law::tables;
use crate::model::vocab::{Action, Lang, Layout, LegalBasis, Provision, Vocabulary};
use crate::model::{
    self, DataKind, Date, Duration, Lifetime, Period, Policy, Purpose, RetentionRule, SourceRef, Text, Transfer,
    Trigger,
};

/// Markdown-escaped text from the policy.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Md(String);

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
    pub draft: Vec<crate::emit::draft::DraftNote>,
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
    /// The id of the first purpose, in the order the layout shows purposes, that uses this
    /// item: a layout that shows an item under each purpose describes it there in full, and
    /// refers to it from the others.
    pub first_purpose: Option<String>,
}

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
    pub legitimate_interest: Option<Md>,
    /// The statute a legal-obligation or public-task purpose rests on (Art. 6(3)).
    pub law: Option<Md>,
    pub art9: Option<&'static str>,
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

/// A legal ground and the purposes that rest on it.
#[derive(Debug, Clone, Serialize)]
pub struct GroundInfo {
    /// `basis`, `art9`, `art10` or `id-number`.
    pub kind: &'static str,
    /// The lexicon key (a basis as in `PurposeInfo::bases`, or a condition).
    pub key: &'static str,
    pub purposes: Vec<Named>,
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
    /// The rule names data, and every category of every purpose it covers is among them: a
    /// notice may say "all the data" instead of naming them.
    pub all_data: bool,
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
    pub respond_within: Option<DurationInfo>,
    pub description: Option<Md>,
    /// The rights block gives channels other than the controller's (else they are not repeated).
    pub own_channels: bool,
    /// Some retention rule archives instead of deleting (Art. 17(3)(b)/(d)).
    pub erasure_archive: bool,
    /// Some data is kept because a law requires it (a retention rule names a law, or a purpose
    /// rests on a legal obligation): erasure does not reach it (Art. 17(3)(b)).
    pub erasure_kept_by_law: bool,
}

#[derive(Debug, Serialize)]
pub struct SecurityInfo {
    pub measures: Vec<Md>,
    pub breach_notification: bool,
    pub description: Option<Md>,
}

#[derive(Debug, Serialize)]
pub struct SectionInfo {
    pub id: String,
    pub title: Md,
    pub body: Md,
    /// `start` (after the introduction) or `end`.
    pub place: &'static str,
}

/// Build the notice facts for `policy` in `lang`, arranged in `layout`.
pub fn notice(policy: &Policy, lang: Lang, layout: Layout, source: &str) -> Notice {
    let cx = Builder { policy, lang };
    let tables = tables();
    let authority = &tables.national(policy.header.jurisdiction.value).authority;
    let coverage = crate::model::coverage::coverage(policy);
    let order = display_order(policy, layout);
    let mut retention: Vec<RetentionInfo> = policy.retention.iter().map(|r| cx.retention(r)).collect();
    for &pi in order.iter().rev() {
        for &ri in &coverage.rules_of_purpose[pi] {
            retention[ri].first_purpose = Some(policy.purposes[pi].id.value.clone());
        }
    }
    for (ri, r) in policy.retention.iter().enumerate() {
        retention[ri].all_data = !r.data.is_empty()
            && coverage.purposes_of_rule[ri]
                .iter()
                .flat_map(|&pi| &policy.purposes[pi].data)
                .all(|d| r.data.iter().any(|x| x.index == d.index));
    }
    let mut data: Vec<DataInfo> = policy.data.iter().map(|d| cx.data(d)).collect();
    for &pi in order.iter().rev() {
        for d in &policy.purposes[pi].data {
            data[d.index].first_purpose = Some(policy.purposes[pi].id.value.clone());
        }
    }
    let purposes: Vec<PurposeInfo> = policy
        .purposes
        .iter()
        .zip(&coverage.rules_of_purpose)
        .map(|(p, rules)| cx.purpose(p, &data, rules.iter().map(|&r| retention[r].clone()).collect()))
        .collect();
    let mut recipients: Vec<RecipientInfo> = policy.recipients.iter().map(|r| cx.recipient(r)).collect();
    let mut source_first: Vec<Option<String>> = vec![None; policy.sources.len()];
    for &pi in order.iter().rev() {
        let p = &policy.purposes[pi];
        for r in &p.recipients {
            recipients[r.index].first_purpose = Some(p.id.value.clone());
        }
        for i in p.sources.iter().filter_map(declared) {
            source_first[i] = Some(p.id.value.clone());
        }
    }
    let sources: Vec<SourceInfo> = cx
        .sources()
        .into_iter()
        .map(|s| {
            let first = policy.sources.iter().position(|x| x.id.value == s.id).and_then(|i| source_first[i].clone());
            SourceInfo { first_purpose: first, ..s }
        })
        .collect();
    let storage: Vec<StorageInfo> = policy
        .storage
        .iter()
        .map(|s| StorageInfo {
            id: s.id.value.clone(),
            name: cx.text(&s.name),
            description: cx.opt(&s.description),
            medium: s.medium.word(),
            operator: s.operated_by.as_ref().map(|r| cx.recipient_named(r.index)),
            country: s.country.as_ref().map(|c| c.value.clone()),
        })
        .collect();
    let groups = cx.groups(&coverage.rules_of_purpose, &data, &sources, &recipients, &retention);
    let by_id = ById {
        // Every declared id has an entry, empty when the item is not in the list (a source no
        // purpose uses), so a lookup never fails.
        data: index(policy.data.iter().map(|d| &d.id.value), &data, |x| &x.id),
        sources: index(policy.sources.iter().map(|s| &s.id.value), &sources, |x| &x.id),
        recipients: index(policy.recipients.iter().map(|r| &r.id.value), &recipients, |x| &x.id),
        storage: index(policy.storage.iter().map(|s| &s.id.value), &storage, |x| &x.id),
        purposes: index(policy.purposes.iter().map(|p| &p.id.value), &purposes, |x| &x.id),
    };
    Notice {
        lang: lang.word(),
        layout: layout.word(),
        generator: format!("policyc {}", env!("CARGO_PKG_VERSION")),
        source: Md(escape(source)),
        policy: PolicyInfo {
            id: policy.header.id.value.clone(),
            title: cx.opt(&policy.header.title),
            version: policy.header.version.as_deref().map(md),
            effective: policy.header.effective.map(date),
        },
        jurisdiction: policy.header.jurisdiction.value.word(),
        controller: cx.controller(),
        authority: AuthorityInfo {
            name: md(&authority.name),
            address: md(&authority.address),
            web: md(&authority.web),
            web_href: href(&authority.web),
        },
        groups,
        data,
        sources,
        art14: policy.purposes.iter().any(|p| p.sources.iter().any(|s| matches!(s, SourceRef::Declared(_)))),
        from_person: policy.purposes.iter().any(|p| p.sources.iter().any(|s| matches!(s, SourceRef::Person(_)))),
        grounds: grounds(&order, &purposes),
        cookie_section: !policy.cookies.is_empty(),
        transfers: recipients.iter().any(|r| r.third_country),
        sensitive: policy
            .data
            .iter()
            .any(|d| d.kind.value != DataKind::Ordinary && d.kind.value != DataKind::Financial),
        rights: cx.rights(),
        security: policy.security.as_ref().map(|s| SecurityInfo {
            measures: s.measures.iter().map(|m| cx.text(m)).collect(),
            breach_notification: s.breach_notification,
            description: cx.opt(&s.description),
        }),
        sections: policy
            .sections
            .iter()
            .map(|s| SectionInfo {
                id: s.id.value.clone(),
                title: cx.text(&s.title),
                body: cx.text(&s.body),
                place: s.place.word(),
            })
            .collect(),
        storage,
        cookies: policy.cookies.iter().map(|c| cx.cookie(c)).collect(),
        purposes,
        recipients,
        retention,
        draft: crate::emit::draft::notes(policy, lang),
        by_id,
    }
}

/// Each id with the items of `list` that carry it (none or one).
fn index<'a, T: Clone>(
    ids: impl Iterator<Item = &'a String>,
    list: &[T],
    id_of: impl Fn(&T) -> &String,
) -> BTreeMap<String, Vec<T>> {
    let mut map: BTreeMap<String, Vec<T>> = ids.map(|id| (id.clone(), Vec::new())).collect();
    for item in list {
        if let Some(entry) = map.get_mut(id_of(item)) {
            entry.push(item.clone());
        }
    }
    map
}

struct Builder<'a> {
    policy: &'a Policy,
    lang: Lang,
}

impl Builder<'_> {
    fn national(&self) -> &'static crate::law::National {
        tables().national(self.policy.header.jurisdiction.value)
    }

    fn text(&self, t: &Text) -> Md {
        Md(escape(t.get(self.lang)))
    }

    fn opt(&self, t: &Option<Text>) -> Option<Md> {
        t.as_ref().map(|t| self.text(t))
    }

    fn controller(&self) -> ControllerInfo {
        let c = &self.policy.controller;
        ControllerInfo {
            name: self.text(&c.name),
            registration: c.registration.as_deref().map(md),
            address: c.address.as_deref().map(md),
            email: c.email.as_deref().map(md),
            email_href: c.email.as_deref().and_then(mailto),
            phone: c.phone.as_deref().map(md),
            web: c.web.as_deref().map(md),
            web_href: c.web.as_deref().and_then(href),
            public_authority: c.public_authority,
            financial_year_start: DayMonth {
                day: c.financial_year_start.day,
                month: c.financial_year_start.month.number(),
            },
            dpo: c.dpo.as_ref().map(|x| self.contact(x)),
            privacy_contact: c.privacy_contact.as_ref().map(|x| self.contact(x)),
            representative: c.representative.as_ref().map(|x| self.contact(x)),
        }
    }

    fn contact(&self, c: &model::Contact) -> ContactInfo {
        ContactInfo {
            name: self.opt(&c.name),
            address: c.address.as_deref().map(md),
            email: c.email.as_deref().map(md),
            email_href: c.email.as_deref().and_then(mailto),
            phone: c.phone.as_deref().map(md),
            web: c.web.as_deref().map(md),
            web_href: c.web.as_deref().and_then(href),
        }
    }

    fn data(&self, d: &model::DataCategory) -> DataInfo {
        let (kind, category) = match d.kind.value {
            DataKind::Ordinary => ("ordinary", None),
            DataKind::Special(c) => ("special", Some(c.word())),
            DataKind::Criminal => ("criminal", None),
            DataKind::NationalId => ("national-id", None),
            DataKind::Financial => ("financial", None),
        };
        DataInfo {
            id: d.id.value.clone(),
            name: self.text(&d.name),
            kind,
            category,
            examples: self.opt(&d.examples),
            description: self.opt(&d.description),
            first_purpose: None,
        }
    }

    fn named(&self, id: &str, name: &Text) -> Named {
        Named { id: id.to_string(), name: self.text(name) }
    }

    fn data_named(&self, i: usize) -> Named {
        let d = &self.policy.data[i];
        self.named(&d.id.value, &d.name)
    }

    fn group_named(&self, i: usize) -> Named {
        let g = &self.policy.groups[i];
        self.named(&g.id.value, &g.name)
    }

    fn recipient_named(&self, i: usize) -> Named {
        let r = &self.policy.recipients[i];
        self.named(&r.id.value, &r.name)
    }

    fn storage_named(&self, i: usize) -> Named {
        let s = &self.policy.storage[i];
        self.named(&s.id.value, &s.name)
    }

    fn purpose_named(&self, p: &Purpose) -> Named {
        self.named(&p.id.value, &p.title)
    }

    /// Declared sources that some purpose uses, with the data obtained from each.
    fn sources(&self) -> Vec<SourceInfo> {
        let policy = self.policy;
        let users = purposes_naming(policy, policy.sources.len(), |p| p.sources.iter().filter_map(declared).collect());
        policy
            .sources
            .iter()
            .enumerate()
            .filter(|(i, _)| !users[*i].is_empty())
            .map(|(i, s)| SourceInfo {
                id: s.id.value.clone(),
                name: self.text(&s.name),
                description: self.opt(&s.description),
                publicly_accessible: s.publicly_accessible,
                data: s.data.iter().map(|d| self.data_named(d.index)).collect(),
                purposes: users[i].iter().map(|&pi| self.purpose_named(&policy.purposes[pi])).collect(),
                first_purpose: None,
            })
            .collect()
    }

    /// Each group with its purposes and what they use (data, sources, recipients, retention
    /// rules), every list in the order of the policy. Built from index lists in one pass over
    /// each group's purposes, so that templates need not search the policy's lists per group.
    fn groups(
        &self,
        rules_of_purpose: &[Vec<usize>],
        data: &[DataInfo],
        sources: &[SourceInfo],
        recipients: &[RecipientInfo],
        retention: &[RetentionInfo],
    ) -> Vec<GroupInfo> {
        let policy = self.policy;
        let purposes_of =
            purposes_naming(policy, policy.groups.len(), |p| p.subjects.iter().map(|g| g.index).collect());
        let data_index: HashMap<&str, usize> =
            policy.data.iter().enumerate().map(|(i, d)| (d.id.value.as_str(), i)).collect();
        let source_info: HashMap<&str, &SourceInfo> = sources.iter().map(|s| (s.id.as_str(), s)).collect();
        // Which group last took each item, so that each list is built without searching it.
        let mut data_taken = vec![usize::MAX; policy.data.len()];
        let mut source_taken = vec![usize::MAX; policy.sources.len()];
        let mut recipient_taken = vec![usize::MAX; policy.recipients.len()];
        let mut rule_taken = vec![usize::MAX; policy.retention.len()];
        policy
            .groups
            .iter()
            .enumerate()
            .map(|(gi, g)| {
                let (mut d, mut s, mut r, mut rules) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
                let (mut from_person, mut art14) = (false, false);
                for &pi in &purposes_of[gi] {
                    let p = &policy.purposes[pi];
                    from_person |= p.sources.iter().any(|s| matches!(s, SourceRef::Person(_)));
                    for x in &p.data {
                        push_once(&mut data_taken, &mut d, x.index, gi);
                    }
                    for x in p.sources.iter().filter_map(declared) {
                        art14 = true;
                        push_once(&mut source_taken, &mut s, x, gi);
                    }
                    for x in &p.recipients {
                        push_once(&mut recipient_taken, &mut r, x.index, gi);
                    }
                    for &ri in &rules_of_purpose[pi] {
                        let subjects = &policy.retention[ri].subjects;
                        if subjects.is_empty() || subjects.iter().any(|x| x.index == gi) {
                            push_once(&mut rule_taken, &mut rules, ri, gi);
                        }
                    }
                }
                for list in [&mut d, &mut s, &mut r, &mut rules] {
                    list.sort_unstable();
                }
                let ours = |x: &Named| data_index.get(x.id.as_str()).is_some_and(|&i| data_taken[i] == gi);
                let our_purpose = |x: &Named| purposes_of[gi].iter().any(|&pi| policy.purposes[pi].id.value == x.id);
                GroupInfo {
                    id: g.id.value.clone(),
                    name: self.text(&g.name),
                    description: self.opt(&g.description),
                    purposes: purposes_of[gi].iter().map(|&pi| policy.purposes[pi].id.value.clone()).collect(),
                    from_person,
                    art14,
                    data: d.iter().map(|&i| data[i].clone()).collect(),
                    sources: s
                        .iter()
                        .filter_map(|&i| source_info.get(policy.sources[i].id.value.as_str()))
                        .map(|x| SourceInfo {
                            data: x.data.iter().filter(|d| ours(d)).cloned().collect(),
                            purposes: x.purposes.iter().filter(|p| our_purpose(p)).cloned().collect(),
                            ..(*x).clone()
                        })
                        .collect(),
                    recipients: r.iter().map(|&i| recipients[i].clone()).collect(),
                    retention: rules.iter().map(|&i| retention[i].clone()).collect(),
                }
            })
            .collect()
    }

    fn purpose(&self, p: &Purpose, data: &[DataInfo], retention: Vec<RetentionInfo>) -> PurposeInfo {
        let profiling = |x: &Option<model::Profiling>| {
            x.as_ref().map(|x| ProfilingInfo { logic: self.opt(&x.logic), consequences: self.opt(&x.consequences) })
        };
        PurposeInfo {
            id: p.id.value.clone(),
            title: self.text(&p.title),
            description: self.opt(&p.description),
            groups: p.subjects.iter().map(|g| self.group_named(g.index)).collect(),
            first_group: p.subjects.iter().map(|g| g.index).min().map(|i| self.policy.groups[i].id.value.clone()),
            data: p.data.iter().map(|d| self.data_named(d.index)).collect(),
            data_categories: {
                let mut declared: Vec<usize> = p.data.iter().map(|d| d.index).collect();
                declared.sort_unstable();
                declared.dedup();
                declared.into_iter().map(|i| data[i].clone()).collect()
            },
            from_person: p.sources.iter().any(|s| matches!(s, SourceRef::Person(_))),
            sources: p
                .sources
                .iter()
                .filter_map(|s| match s {
                    SourceRef::Declared(r) => Some(self.named(&r.name, &self.policy.sources[r.index].name)),
                    SourceRef::Person(_) => None,
                })
                .collect(),
            bases: p
                .bases
                .iter()
                .map(|b| match b.value {
                    LegalBasis::PublicTask if self.policy.controller.public_authority => "public-task-authority",
                    b => b.word(),
                })
                .collect(),
            legitimate_interest: self.opt(&p.legitimate_interest),
            law: self.opt(&p.law),
            art9: p.art9.as_ref().map(|c| c.value.word()),
            art10: p.art10.as_ref().map(|c| c.value.word()),
            art10_reference: p
                .art10
                .as_ref()
                .and_then(|c| self.national().art10.iter().find(|a| a.condition == c.value).map(|a| md(&a.reference))),
            id_number: p.id_number.as_ref().map(|c| c.value.word()),
            id_number_reference: p.id_number.as_ref().and_then(|c| {
                self.national().id_number.iter().find(|a| a.condition == c.value).map(|a| md(&a.reference))
            }),
            provision: p.provision.as_ref().map(|c| c.value.word()),
            provision_data: p
                .provision
                .as_ref()
                .filter(|c| matches!(c.value, Provision::Statutory | Provision::Contractual))
                .and_then(|c| {
                    let ordinary =
                        |i: usize| !matches!(self.policy.data[i].kind.value, DataKind::Special(_) | DataKind::Criminal);
                    // A statutory duty covers such data only when the purpose names its law.
                    let named_law = c.value == Provision::Statutory && p.law.is_some();
                    (!named_law && !p.data.iter().all(|d| ordinary(d.index))).then(|| {
                        p.data.iter().filter(|d| ordinary(d.index)).map(|d| self.data_named(d.index)).collect()
                    })
                }),
            consequence: self.opt(&p.consequence),
            profiling: profiling(&p.profiling),
            automated_decision: profiling(&p.automated_decision),
            recipients: p.recipients.iter().map(|r| self.recipient_named(r.index)).collect(),
            storage: p.storage.iter().map(|s| self.storage_named(s.index)).collect(),
            direct_marketing: p.direct_marketing,
            retention,
        }
    }

    fn recipient(&self, r: &model::Recipient) -> RecipientInfo {
        let third_country = r.country.as_ref().is_some_and(|c| !tables().is_eea(&c.value));
        RecipientInfo {
            id: r.id.value.clone(),
            name: self.text(&r.name),
            description: self.opt(&r.description),
            role: r.role.value.word(),
            country: r.country.as_ref().map(|c| c.value.clone()),
            third_country,
            transfer: r.transfer.as_ref().map(|t| match t.value {
                Transfer::Adequacy(f) => TransferInfo { mechanism: "adequacy", detail: f.map(|f| f.word()) },
                Transfer::StandardContractualClauses => {
                    TransferInfo { mechanism: "standard-contractual-clauses", detail: None }
                }
                Transfer::BindingCorporateRules => TransferInfo { mechanism: "binding-corporate-rules", detail: None },
                Transfer::Derogation(d) => TransferInfo { mechanism: "derogation", detail: Some(d.word()) },
            }),
            first_purpose: None,
        }
    }

    fn retention(&self, r: &RetentionRule) -> RetentionInfo {
        let event = |t: &Trigger| match t {
            Trigger::Standard(e) => EventInfo { standard: Some(e.word()), name: None },
            Trigger::Custom(r) => {
                EventInfo { standard: None, name: Some(self.text(&self.policy.events[r.index].name)) }
            }
        };
        let period = match &r.period.value {
            Period::After { duration, up_to, event: e } => PeriodInfo {
                kind: "after",
                duration: Some(duration_info(*duration)),
                up_to: *up_to,
                event: Some(event(e)),
            },
            Period::Until(e) => PeriodInfo { kind: "until", duration: None, up_to: false, event: Some(event(e)) },
            Period::Indefinitely => PeriodInfo { kind: "indefinitely", duration: None, up_to: false, event: None },
            Period::Unconfirmed => PeriodInfo { kind: "unconfirmed", duration: None, up_to: false, event: None },
        };
        RetentionInfo {
            id: r.id.value.clone(),
            data: r.data.iter().map(|d| self.data_named(d.index)).collect(),
            groups: r.subjects.iter().map(|g| self.group_named(g.index)).collect(),
            purposes: r.purposes.iter().map(|p| self.purpose_named(&self.policy.purposes[p.index])).collect(),
            storage: r.storage.iter().map(|s| self.storage_named(s.index)).collect(),
            period,
            limit: r.limit.as_ref().map(|l| LimitInfo { duration: duration_info(l.duration), event: event(&l.event) }),
            align: r.align.map(|a| a.word()),
            action: r.action.word(),
            reconfirm: r.reconfirm.map(duration_info),
            law: self.opt(&r.law),
            justification: self.opt(&r.justification),
            description: self.opt(&r.description),
            all_data: false,
            first_purpose: None,
        }
    }

    fn cookie(&self, c: &model::Cookie) -> CookieInfo {
        CookieInfo {
            name: md(&c.name.value),
            provider: c.provider.as_ref().map(|r| self.recipient_named(r.index)),
            class: c.class.value.word(),
            party: c.party.word(),
            session: c.lifetime == Some(Lifetime::Session),
            lifetime: match c.lifetime {
                Some(Lifetime::For(d)) => Some(duration_info(d)),
                _ => None,
            },
            consent: c.consent.as_ref().is_some_and(|b| b.value),
            purpose: self.opt(&c.purpose),
        }
    }

    /// Which rights arise from which purposes (Art. 7(3), 20, 21, 22).
    fn rights(&self) -> RightsInfo {
        let purposes = &self.policy.purposes;
        let with = |f: &dyn Fn(&Purpose) -> bool| -> Vec<Named> {
            purposes.iter().filter(|p| f(p)).map(|p| self.purpose_named(p)).collect()
        };
        let has = |p: &Purpose, b: LegalBasis| p.bases.iter().any(|x| x.value == b);
        let r = self.policy.rights.as_ref();
        let c = &self.policy.controller;
        // Without a rights block, requests go to the controller's own channels.
        let email = r.and_then(|r| r.email.as_deref()).or(c.email.as_deref());
        let phone = r.and_then(|r| r.phone.as_deref()).or(c.phone.as_deref());
        let address = r.and_then(|r| r.address.as_deref()).or(c.address.as_deref());
        let web = r.and_then(|r| r.web.as_deref()).or(c.web.as_deref());
        RightsInfo {
            portability: with(&|p| has(p, LegalBasis::Consent) || has(p, LegalBasis::Contract)),
            objection: with(&|p| has(p, LegalBasis::PublicTask) || has(p, LegalBasis::LegitimateInterests)),
            objection_marketing: with(&|p| p.direct_marketing),
            withdraw_consent: with(&|p| {
                has(p, LegalBasis::Consent)
                    || p.art9.as_ref().is_some_and(|c| c.value == crate::model::vocab::Art9Condition::ExplicitConsent)
            }),
            automated_decisions: with(&|p| p.automated_decision.is_some()),
            email: email.map(md),
            email_href: email.and_then(mailto),
            phone: phone.map(md),
            address: address.map(md),
            web: web.map(md),
            web_href: web.and_then(href),
            respond_within: r.and_then(|r| r.respond_within).map(duration_info),
            description: r.and_then(|r| self.opt(&r.description)),
            own_channels: [(email, &c.email), (phone, &c.phone), (address, &c.address), (web, &c.web)]
                .iter()
                .any(|(ours, theirs)| ours.is_some() && *ours != theirs.as_deref()),
            erasure_archive: self.policy.retention.iter().any(|x| x.action == Action::Archive),
            erasure_kept_by_law: self.policy.retention.iter().any(|x| x.law.is_some())
                || purposes.iter().any(|p| has(p, LegalBasis::LegalObligation)),
        }
    }
}

/// Each legal ground once, with the purposes (in `order`) that rest on it: bases first, then the
/// Art. 9, Art. 10 and identity-number conditions.
fn grounds(order: &[usize], purposes: &[PurposeInfo]) -> Vec<GroundInfo> {
    let mut grounds: Vec<GroundInfo> = Vec::new();
    for kind in ["basis", "art9", "art10", "id-number"] {
        for &pi in order {
            let p = &purposes[pi];
            let keys: Vec<&'static str> = match kind {
                "basis" => p.bases.clone(),
                "art9" => p.art9.into_iter().collect(),
                "art10" => p.art10.into_iter().collect(),
                _ => p.id_number.into_iter().collect(),
            };
            for key in keys {
                let named = Named { id: p.id.clone(), name: p.title.clone() };
                match grounds.iter_mut().find(|g| g.kind == kind && g.key == key) {
                    Some(g) => g.purposes.push(named),
                    None => grounds.push(GroundInfo { kind, key, purposes: vec![named] }),
                }
            }
        }
    }
    grounds
}

/// The purposes' indexes in the order the layout shows them: by audience, each purpose under the
/// first of its groups (purposes of no group last); otherwise the order of the policy.
fn display_order(policy: &Policy, layout: Layout) -> Vec<usize> {
    let mut order: Vec<usize> = (0..policy.purposes.len()).collect();
    if layout == Layout::ByAudience {
        order.sort_by_key(|&pi| (policy.purposes[pi].subjects.iter().map(|g| g.index).min().unwrap_or(usize::MAX), pi));
    }
    order
}

/// The index of a declared source, `None` for the person.
fn declared(s: &SourceRef) -> Option<usize> {
    match s {
        SourceRef::Declared(r) => Some(r.index),
        SourceRef::Person(_) => None,
    }
}

pub(super) fn md(s: &str) -> Md {
    Md(escape(s))
}

fn mailto(email: &str) -> Option<String> {
    href(&format!("mailto:{email}"))
}

fn date(d: Date) -> DateInfo {
    DateInfo { year: d.year, month: d.month, day: d.day }
}

fn duration_info(d: Duration) -> DurationInfo {
    let unit = match d.unit {
        model::Unit::Day => "day",
        model::Unit::Week => "week",
        model::Unit::Month => "month",
        model::Unit::Year => "year",
    };
    DurationInfo { amount: d.amount, unit }
}

/// For each of `n` items, the purposes (indexes, in order) whose `named` list includes it: one
/// pass over the purposes instead of one per item.
fn purposes_naming(policy: &Policy, n: usize, named: impl Fn(&Purpose) -> Vec<usize>) -> Vec<Vec<usize>> {
    let mut purposes: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (pi, p) in policy.purposes.iter().enumerate() {
        for i in named(p) {
            if purposes[i].last() != Some(&pi) {
                purposes[i].push(pi);
            }
        }
    }
    purposes
}

/// Pushes item `i` onto `owner`'s list unless `owner` took it already: `taken` remembers who
/// took each item last, so a list is built without searching it (owners come one at a time).
fn push_once(taken: &mut [usize], list: &mut Vec<usize>, i: usize, owner: usize) {
    if taken[i] != owner {
        taken[i] = owner;
        list.push(i);
    }
}
