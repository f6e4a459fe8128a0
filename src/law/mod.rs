//! The legal tables (`law/tables.yaml`), compiled into the binary: which countries are in the
//! EU/EEA, which have adequacy decisions since when, which national conditions each
//! jurisdiction allows, the supervisory authorities and statutory retention minimums.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer};

use crate::calendar::{Date, Duration, parse_date, parse_period};
use crate::vocab::{AdequacyFramework, Alignment, Art9Condition, Art10Condition, IdNumberCondition, Jurisdiction};

const TABLES_YAML: &str = include_str!("../../law/tables.yaml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tables {
    pub eea: Vec<String>,
    pub adequacy: Vec<Adequacy>,
    pub jurisdictions: BTreeMap<Jurisdiction, National>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adequacy {
    pub country: String,
    pub name: String,
    #[serde(deserialize_with = "date")]
    pub since: Date,
    pub framework: Option<AdequacyFramework>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct National {
    pub authority: Authority,
    /// Art. 9(2) conditions that rest on national law, with the provision to cite.
    #[serde(default)]
    pub art9: Vec<Cited<Art9Condition>>,
    pub art10: Vec<Allowed<Art10Condition>>,
    pub id_number: Vec<Allowed<IdNumberCondition>>,
    /// Acts a policy names by identifier (`law bogforingsloven "§ 12"`).
    #[serde(default)]
    pub laws: Vec<Law>,
    pub minimums: Vec<Minimum>,
    /// A legal obligation may follow from a collective agreement, under this provision.
    #[serde(default)]
    pub collective_agreement: Option<Agreement>,
    /// Publishing an identity number needs the person's consent, where national law says so.
    #[serde(default)]
    pub publish_id_number: Option<Reference>,
    /// Direct marketing by electronic mail needs the recipient's prior consent.
    #[serde(default)]
    pub marketing_email: Option<MarketingEmail>,
}

/// A condition and the national provision it rests on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cited<C> {
    pub condition: C,
    pub reference: String,
    /// The provision covers only the controller's own employees (`relation employees`).
    #[serde(default)]
    pub employees_only: bool,
    #[serde(default)]
    pub verify: bool,
}

/// A provision of national law.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub reference: String,
    #[serde(default)]
    pub verify: bool,
}

/// Where national law lets an obligation follow from a collective agreement.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    pub reference: String,
    /// Only for obligations towards the controller's own employees (employment law).
    #[serde(default)]
    pub employees_only: bool,
    #[serde(default)]
    pub verify: bool,
}

/// The national rule on direct marketing by electronic mail (e-mail, SMS).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketingEmail {
    pub reference: String,
    /// The rule protects natural persons only (not business contacts as such).
    #[serde(default)]
    pub natural_persons_only: bool,
    #[serde(default)]
    pub verify: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    pub name: String,
    pub address: String,
    pub web: String,
    #[serde(default)]
    pub verify: bool,
}

/// A condition national law allows, with its reference.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allowed<C> {
    pub condition: C,
    pub reference: String,
    /// Only a public authority may rely on it.
    #[serde(default)]
    pub public_only: bool,
    /// Only a private controller may rely on it (a public authority has its own provision).
    #[serde(default)]
    pub private_only: bool,
    #[serde(default)]
    pub verify: bool,
}

impl<C> Allowed<C> {
    /// Whether a controller that is (or is not) a public authority may rely on it.
    pub fn open_to(&self, public_authority: bool) -> bool {
        if public_authority { !self.private_only } else { !self.public_only }
    }
}

/// An act a policy refers to by identifier; the notice cites its title.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Law {
    pub id: String,
    /// How a notice cites the act: its official title in the act's language.
    pub title: String,
    /// Its number in the official gazette (Lovtidende, SFS).
    pub reference: String,
    /// The date it was given.
    #[serde(deserialize_with = "date")]
    pub date: Date,
    #[serde(default)]
    pub verify: bool,
}

impl National {
    /// The act with identifier `id`.
    pub fn law(&self, id: &str) -> Option<&Law> {
        self.laws.iter().find(|l| l.id == id)
    }
}

/// A statutory minimum retention period, invoked by naming the act in a rule's `law`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Minimum {
    pub act: String,
    /// The act's identifier in `laws`, by which a policy names it.
    #[serde(default)]
    pub law: Option<String>,
    /// Further spellings (stems) that name the act in a `law` text.
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(deserialize_with = "period")]
    pub minimum: Duration,
    pub align: Option<Alignment>,
    pub reference: String,
    /// The bookkeeping act: it applies to the data a purpose names in `accounting-records`.
    #[serde(default)]
    pub accounting: bool,
    #[serde(default)]
    pub verify: bool,
}

