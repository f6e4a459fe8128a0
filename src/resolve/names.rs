//! Symbol tables: the declared names of each kind, in source order, for binding references.

use std::collections::HashMap;

use crate::span::Span;

/// The names declared for one kind of block.
#[derive(Debug, Default)]
pub(super) struct Table {
    index: HashMap<String, usize>,
    /// Names in declaration order with their spans.
    pub names: Vec<(String, Span)>,
}

impl Table {
    /// Declare a name; returns the span of an earlier declaration of the same name.
    pub fn declare(&mut self, name: &str, span: Span) -> Result<usize, Span> {
        if let Some(&i) = self.index.get(name) {
            return Err(self.names[i].1);
        }
        let i = self.names.len();
        self.index.insert(name.to_string(), i);
        self.names.push((name.to_string(), span));
        Ok(i)
    }

    pub fn lookup(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    pub fn candidates(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(|(n, _)| n.as_str())
    }

    pub fn is_used(&self) -> bool {
        !self.names.is_empty()
    }
}

/// One table per kind of named declaration.
#[derive(Debug, Default)]
pub(super) struct Names {
    pub groups: Table,
    pub data: Table,
    pub sources: Table,
    pub recipients: Table,
    pub storage: Table,
    pub events: Table,
    pub purposes: Table,
    pub retention: Table,
    pub sections: Table,
    pub cookies: Table,
}
