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
