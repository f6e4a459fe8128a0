//! The syntax tree without its spans, so that two trees compare by what they say.

use crate::span::{Span, Spanned};
use crate::syntax::ast::{Block, Decl, Duration, File, Item, Keep, Text, Value};

pub fn file(f: &File) -> File {
    File { decls: f.decls.iter().map(decl).collect() }
}

fn s<T: Clone>(x: &Spanned<T>) -> Spanned<T> {
    Spanned::new(x.value.clone(), Span::default())
}

fn decl(d: &Decl) -> Decl {
    Decl { kind: s(&d.kind), name: d.name.as_ref().map(s), block: block(&d.block) }
}

fn block(b: &Block) -> Block {
    Block { items: b.items.iter().map(item).collect(), span: Span::default() }
}

fn item(i: &Item) -> Item {
    Item { key: s(&i.key), value: value(&i.value), span: Span::default() }
}

fn duration(d: &Duration) -> Duration {
    Duration { amount: s(&d.amount), unit: s(&d.unit), span: Span::default() }
}

fn value(v: &Value) -> Value {
    match v {
        Value::Text(t) => {
            Value::Text(Text { parts: t.parts.iter().map(|(l, x)| (s(l), s(x))).collect(), span: Span::default() })
        }
        Value::Str(x) => Value::Str(s(x)),
        Value::Ident(x) => Value::Ident(s(x)),
        Value::Idents(xs) => Value::Idents(xs.iter().map(s).collect()),
        Value::Words(xs) => Value::Words(xs.iter().map(s).collect()),
        Value::Langs(xs) => Value::Langs(xs.iter().map(s).collect()),
        Value::Date(x) => Value::Date(s(x)),
        Value::YesNo(x) => Value::YesNo(s(x)),
        Value::Duration(d) => Value::Duration(duration(d)),
        Value::DayOfYear { day, month } => Value::DayOfYear { day: s(day), month: s(month) },
        Value::Keep(k) => Value::Keep(match k {
            Keep::For { up_to, duration: d, after } => {
                Keep::For { up_to: *up_to, duration: duration(d), after: s(after) }
            }
            Keep::Until(e) => Keep::Until(s(e)),
            Keep::Indefinitely(_) => Keep::Indefinitely(Span::default()),
        }),
        Value::Limit { duration: d, after } => Value::Limit { duration: duration(d), after: s(after) },
        Value::Condition { word, data } => Value::Condition { word: s(word), data: data.iter().map(s).collect() },
        Value::Act { id, provision } => Value::Act { id: s(id), provision: provision.as_ref().map(s) },
        Value::Agreement(name) => Value::Agreement(s(name)),
        Value::Lifetime(d) => Value::Lifetime(d.as_ref().map(duration)),
        Value::Block(b) => Value::Block(block(b)),
        Value::Unknown => Value::Unknown,
    }
}
