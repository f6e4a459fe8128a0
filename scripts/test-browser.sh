#!/usr/bin/env bash
# The web tests (docs/web.md): the WebAssembly package in Node, then the playground and the
# example site in headless Chromium. Installs what is missing (scripts/setup-js.sh; anything
# that cannot be installed stops it with an error, nothing is skipped), builds with
# scripts/build-wasm.sh and runs the tests. `cargo test` runs it (tests/javascript.rs).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-js.sh
scripts/build-wasm.sh

node --test --test-reporter=spec crates/wasm/tests/
# One file at a time: each drives a browser, and the machine may have two cores.
cd tests/browser
exec node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
