//! The resolver's state and the conversions every block shares: texts with their languages,
//! fixed words into vocabulary enums, names into typed references.

use std::collections::BTreeMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::text::TextValue;
use crate::model::vocab::{Jurisdiction, Lang, StandardEvent, Vocabulary};
use crate::model::{Duration, Ref, Text, Trigger};
use crate::resolve::names::{Names, Table};
use crate::span::{Span, Spanned};
use crate::suggest::did_you_mean;
use crate::syntax::ast::{self, Item, Value};

pub(super) struct Cx {
    /// The policy's declared languages; texts must exist in each.
    pub langs: Vec<Lang>,
    /// The policy's jurisdiction, whose legal tables name the acts `law` may refer to.
    pub jurisdiction: Jurisdiction,
    pub names: Names,
    pub diags: Vec<Diagnostic>,
}

impl Cx {
    pub fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// A human-readable text. Tagged texts must give every declared language once; an untagged
    /// string is the same in every language, which the grammar allows only for names.
    pub fn text(&mut self, item: &Item) -> Option<Text> {
        match &item.value {
            Value::Str(s) => Some(Text { value: TextValue::Same(s.value.clone()), span: s.span }),
            Value::Text(t) => self.translated(t),
            // Not known yet: the `unconfirmed` marker after it is recorded for the notice.
            Value::Unknown => None,
            _ => self.shape(item, "a text"),
        }
    }

    fn translated(&mut self, t: &ast::Text) -> Option<Text> {
        let mut map: BTreeMap<Lang, String> = BTreeMap::new();
        let mut spans: BTreeMap<Lang, Span> = BTreeMap::new();
        let mut ok = true;
        for (tag, s) in &t.parts {
            let lang = match Lang::from_word(&tag.value) {
                Some(lang) if self.langs.contains(&lang) => lang,
                Some(lang) => {
                    self.error(
                        Diagnostic::new(
                            Code::UndeclaredLanguage,
                            format!("this text is in {}, which the policy does not declare", lang_name(lang)),
                            tag.span,
                            "language not in the policy header",
                        )
                        .with_help(format!(
                            "add `{}` to `languages` in the policy header, or remove this text",
                            lang.word()
                        )),
                    );
                    ok = false;
                    continue;
                }
                None => {
                    self.error(
                        Diagnostic::new(
                            Code::UndeclaredLanguage,
                            format!("`{}` is not a language policyc writes notices in", tag.value),
                            tag.span,
                            "unknown language",
                        )
                        .with_help("policyc supports `da` (Danish) and `sv` (Swedish)"),
                    );
                    ok = false;
                    continue;
                }
            };
            if let Some(first) = spans.get(&lang) {
                let first = *first;
                self.error(
                    Diagnostic::new(
                        Code::DuplicateLanguage,
                        format!("this text gives {} twice", lang_name(lang)),
                        tag.span,
                        "given again here",
                    )
                    .with_secondary(first, "first given here")
                    .with_help("keep one version per language"),
                );
                ok = false;
                continue;
            }
            spans.insert(lang, tag.span);
            map.insert(lang, s.value.clone());
        }
        for lang in self.langs.clone() {
            if !map.contains_key(&lang) && ok {
                self.error(
                    Diagnostic::new(
                        Code::MissingTranslation,
                        format!("this text has no {} version", lang_name(lang)),
                        t.span,
                        format!("missing `{}`", lang.word()),
                    )
                    .with_help(format!("write `{} \"...\"` after the existing text", lang.word())),
                );
                ok = false;
            }
        }
        ok.then_some(Text { value: TextValue::Translated(map), span: t.span })
    }

    pub fn string(&mut self, item: &Item) -> Option<String> {
        match &item.value {
            Value::Str(s) => Some(s.value.clone()),
            Value::Unknown => None,
            _ => self.shape(item, "a string"),
        }
    }

    pub fn yes_no(&mut self, item: &Item) -> Option<bool> {
        match &item.value {
            Value::YesNo(b) => Some(b.value),
            _ => self.shape(item, "yes or no"),
        }
    }

    pub fn duration(&mut self, d: &ast::Duration) -> Duration {
        Duration { amount: d.amount.value, unit: d.unit.value }
    }

