//! Retention: every data category a purpose uses is covered by a retention rule for every
//! subject group of that purpose; no unbounded retention without a reason; no retention shorter
//! than a statutory minimum the rule itself invokes; no rule that covers nothing.

use crate::check::Ctx;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::vocab::{Alignment, Lang, LegalBasis, StandardEvent, Vocabulary};
use crate::model::{DataCategory, Duration, Group, Period, Purpose, Ref, RetentionRule, Trigger, Unit};

/// Whether `rule` covers data `data` of `group` (if the purpose names groups) in `purpose`.
/// An empty list in a rule means "all".
fn covers(rule: &RetentionRule, purpose: &Purpose, data: &Ref<DataCategory>, group: Option<&Ref<Group>>) -> bool {
    (rule.data.is_empty() || rule.data.contains(data))
        && (rule.purposes.is_empty() || rule.purposes.iter().any(|p| p.name == purpose.id.value))
        && match group {
            Some(g) => rule.subjects.is_empty() || rule.subjects.contains(g),
            None => true,
        }
}

/// The rules that may cover a data category: those naming it and those naming no data. Built
/// once so that coverage costs the rules per category, not all rules per use.
fn rules_by_data<'a>(cx: &Ctx<'a>) -> Vec<Vec<Indexed<'a>>> {
    let mut by_data: Vec<Vec<Indexed>> = vec![Vec::new(); cx.policy.data.len()];
    for (index, rule) in cx.policy.retention.iter().enumerate() {
        let entry = Indexed { index, rule };
        if rule.data.is_empty() {
            by_data.iter_mut().for_each(|v| v.push(entry));
        } else {
            for d in &rule.data {
                by_data[d.index].push(entry);
            }
        }
    }
    by_data
}

/// A retention rule with its position in the policy.
#[derive(Clone, Copy)]
struct Indexed<'a> {
    index: usize,
    rule: &'a RetentionRule,
}

/// A purpose's use of a data category, with the groups no rule covers it for.
pub(crate) struct Uncovered<'a> {
    purpose: &'a Purpose,
    data: &'a Ref<DataCategory>,
    groups: Vec<&'a Ref<Group>>,
}

/// Which uses of data no rule covers, and which rules cover some use.
pub(crate) struct Coverage<'a> {
    /// A purpose's data reference with the groups no rule covers it for (empty: the purpose
    /// names no groups and no rule covers the data at all).
    uncovered: Vec<Uncovered<'a>>,
    /// Indexed like `policy.retention`.
    rule_used: Vec<bool>,
}

pub(super) fn coverage<'a>(cx: &Ctx<'a>) -> Coverage<'a> {
    let by_data = rules_by_data(cx);
    let mut rule_used = vec![false; cx.policy.retention.len()];
    let mut uncovered = Vec::new();
    for p in &cx.policy.purposes {
        let groups: Vec<Option<&Ref<Group>>> =
            if p.subjects.is_empty() { vec![None] } else { p.subjects.iter().map(Some).collect() };
        for d in &p.data {
            let mut missing = Vec::new();
            let mut any_missing = false;
            for g in &groups {
                let mut covered = false;
                for (i, r) in by_data[d.index].iter().map(|r| (r.index, r.rule)) {
                    if covers(r, p, d, *g) {
                        covered = true;
                        rule_used[i] = true;
                    }
                }
                if !covered {
                    any_missing = true;
                    missing.extend(*g);
                }
            }
            if any_missing {
                uncovered.push(Uncovered { purpose: p, data: d, groups: missing });
            }
        }
    }
    Coverage { uncovered, rule_used }
}

pub fn used_data_has_retention(cx: &Ctx) -> Vec<Diagnostic> {
    cx.retention()
        .uncovered
        .iter()
        .map(|Uncovered { purpose: p, data: d, groups }| {
            let whose = if groups.is_empty() {
                String::new()
            } else {
                format!(" for {}", groups.iter().map(|g| format!("`{}`", g.name)).collect::<Vec<_>>().join(", "))
            };
            Diagnostic::new(
                Code::NoRetention,
                format!("no retention rule says how long `{}` is kept{whose} in purpose `{}`", d.name, p.id.value),
                d.span,
                "kept for how long?",
            )
            .with_help(format!(
                "add a retention rule with `data {}` and a `keep` period that covers this purpose and its groups, or add `{}` to an existing rule",
                d.name, d.name
            ))
        })
        .collect()
}

