//! Which retention rules cover which purposes, computed once for the whole policy through an
//! index of rules by data category, so that emitters never compare every rule with every
//! purpose. A rule covers a purpose when its `purposes`, `data` and `subjects` are each empty
//! (all) or meet the purpose's.

use crate::model::Policy;

pub struct Coverage {
    /// For each retention rule (by position), the purposes it covers, in order.
    pub purposes_of_rule: Vec<Vec<usize>>,
    /// For each purpose, the retention rules that cover it, in order.
    pub rules_of_purpose: Vec<Vec<usize>>,
}

pub fn coverage(policy: &Policy) -> Coverage {
    let rules = &policy.retention;
    let mut by_data: Vec<Vec<usize>> = vec![Vec::new(); policy.data.len()];
    let mut without_data = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        if r.data.is_empty() {
            without_data.push(i);
        }
        for d in &r.data {
            by_data[d.index].push(i);
        }
    }
    let mut purposes_of_rule = vec![Vec::new(); rules.len()];
    let mut rules_of_purpose = vec![Vec::new(); policy.purposes.len()];
    // The purpose a rule was last considered for, so that each pair is looked at once.
    let mut seen = vec![usize::MAX; rules.len()];
    for (pi, p) in policy.purposes.iter().enumerate() {
        let mut covering = Vec::new();
        for &ri in p.data.iter().flat_map(|d| &by_data[d.index]).chain(&without_data) {
            if seen[ri] == pi {
                continue;
            }
            seen[ri] = pi;
            let r = &rules[ri];
            let purpose_ok = r.purposes.is_empty() || r.purposes.iter().any(|x| x.index == pi);
            let groups_ok =
                r.subjects.is_empty() || p.subjects.is_empty() || r.subjects.iter().any(|g| p.subjects.contains(g));
            if purpose_ok && groups_ok {
                covering.push(ri);
            }
        }
        covering.sort_unstable();
        for &ri in &covering {
            purposes_of_rule[ri].push(pi);
        }
        rules_of_purpose[pi] = covering;
    }
    Coverage { purposes_of_rule, rules_of_purpose }
}
