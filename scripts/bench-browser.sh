#!/usr/bin/env bash
# The performance budgets (issue 12), measured as the reader feels them, and a gate: exits 1 when
# a figure is more than 50% over its budget (tests/browser/bench.mjs has the few not met yet).
# Prints every figure; the method is in BENCHMARKS.md. Run by .ci/run after the tests.
#
#   bash scripts/bench-browser.sh            (QARAR_BENCH_LOADS=N for more page loads; default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
[ -f dist/index.html ] || trunk build --release >/dev/null 2>&1
cargo build --quiet --release --bin qarar

page_wasm=$(ls dist/qarar-web-*_bg.wasm)
page_kib=$(gzip -9 -c "$page_wasm" | wc -c | awk '{printf "%.1f", $1 / 1024}')
worker_kib=$(gzip -9 -c dist/qarar-worker_bg.wasm | wc -c | awk '{printf "%.1f", $1 / 1024}')
echo "worker wasm, gzip -9: $worker_kib KiB (fetched by the worker; no budget)"

# The 50 MB file: the default session repeated, as the browser benchmark builds it.
big=$(mktemp --suffix=.txt)
trap 'rm -f "$big"' EXIT
session=sessions/cfm-44-political-ar.txt
copies=$(( (50 * 1024 * 1024 - 1) / $(wc -c <"$session") ))
for _ in $(seq "$copies"); do cat "$session"; done >"$big"
size=$(wc -c <"$big")
best=""
peak=0
for _ in 1 2 3; do
  read -r secs kb < <( { /usr/bin/time -f "%e %M" ./target/release/qarar parse "$big" >/dev/null; } 2>&1 | tail -1)
  best=$(awk -v a="${best:-$secs}" -v b="$secs" 'BEGIN {print (b < a ? b : a)}')
  peak=$kb
done
mbps=$(awk -v s="$size" -v t="$best" 'BEGIN {printf "%.1f", s / 1048576 / t}')
times=$(awk -v k="$peak" -v s="$size" 'BEGIN {printf "%.2f", k * 1024 / s}')
echo "qarar parse, 50 MB file ($size bytes): best of 3 ${best} s, peak RSS ${peak} KB"

export QARAR_BENCH_EXTRA="page wasm, gzip -9|$page_kib|300|KiB;qarar parse on the 50 MB file, end to end|$mbps|100|MB/s|at-least;qarar parse on the 50 MB file: peak memory|$times|4|× input"
# On a shared 2-core machine a run can be slowed by up to 2× by whatever else runs: a figure
# over the gate is measured again (up to three runs in all). A regression fails every time.
for attempt in 1 2 3; do
  if node tests/browser/bench.mjs; then
    exit 0
  fi
  echo "bench: over the gate in run $attempt of 3" >&2
done
exit 1