pub fn indefinite_is_justified(cx: &Ctx) -> Vec<Diagnostic> {
    cx.policy
        .retention
        .iter()
        .filter(|r| r.period.value == Period::Indefinitely && r.justification.is_none())
        .map(|r| {
            Diagnostic::new(
                Code::UnjustifiedIndefinite,
                format!("retention rule `{}` keeps data indefinitely without saying why", r.id.value),
                r.period.span,
                "no time limit",
            )
            .with_help("data may be kept only as long as the purpose needs (Art. 5(1)(e)): give a period, or state why in `justification da \"...\"`")
        })
        .collect()
}

pub fn statutory_minimum_is_kept(cx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in &cx.policy.retention {
        let Some(law) = &r.law else { continue };
        for m in cx.national.minimums.iter().filter(|m| invokes(r, m)) {
            if let Some(why) = shortfall(cx, r, m) {
                out.push(
                    Diagnostic::new(
                        Code::BelowStatutoryMinimum,
                        format!("retention rule `{}` keeps data for less time than {} requires", r.id.value, m.act),
                        r.period.span,
                        why,
                    )
                    .with_secondary(law.span, format!("invokes {}", m.act))
                    .with_help(minimum_help(m)),
                );
            }
        }
    }
    out
}

/// Whether rule `r`'s `law` invokes minimum `m`: by the act's identifier (`law bogforingsloven`),
/// or by naming the act in a free text.
pub(super) fn invokes(r: &crate::model::RetentionRule, m: &crate::law::Minimum) -> bool {
    if let Some(id) = r.statute.as_ref().and_then(crate::model::Statute::act) {
        return m.law.as_deref() == Some(id);
    }
    r.law.as_ref().is_some_and(|law| {
        let text: String = [Lang::Da, Lang::Sv].iter().map(|l| law.get(*l)).collect::<Vec<_>>().join(" ");
        m.invoked_by(&text)
    })
}

/// How to meet the minimum, for a help line.
pub(super) fn minimum_help(m: &crate::law::Minimum) -> String {
    format!(
        "{}: write `keep {} after EVENT`{}",
        m.reference,
        m.minimum.words(),
        m.align.map_or(String::new(), |a| format!(" with `align {}`", Vocabulary::word(a)))
    )
}

/// Why rule `r` may keep data for less time than minimum `m`, or `None` when it cannot.
pub(super) fn shortfall(cx: &Ctx, r: &crate::model::RetentionRule, m: &crate::law::Minimum) -> Option<String> {
    let min = months(m.minimum);
    match &r.period.value {
        // No period to compare yet: its marker's warning says so.
        Period::Indefinitely | Period::Unconfirmed => None,
        Period::Until(_) => Some("the period ends at the event itself".to_string()),
        Period::After { up_to: true, .. } => Some("`up to` allows deleting sooner".to_string()),
        Period::After { duration, .. } => {
            let aligned = m.align.is_none() || r.align == m.align || same_year(cx, r.align, m.align);
            // Without counting from the end of the year, a period must be a year longer to be
            // sure of reaching the year-end minimum.
            let needed = if aligned { min } else { min + 12 };
            (months(*duration) < needed).then(|| {
                if aligned {
                    format!("{}, but the act requires at least {}", duration.words(), m.minimum.words())
                } else {
                    format!(
                        "{} from the event, but the act requires {} from the end of the {}",
                        duration.words(),
                        m.minimum.words(),
                        m.align.map_or("year", |a| {
                            if a == Alignment::FinancialYear { "financial year" } else { "calendar year" }
                        })
                    )
                }
            })
        }
    }
}

pub fn rule_covers_processed_data(cx: &Ctx) -> Vec<Diagnostic> {
    let used = &cx.retention().rule_used;
    cx.policy
        .retention
        .iter()
        .zip(used)
        .filter(|(_, used)| !**used)
        .map(|(r, _)| {
            Diagnostic::new(
                Code::RetentionCoversNothing,
                format!("retention rule `{}` covers no data that a purpose processes", r.id.value),
                r.id.span,
                "covers nothing",
            )
            .with_help("check its `data`, `subjects` and `purposes`: together they must match data some purpose uses for some group")
        })
        .collect()
}

