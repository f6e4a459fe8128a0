//! Human-readable text in the model: either one string for every language (proper names) or
//! one string per declared language. Resolution guarantees every declared language is present.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::vocab::Lang;
use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum TextValue {
    Same(String),
    Translated(BTreeMap<Lang, String>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text {
    pub value: TextValue,
    #[serde(skip)]
    pub span: Span,
}

impl Text {
    /// The text in `lang`. Resolution has checked every declared language is present, so the
    /// empty fallback is only reached for a language the policy does not declare.
    pub fn get(&self, lang: Lang) -> &str {
        match &self.value {
            TextValue::Same(s) => s,
            TextValue::Translated(map) => map.get(&lang).map_or("", String::as_str),
        }
    }
}
