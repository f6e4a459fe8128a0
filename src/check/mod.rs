//! Stage 3, check: the resolved model against the GDPR and the Danish and Swedish
//! supplementary acts. One small function per legal rule, each returning its diagnostics;
//! `RULES` is the list the checker runs. The legal tables come from `law/tables.yaml`.

mod consent;
mod cookies;
mod drafts;
mod hygiene;
mod joint;
mod lawfulness;
mod publication;
mod records;
mod retention;
mod sources;
mod statutes;
mod transfers;
mod transparency;

use std::cell::OnceCell;

use crate::diagnostic::Diagnostic;
use crate::law::{National, Tables, tables};
use crate::model::coverage;
use crate::model::{DataCategory, DataKind, Policy, Purpose, Ref};

/// What every rule gets to look at.
pub(crate) struct Ctx<'a> {
    pub policy: &'a Policy,
    pub tables: &'static Tables,
    /// The national law of the policy's jurisdiction.
    pub national: &'static National,
    /// Derived once for the rules that need them.
    rules_of_purposes: OnceCell<coverage::Coverage>,
    retention: OnceCell<retention::Coverage<'a>>,
}

impl<'a> Ctx<'a> {
    /// Which retention rules cover which purposes.
    pub fn purpose_rules(&self) -> &coverage::Coverage {
        self.rules_of_purposes.get_or_init(|| coverage::coverage(self.policy))
    }

    /// Which uses of data no retention rule covers, and which rules cover some use.
    pub(crate) fn retention(&self) -> &retention::Coverage<'a> {
        self.retention.get_or_init(|| retention::coverage(self))
    }
    pub fn data(&self, r: &Ref<DataCategory>) -> &DataCategory {
        &self.policy.data[r.index]
    }

    /// The purpose's data references whose category has a kind matching `pred`.
    pub fn data_of_kind<'p>(
        &self,
        purpose: &'p Purpose,
        pred: impl Fn(DataKind) -> bool,
    ) -> impl Iterator<Item = &'p Ref<DataCategory>> {
        let data = &self.policy.data;
        purpose.data.iter().filter(move |r| pred(data[r.index].kind.value))
    }
}

type Rule = fn(&Ctx) -> Vec<Diagnostic>;

/// Every rule, in the order their diagnostics are produced (they are sorted by position after).
const RULES: &[Rule] = &[
    lawfulness::purpose_has_basis,
    lawfulness::special_data_has_art9_condition,
    lawfulness::special_data_on_consent_is_explicit,
    lawfulness::criminal_data_has_national_condition,
    lawfulness::id_numbers_have_national_condition,
    lawfulness::legitimate_interest_is_stated,
    lawfulness::authority_does_not_use_legitimate_interest,
    lawfulness::authority_uses_public_provisions,
    lawfulness::authority_does_not_rest_on_consent_alone,
    lawfulness::profiling_has_logic,
    lawfulness::automated_decision_has_basis,
    transfers::third_country_has_safeguard,
    transfers::safeguard_only_outside_eea,
    transfers::named_recipient_has_country,
    retention::used_data_has_retention,
    retention::indefinite_is_justified,
    retention::statutory_minimum_is_kept,
    retention::rule_covers_processed_data,
    retention::consent_data_goes_with_consent,
    transparency::purpose_names_source,
    sources::declared_source_is_named,
    sources::source_gives_the_data,
    sources::sourced_data_is_used,
    transparency::rights_have_contact,
    transparency::consent_is_easy_to_withdraw,
    transparency::controller_is_reachable,
    transparency::controller_not_only_by_post,
    transparency::dpo_is_reachable,
    transparency::controller_is_identified,
    transparency::authority_has_dpo,
    cookies::non_essential_cookie_has_consent,
    cookies::cookie_has_lifetime,
    hygiene::declarations_are_used,
    hygiene::conditions_match_data,
    hygiene::interest_has_basis,
    hygiene::purpose_has_data_and_subjects,
    statutes::purpose_names_its_law,
    statutes::collective_agreement_is_law_here,
    statutes::provision_is_stated,
    statutes::statutory_requirement_has_a_basis,
    statutes::statutory_requirement_names_law,
    publication::published_id_number_has_consent,
    publication::published_special_data_is_allowed,
    consent::employees_consent_is_doubtful,
    consent::marketing_email_has_consent,
    records::accounting_records_are_kept,
    records::minimum_covers_only_records,
    joint::joint_controllers_state_their_arrangement,
    drafts::facts_are_confirmed,
];

/// Check a resolved policy; returns errors and warnings.
pub fn check(policy: &Policy) -> Vec<Diagnostic> {
    let tables = tables();
    let cx = Ctx {
        policy,
        tables,
        national: tables.national(policy.header.jurisdiction.value),
        rules_of_purposes: OnceCell::new(),
        retention: OnceCell::new(),
    };
    RULES.iter().flat_map(|rule| rule(&cx)).collect()
}

/// "`a`, `b` or `c`"
pub(crate) fn either<S: AsRef<str>>(words: &[S]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("`{}`", w.as_ref())).collect();
    match quoted.split_last() {
        Some((last, init)) if !init.is_empty() => format!("{} or {}", init.join(", "), last),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}