/// Data that only consent allows must go when consent goes (Art. 17(1)(b)). Looked at per data
/// category and subject group: if any purpose uses the data for that group on another basis,
/// that basis may justify keeping it.
pub fn consent_data_goes_with_consent(cx: &Ctx) -> Vec<Diagnostic> {
    // (data, group) -> the purposes that use the data for the group; `None`: no groups named.
    let mut uses: std::collections::BTreeMap<(usize, Option<usize>), Vec<Use>> = std::collections::BTreeMap::new();
    for p in &cx.policy.purposes {
        let groups: Vec<Option<&Ref<Group>>> =
            if p.subjects.is_empty() { vec![None] } else { p.subjects.iter().map(Some).collect() };
        for d in &p.data {
            for g in &groups {
                uses.entry((d.index, g.map(|g| g.index))).or_default().push((p, d, *g));
            }
        }
    }
    let by_data = rules_by_data(cx);
    let mut reported = vec![false; cx.policy.retention.len()];
    let mut out = Vec::new();
    for ((data_index, _), users) in &uses {
        if !users.iter().all(|(p, _, _)| consent_only(p)) {
            continue;
        }
        for (p, d, g) in users {
            for Indexed { index, rule } in &by_data[*data_index] {
                if reported[*index] || !covers(rule, p, d, *g) {
                    continue;
                }
                let Some(why) = outlives_consent(rule) else { continue };
                reported[*index] = true;
                let mut diag = Diagnostic::new(
                    Code::ConsentDataOutlivesConsent,
                    format!(
                        "retention rule `{}` may keep `{}` after consent is withdrawn, though purpose `{}` processes it on consent alone",
                        rule.id.value, d.name, p.id.value
                    ),
                    rule.period.span,
                    why,
                );
                if let Some(b) = p.bases.first() {
                    diag = diag.with_secondary(b.span, "the only basis");
                }
                out.push(diag.with_help(
                    "when consent is withdrawn and nothing else allows the processing, the data must be erased (Art. 7(3), 17(1)(b)): write `keep until consent-withdrawn`, add `limit 1 month after consent-withdrawn`, or give the purpose the other basis that allows keeping it",
                ));
            }
        }
    }
    out
}

/// A purpose's use of a data category for one of its groups (`None`: it names no groups).
type Use<'a> = (&'a Purpose, &'a Ref<DataCategory>, Option<&'a Ref<Group>>);

fn consent_only(p: &Purpose) -> bool {
    matches!(p.bases.as_slice(), [only] if only.value == LegalBasis::Consent)
}

/// Why a rule may keep data after withdrawal; `None` when it ends at withdrawal or within the
/// month Art. 12(3) allows for acting on a request.
fn outlives_consent(rule: &RetentionRule) -> Option<String> {
    let withdrawn = |t: &Trigger| *t == Trigger::Standard(StandardEvent::ConsentWithdrawn);
    if rule.limit.as_ref().is_some_and(|l| withdrawn(&l.event) && within_a_month(l.duration)) {
        return None;
    }
    match &rule.period.value {
        Period::Until(t) if withdrawn(t) => None,
        Period::After { duration, event, .. } if withdrawn(event) => {
            (!within_a_month(*duration)).then(|| format!("kept {} after withdrawal", duration.words()))
        }
        Period::Until(t) | Period::After { event: t, .. } => {
            Some(format!("counted from `{}`, not from withdrawal", trigger_name(t)))
        }
        Period::Indefinitely => Some("no time limit".to_string()),
        // Not known yet: its `unconfirmed` marker is a warning of its own.
        Period::Unconfirmed => None,
    }
}

fn within_a_month(d: Duration) -> bool {
    match d.unit {
        Unit::Day => d.amount <= 31,
        Unit::Week => d.amount <= 4,
        Unit::Month => d.amount <= 1,
        Unit::Year => false,
    }
}

fn trigger_name(t: &Trigger) -> &str {
    match t {
        Trigger::Standard(e) => e.word(),
        Trigger::Custom(r) => &r.name,
    }
}

/// Financial-year and calendar-year alignment agree when the financial year is the calendar
/// year.
fn same_year(cx: &Ctx, a: Option<Alignment>, b: Option<Alignment>) -> bool {
    let start = cx.policy.controller.financial_year_start;
    let calendar = start.day == 1 && start.month == crate::model::vocab::Month::January;
    calendar && a.is_some() && b.is_some()
}

/// A duration in whole months, rounding days and weeks down: minimums are compared safely.
fn months(d: Duration) -> u64 {
    let n = u64::from(d.amount);
    match d.unit {
        Unit::Year => n * 12,
        Unit::Month => n,
        Unit::Week => n * 7 / 31,
        Unit::Day => n / 31,
    }
}
