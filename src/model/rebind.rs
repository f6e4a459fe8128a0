//! Binding the references of a model read back from YAML or JSON (`policyc build --model`
//! writes it): serialised references carry only names, so their indices are looked up again.

use std::collections::HashMap;

use crate::model::{Limit, Period, Policy, Ref, SourceRef, Trigger};

/// Read a model written by `emit::model_yaml` back, references bound.
pub fn from_yaml(text: &str) -> Result<Policy, String> {
    // YAML cannot tag nested enums, so the model is written in JSON's data model (enums as
    // one-key maps) and read back through it.
    let value: serde_json::Value = yaml_serde::from_str(text).map_err(|e| e.to_string())?;
    let mut policy: Policy = serde_json::from_value(value).map_err(|e| e.to_string())?;
    rebind(&mut policy)?;
    Ok(policy)
}

/// Look up every reference's index by its name; an unknown name is an error.
pub fn rebind(policy: &mut Policy) -> Result<(), String> {
    let index = |names: Vec<&str>| -> HashMap<String, usize> {
        names.into_iter().enumerate().map(|(i, n)| (n.to_string(), i)).collect()
    };
    let groups = index(policy.groups.iter().map(|g| g.id.value.as_str()).collect());
    let data = index(policy.data.iter().map(|d| d.id.value.as_str()).collect());
    let sources = index(policy.sources.iter().map(|s| s.id.value.as_str()).collect());
    let recipients = index(policy.recipients.iter().map(|r| r.id.value.as_str()).collect());
    let storage = index(policy.storage.iter().map(|s| s.id.value.as_str()).collect());
    let events = index(policy.events.iter().map(|e| e.id.value.as_str()).collect());
    let purposes = index(policy.purposes.iter().map(|p| p.id.value.as_str()).collect());

    for p in &mut policy.purposes {
        bind_all(&mut p.subjects, &groups, "group")?;
        bind_all(&mut p.data, &data, "data category")?;
        bind_all(&mut p.recipients, &recipients, "recipient")?;
        bind_all(&mut p.storage, &storage, "storage place")?;
        bind_all(&mut p.published, &data, "data category")?;
        bind_all(&mut p.accounting_records, &data, "data category")?;
        for c in &mut p.art9 {
            bind_all(&mut c.data, &data, "data category")?;
        }
        for s in &mut p.sources {
            if let SourceRef::Declared(r) = s {
                bind(r, &sources, "source")?;
            }
        }
        for c in &mut p.source_data {
            if let SourceRef::Declared(r) = &mut c.source {
                bind(r, &sources, "source")?;
            }
            bind_all(&mut c.data, &data, "data category")?;
        }
    }
    for s in &mut policy.sources {
        bind_all(&mut s.data, &data, "data category")?;
    }
    for r in &mut policy.retention {
        bind_all(&mut r.data, &data, "data category")?;
        bind_all(&mut r.subjects, &groups, "group")?;
        bind_all(&mut r.purposes, &purposes, "purpose")?;
        bind_all(&mut r.storage, &storage, "storage place")?;
        if let Period::After { event, .. } | Period::Until(event) = &mut r.period.value {
            bind_trigger(event, &events)?;
        }
        if let Some(Limit { event, .. }) = &mut r.limit {
            bind_trigger(event, &events)?;
        }
    }
    for c in &mut policy.cookies {
        if let Some(r) = &mut c.provider {
            bind(r, &recipients, "recipient")?;
        }
    }
    for s in &mut policy.storage {
        if let Some(r) = &mut s.operated_by {
            bind(r, &recipients, "recipient")?;
        }
    }
    Ok(())
}

fn bind<T>(r: &mut Ref<T>, table: &HashMap<String, usize>, what: &str) -> Result<(), String> {
    r.index = *table.get(&r.name).ok_or_else(|| format!("no {what} is named `{}`", r.name))?;
    Ok(())
}

fn bind_all<T>(refs: &mut [Ref<T>], table: &HashMap<String, usize>, what: &str) -> Result<(), String> {
    refs.iter_mut().try_for_each(|r| bind(r, table, what))
}

fn bind_trigger(t: &mut Trigger, events: &HashMap<String, usize>) -> Result<(), String> {
    match t {
        Trigger::Custom(r) => bind(r, events, "event"),
        Trigger::Standard(_) => Ok(()),
    }
}
