//! The builder of the notice facts: the policy and the language, and how it words names, texts,
//! contacts and data categories.

use crate::emit::markdown::{escape, href};
use crate::facts::derive::{mailto, md};
use crate::facts::entities::{ContactInfo, ContactTbc, ControllerInfo, DataInfo, DayMonth, Md, Named, SourceInfo};
use crate::facts::origin::{data_from_source, users_of_sources};
use crate::law::tables;
use crate::model::vocab::{Lang, Vocabulary};
use crate::model::{self, DataKind, Policy, Purpose, Text};

pub(super) struct Builder<'a> {
    pub(super) policy: &'a Policy,
    pub(super) lang: Lang,
    /// Which data categories are unconfirmed (derived once per policy).
    pub(super) unconfirmed_data: &'a [bool],
}

impl Builder<'_> {
    pub(super) fn national(&self) -> &'static crate::law::National {
        tables().national(self.policy.header.jurisdiction.value)
    }

    pub(super) fn text(&self, t: &Text) -> Md {
        Md(escape(t.get(self.lang)))
    }

    pub(super) fn opt(&self, t: &Option<Text>) -> Option<Md> {
        t.as_ref().map(|t| self.text(t))
    }

    pub(super) fn controller(&self) -> ControllerInfo {
        let c = &self.policy.controller;
        ControllerInfo {
            name: self.text(&c.name),
            registration: c.registration.as_deref().map(md),
            registration_tbc: self.policy.is_unconfirmed("controller", None, "registration"),
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
            dpo: c.dpo.as_ref().map(|x| self.contact(x, "dpo.")),
            privacy_contact: c.privacy_contact.as_ref().map(|x| self.contact(x, "privacy-contact.")),
            representative: c.representative.as_ref().map(|x| self.contact(x, "representative.")),
            tbc: self.contact_tbc("controller", ""),
            marked: self.marked("controller", None),
        }
    }

    /// Which contact details of block `block` (items under `path`: `dpo.` in the controller's
    /// DPO block) the policy marks `unconfirmed`.
    pub(super) fn contact_tbc(&self, block: &str, path: &str) -> ContactTbc {
        let marked = |item: &str| self.policy.is_unconfirmed(block, None, &format!("{path}{item}"));
        ContactTbc {
            address_tbc: marked("address"),
            email_tbc: marked("email"),
            phone_tbc: marked("phone"),
            web_tbc: marked("web"),
        }
    }

    /// The items of declaration `name` of `block` (`None`: the block without a name) that the
    /// policy marks `unconfirmed` with a value the notice prints, `*` for the declaration as a
    /// whole. (A marked item without a value prints nothing, or the mark alone.)
    pub(super) fn marked(&self, block: &str, name: Option<&str>) -> Vec<String> {
        self.policy
            .unconfirmed
            .iter()
            .filter(|u| u.block == block && u.name.as_deref() == name && !u.no_value)
            .map(|u| u.item.clone().unwrap_or_else(|| "*".to_string()))
            .collect()
    }

    pub(super) fn contact(&self, c: &model::Contact, path: &str) -> ContactInfo {
        ContactInfo {
            name: self.opt(&c.name),
            address: c.address.as_deref().map(md),
            email: c.email.as_deref().map(md),
            email_href: c.email.as_deref().and_then(mailto),
            phone: c.phone.as_deref().map(md),
            web: c.web.as_deref().map(md),
            web_href: c.web.as_deref().and_then(href),
            tbc: self.contact_tbc("controller", path),
        }
    }

    pub(super) fn data(&self, i: usize) -> DataInfo {
        let d = &self.policy.data[i];
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
            tbc: self.unconfirmed_data[i],
            first_purpose: None,
        }
    }

    pub(super) fn named(&self, id: &str, name: &Text) -> Named {
        let proper = matches!(name.value, crate::model::text::TextValue::Same(_));
        Named { id: id.to_string(), name: self.text(name), proper, tbc: false }
    }

    pub(super) fn data_named(&self, i: usize) -> Named {
        let d = &self.policy.data[i];
        Named { tbc: self.unconfirmed_data[i], ..self.named(&d.id.value, &d.name) }
    }

    pub(super) fn group_named(&self, i: usize) -> Named {
        let g = &self.policy.groups[i];
        self.named(&g.id.value, &g.name)
    }

    pub(super) fn recipient_named(&self, i: usize) -> Named {
        let r = &self.policy.recipients[i];
        self.named(&r.id.value, &r.name)
    }

    pub(super) fn storage_named(&self, i: usize) -> Named {
        let s = &self.policy.storage[i];
        self.named(&s.id.value, &s.name)
    }

    pub(super) fn purpose_named(&self, p: &Purpose) -> Named {
        self.named(&p.id.value, &p.title)
    }

    /// Declared sources that some purpose uses, with the data obtained from each: what the
    /// purposes say come from it (`sources S for D`), and the source's own `data` for the
    /// purposes that only list it.
    pub(super) fn sources(&self) -> Vec<SourceInfo> {
        let policy = self.policy;
        let users = users_of_sources(policy);
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
                data: data_from_source(policy, i, &users[i]).into_iter().map(|d| self.data_named(d)).collect(),
                purposes: users[i].iter().map(|&pi| self.purpose_named(&policy.purposes[pi])).collect(),
                marked: self.marked("source", Some(&s.id.value)),
                first_purpose: None,
            })
            .collect()
    }
}
