//! Resolving purposes (processing activities) and retention rules.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::vocab::{
    Action, Alignment, Art9Condition, Art10Condition, Channel, IdNumberCondition, LegalBasis, Provision,
};
use crate::model::{
    Art9Clause, DataCategory, Limit, Period, Profiling, Purpose, Ref, RetentionRule, SourceData, SourceRef,
};
use crate::resolve::context::Cx;
use crate::resolve::fields::Fields;
use crate::resolve::header::head;
use crate::resolve::law;
use crate::span::Spanned;
use crate::syntax::ast::{Decl, Item, Keep, Value};

pub(super) fn purpose(cx: &mut Cx, decl: &Decl) -> Option<Purpose> {
    let id = decl.name.clone()?;
    let f =
        Fields::new(&decl.block, format!("purpose `{}`", id.value), head(decl), &["art9", "sources"], &mut cx.diags);
    let title = match f.get("title") {
        Some(item) => cx.text(item),
        None => {
            cx.error(f.missing("title", "title da \"Rekruttering\""));
            None
        }
    };
    let mut bases = Vec::new();
    if let Some(item) = f.get("basis") {
        for w in cx.words(item) {
            if let Some(b) = cx.vocab::<LegalBasis>(w) {
                if let Some(first) = bases.iter().find(|x: &&Spanned<LegalBasis>| x.value == b.value) {
                    let first_span = first.span;
                    cx.error(
                        Diagnostic::new(
                            Code::DuplicateItem,
                            format!("`{}` is listed twice", w.value),
                            w.span,
                            "listed again",
                        )
                        .with_secondary(first_span, "first listed here")
                        .with_help("list each legal basis once"),
                    );
                    continue;
                }
                bases.push(b);
            }
        }
    }
    let text = |cx: &mut Cx, key: &str| f.get(key).and_then(|i| cx.text(i));
    let refs_item = |key: &str| f.get(key);
    let (sources, source_data) = sources(cx, &f);
    let law = f.get("law").map(|i| law::law(cx, i)).unwrap_or_default();
    Some(Purpose {
        description: text(cx, "description"),
        subjects: refs_item("subjects").map(|i| cx.refs(i, |n| &n.groups, "subject group")).unwrap_or_default(),
        data: refs_item("data").map(|i| cx.refs(i, |n| &n.data, "data category")).unwrap_or_default(),
        sources,
        source_data,
        bases,
        legitimate_interest: text(cx, "legitimate-interest"),
        art9: art9(cx, &f),
        art10: f.get("art10").and_then(|i| cx.word::<Art10Condition>(i)),
        id_number: f.get("id-number").and_then(|i| cx.word::<IdNumberCondition>(i)),
        provision: f.get("provision").and_then(|i| cx.word::<Provision>(i)),
        consequence: text(cx, "consequence"),
        profiling: f.get("profiling").and_then(|i| profiling(cx, i)),
        automated_decision: f.get("automated-decision").and_then(|i| profiling(cx, i)),
        recipients: refs_item("recipients").map(|i| cx.refs(i, |n| &n.recipients, "recipient")).unwrap_or_default(),
        storage: refs_item("storage").map(|i| cx.refs(i, |n| &n.storage, "storage place")).unwrap_or_default(),
        direct_marketing: f.get("direct-marketing").and_then(|i| cx.yes_no(i)).unwrap_or(false),
        law: law.0,
        statute: law.1,
        channels: f
            .get("channels")
            .map(|i| {
                let words = cx.words(i).to_vec();
                words.iter().filter_map(|w| cx.vocab::<Channel>(w)).collect()
            })
            .unwrap_or_default(),
        accounting_records: refs_item("accounting-records")
            .map(|i| cx.refs(i, |n| &n.data, "data category"))
            .unwrap_or_default(),
        published: refs_item("published").map(|i| cx.refs(i, |n| &n.data, "data category")).unwrap_or_default(),
        span: decl.block.span,
        title: title?,
        id,
    })
}

/// `art9 CONDITION [for DATA, ...]`, repeatable: one clause may go without `for` (it covers the
/// rest), and no data may be named by two clauses.
fn art9(cx: &mut Cx, f: &Fields) -> Vec<Art9Clause> {
    let mut clauses: Vec<Art9Clause> = Vec::new();
    for item in f.all("art9") {
        let Value::Condition { word, data } = &item.value else { continue };
        let Some(condition) = cx.vocab::<Art9Condition>(word) else { continue };
        let data: Vec<Ref<DataCategory>> =
            data.iter().filter_map(|id| cx.reference(id, |n| &n.data, "data category")).collect();
        let twice = if data.is_empty() {
            clauses.iter().find(|c| c.data.is_empty()).map(|c| (c.condition.span, "another `art9` without `for`"))
        } else {
            clauses
                .iter()
                .find(|c| c.data.iter().any(|x| data.iter().any(|d| d.index == x.index)))
                .map(|c| (c.condition.span, "an `art9` for the same data"))
        };
        if let Some((first, what)) = twice {
            cx.error(
                Diagnostic::new(
                    Code::DuplicateItem,
                    format!("{} gives `art9` twice for the same data", f.what),
                    item.key.span,
                    "given again here",
                )
                .with_secondary(first, what)
                .with_help("give one Art. 9(2) condition per set of data: `art9 explicit-consent for health`, `art9 employment-law for trade-union`"),
            );
            continue;
        }
        clauses.push(Art9Clause { condition, data });
    }
    clauses
}

