//! `policyc explain`: the codes and their explanations.

use std::io::Write;

use policyc::diagnostic::Code;

use crate::cli::Exit;

pub fn list_codes() -> Exit {
    let mut out = std::io::stdout().lock();
    for code in Code::ALL {
        // A closed pipe (`policyc explain | head`) just ends the listing.
        if writeln!(out, "{}  {}", code.as_str(), code.summary()).is_err() {
            break;
        }
    }
    Exit::Ok
}

pub fn explain(code: &str) -> Exit {
    match Code::parse(code) {
        Some(code) => {
            let _ = std::io::stdout().lock().write_all(code.explanation().as_bytes());
            Exit::Ok
        }
        None => {
            eprintln!("error: `{code}` is not a policyc diagnostic code (they look like `E0102` or `W0001`)");
            Exit::Usage
        }
    }
}
