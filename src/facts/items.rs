//! The notice facts of single items: recipients, retention rules, cookies, and the rights that
//! arise from the legal bases.

use crate::emit::markdown::href;
use crate::facts::builder::Builder;
use crate::facts::derive::{duration_info, mailto, md};
use crate::facts::entities::Named;
use crate::facts::processing::{
    CookieInfo, EventInfo, LimitInfo, PeriodInfo, RecipientInfo, RetentionInfo, RightsInfo, TransferInfo,
};
use crate::facts::rights::{channels, rights_of};
use crate::law::tables;
use crate::model::vocab::{Action, LegalBasis, Vocabulary};
use crate::model::{self, Lifetime, Period, Purpose, RetentionRule, Transfer, Trigger};

impl Builder<'_> {
    pub(super) fn recipient(&self, r: &model::Recipient) -> RecipientInfo {
        let third_country = r.country.as_ref().is_some_and(|c| !tables().is_eea(&c.value));
        RecipientInfo {
            id: r.id.value.clone(),
            name: self.text(&r.name),
            description: self.opt(&r.description),
            role: r.role.value.word(),
            country: r.country.as_ref().map(|c| c.value.clone()),
            third_country,
            arrangement: self.opt(&r.arrangement),
            scope: self.opt(&r.scope),
            marked: self.marked("recipient", Some(&r.id.value)),
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

    pub(super) fn retention(&self, r: &RetentionRule) -> RetentionInfo {
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
            whole_purpose: None,
            whole_groups: false,
            marked: self.marked("retention", Some(&r.id.value)),
            first_purpose: None,
        }
    }

    pub(super) fn cookie(&self, c: &model::Cookie) -> CookieInfo {
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
            marked: self.marked("cookie", Some(&c.name.value)),
            lifetime_tbc: self.policy.is_unconfirmed("cookie", Some(&c.name.value), "lifetime"),
            purpose: self.opt(&c.purpose),
        }
    }

    /// Which rights arise from which purposes (Art. 7(3), 20, 21, 22).
    pub(super) fn rights(&self) -> RightsInfo {
        let purposes = &self.policy.purposes;
        let has = |p: &Purpose, b: LegalBasis| p.bases.iter().any(|x| x.value == b);
        let r = self.policy.rights.as_ref();
        let named =
            |list: Vec<usize>| -> Vec<Named> { list.into_iter().map(|i| self.purpose_named(&purposes[i])).collect() };
        let of = rights_of(self.policy);
        let channels = channels(self.policy);
        let [email, phone, address, web] = channels.added;
        RightsInfo {
            portability: named(of.portability),
            objection: named(of.objection),
            objection_marketing: named(of.objection_marketing),
            withdraw_consent: named(of.withdraw_consent),
            automated_decisions: named(of.automated_decisions),
            email: email.map(md),
            email_href: email.and_then(mailto),
            phone: phone.map(md),
            address: address.map(md),
            web: web.map(md),
            web_href: web.and_then(href),
            tbc: self.contact_tbc("rights", ""),
            respond_within: r.and_then(|r| r.respond_within).map(duration_info),
            description: r.and_then(|r| self.opt(&r.description)),
            controller_channels: channels.controllers,
            erasure_archive: self.policy.retention.iter().any(|x| x.action == Action::Archive),
            erasure_kept_by_law: self.policy.retention.iter().any(|x| x.law.is_some())
                || purposes.iter().any(|p| has(p, LegalBasis::LegalObligation)),
            erasure_public_task: purposes.iter().any(|p| has(p, LegalBasis::PublicTask)),
            marked: self.marked("rights", None),
        }
    }
}
