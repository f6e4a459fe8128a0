//! Stage 2, resolve: AST -> model. Declares every name, binds references (with "did you mean"),
//! turns words into their legal meaning, checks that texts exist in every declared language,
//! and fills defaults. Stops the pipeline when it finds errors.

mod context;
mod entities;
mod fields;
mod header;
mod law;
mod markers;
mod names;
mod processing;
mod website;

use crate::diagnostic::{Code, Diagnostic, has_errors};
use crate::model::Policy;
use crate::model::vocab::Jurisdiction;
use crate::resolve::context::Cx;
use crate::resolve::names::{Names, Table};
use crate::span::Span;
use crate::syntax::ast::{Decl, DeclKind, File};

/// Resolve a parsed policy into the model, or the diagnostics that prevent it.
pub fn resolve(file: &File) -> Result<Policy, Vec<Diagnostic>> {
    let mut cx = Cx { langs: Vec::new(), jurisdiction: Jurisdiction::Dk, names: Names::default(), diags: Vec::new() };
    let decls = declare(&mut cx, file);

    let Some(header) = header::policy(&mut cx, &decls.policy) else {
        return Err(cx.diags);
    };
    cx.langs = header.languages.clone();
    cx.jurisdiction = header.jurisdiction.value;
    let Some(controller) = header::controller(&mut cx, &decls.controller, header.head) else {
        return Err(cx.diags);
    };

    let policy = Policy {
        groups: decls.groups.iter().filter_map(|d| entities::group(&mut cx, d)).collect(),
        data: decls.data.iter().filter_map(|d| entities::data(&mut cx, d)).collect(),
        sources: decls.sources.iter().filter_map(|d| entities::source(&mut cx, d)).collect(),
        recipients: decls.recipients.iter().filter_map(|d| entities::recipient(&mut cx, d)).collect(),
        storage: decls.storage.iter().filter_map(|d| entities::storage(&mut cx, d)).collect(),
        events: decls.events.iter().filter_map(|d| entities::event(&mut cx, d)).collect(),
        purposes: decls.purposes.iter().filter_map(|d| processing::purpose(&mut cx, d)).collect(),
        retention: decls.retention.iter().filter_map(|d| processing::retention(&mut cx, d)).collect(),
        cookies: decls.cookies.iter().filter_map(|d| website::cookie(&mut cx, d)).collect(),
        security: website::security(&mut cx, &decls.security),
        rights: website::rights(&mut cx, &decls.rights),
        sections: decls.sections.iter().filter_map(|d| website::section(&mut cx, d)).collect(),
        unconfirmed: markers::unconfirmed(&mut cx, file),
        header,
        controller,
    };
    if has_errors(&cx.diags) { Err(cx.diags) } else { Ok(policy) }
}

/// Picks the symbol table a kind of declaration is named in.
type TablePicker = fn(&mut Names) -> &mut Table;

/// The declarations of a file sorted by kind, each name declared once. A name declared twice
/// is reported and its second declaration dropped, so that references index the model's tables.
#[derive(Default)]
struct Decls<'a> {
    policy: Vec<&'a Decl>,
    controller: Vec<&'a Decl>,
    groups: Vec<&'a Decl>,
    data: Vec<&'a Decl>,
    sources: Vec<&'a Decl>,
    recipients: Vec<&'a Decl>,
    storage: Vec<&'a Decl>,
    events: Vec<&'a Decl>,
    purposes: Vec<&'a Decl>,
    retention: Vec<&'a Decl>,
    cookies: Vec<&'a Decl>,
    security: Vec<&'a Decl>,
    rights: Vec<&'a Decl>,
    sections: Vec<&'a Decl>,
}

fn declare<'a>(cx: &mut Cx, file: &'a File) -> Decls<'a> {
    let mut decls = Decls::default();
    for decl in &file.decls {
        let (list, table): (&mut Vec<&'a Decl>, Option<TablePicker>) = match decl.kind.value {
            DeclKind::Policy => (&mut decls.policy, None),
            DeclKind::Controller => (&mut decls.controller, None),
            DeclKind::Security => (&mut decls.security, None),
            DeclKind::Rights => (&mut decls.rights, None),
            DeclKind::Group => (&mut decls.groups, Some(|n| &mut n.groups)),
            DeclKind::Data => (&mut decls.data, Some(|n| &mut n.data)),
            DeclKind::Source => (&mut decls.sources, Some(|n| &mut n.sources)),
            DeclKind::Recipient => (&mut decls.recipients, Some(|n| &mut n.recipients)),
            DeclKind::Storage => (&mut decls.storage, Some(|n| &mut n.storage)),
            DeclKind::Event => (&mut decls.events, Some(|n| &mut n.events)),
            DeclKind::Purpose => (&mut decls.purposes, Some(|n| &mut n.purposes)),
            DeclKind::Retention => (&mut decls.retention, Some(|n| &mut n.retention)),
            DeclKind::Cookie => (&mut decls.cookies, Some(|n| &mut n.cookies)),
            DeclKind::Section => (&mut decls.sections, Some(|n| &mut n.sections)),
        };
        let Some(table) = table else {
            list.push(decl);
            continue;
        };
        let Some(name) = &decl.name else {
            cx.error(internal(decl.kind.span));
            continue;
        };
        if let Some(d) = reserved(decl.kind.value, &name.value, name.span) {
            cx.error(d);
            continue;
        }
        match table(&mut cx.names).declare(&name.value, name.span) {
            Ok(_) => list.push(decl),
            Err(first) => cx.error(
                Diagnostic::new(
                    Code::DuplicateDeclaration,
                    format!("{} `{}` is declared twice", decl.kind.value.noun(), name.value),
                    name.span,
                    "declared again here",
                )
                .with_secondary(first, "first declared here")
                .with_help("rename one of them, or merge the two into one block"),
            ),
        }
    }
    decls
}

/// Names the language gives a meaning of its own.
fn reserved(kind: DeclKind, name: &str, span: Span) -> Option<Diagnostic> {
    use crate::model::vocab::{StandardEvent, Vocabulary};
    let why = match kind {
        DeclKind::Source if name == "person" => "`person` is the built-in source for data collected from the person",
        DeclKind::Event if StandardEvent::from_word(name).is_some() => {
            "this is a standard event and needs no declaration"
        }
        _ => return None,
    };
    Some(
        Diagnostic::new(Code::ReservedName, format!("`{name}` cannot be declared"), span, why)
            .with_help("use the built-in one, or choose another name"),
    )
}

fn internal(span: Span) -> Diagnostic {
    Diagnostic::new(Code::Internal, "internal compiler error: a named block has no name", span, "here")
        .with_help("this is a bug in policyc; please report it with this policy file")
}
