//! `policyc due`: what is due for deletion by a date.

use std::io::Write;
use std::path::Path;

use policyc::emit::csv::cell;

use crate::cli::report::{Reporter, compile_all};
use crate::cli::{DueFormat, Exit};

pub fn due(policy: &Path, events: &Path, as_of: &str, format: DueFormat, reporter: &Reporter) -> Exit {
    use policyc::schedule::due::{evaluate, parse_events};
    let Ok(as_of) = as_of.parse::<jiff::civil::Date>() else {
        eprintln!("error: `{as_of}` is not a date: write year-month-day, like 2025-06-30");
        return Exit::Usage;
    };
    let compiled = match compile_all(&[policy.to_path_buf()], reporter, false) {
        Ok(mut compiled) if compiled.len() == 1 => compiled.remove(0),
        Ok(_) => {
            eprintln!("error: `due` takes one policy file");
            return Exit::Usage;
        }
        Err(exit) => return exit,
    };
    let (file, policy) = compiled;
    let text = match std::fs::read_to_string(events) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: cannot read `{}`: {e}", events.display());
            return Exit::Usage;
        }
    };
    let records = match parse_events(&text) {
        Ok(records) => records,
        Err(e) => {
            eprintln!("error: {}:{}: {}", events.display(), e.line, e.message);
            return Exit::Usage;
        }
    };
    let schedule = policyc::schedule::schedule(&policy, &file);
    let due = match evaluate(&schedule, &records, as_of) {
        Ok(due) => due,
        Err(e) => {
            eprintln!("error: {}", e.0);
            return Exit::Usage;
        }
    };
    let mut out = std::io::stdout().lock();
    let written = match format {
        DueFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&due).unwrap_or_default()),
        DueFormat::Csv => {
            let mut text = String::from("subject,group,data,rule,event,event_date,due,action\n");
            // Subjects, groups and events come from an HR system's file: every cell is quoted
            // and defused as in the Art. 30 record.
            for d in &due {
                let cells = [
                    d.subject.clone(),
                    d.group.clone().unwrap_or_default(),
                    d.data.clone(),
                    d.rule.clone(),
                    d.event.clone(),
                    d.event_date.to_string(),
                    d.due.to_string(),
                    policyc::model::vocab::Vocabulary::word(d.action).to_string(),
                ];
                text.push_str(&cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
                text.push('\n');
            }
            out.write_all(text.as_bytes())
        }
    };
    // A closed pipe ends the listing; the exit code still says it was computed.
    let _ = written;
    Exit::Ok
}
