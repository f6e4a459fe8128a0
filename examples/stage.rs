//! Runs one stage once, so that `valgrind --tool=callgrind` counts its instructions (the
//! repeatable measure on a shared machine; see docs/performance.md):
//!
//! ```sh
//! cargo build --release --example stage
//! valgrind --tool=callgrind target/release/examples/stage check synth.policy
//! valgrind --tool=callgrind target/release/examples/stage yaml synth.model.yaml
//! ```
//!
//! `check` is parse, resolve and the legal rules of a `.policy` file; `yaml` reads the same
//! facts from the model YAML that `policyc build --model` writes, into the same types.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [stage, path] = args.as_slice() else {
        eprintln!("usage: stage check|yaml FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let ok = match stage.as_str() {
        "check" => policyc::compile(&policyc::span::SourceFile::new(path.clone(), text)).policy.is_some(),
        "yaml" => policyc::model::from_yaml(&text).is_ok(),
        other => {
            eprintln!("unknown stage `{other}`: check or yaml");
            return ExitCode::from(2);
        }
    };
    if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
