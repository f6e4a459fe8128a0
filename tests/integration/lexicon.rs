//! Every fixed word the checker accepts has its wording in both languages' lexicons, so that a
//! policy that checks also builds (minijinja fails on a missing key).

use policyc::law::tables;
use policyc::model::vocab::{Art9Condition, Jurisdiction, LegalBasis, Vocabulary};

use crate::root;

fn lexicon(lang: &str) -> yaml_serde::Value {
    let text = std::fs::read_to_string(root().join(format!("templates/{lang}/lexicon.yaml"))).expect("lexicon");
    yaml_serde::from_str(&text).expect("lexicon reads")
}

#[test]
fn every_condition_the_tables_allow_has_its_words() {
    for lang in ["da", "sv"] {
        let t = lexicon(lang);
        for j in Jurisdiction::ALL {
            let national = tables().national(*j);
            for a in &national.id_number {
                let w = a.condition.word();
                assert!(t["id_number"][w][j.word()].is_string(), "{lang}: id_number.{w}.{}", j.word());
            }
            for a in &national.art10 {
                let w = a.condition.word();
                assert!(t["art10"][w][j.word()].is_string(), "{lang}: art10.{w}.{}", j.word());
            }
        }
        for c in Art9Condition::ALL {
            assert!(t["art9"][c.word()].is_string(), "{lang}: art9.{}", c.word());
        }
        for b in LegalBasis::ALL {
            assert!(!t["bases"][b.word()].is_null(), "{lang}: bases.{}", b.word());
        }
    }
}

/// A draft names each unconfirmed item in the notice's language, never by its keyword.
#[test]
fn every_item_a_marker_can_stand_on_has_its_words() {
    for lang in ["da", "sv"] {
        let items = &lexicon(lang)["draft"]["items"];
        for (_, keywords) in policyc::syntax::block_keywords() {
            for k in keywords.iter().filter(|k| **k != "unconfirmed") {
                assert!(items[*k].is_string(), "{lang}: draft.items.{k}");
            }
        }
    }
}