/// `sources person, jobcentre` (the plain list, once) and `sources jobcentre for cv, contact`
/// (which data come from that source, one item per source). Every source named in either
/// form is a source of the purpose; a source named twice is reported, as an item given twice.
fn sources(cx: &mut Cx, f: &Fields) -> (Vec<SourceRef>, Vec<SourceData>) {
    let mut named: Vec<(SourceRef, crate::span::Span)> = Vec::new();
    let mut clauses = Vec::new();
    let mut plain: Option<&Item> = None;
    for item in f.all("sources") {
        let (ids, data) = match &item.value {
            Value::Idents(ids) => {
                if let Some(first) = plain {
                    cx.error(
                        Diagnostic::new(
                            Code::DuplicateItem,
                            format!("{} lists its sources twice", f.what),
                            item.key.span,
                            "listed again here",
                        )
                        .with_secondary(first.key.span, "first listed here")
                        .with_help("list the sources once, separated by commas; to say which data come from a source, write `sources SOURCE for DATA, ...` for it"),
                    );
                    continue;
                }
                plain = Some(item);
                (ids.as_slice(), None)
            }
            Value::Condition { word, data } => (std::slice::from_ref(word), Some(data)),
            _ => continue,
        };
        for id in ids {
            let source = if id.value == "person" {
                SourceRef::Person(id.span)
            } else {
                match cx.reference(id, |n| &n.sources, "source") {
                    Some(r) => SourceRef::Declared(r),
                    None => continue,
                }
            };
            if let Some((_, first)) = named.iter().find(|(s, _)| s.same(&source)) {
                cx.error(
                    Diagnostic::new(
                        Code::DuplicateItem,
                        format!("{} names source `{}` twice", f.what, id.value),
                        id.span,
                        "named again here",
                    )
                    .with_secondary(*first, "first named here")
                    .with_help(format!(
                        "name each source once: either in the list (`sources {0}, ...`) or with the data it gives (`sources {0} for ...`)",
                        id.value
                    )),
                );
                continue;
            }
            named.push((source.clone(), id.span));
            if let Some(data) = data {
                let data = data.iter().filter_map(|d| cx.reference(d, |n| &n.data, "data category")).collect();
                clauses.push(SourceData { source: source.clone(), data });
            }
        }
    }
    (named.into_iter().map(|(s, _)| s).collect(), clauses)
}

fn profiling(cx: &mut Cx, item: &Item) -> Option<Profiling> {
    let Value::Block(block) = &item.value else {
        return None;
    };
    let f = Fields::new(block, format!("the `{}` block", item.key.value), item.key.span, &[], &mut cx.diags);
    Some(Profiling {
        logic: f.get("logic").and_then(|i| cx.text(i)),
        consequences: f.get("consequences").and_then(|i| cx.text(i)),
        span: item.key.span,
    })
}

pub(super) fn retention(cx: &mut Cx, decl: &Decl) -> Option<RetentionRule> {
    let id = decl.name.clone()?;
    let f = Fields::new(&decl.block, format!("retention rule `{}`", id.value), head(decl), &[], &mut cx.diags);
    let period = match f.get("keep") {
        Some(Item { value: Value::Keep(keep), span, .. }) => period(cx, keep).map(|p| Spanned::new(p, *span)),
        Some(Item { value: Value::Unknown, span, .. }) => Some(Spanned::new(Period::Unconfirmed, *span)),
        _ => {
            cx.error(f.missing("keep", "keep 6 months after last-contact"));
            None
        }
    };
    let text = |cx: &mut Cx, key: &str| f.get(key).and_then(|i| cx.text(i));
    let reconfirm = match f.get("reconfirm").map(|i| &i.value) {
        Some(Value::Duration(d)) => Some(cx.duration(d)),
        _ => None,
    };
    let law = f.get("law").map(|i| law::law(cx, i)).unwrap_or_default();
    Some(RetentionRule {
        data: f.get("data").map(|i| cx.refs(i, |n| &n.data, "data category")).unwrap_or_default(),
        subjects: f.get("subjects").map(|i| cx.refs(i, |n| &n.groups, "subject group")).unwrap_or_default(),
        purposes: f.get("purposes").map(|i| cx.refs(i, |n| &n.purposes, "purpose")).unwrap_or_default(),
        storage: f.get("storage").map(|i| cx.refs(i, |n| &n.storage, "storage place")).unwrap_or_default(),
        limit: match f.get("limit").map(|i| &i.value) {
            Some(Value::Limit { duration, after }) => {
                let duration = cx.duration(duration);
                cx.trigger(after).map(|event| Limit { duration, event })
            }
            _ => None,
        },
        align: f.get("align").and_then(|i| cx.word::<Alignment>(i)).map(|a| a.value),
        action: f.get("then").and_then(|i| cx.word::<Action>(i)).map_or(Action::Delete, |a| a.value),
        reconfirm,
        law: law.0,
        statute: law.1,
        justification: text(cx, "justification"),
        description: text(cx, "description"),
        period: period?,
        id,
    })
}

fn period(cx: &mut Cx, keep: &Keep) -> Option<Period> {
    Some(match keep {
        Keep::For { up_to, duration, after } => {
            let duration = cx.duration(duration);
            Period::After { duration, up_to: *up_to, event: cx.trigger(after)? }
        }
        Keep::Until(event) => Period::Until(cx.trigger(event)?),
        Keep::Indefinitely(_) => Period::Indefinitely,
    })
}
