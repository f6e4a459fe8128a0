//! A reference evaluator of the retention schedule: given what happened to whom (an events
//! file) and a date, which data of which person is due for deletion (or another action), and
//! by which rule. Calendar arithmetic is jiff's: adding months clamps to the month's end
//! (31 January + 1 month = 28 or 29 February), adding years keeps 29 February in leap years
//! only (29 February 2024 + 1 year = 28 February 2025).

use std::collections::BTreeMap;

use jiff::Span;
use jiff::civil::Date;
use serde::Serialize;

use crate::model::vocab::{Action, Alignment};
use crate::schedule::{MonthDay, Rule, Schedule};

/// The event a person's confirmation restarts a `reconfirm` interval from.
pub const RECONFIRMED: &str = "reconfirmed";

/// One line of the events file: `subject,event,date[,group]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRecord {
    pub subject: String,
    pub event: String,
    pub date: Date,
    pub group: Option<String>,
}

/// A problem with the events file, with its line number (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventsError {
    pub line: usize,
    pub message: String,
}

/// Read `subject,event,date[,group]` lines; a first line naming the columns is skipped, as are
/// blank lines.
pub fn parse_events(text: &str) -> Result<Vec<EventRecord>, EventsError> {
    let mut records = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || (i == 0 && line.starts_with("subject")) {
            continue;
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        let error = |message: String| EventsError { line: i + 1, message };
        let (subject, event, date, group) = match fields.as_slice() {
            [s, e, d] => (s, e, d, None),
            [s, e, d, g] => (s, e, d, Some(g.to_string()).filter(|g| !g.is_empty())),
            _ => return Err(error(format!("expected `subject,event,date[,group]`, found {} fields", fields.len()))),
        };
        if subject.is_empty() || event.is_empty() {
            return Err(error("the subject and the event must not be empty".into()));
        }
        let date: Date = date
            .parse()
            .map_err(|_| error(format!("`{date}` is not a date: write year-month-day, like 2024-02-29")))?;
        records.push(EventRecord { subject: subject.to_string(), event: event.to_string(), date, group });
    }
    Ok(records)
}

/// One person's data category that is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    pub subject: String,
    pub group: Option<String>,
    pub data: String,
    pub rule: String,
    pub event: String,
    pub event_date: Date,
    pub due: Date,
    pub action: Action,
}

/// Why the events cannot be evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueError(pub String);

/// Everything due on or before `as_of`, earliest first. For each person and event only the
/// latest date counts (the last contact is the latest contact).
pub fn evaluate(schedule: &Schedule, events: &[EventRecord], as_of: Date) -> Result<Vec<Due>, DueError> {
    // subject -> (group, event -> latest date)
    let mut people: BTreeMap<&str, (Option<&str>, BTreeMap<&str, Date>)> = BTreeMap::new();
    for e in events {
        let entry = people.entry(&e.subject).or_default();
        if let Some(g) = &e.group {
            if entry.0.is_some_and(|known| known != g) {
                return Err(DueError(format!(
                    "subject `{}` is given two groups: `{}` and `{g}`",
                    e.subject,
                    entry.0.unwrap_or("")
                )));
            }
            entry.0 = Some(g);
        }
        let latest = entry.1.entry(&e.event).or_insert(e.date);
        *latest = (*latest).max(e.date);
    }
    let mut due = Vec::new();
    for (subject, (group, dates)) in &people {
        for rule in &schedule.rules {
            let Some(found) = when(rule, dates, schedule.financial_year_start)? else { continue };
            let (event, event_date, due_date) = found;
            if due_date > as_of {
                continue;
            }
            if !rule.subjects.is_empty() {
                match group {
                    None => {
                        return Err(DueError(format!(
                            "subject `{subject}` has no group, but rule `{}` applies only to {}: add the group as a fourth column",
                            rule.id,
                            rule.subjects.join(", ")
                        )));
                    }
                    Some(g) if !rule.subjects.iter().any(|s| s == g) => continue,
                    Some(_) => {}
                }
            }
            for data in &rule.data {
                due.push(Due {
                    subject: subject.to_string(),
                    group: group.map(str::to_string),
                    data: data.clone(),
                    rule: rule.id.clone(),
                    event: event.to_string(),
                    event_date,
                    due: due_date,
                    action: rule.action,
                });
            }
        }
    }
    due.sort_by(|a, b| (a.due, &a.subject, &a.rule, &a.data).cmp(&(b.due, &b.subject, &b.rule, &b.data)));
    Ok(due)
}

