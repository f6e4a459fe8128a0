//! Small derivations the notice facts share: the legal grounds, the order a layout shows
//! purposes in, durations and dates, and one-pass indexes.

use crate::emit::markdown::{escape, href};
use crate::facts::entities::{DateInfo, Md, Named};
use crate::facts::processing::{DurationInfo, GroundInfo, PurposeInfo};
use crate::model::vocab::Layout;
use crate::model::{self, Date, Duration, Policy, Purpose, SourceRef};

/// Each legal ground once, with the purposes (in `order`) that rest on it: bases first, then the
/// Art. 9, Art. 10 and identity-number conditions.
pub(super) fn grounds(order: &[usize], purposes: &[PurposeInfo]) -> Vec<GroundInfo> {
    let mut grounds: Vec<GroundInfo> = Vec::new();
    for kind in ["basis", "art9", "art10", "id-number"] {
        for &pi in order {
            let p = &purposes[pi];
            // Each key with the categories it is limited to (none: all of the kind).
            let keys: Vec<(&'static str, Vec<Named>, Option<Md>)> = match kind {
                "basis" => p.bases.iter().map(|b| (*b, Vec::new(), None)).collect(),
                "art9" => {
                    let several = p.art9.len() > 1;
                    p.art9
                        .iter()
                        .map(|c| (c.condition, if several { c.data.clone() } else { Vec::new() }, c.reference.clone()))
                        .collect()
                }
                "art10" => p.art10.into_iter().map(|c| (c, Vec::new(), None)).collect(),
                _ => p.id_number.into_iter().map(|c| (c, Vec::new(), None)).collect(),
            };
            // A marked basis is marked where the purpose names it; a condition is marked here
            // where the policy marks it, or the basis it goes with, or the whole purpose.
            let tbc = kind != "basis" && p.marked.iter().any(|m| m == kind || m == "basis" || m == "*");
            for (key, data, reference) in keys {
                let named = Named { id: p.id.clone(), name: p.title.clone(), proper: false, tbc: false };
                match grounds.iter_mut().find(|g| g.kind == kind && g.key == key) {
                    Some(g) => {
                        g.tbc |= tbc;
                        g.purposes.push(named);
                        if g.reference != reference {
                            g.reference = None;
                        }
                        for d in data {
                            if !g.data.iter().any(|x| x.id == d.id) {
                                g.data.push(d);
                            }
                        }
                    }
                    None => grounds.push(GroundInfo { kind, key, purposes: vec![named], data, reference, tbc }),
                }
            }
        }
    }
    grounds
}

/// The purposes' indexes in the order the layout shows them: by audience, each purpose under the
/// first of its groups (purposes of no group last); otherwise the order of the policy.
pub(super) fn display_order(policy: &Policy, layout: Layout) -> Vec<usize> {
    let mut order: Vec<usize> = (0..policy.purposes.len()).collect();
    if layout == Layout::ByAudience {
        order.sort_by_key(|&pi| (policy.purposes[pi].subjects.iter().map(|g| g.index).min().unwrap_or(usize::MAX), pi));
    }
    order
}

/// The index of a declared source, `None` for the person.
pub(super) fn declared(s: &SourceRef) -> Option<usize> {
    match s {
        SourceRef::Declared(r) => Some(r.index),
        SourceRef::Person(_) => None,
    }
}

pub fn md(s: &str) -> Md {
    Md(escape(s))
}

pub(super) fn mailto(email: &str) -> Option<String> {
    href(&format!("mailto:{email}"))
}

pub(super) fn date(d: Date) -> DateInfo {
    DateInfo { year: d.year, month: d.month, day: d.day }
}

pub(super) fn duration_info(d: Duration) -> DurationInfo {
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
pub(super) fn purposes_naming(policy: &Policy, n: usize, named: impl Fn(&Purpose) -> Vec<usize>) -> Vec<Vec<usize>> {
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
pub(super) fn push_once(taken: &mut [usize], list: &mut Vec<usize>, i: usize, owner: usize) {
    if taken[i] != owner {
        taken[i] = owner;
        list.push(i);
    }
}
