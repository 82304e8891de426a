#!/usr/bin/env bash
# The viewer's budgets in headless Chromium, and the wasm's size. Figures go in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
trunk build --release >/dev/null 2>&1
for f in dist/*.wasm; do echo "wasm: $(wc -c <"$f") bytes, $(gzip -9 -c "$f" | wc -c) bytes gzip -9"; done
node tests/browser/bench.mjs
