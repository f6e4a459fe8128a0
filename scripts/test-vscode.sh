#!/usr/bin/env bash
# The VS Code extension in a real VS Code (docs/editors.md, "VS Code in code-server"): installs
# code-server (Coder's VS Code for the browser, from the npm registry) and playwright-core of the
# pinned versions into a cache outside the sources, builds policyc and the extension's .vsix, and
# runs editors/vscode/test/code-server.mjs in headless Chromium. Opt-in, not run by CI:
# code-server is a download of about 200 MB and builds native modules. Anything that cannot be
# installed stops it with an error: nothing is skipped.
#
#   scripts/test-vscode.sh
#
# Environment: POLICYC_VSCODE_CACHE (default target/vscode-test), CHROMIUM (default
# /usr/bin/chromium), POLICYC (a policyc binary to use instead of building one),
# CODE_SERVER_VERSION (default below; it must accept the installed Node.js).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

# code-server 4.100.3 is VS Code 1.100.3, the newest code-server whose engines field accepts
# Node 20 (4.103 and later want Node 22).
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.100.3}
PLAYWRIGHT_CORE_VERSION=1.65.1 # as tests/browser/package.json
CACHE=${POLICYC_VSCODE_CACHE:-$ROOT/target/vscode-test}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

fail() { echo "error: $*" >&2; exit 2; }
step() { echo "== $*"; }

command -v node >/dev/null || fail "node is not installed"
command -v npm >/dev/null || fail "npm is not installed"
node_major=$(node -p 'process.versions.node.split(".")[0]')
CS=$CACHE/code-server-$CODE_SERVER_VERSION
if [ -f "$CS/.installed" ]; then
    wanted=$(node -p "require('$CS/node_modules/code-server/package.json').engines.node")
else
    wanted=$(npm view "code-server@$CODE_SERVER_VERSION" engines.node 2>/dev/null) \
        || fail "cannot read code-server@$CODE_SERVER_VERSION from the npm registry"
fi
[ "$wanted" = "$node_major" ] || fail "code-server $CODE_SERVER_VERSION needs Node $wanted, this is Node \
$node_major; set CODE_SERVER_VERSION to a version whose 'npm view code-server@V engines' accepts it"

# Debian packages: Chromium, a compiler for the native modules, the Kerberos headers (the
# kerberos module), ripgrep (VS Code's search; its npm package downloads from GitHub).
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v make >/dev/null || missing+=(make)
command -v g++ >/dev/null || missing+=(g++)
command -v python3 >/dev/null || missing+=(python3)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v rg >/dev/null || missing+=(ripgrep)
if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]} (apt)"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q && $sudo apt-get install -y -q "${missing[@]}" \
        || fail "cannot install ${missing[*]} with apt"
    [ -x "$CHROMIUM" ] || fail "$CHROMIUM does not exist; set CHROMIUM"
fi

# Native modules are built against the running Node. Its headers come with Debian's and
# NodeSource's packages; without them node-gyp downloads them from nodejs.org.
node_prefix=$(dirname "$(dirname "$(command -v node)")")
if [ -f "$node_prefix/include/node/node.h" ]; then
    export npm_config_nodedir=$node_prefix
fi
NODE_GYP=$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js
[ -f "$NODE_GYP" ] || fail "npm's node-gyp is not at $NODE_GYP"

VS=$CS/node_modules/code-server/lib/vscode
CODE_SERVER=$CS/node_modules/.bin/code-server
# Run outside the test, code-server writes its config and logs under XDG folders: keep them here.
code_server() { XDG_CONFIG_HOME=$CACHE/xdg XDG_DATA_HOME=$CACHE/xdg "$CODE_SERVER" "$@"; }
if [ ! -f "$CS/.installed" ]; then
    step "installing code-server $CODE_SERVER_VERSION into $CS"
    start=$(date +%s)
    rm -rf "$CS"
    mkdir -p "$CS"
    # code-server's own postinstall.sh cannot be used: as root it demands npm's removed
    # --unsafe-perm, and @vscode/ripgrep's install script downloads from GitHub. So: every
    # package without scripts, then what postinstall.sh does, by hand.
    npm install --prefix "$CS" --ignore-scripts --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" \
        || fail "npm install code-server@$CODE_SERVER_VERSION failed"
    (cd "$CS" && npm rebuild argon2) || fail "cannot build argon2"
    (cd "$VS" && npm install --omit=dev --ignore-scripts --no-audit --no-fund) \
        || fail "npm install failed in code-server's lib/vscode"
    for module in kerberos @vscode/spdlog @vscode/deviceid native-watchdog node-pty; do
        (cd "$VS/node_modules/$module" && node "$NODE_GYP" rebuild >"$CS/build-${module//\//-}.log" 2>&1) \
            || fail "cannot build $module (see $CS/build-${module//\//-}.log)"
    done
    mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
    cp "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"
    ln -sfn node_modules "$VS/node_modules.asar"
    ln -sfn code-linux.sh "$VS/bin/remote-cli/code-server"
    ln -sfn browser-linux.sh "$VS/bin/helpers/browser.sh"
    (cd "$VS/extensions" && npm install --omit=dev --no-audit --no-fund) \
        || fail "npm install failed in code-server's lib/vscode/extensions"
    code_server --version >/dev/null || fail "code-server does not start"
    echo "$CODE_SERVER_VERSION" >"$CS/.installed"
    echo "code-server installed in $(($(date +%s) - start)) s"
fi
echo "code-server: $(code_server --version 2>/dev/null | tail -1)"

PW=$CACHE/playwright-core-$PLAYWRIGHT_CORE_VERSION
if [ ! -f "$PW/node_modules/playwright-core/package.json" ]; then
    step "installing playwright-core $PLAYWRIGHT_CORE_VERSION into $PW"
    npm install --prefix "$PW" --no-audit --no-fund "playwright-core@$PLAYWRIGHT_CORE_VERSION" \
        || fail "cannot install playwright-core@$PLAYWRIGHT_CORE_VERSION"
fi

if [ -z "${POLICYC:-}" ]; then
    step "cargo build --release --locked"
    cargo build --release --locked || fail "cargo build failed"
    POLICYC=$ROOT/target/release/policyc
fi

step "packaging the extension"
cd "$ROOT/editors/vscode"
npm ci --no-audit --no-fund || fail "npm ci failed in editors/vscode"
npm run package || fail "vsce package failed"
VSIX=$ROOT/editors/vscode/policyc-$(node -p 'require("./package.json").version').vsix
[ -f "$VSIX" ] || fail "$VSIX was not written"

step "running test/code-server.mjs"
rm -rf "$CACHE/screenshots"
export CODE_SERVER POLICYC VSIX CHROMIUM
export PLAYWRIGHT_CORE=$PW/node_modules/playwright-core
export SCREENSHOTS=$CACHE/screenshots
status=0
node --test --test-reporter=spec test/code-server.mjs || status=$?
echo "screenshots: $SCREENSHOTS"
exit $status