/// When `rule` falls due for a person with these latest event dates: the event that starts it,
/// that event's date, and the due date. A `limit` makes it due at the latest that long after its
/// event; a `reconfirm` interval makes it due when it runs out since the last confirmation (or
/// since collection). Whichever comes first counts.
fn when(rule: &Rule, dates: &BTreeMap<&str, Date>, fy: MonthDay) -> Result<Option<(String, Date, Date)>, DueError> {
    let mut best: Option<(String, Date, Date)> = None;
    if let (Some(trigger), Some(duration)) = (&rule.trigger, &rule.duration)
        && let Some(&date) = dates.get(trigger.event.as_str())
    {
        let start = match rule.align {
            Some(a) => year_end(date, a, fy)?,
            None => date,
        };
        best = Some((trigger.event.clone(), date, add(start, duration)?));
    }
    if let Some(limit) = &rule.limit
        && let Some(&date) = dates.get(limit.trigger.event.as_str())
    {
        let due = add(date, &limit.duration)?;
        if best.as_ref().is_none_or(|(_, _, d)| due < *d) {
            best = Some((limit.trigger.event.clone(), date, due));
        }
    }
    if let Some(interval) = &rule.reconfirm {
        let last = dates.get(RECONFIRMED).or_else(|| dates.get("collection"));
        if let Some(&date) = last {
            let due = add(date, interval)?;
            if best.as_ref().is_none_or(|(_, _, d)| due < *d) {
                let event = if dates.contains_key(RECONFIRMED) { RECONFIRMED } else { "collection" };
                best = Some((event.to_string(), date, due));
            }
        }
    }
    Ok(best)
}

/// `date` plus an ISO 8601 duration, in calendar arithmetic.
pub fn add(date: Date, duration: &str) -> Result<Date, DueError> {
    let span: Span =
        duration.parse().map_err(|e| DueError(format!("`{duration}` is not an ISO 8601 duration: {e}")))?;
    date.checked_add(span).map_err(|e| DueError(format!("{date} + {duration} is out of range: {e}")))
}

/// The last day of the financial or calendar year that `date` falls in.
pub fn year_end(date: Date, align: Alignment, fy: MonthDay) -> Result<Date, DueError> {
    let (month, day) = match align {
        Alignment::CalendarYear => (1, 1),
        Alignment::FinancialYear => (fy.month, fy.day),
    };
    let range = |e: jiff::Error| DueError(format!("no year end for {date}: {e}"));
    let mut start = Date::new(date.year(), month as i8, day as i8).map_err(range)?;
    if start > date {
        start = Date::new(date.year() - 1, month as i8, day as i8).map_err(range)?;
    }
    start.checked_add(Span::new().years(1)).and_then(|d| d.yesterday()).map_err(range)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const JANUARY: MonthDay = MonthDay { month: 1, day: 1 };
    const JULY: MonthDay = MonthDay { month: 7, day: 1 };

    #[test]
    fn tricky_dates() {
        // Month ends clamp; leap days survive only into leap years.
        assert_eq!(add(date(2025, 1, 31), "P1M").unwrap(), date(2025, 2, 28));
        assert_eq!(add(date(2024, 1, 31), "P1M").unwrap(), date(2024, 2, 29));
        assert_eq!(add(date(2024, 2, 29), "P1Y").unwrap(), date(2025, 2, 28));
        assert_eq!(add(date(2024, 2, 29), "P4Y").unwrap(), date(2028, 2, 29));
        assert_eq!(add(date(2024, 8, 31), "P6M").unwrap(), date(2025, 2, 28));
        assert_eq!(add(date(2024, 3, 10), "P0D").unwrap(), date(2024, 3, 10));
    }

    #[test]
    fn financial_years_that_start_in_july() {
        // 1 July - 30 June: an event in March belongs to the year ending 30 June.
        assert_eq!(year_end(date(2024, 3, 10), Alignment::FinancialYear, JULY).unwrap(), date(2024, 6, 30));
        assert_eq!(year_end(date(2024, 7, 1), Alignment::FinancialYear, JULY).unwrap(), date(2025, 6, 30));
        assert_eq!(year_end(date(2024, 6, 30), Alignment::FinancialYear, JULY).unwrap(), date(2024, 6, 30));
        let end = year_end(date(2024, 3, 10), Alignment::FinancialYear, JULY).unwrap();
        assert_eq!(add(end, "P5Y").unwrap(), date(2029, 6, 30));
        assert_eq!(year_end(date(2024, 3, 10), Alignment::CalendarYear, JULY).unwrap(), date(2024, 12, 31));
        assert_eq!(year_end(date(2024, 12, 31), Alignment::FinancialYear, JANUARY).unwrap(), date(2024, 12, 31));
    }

    #[test]
    fn events_files_are_read_strictly() {
        let events = parse_events(
            "subject,event,date,group\nanna,last-contact,2024-02-29,candidates\n\nbo,end-of-course,2024-01-31\n",
        )
        .unwrap();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].group.as_deref(), Some("candidates"));
        assert_eq!(parse_events("anna,last-contact,2024-02-30").unwrap_err().line, 1);
        assert_eq!(parse_events("a,b\n").unwrap_err().message, "expected `subject,event,date[,group]`, found 2 fields");
    }
}