    /// The words of an item whose value is fixed words.
    pub fn words<'a>(&mut self, item: &'a Item) -> &'a [Spanned<String>] {
        match &item.value {
            Value::Words(w) => w,
            Value::Unknown => &[],
            _ => {
                self.shape::<()>(item, "words");
                &[]
            }
        }
    }

    /// The single fixed word of an item, as its vocabulary enum.
    pub fn word<V: Vocabulary>(&mut self, item: &Item) -> Option<Spanned<V>> {
        let words = self.words(item);
        let first = words.first()?;
        if let Some(extra) = words.get(1) {
            self.error(
                Diagnostic::new(
                    Code::UnknownWord,
                    format!("`{}` takes one word", item.key.value),
                    extra.span,
                    "one word too many",
                )
                .with_help(format!("write one {}: {}", V::WHAT, word_list::<V>())),
            );
        }
        self.vocab::<V>(first)
    }

    /// A written word as its vocabulary enum, or an error that lists the accepted words.
    pub fn vocab<V: Vocabulary>(&mut self, w: &Spanned<String>) -> Option<Spanned<V>> {
        if let Some(v) = V::from_word(&w.value) {
            return Some(Spanned::new(v, w.span));
        }
        let help = match did_you_mean(&w.value, V::ALL.iter().map(|v| v.word())) {
            Some(s) => format!("did you mean `{s}`? Accepted: {}", word_list::<V>()),
            None => format!("write one of: {}", word_list::<V>()),
        };
        self.error(
            Diagnostic::new(
                Code::UnknownWord,
                format!("`{}` is not {} {}", w.value, article(V::WHAT), V::WHAT),
                w.span,
                format!("unknown {}", V::WHAT),
            )
            .with_help(help),
        );
        None
    }

    /// References to declarations of one kind; undefined names are reported.
    pub fn refs<T>(&mut self, item: &Item, table: fn(&Names) -> &Table, noun: &str) -> Vec<Ref<T>> {
        let idents: Vec<&Spanned<String>> = match &item.value {
            Value::Idents(ids) => ids.iter().collect(),
            Value::Ident(id) => vec![id],
            _ => return self.shape(item, "names").unwrap_or_default(),
        };
        let mut out: Vec<Ref<T>> = Vec::new();
        for id in idents {
            if let Some(r) = self.reference(id, table, noun) {
                out.push(r);
            }
        }
        out
    }

    pub fn reference<T>(&mut self, id: &Spanned<String>, table: fn(&Names) -> &Table, noun: &str) -> Option<Ref<T>> {
        let t = table(&self.names);
        if let Some(i) = t.lookup(&id.value) {
            return Some(Ref::new(i, id.value.clone(), id.span));
        }
        let suggestion = did_you_mean(&id.value, t.candidates()).map(str::to_string);
        let declared = t.is_used();
        self.error(undefined(id, noun, suggestion, declared));
        None
    }

    /// The event a retention period counts from: a standard event or a declared one.
    pub fn trigger(&mut self, id: &Spanned<String>) -> Option<Trigger> {
        if let Some(e) = StandardEvent::from_word(&id.value) {
            return Some(Trigger::Standard(e));
        }
        if let Some(i) = self.names.events.lookup(&id.value) {
            return Some(Trigger::Custom(Ref::new(i, id.value.clone(), id.span)));
        }
        let candidates: Vec<&str> =
            StandardEvent::ALL.iter().map(|e| e.word()).chain(self.names.events.candidates()).collect();
        let help = match did_you_mean(&id.value, candidates) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!(
                "use a standard event ({}) or declare `event {} {{ name da \"...\" }}`",
                word_list::<StandardEvent>(),
                id.value
            ),
        };
        self.error(
            Diagnostic::new(
                Code::UndefinedName,
                format!("`{}` is not a known event", id.value),
                id.span,
                "unknown event",
            )
            .with_help(help),
        );
        None
    }

    /// The grammar fixes each item's shape, so a mismatch is a bug in policyc.
    fn shape<T>(&mut self, item: &Item, expected: &str) -> Option<T> {
        self.error(
            Diagnostic::new(
                Code::Internal,
                format!("internal compiler error: `{}` should hold {expected}", item.key.value),
                item.span,
                "here",
            )
            .with_help("this is a bug in policyc; please report it with this policy file"),
        );
        None
    }
}

fn undefined(id: &Spanned<String>, noun: &str, suggestion: Option<String>, any_declared: bool) -> Diagnostic {
    let help = match suggestion {
        Some(s) => format!("did you mean `{s}`?"),
        None if any_declared => {
            format!("declare it: `{} {} {{ ... }}`", keyword_of(noun), id.value)
        }
        None => format!("no {noun} is declared yet; declare it: `{} {} {{ ... }}`", keyword_of(noun), id.value),
    };
    Diagnostic::new(
        Code::UndefinedName,
        format!("no {noun} is named `{}`", id.value),
        id.span,
        format!("unknown {noun}"),
    )
    .with_help(help)
}

fn keyword_of(noun: &str) -> &str {
    match noun {
        "subject group" => "group",
        "data category" => "data",
        "storage place" => "storage",
        "retention rule" => "retention",
        other => other,
    }
}

/// "`consent`, `contract` or `legal-obligation`"
pub(super) fn word_list<V: Vocabulary>() -> String {
    let words: Vec<String> = V::ALL.iter().map(|v| format!("`{}`", v.word())).collect();
    match words.split_last() {
        Some((last, init)) if !init.is_empty() => format!("{} or {}", init.join(", "), last),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

pub(super) fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "Danish (`da`)",
        Lang::Sv => "Swedish (`sv`)",
    }
}

/// "a" or "an" before a vocabulary's name: "an Art. 9(2) condition", "a legal basis". Every
/// name starts with a letter that sounds as written.
fn article(what: &str) -> &'static str {
    if what.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) { "an" } else { "a" }
}
