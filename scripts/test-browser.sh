#!/usr/bin/env bash
# The browser tests (docs/web.md): the playground in headless Chromium. From a fresh machine it
# installs what is missing (Chromium from apt, the wasm32 target, wasm-bindgen-cli of the pinned
# version, the npm packages of tests/browser), builds with scripts/build-wasm.sh and runs the
# tests. Anything that cannot be installed stops it with an error: nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

fail() { echo "error: $*" >&2; exit 2; }

if [ ! -x "$CHROMIUM" ]; then
    echo "installing chromium (apt)"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    # Debian names the package chromium; Ubuntu's is a snap wrapper, which does not work here.
    $sudo apt-get update -q && $sudo apt-get install -y -q chromium \
        || fail "cannot install chromium with apt; install it or set CHROMIUM=/path/to/chromium"
    [ -x "$CHROMIUM" ] || fail "chromium was installed but $CHROMIUM does not exist; set CHROMIUM"
fi

command -v node >/dev/null || fail "node (20 or later) is not installed"
command -v npm >/dev/null || fail "npm is not installed"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "node $node_major is too old: the tests need Node 20 or later"

rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || rustup target add wasm32-unknown-unknown || fail "cannot add the wasm32-unknown-unknown target"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
        || fail "cannot install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
fi

scripts/build-wasm.sh

# npm ci installs exactly what package-lock.json pins (playwright-core, axe-core; no browser
# download: playwright-core has no install script).
cd tests/browser
npm ci --no-audit --no-fund || fail "npm ci failed in tests/browser"
exec node --test --test-concurrency=1 --test-reporter=spec playground.test.mjs