impl Minimum {
    /// Whether a `law` text invokes this act.
    pub fn invoked_by(&self, law: &str) -> bool {
        let law = law.to_lowercase();
        std::iter::once(&self.act).chain(&self.names).any(|n| law.contains(&n.to_lowercase()))
    }
}

impl Tables {
    pub fn is_eea(&self, country: &str) -> bool {
        self.eea.iter().any(|c| c == country)
    }

    pub fn adequacy(&self, country: &str) -> Option<&Adequacy> {
        self.adequacy.iter().find(|a| a.country == country)
    }

    pub fn national(&self, j: Jurisdiction) -> &National {
        // Every jurisdiction has an entry: `tables_cover_every_jurisdiction` proves it.
        &self.jurisdictions[&j]
    }
}

/// The tables. The YAML is part of the binary and a test proves it reads, so failing here
/// means the binary was built from a broken table.
pub fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| match yaml_serde::from_str(TABLES_YAML) {
        Ok(tables) => tables,
        Err(e) => panic!("law/tables.yaml is invalid: {e}"),
    })
}

fn date<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    let s = String::deserialize(d)?;
    parse_date(&s).ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a date YYYY-MM-DD")))
}

fn period<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
    let s = String::deserialize(d)?;
    parse_period(&s).ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a period such as P5Y")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Vocabulary;

    #[test]
    fn tables_read_and_cover_every_jurisdiction() {
        let t = tables();
        for j in Jurisdiction::ALL {
            let n = t.national(*j);
            assert!(!n.art10.is_empty() && !n.id_number.is_empty() && !n.minimums.is_empty());
        }
        assert_eq!(t.eea.len(), 30, "27 EU member states and 3 EEA states");
        assert!(t.is_eea("DK") && t.is_eea("NO") && !t.is_eea("US") && !t.is_eea("GB"));
        assert_eq!(t.adequacy("US").and_then(|a| a.framework), Some(AdequacyFramework::DataPrivacyFramework));
    }

    /// 3 kap. 10 § as it is worded, and the words policies used before stay valid.
    #[test]
    fn swedish_personnummer_and_criminal_data_conditions() {
        use crate::vocab::{Art10Condition as A, IdNumberCondition as I};
        let se = tables().national(Jurisdiction::Se);
        for c in [I::Consent, I::JustifiedByPurpose, I::SecureIdentification, I::ConsiderableReason, I::RequiredByLaw] {
            assert!(se.id_number.iter().any(|a| a.condition == c && a.open_to(false) && a.verify), "{c:?}");
        }
        for c in [A::LegalClaims, A::LegalObligation, A::ImyRegulations] {
            assert!(se.art10.iter().any(|a| a.condition == c && a.private_only && a.verify), "{c:?}");
        }
        assert!(se.art10.iter().all(|a| a.condition != A::ExplicitConsent));
    }

    /// The legal tables and the model share only `calendar` and `vocab`: neither imports the
    /// other, so either can change without the other.
    #[test]
    fn law_and_model_do_not_import_each_other() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for (folder, other) in [("law", "model"), ("model", "law")] {
            // Built here so that this file does not contain what it looks for.
            let other = format!("crate::{other}");
            for entry in std::fs::read_dir(src.join(folder)).expect("source folder") {
                let path = entry.expect("entry").path();
                let text = std::fs::read_to_string(&path).expect("source file");
                assert!(!text.contains(&other), "{} uses {other}", path.display());
            }
        }
    }

    /// Every minimum names an act the tables know, and every act is dated and referenced.
    #[test]
    fn minimums_refer_to_known_laws() {
        for j in Jurisdiction::ALL {
            let n = tables().national(*j);
            for m in &n.minimums {
                let id = m.law.as_deref().unwrap_or_else(|| panic!("{j:?} minimum {} names no law", m.act));
                assert!(n.law(id).is_some(), "{j:?}: minimum {} names unknown law `{id}`", m.act);
            }
            for l in &n.laws {
                assert!(!l.title.is_empty() && !l.reference.is_empty(), "{}", l.id);
            }
        }
        let se = tables().national(Jurisdiction::Se);
        let bfl = se.law("bokforingslagen").expect("bokföringslagen");
        assert!(bfl.title.contains("1999:1078") && bfl.verify);
        let dk = tables().national(Jurisdiction::Dk).collective_agreement.as_ref();
        assert!(se.collective_agreement.as_ref().is_some_and(|a| !a.employees_only));
        assert!(dk.is_some_and(|a| a.employees_only && a.verify), "DK § 12: employment law only");
    }

    #[test]
    fn acts_are_recognised_in_law_texts() {
        let dk = &tables().national(Jurisdiction::Dk).minimums[0];
        assert!(dk.invoked_by("Bogføringsloven § 10"));
        assert!(dk.invoked_by("bogføringslovens § 10"));
        assert!(!dk.invoked_by("arkivloven"));
    }
}
