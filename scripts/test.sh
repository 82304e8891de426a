#!/usr/bin/env bash
# Runs every test: the parser's and the view logic's unit, fixture, snapshot, property and CLI
# tests; then builds the viewer and drives it in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
# The `test-release` profile is `release` without LTO (Cargo.toml says why).
cargo test --profile test-release --all-targets
cargo test --profile test-release --doc
trunk build --release
echo "viewer built: dist/ ($(du -sh dist | cut -f1))" >&2
# The viewer in headless Chromium (Playwright): default view, filters, Back/Forward, search, files.
node --test tests/browser/
