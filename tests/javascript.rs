//! The project's JavaScript, run by `cargo test`: the WebAssembly package in Node, the
//! playground and the example site in headless Chromium (`scripts/test-browser.sh`,
//! docs/web.md), and the VS Code extension's tests (`editors/vscode`, docs/editors.md).
//!
//! They need Node 20+, Chromium, the wasm32 target, wasm-bindgen-cli and npm packages;
//! `scripts/setup-js.sh` installs what is missing and fails, loudly, when it cannot: a missing
//! tool fails these tests, it never skips them.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One suite at a time: each drives Node and a browser, and the machine may have two cores.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Long enough for a fresh machine (installing wasm-bindgen-cli and Chromium, building the
/// WebAssembly module); a hang still ends in a failure instead of a stalled CI run.
const TIMEOUT: Duration = Duration::from_secs(40 * 60);

/// Runs `command`, and fails with its whole output if it fails or outlives `TIMEOUT`.
fn run(mut command: Command) {
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let description = format!("{command:?}");
    // The binary the tests talk to (`cargo test` has just built it): no nested `cargo run`.
    command.env("POLICYC", env!("CARGO_BIN_EXE_policyc"));
    // stderr into the same pipe as stdout, so the output reads in order and cannot fill up a
    // second pipe nobody reads.
    let (mut reader, writer) = std::io::pipe().expect("a pipe");
    let mut child = command
        // A group of its own, so that a timeout ends its children (Node, Chromium) too.
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(writer.try_clone().expect("a pipe"))
        .stderr(writer)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {description}: {e}"));
    drop(command); // its copies of the pipe's writing end, so that reading ends with the child
    let output = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = reader.read_to_string(&mut text);
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child's status") {
            break Some(status);
        }
        if started.elapsed() > TIMEOUT {
            let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let output = output.join().unwrap_or_default();
    match status {
        Some(status) if status.success() => println!("{output}"),
        Some(status) => panic!("{description} failed ({status}):\n{output}"),
        None => panic!("{description} did not finish within {TIMEOUT:?}:\n{output}"),
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_webassembly_package_the_playground_and_the_example_site() {
    run(Command::new(root().join("scripts/test-browser.sh")));
}

#[test]
fn the_vscode_extension() {
    let setup = Command::new(root().join("scripts/setup-js.sh"));
    run(setup);
    let mut test = Command::new("npm");
    test.args(["test", "--silent"]).current_dir(root().join("editors/vscode"));
    run(test);
}
