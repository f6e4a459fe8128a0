//! Typed references between declarations: an index into the policy's table of that kind, with
//! the name and span as written (for messages and for a readable serialised form).

use std::marker::PhantomData;

use serde::{Deserialize, Serialize};

use crate::span::Span;

pub struct Ref<T> {
    pub index: usize,
    pub name: String,
    pub span: Span,
    kind: PhantomData<fn() -> T>,
}

impl<T> Ref<T> {
    pub fn new(index: usize, name: String, span: Span) -> Self {
        Ref { index, name, span, kind: PhantomData }
    }
}

// Derives would demand `T: Clone` etc.; a reference is copyable whatever it points to.
impl<T> Clone for Ref<T> {
    fn clone(&self) -> Self {
        Ref::new(self.index, self.name.clone(), self.span)
    }
}

impl<T> PartialEq for Ref<T> {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
    }
}

impl<T> Eq for Ref<T> {}

impl<T> std::fmt::Debug for Ref<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Ref({}#{})", self.name, self.index)
    }
}

/// Serialised as the name it was written with.
impl<T> Serialize for Ref<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name)
    }
}

/// Read as a name; the index is unknown until `model::rebind` looks the name up.
impl<'de, T> Deserialize<'de> for Ref<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|name| Ref::new(usize::MAX, name, Span::default()))
    }
}
