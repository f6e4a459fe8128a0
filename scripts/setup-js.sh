#!/usr/bin/env bash
# What the JavaScript tests need (docs/web.md, docs/editors.md), installed where missing:
# Chromium (Debian's package), the wasm32 target, wasm-bindgen-cli of the version crates/wasm
# pins, and the npm packages of tests/browser and editors/vscode as their lockfiles pin them.
# Node 20 or later must be there already. Whatever cannot be installed stops it with an error
# (exit 2): the tests are never skipped for a missing tool. Safe to run again: it installs only
# what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

fail() { echo "error: $*" >&2; exit 2; }

command -v node >/dev/null || fail "node (20 or later) is not installed"
command -v npm >/dev/null || fail "npm is not installed"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "node $node_major is too old: the tests need Node 20 or later"

if [ ! -x "$CHROMIUM" ]; then
    echo "setup-js: installing chromium (apt)"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    # Debian names the package chromium; Ubuntu's is a snap wrapper, which does not work here.
    $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium \
        || fail "cannot install chromium with apt; install it or set CHROMIUM=/path/to/chromium"
    [ -x "$CHROMIUM" ] || fail "chromium was installed but $CHROMIUM does not exist; set CHROMIUM"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "setup-js: adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown || fail "cannot add the wasm32-unknown-unknown target"
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    echo "setup-js: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes minutes)"
    # Not --locked: its lockfile pins a webpki-roots the registry here does not have (1.0.11).
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
        || fail "cannot install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WASM_BINDGEN_VERSION" ] \
        || fail "wasm-bindgen $WASM_BINDGEN_VERSION was installed but is not the first on PATH"
fi

# npm ci installs exactly what each package-lock.json pins (no browser download:
# playwright-core has no install script). Skipped where node_modules already matches the lock.
for dir in tests/browser editors/vscode; do
    lock="$dir/package-lock.json"
    stamp="$dir/node_modules/.package-lock.json"
    if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
        echo "setup-js: npm ci in $dir"
        (cd "$dir" && npm ci --no-audit --no-fund) || fail "npm ci failed in $dir"
    fi
done
