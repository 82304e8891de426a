#!/usr/bin/env bash
# Installs what Qarar needs to build, run and test, idempotently: every tool is checked at its pinned
# version first and installed only when missing. Versions measured on this machine kind: see
# ../shared/TOOLCHAIN.md (Trunk 0.22 needs a newer rustc; wasm-bindgen must equal Cargo.lock's).
set -euo pipefail

export PATH="$HOME/.cargo/bin:$PATH"
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132.0.0

say() { printf 'setup: %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  # Not --locked: its lock names a webpki-roots release the registry does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION" --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  say "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm"
  npm install -g "binaryen@$BINARYEN_VERSION"
fi

# The browser tests: Debian's Chromium (a test tool's own browser download fails here).
if [ ! -x /usr/bin/chromium ]; then
  say "installing chromium from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# GNU time, for the performance gate's peak-memory figure (scripts/bench-browser.sh).
if [ ! -x /usr/bin/time ]; then
  say "installing GNU time from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
# playwright-core and axe-core (accessibility checks), at the versions package-lock.json pins.
installed() { grep -q "\"version\": \"$2\"" "node_modules/$1/package.json" 2>/dev/null; }
if ! installed playwright-core 1.65.1 || ! installed axe-core 4.14.1; then
  say "installing playwright-core and axe-core (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Trunk runs offline: fetch the crates first.
cargo fetch --quiet
