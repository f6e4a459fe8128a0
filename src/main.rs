//! The `policyc` binary: the command line over the library's pipeline.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
