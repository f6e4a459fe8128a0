//! Dates and durations as the language writes them, and their ISO 8601 forms. Shared by the
//! syntax tree, the model and the legal tables (`crate::law`), which must not depend on each
//! other for them.

use serde::{Deserialize, Serialize};

/// A calendar date that exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        parse_date(&s).ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a date YYYY-MM-DD")))
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{:04}-{:02}-{:02}", self.year, self.month, self.day))
    }
}

/// A length of time in one unit, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    pub amount: u32,
    pub unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    /// The keyword as the language writes it after `amount`: `1 month`, `6 months`.
    pub fn keyword(self, amount: u32) -> &'static str {
        match (self, amount == 1) {
            (Unit::Day, true) => "day",
            (Unit::Day, false) => "days",
            (Unit::Week, true) => "week",
            (Unit::Week, false) => "weeks",
            (Unit::Month, true) => "month",
            (Unit::Month, false) => "months",
            (Unit::Year, true) => "year",
            (Unit::Year, false) => "years",
        }
    }
}

impl Duration {
    /// As the language writes it: `6 months`.
    pub fn words(self) -> String {
        format!("{} {}", self.amount, self.unit.keyword(self.amount))
    }

    /// ISO 8601: `P6M`, `P2W`, `P5Y`.
    pub fn iso8601(self) -> String {
        let unit = match self.unit {
            Unit::Day => 'D',
            Unit::Week => 'W',
            Unit::Month => 'M',
            Unit::Year => 'Y',
        };
        format!("P{}{}", self.amount, unit)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        parse_period(&s).ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a period such as P6M")))
    }
}

impl Serialize for Duration {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso8601())
    }
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

    #[test]
    fn periods_and_dates_parse_strictly() {
        assert_eq!(parse_period("P5Y"), Some(Duration { amount: 5, unit: Unit::Year }));
        assert_eq!(parse_period("P5"), None);
        assert_eq!(parse_period("5Y"), None);
        assert_eq!(parse_date("2021-02-29"), None);
        assert_eq!(parse_date("2024-02-29"), Some(Date { year: 2024, month: 2, day: 29 }));
    }
}
