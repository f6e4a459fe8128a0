#!/usr/bin/env bash
# Build the compiler as WebAssembly (docs/web.md): the playground's package for browsers into
# target/playground/pkg/ and the package for Node into target/wasm-node/.
# Needs the wasm32 target (added here if missing) and the wasm-bindgen CLI of exactly the
# version crates/wasm pins: cargo install wasm-bindgen-cli --version 0.2.130
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
TARGET=wasm32-unknown-unknown

if ! rustup target list --installed | grep -qx "$TARGET"; then
    rustup target add "$TARGET"
fi
if ! command -v wasm-bindgen >/dev/null; then
    echo "error: wasm-bindgen is not installed: cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION" >&2
    exit 2
fi
installed=$(wasm-bindgen --version | awk '{print $2}')
if [ "$installed" != "$WASM_BINDGEN_VERSION" ]; then
    echo "error: wasm-bindgen $installed is installed; the crate needs $WASM_BINDGEN_VERSION: cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION" >&2
    exit 2
fi

# The `wasm` profile (Cargo.toml): release without link-time optimisation.
cargo build --locked -p policyc-wasm --target "$TARGET" --profile wasm
wasm="target/$TARGET/wasm/policyc_wasm.wasm"

# wasm-opt is not run: Debian's binaryen produced a broken module. The browsers' copy drops
# the function names (about 280 KB, 70 KB gzipped); Node's keeps them for readable traces.
rm -rf target/playground/pkg target/wasm-node
wasm-bindgen --target web --remove-name-section --out-dir target/playground/pkg "$wasm"
wasm-bindgen --target nodejs --out-dir target/wasm-node "$wasm"

# The playground page (docs/web.md) and the example policies it loads.
if [ -d crates/wasm/www ]; then
    cp -R crates/wasm/www/. target/playground/
    mkdir -p target/playground/examples
    cp policies/*.policy target/playground/examples/
fi

size=$(wc -c < target/playground/pkg/policyc_wasm_bg.wasm)
gzipped=$(gzip -9 -c target/playground/pkg/policyc_wasm_bg.wasm | wc -c)
echo "built target/playground/pkg/ and target/wasm-node/: policyc_wasm_bg.wasm is $size bytes, $gzipped gzipped"
