//! The legal tables (`law/tables.yaml`), compiled into the binary: which countries are in the
//! EU/EEA, which have adequacy decisions since when, which national conditions each
//! jurisdiction allows, the supervisory authorities and statutory retention minimums.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer};

use crate::model::vocab::{AdequacyFramework, Alignment, Art10Condition, IdNumberCondition, Jurisdiction};
use crate::model::{Date, Duration, Unit};

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
    pub art10: Vec<Allowed<Art10Condition>>,
    pub id_number: Vec<Allowed<IdNumberCondition>>,
    pub minimums: Vec<Minimum>,
    /// Publishing an identity number needs the person's consent, where national law says so.
    #[serde(default)]
    pub publish_id_number: Option<Reference>,
    /// Direct marketing by electronic mail needs the recipient's prior consent.
    #[serde(default)]
    pub marketing_email: Option<MarketingEmail>,
}

/// A provision of national law.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub reference: String,
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
    #[serde(default)]
    pub verify: bool,
}

/// A statutory minimum retention period, invoked by naming the act in a rule's `law`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Minimum {
    pub act: String,
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

/// `YYYY-MM-DD`, a date that exists.
pub fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    let valid = (1..=12).contains(&month) && day >= 1 && day <= crate::syntax::days_in_month(year, month);
    (parts.next().is_none() && valid).then_some(Date { year, month, day })
}

fn period<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
    let s = String::deserialize(d)?;
    parse_period(&s).ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a period such as P5Y")))
}

/// ISO 8601 periods in one unit: `P5Y`, `P6M`, `P2W`, `P30D`.
pub fn parse_period(s: &str) -> Option<Duration> {
    let body = s.strip_prefix('P')?;
    let (number, unit) = body.split_at(body.len().checked_sub(1)?);
    let unit = match unit {
        "Y" => Unit::Year,
        "M" => Unit::Month,
        "W" => Unit::Week,
        "D" => Unit::Day,
        _ => return None,
    };
    Some(Duration { amount: number.parse().ok()?, unit })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vocab::Vocabulary;

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

    #[test]
    fn periods_and_dates_parse_strictly() {
        assert_eq!(parse_period("P5Y"), Some(Duration { amount: 5, unit: Unit::Year }));
        assert_eq!(parse_period("P5"), None);
        assert_eq!(parse_period("5Y"), None);
        assert_eq!(parse_date("2021-02-29"), None);
        assert_eq!(parse_date("2024-02-29"), Some(Date { year: 2024, month: 2, day: 29 }));
    }

    #[test]
    fn acts_are_recognised_in_law_texts() {
        let dk = &tables().national(Jurisdiction::Dk).minimums[0];
        assert!(dk.invoked_by("Bogføringsloven § 10"));
        assert!(dk.invoked_by("bogføringslovens § 10"));
        assert!(!dk.invoked_by("arkivloven"));
    }
}
