//! Accounting records: the data a purpose names in `accounting-records` are kept at least as
//! long as the bookkeeping act says, whatever a rule's `law` text calls the act; and a minimum
//! the law sets for records does not justify keeping special-category or criminal data.

use crate::check::Ctx;
use crate::check::retention::{invokes, minimum_help, shortfall};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{DataKind, Purpose, RetentionRule};

pub fn accounting_records_are_kept(cx: &Ctx) -> Vec<Diagnostic> {
    let Some(m) = cx.national.minimums.iter().find(|m| m.accounting) else {
        return Vec::new();
    };
    let cover = cx.purpose_rules();
    let mut out = Vec::new();
    for (p, rules) in cx.policy.purposes.iter().zip(&cover.rules_of_purpose) {
        for r in rules.iter().map(|&ri| &cx.policy.retention[ri]).filter(|r| keeps_records(r, p)) {
            if let Some(why) = shortfall(cx, r, m) {
                out.push(
                    Diagnostic::new(
                        Code::BelowStatutoryMinimum,
                        format!(
                            "retention rule `{}` keeps the accounting records of purpose `{}` for less time than {} requires",
                            r.id.value, p.id.value, m.act
                        ),
                        r.period.span,
                        why,
                    )
                    .with_secondary(p.accounting_records[0].span, "accounting records")
                    .with_help(minimum_help(m)),
                );
            }
        }
    }
    out
}

pub fn minimum_covers_only_records(cx: &Ctx) -> Vec<Diagnostic> {
    let cover = cx.purpose_rules();
    let mut out = Vec::new();
    for (r, purposes) in cx.policy.retention.iter().zip(&cover.purposes_of_rule) {
        let Some(act) = invoked_act(cx, r, purposes) else { continue };
        // The data the rule keeps: its own list, or all the data of the purposes it covers.
        let sensitive = purposes
            .iter()
            .flat_map(|&pi| &cx.policy.purposes[pi].data)
            .filter(|d| r.data.is_empty() || r.data.iter().any(|x| x.index == d.index))
            .find(|d| matches!(cx.data(d).kind.value, DataKind::Special(_) | DataKind::Criminal));
        if let Some(d) = sensitive {
            out.push(
                Diagnostic::new(
                    Code::MinimumCoversSensitive,
                    format!(
                        "retention rule `{}` keeps `{}` for as long as {} requires of accounting records",
                        r.id.value, d.name, act
                    ),
                    r.id.span,
                    "justified by a statutory minimum",
                )
                .with_secondary(d.span, "special-category or criminal-offence data")
                .with_help("the act requires only the records it names: give this data a rule of its own, as short as its purpose allows (Art. 5(1)(c), (e))"),
            );
        }
    }
    out
}

/// The act whose minimum justifies rule `r`: named in its `law`, or the bookkeeping act for a
/// rule that covers a purpose keeping accounting records.
fn invoked_act(cx: &Ctx, r: &RetentionRule, purposes: &[usize]) -> Option<String> {
    if let Some(m) = cx.national.minimums.iter().find(|m| invokes(r, m)) {
        return Some(m.act.clone());
    }
    let accounting = purposes.iter().any(|&pi| keeps_records(r, &cx.policy.purposes[pi]));
    cx.national.minimums.iter().find(|m| m.accounting && accounting).map(|m| m.act.clone())
}

/// Rule `r` (which covers purpose `p`) keeps some of the purpose's accounting records.
fn keeps_records(r: &RetentionRule, p: &Purpose) -> bool {
    p.accounting_records.iter().any(|a| r.data.is_empty() || r.data.iter().any(|d| d.index == a.index))
}
