//! Where a purpose's data come from (Art. 14(1)(d), 14(2)(f)): a purpose that says which of its
//! data come from which source (`sources S for D`) must agree with what the source gives and
//! with what the purpose uses; one that names only the person for data a source gives is asked
//! to say so.

use crate::check::Ctx;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Purpose, SourceRef};

/// The person may give the same data as a source does, so a purpose whose plain `sources` names
/// only the person gets a warning. A purpose that says where its data come from (`sources person
/// for D`) gets none: its data outside every `for` is E0215.
pub fn declared_source_is_named(cx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &cx.policy.purposes {
        let Some(SourceRef::Person(person)) = p.sources.first() else { continue };
        let only_person = p.sources.iter().all(|s| matches!(s, SourceRef::Person(_)));
        if !only_person || !p.source_data.is_empty() {
            continue;
        }
        let used = |d: &&crate::model::Ref<crate::model::DataCategory>| p.data.iter().any(|x| x.index == d.index);
        let provided = cx.policy.sources.iter().find_map(|s| s.data.iter().find(used).map(|d| (s, d)));
        let Some((source, data)) = provided else { continue };
        out.push(
            Diagnostic::new(
                Code::SourceNotNamed,
                format!(
                    "purpose `{}` uses `{}`, which source `{}` provides, but names only the person as its source",
                    p.id.value, data.name, source.id.value
                ),
                *person,
                "only the person",
            )
            .with_secondary(data.span, format!("`{}` provides it", source.id.value))
            .with_help(format!(
                "say where this purpose gets `{0}`: `sources {1} for {0}` if the source gives it (the notice must name the source, Art. 14(1)(d), 14(2)(f)), or `sources person for {0}` if the person alone gives it here",
                data.name, source.id.value
            )),
        );
    }
    out
}

/// `sources S for D`: a source whose `data` says what it gives cannot give anything else.
pub fn source_gives_the_data(cx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &cx.policy.purposes {
        for clause in &p.source_data {
            let SourceRef::Declared(s) = &clause.source else { continue };
            let source = &cx.policy.sources[s.index];
            if source.data.is_empty() {
                continue;
            }
            for d in clause.data.iter().filter(|d| !source.data.iter().any(|x| x.index == d.index)) {
                let listed: Vec<&str> = source.data.iter().map(|x| x.name.as_str()).collect();
                out.push(
                    Diagnostic::new(
                        Code::SourceDoesNotGiveData,
                        format!(
                            "purpose `{}` says `{}` comes from source `{}`, which does not list it among the data it gives",
                            p.id.value, d.name, s.name
                        ),
                        d.span,
                        format!("not given by `{}`", s.name),
                    )
                    .with_secondary(source.id.span, format!("gives only {}", crate::check::either(&listed)))
                    .with_help(format!(
                        "if `{0}` gives `{1}`, add it to the source's `data`; otherwise name the source `{1}` really comes from (the notice must not name a wrong source, Art. 14(1)(d), 14(2)(f))",
                        s.name, d.name
                    )),
                );
            }
        }
    }
    out
}

/// `sources S for D`: D must be data the purpose uses, or the notice would say the purpose
/// obtains data it does not process.
pub fn sourced_data_is_used(cx: &Ctx) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &cx.policy.purposes {
        for clause in &p.source_data {
            for d in clause.data.iter().filter(|d| !p.data.iter().any(|x| x.index == d.index)) {
                out.push(
                    Diagnostic::new(
                        Code::SourcedDataNotUsed,
                        format!(
                            "purpose `{}` says `{}` comes from {}, but does not use `{}`",
                            p.id.value,
                            d.name,
                            match &clause.source {
                                SourceRef::Person(_) => "the person".to_string(),
                                SourceRef::Declared(s) => format!("source `{}`", s.name),
                            },
                            d.name
                        ),
                        d.span,
                        "not in the purpose's `data`",
                    )
                    .with_help(format!(
                        "add `{0}` to the purpose's `data`, or remove it from `sources {1} for ...`",
                        d.name,
                        clause.source.name()
                    )),
                );
            }
        }
    }
    out
}

/// Data a purpose that names its sources only with `for` leaves out of every clause: nothing
/// says where it comes from.
pub(super) fn unsourced_data(p: &Purpose) -> Option<Diagnostic> {
    if p.source_data.is_empty() || p.source_data.len() < p.sources.len() {
        return None;
    }
    let d = p.data.iter().find(|d| !p.states_source_of(d.index))?;
    Some(
        Diagnostic::new(
            Code::NoSource,
            format!("purpose `{}` does not say where `{}` comes from", p.id.value, d.name),
            d.span,
            "in no `sources ... for`",
        )
        .with_help(format!(
            "add `{0}` to the `sources ... for` of the source it comes from (`sources person for {0}` if the person gives it), or list the purpose's other sources in a plain `sources` (Art. 14(2)(f))",
            d.name
        )),
    )
}
