//! Which data come from which declared source, in no language: the notices (`builder.rs`) and
//! the TILT export read it.

use crate::facts::derive::{declared, purposes_naming};
use crate::model::{self, Policy};

/// For each declared source, the purposes that name it (indexes, in the policy's order).
pub fn users_of_sources(policy: &Policy) -> Vec<Vec<usize>> {
    purposes_naming(policy, policy.sources.len(), |p| p.sources.iter().filter_map(declared).collect())
}

/// The data source `i` gives the purposes `users`: its own `data` when no purpose says which
/// data come from it (in the order of its list), else what the purposes say plus its `data` for
/// those that only list it (in the order of the policy). Empty: the policy does not say.
pub fn data_from_source(policy: &Policy, i: usize, users: &[usize]) -> Vec<usize> {
    let own = || policy.sources[i].data.iter().map(|d| d.index);
    let said: Vec<Option<&[model::Ref<model::DataCategory>]>> =
        users.iter().map(|&pi| policy.purposes[pi].data_from(Some(i))).collect();
    if said.iter().all(Option::is_none) {
        return own().collect();
    }
    let mut data: Vec<usize> = Vec::new();
    for s in said {
        match s {
            Some(d) => data.extend(d.iter().map(|d| d.index)),
            None => data.extend(own()),
        }
    }
    data.sort_unstable();
    data.dedup();
    data
}

/// For each data category, the declared sources it comes from (in the policy's order). A
/// source whose data the policy does not name counts for every category of the purposes that
/// name it: it may supply any of them (the notices say "some of the data of").
pub fn sources_of_data(policy: &Policy) -> Vec<Vec<usize>> {
    let users = users_of_sources(policy);
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); policy.data.len()];
    for (i, users) in users.iter().enumerate() {
        let said = data_from_source(policy, i, users);
        let data: Vec<usize> = if said.is_empty() {
            users.iter().flat_map(|&pi| policy.purposes[pi].data.iter().map(|d| d.index)).collect()
        } else {
            said
        };
        for d in data {
            if !out[d].contains(&i) {
                out[d].push(i);
            }
        }
    }
    out
}
