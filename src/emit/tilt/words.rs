//! The standard wording of the TILT export, per language, read from the built-in template
//! lexicons (the `tilt` entry of `templates/<lang>/lexicon.yaml`), so that every fixed word of
//! every output lives in one place per language. TILT's descriptions are third person and read
//! outside the notice, hence words of their own there.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::emit::TemplateSet;
use crate::model::vocab::{Lang, Vocabulary};

/// The word for `key` in a table of the lexicon; a test proves every table is complete.
pub fn lookup<K: Vocabulary>(table: &BTreeMap<String, String>, key: K) -> &str {
    table.get(key.word()).map_or("", String::as_str)
}

/// The standard wording TILT's descriptions need, per language.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Words {
    pub roles: BTreeMap<String, String>,
    pub events: BTreeMap<String, String>,
    pub counted_from: String,
    pub at_most: String,
    pub until: String,
    pub at_latest: String,
    pub financial_year: String,
    pub calendar_year: String,
    pub access: String,
    pub rectification: String,
    pub portability: String,
    pub withdraw: String,
    pub complain: String,
    pub applies_to: String,
    pub adequacy: String,
    pub scc: String,
    pub bcr: String,
    pub derogation: String,
}

#[derive(Deserialize)]
struct Lexicon {
    tilt: Words,
}

/// The words of `lang`, read once from the built-in lexicon. A lexicon that cannot be read
/// gives empty words (the tests read every built-in lexicon, so that cannot ship).
pub fn words(lang: Lang) -> &'static Words {
    static DA: OnceLock<Words> = OnceLock::new();
    static SV: OnceLock<Words> = OnceLock::new();
    let cell = match lang {
        Lang::Da => &DA,
        Lang::Sv => &SV,
    };
    cell.get_or_init(|| {
        let name = format!("{}/lexicon.yaml", lang.word());
        let text = TemplateSet::built_in().source(&name).ok().flatten().unwrap_or_default();
        yaml_serde::from_str::<Lexicon>(&text).map(|l| l.tilt).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vocab::{RecipientRole, StandardEvent};

    #[test]
    fn every_role_event_and_phrase_has_a_word_in_every_language() {
        for lang in Lang::ALL {
            let w = words(*lang);
            assert!(RecipientRole::ALL.iter().all(|r| !lookup(&w.roles, *r).is_empty()), "{lang:?}");
            assert!(StandardEvent::ALL.iter().all(|e| !lookup(&w.events, *e).is_empty()), "{lang:?}");
            for phrase in [&w.counted_from, &w.at_most, &w.until, &w.at_latest, &w.access, &w.withdraw, &w.derogation] {
                assert!(!phrase.is_empty(), "{lang:?}");
            }
        }
    }
}
