//! The notice facts that gather items across the policy: each group with what its purposes
//! use, and each purpose with its data, sources, grounds and retention rules.

use std::collections::HashMap;

use crate::facts::builder::Builder;
use crate::facts::derive::{declared, md, purposes_naming, push_once};
use crate::facts::entities::{DataInfo, GroupInfo, Named, SourceInfo};
use crate::facts::processing::{Art9Info, ProfilingInfo, PurposeInfo, RecipientInfo, RetentionInfo};
use crate::model::vocab::{LegalBasis, Provision, Vocabulary};
use crate::model::{self, DataKind, Purpose, SourceRef};

impl Builder<'_> {
    /// Each group with its purposes and what they use (data, sources, recipients, retention
    /// rules), every list in the order of the policy. Built from index lists in one pass over
    /// each group's purposes, so that templates need not search the policy's lists per group.
    pub(super) fn groups(
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
                        .filter_map(|&i| source_info.get(policy.sources[i].id.value.as_str()).map(|x| (i, x)))
                        .map(|(i, x)| SourceInfo {
                            // What the source gives this group's purposes (`sources S for D`
                            // per purpose), of the data this group's list holds.
                            data: {
                                let users: Vec<usize> = purposes_of[gi]
                                    .iter()
                                    .copied()
                                    .filter(|&pi| policy.purposes[pi].sources.iter().any(|y| declared(y) == Some(i)))
                                    .collect();
                                let given = crate::facts::data_from_source(policy, i, &users);
                                x.data
                                    .iter()
                                    .filter(|d| ours(d) && given.iter().any(|&g| policy.data[g].id.value == d.id))
                                    .cloned()
                                    .collect()
                            },
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

    pub(super) fn purpose(&self, p: &Purpose, data: &[DataInfo], retention: Vec<RetentionInfo>) -> PurposeInfo {
        let profiling = |x: &Option<model::Profiling>| {
            x.as_ref().map(|x| ProfilingInfo { logic: self.opt(&x.logic), consequences: self.opt(&x.consequences) })
        };
        // Some national provisions cover only the controller's own employees.
        let staff = p.subjects.iter().any(|g| {
            self.policy.groups[g.index].relation.as_ref().is_some_and(|r| r.value == crate::vocab::Relation::Employees)
        });
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
            basis_tbc: self.policy.is_unconfirmed("purpose", Some(&p.id.value), "basis"),
            marked: self.marked("purpose", Some(&p.id.value)),
            legitimate_interest: self.opt(&p.legitimate_interest),
            law: self.opt(&p.law),
            law_agreement: matches!(p.statute, Some(model::Statute::CollectiveAgreement(_))),
            art9: p
                .art9
                .iter()
                .map(|c| Art9Info {
                    condition: c.condition.value.word(),
                    reference: self
                        .national()
                        .art9
                        .iter()
                        .find(|a| a.condition == c.condition.value && (!a.employees_only || staff))
                        .map(|a| md(&a.reference)),
                    data: p
                        .data
                        .iter()
                        .filter(|d| matches!(self.policy.data[d.index].kind.value, DataKind::Special(_)))
                        .filter(|d| p.art9_for(d.index).is_some_and(|x| std::ptr::eq(x, c)))
                        .map(|d| self.data_named(d.index))
                        .collect(),
                })
                .collect(),
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
}
