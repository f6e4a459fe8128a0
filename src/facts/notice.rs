//! Building the notice facts of one policy in one language and layout, from the model and the
//! facts derived once per policy (`Facts`).

use std::collections::BTreeMap;

use crate::emit::markdown::{escape, href};
use crate::facts::Facts;
use crate::facts::builder::Builder;
use crate::facts::derive::{date, declared, display_order, grounds, md};
use crate::facts::entities::{AuthorityInfo, ById, DataInfo, Md, Notice, PolicyInfo, SourceInfo};
use crate::facts::processing::{PurposeInfo, RecipientInfo, RetentionInfo, SectionInfo, SecurityInfo, StorageInfo};
use crate::law::tables;
use crate::model::vocab::{Lang, Layout, Vocabulary};
use crate::model::{DataKind, SourceRef};

/// Build the notice facts for `policy` in `lang`, arranged in `layout`.
pub fn notice(facts: &Facts, lang: Lang, layout: Layout, source: &str) -> Notice {
    let policy = facts.policy;
    let cx = Builder { policy, lang, unconfirmed_data: &facts.unconfirmed_data };
    let tables = tables();
    let authority = &tables.national(policy.header.jurisdiction.value).authority;
    let coverage = &facts.coverage;
    let order = display_order(policy, layout);
    let mut retention: Vec<RetentionInfo> = policy.retention.iter().map(|r| cx.retention(r)).collect();
    for &pi in order.iter().rev() {
        for &ri in &coverage.rules_of_purpose[pi] {
            retention[ri].first_purpose = Some(policy.purposes[pi].id.value.clone());
        }
    }
    for (ri, r) in policy.retention.iter().enumerate() {
        if let [pi] = coverage.purposes_of_rule[ri][..] {
            let p = &policy.purposes[pi];
            let exact = !r.data.is_empty()
                && p.data.iter().all(|d| r.data.iter().any(|x| x.index == d.index))
                && r.data.iter().all(|x| p.data.iter().any(|d| d.index == x.index));
            if exact {
                retention[ri].whole_purpose = Some(cx.purpose_named(p));
            }
        }
        let meets = |gs: &[crate::model::Ref<crate::model::Group>]| {
            gs.is_empty() || gs.iter().any(|g| r.subjects.iter().any(|x| x.index == g.index))
        };
        retention[ri].whole_groups = !r.subjects.is_empty()
            && !r.data.is_empty()
            && policy.purposes.iter().enumerate().filter(|(_, p)| meets(&p.subjects)).all(|(pi, p)| {
                coverage.purposes_of_rule[ri].contains(&pi)
                    && p.data.iter().all(|d| r.data.iter().any(|x| x.index == d.index))
                    && coverage.rules_of_purpose[pi]
                        .iter()
                        .all(|&rj| rj == ri || !meets(&policy.retention[rj].subjects))
            });
    }
    let mut data: Vec<DataInfo> = (0..policy.data.len()).map(|i| cx.data(i)).collect();
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
            marked: cx.marked("storage", Some(&s.id.value)),
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
            marked: cx.marked("policy", Some(&policy.header.id.value)),
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
        person_by_default: policy.purposes.iter().all(|p| {
            p.sources.iter().any(|s| matches!(s, SourceRef::Declared(_)))
                || p.sources.iter().any(|s| matches!(s, SourceRef::Person(_)))
        }),
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
            marked: cx.marked("security", None),
        }),
        sections: policy
            .sections
            .iter()
            .map(|s| SectionInfo {
                id: s.id.value.clone(),
                title: cx.text(&s.title),
                body: cx.text(&s.body),
                place: s.place.word(),
                marked: cx.marked("section", Some(&s.id.value)),
            })
            .collect(),
        storage,
        cookies: policy.cookies.iter().map(|c| cx.cookie(c)).collect(),
        purposes,
        recipients,
        retention,
        draft: super::draft::notes(policy, lang),
        by_id,
    }
}

/// Each id with the items of `list` that carry it (none or one).
pub(super) fn index<'a, T: Clone>(
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
