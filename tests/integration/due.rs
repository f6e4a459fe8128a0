//! `policyc due`: the documented example, and properties of the date arithmetic.

use jiff::civil::Date;
use policyc::model::vocab::Alignment;
use policyc::schedule::MonthDay;
use policyc::schedule::due::{add, year_end};
use proptest::prelude::*;

use crate::root;

#[test]
fn the_readme_example_gives_the_documented_dates() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_policyc"))
        .args(["due", "policies/jobconnection.policy", "--events", "docs/examples/jobconnection-events.csv"])
        .args(["--as-of", "2025-06-30"])
        .current_dir(root())
        .output()
        .expect("run policyc");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8_lossy(&out.stdout);
    // Worked until 10 March 2019: five financial years from 31 December 2019.
    assert!(csv.contains("bo,workers,cpr,workers,end-of-employment,2019-03-10,2024-12-31,delete"), "{csv}");
    // Last contact 31 August 2024: six months later is the last day of February.
    assert!(csv.contains("anna,candidates,cv,candidates,last-contact,2024-08-31,2025-02-28,delete"), "{csv}");
    // Last contact 1 June 2025: not due until 1 December 2025.
    assert!(!csv.contains("cai,"), "{csv}");
    // Bo is a worker: the candidates' rule does not apply to him.
    assert!(!csv.contains("bo,workers,cv,candidates"), "{csv}");
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    assert!(readme.contains("bo,workers,cpr,workers,end-of-employment,2019-03-10,2024-12-31,delete"));
}

fn date_strategy() -> impl Strategy<Value = Date> {
    (1900i16..2200, 1i8..=12, 1i8..=31).prop_map(|(y, m, d)| {
        let first = Date::new(y, m, 1).expect("first of month");
        Date::new(y, m, d.min(first.days_in_month())).expect("a real date")
    })
}

fn fy_strategy() -> impl Strategy<Value = MonthDay> {
    // Financial years start on a day that exists in every year (the language refuses 29 February).
    (1u8..=12, 1u8..=28).prop_map(|(month, day)| MonthDay { month, day })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn a_date_plus_a_period_is_never_before_it(date in date_strategy(), n in 0u32..40, unit in prop::sample::select(vec!['D', 'W', 'M', 'Y'])) {
        let due = add(date, &format!("P{n}{unit}")).expect("in range");
        prop_assert!(due >= date);
        if n > 0 { prop_assert!(due > date); }
    }

    #[test]
    fn alignment_lands_on_the_last_day_of_the_year_containing_the_date(date in date_strategy(), fy in fy_strategy()) {
        let end = year_end(date, Alignment::FinancialYear, fy).expect("in range");
        prop_assert!(end >= date);
        // The next day starts a financial year, and the year ending there is at most a year long.
        let next = end.tomorrow().expect("in range");
        prop_assert_eq!((next.month() as u8, next.day() as u8), (fy.month, fy.day));
        prop_assert!(add(date, "P1Y").expect("in range") > end);
        let cal = year_end(date, Alignment::CalendarYear, fy).expect("in range");
        prop_assert_eq!((cal.year(), cal.month(), cal.day()), (date.year(), 12, 31));
    }

    #[test]
    fn adding_months_keeps_the_day_or_clamps_to_the_month_end(date in date_strategy(), n in 1u32..30) {
        let due = add(date, &format!("P{n}M")).expect("in range");
        prop_assert!(due.day() == date.day() || due == due.last_of_month());
    }
}
