#!/usr/bin/env bash
# Runs every test: the parser's unit, fixture, snapshot, property and CLI tests, then builds the
# browser viewer for wasm32 (the build is part of the check: the page must compile).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
cargo test --release --all-targets
cargo test --release --doc
trunk build --release
echo "viewer built: dist/ ($(du -sh dist | cut -f1))" >&2
