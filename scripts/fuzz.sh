#!/usr/bin/env bash
# Fuzzes import + parse (fuzz/fuzz_targets/parse.rs) with libFuzzer on the stable toolchain:
# cargo-fuzz's nightly flags are accepted by stable rustc under RUSTC_BOOTSTRAP=1 (measured here,
# ../shared/TOOLCHAIN.md). The corpus is seeded with real text in every form Qarar reads.
#
#   bash scripts/fuzz.sh [SECONDS]      (default 600; the README's reliability section has the runs)
#
# A crash or timeout is written to fuzz/artifacts/parse/; keep it as a test (tests/fuzzed.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
SECONDS_TO_RUN="${1:-600}"
if ! cargo fuzz --version 2>/dev/null | grep -q "0.13.1"; then
  cargo install cargo-fuzz --version 0.13.1 --locked
fi
cargo run --quiet --profile test-release --example fuzz_seeds -- fuzz/corpus/parse
# -timeout: an input that takes longer than 10 s is a hang, and kept as one.
RUSTC_BOOTSTRAP=1 cargo fuzz run parse fuzz/corpus/parse -- \
  -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=4096 -max_len=16384 -print_final_stats=1
