#!/usr/bin/env bash
# Instructions, mispredicted branches and first-level data-cache misses per parse of the default
# session, and per bare line-splitting pass, simulated by cachegrind: repeatable whatever else the
# machine is doing (wall-clock time on this machine kind varies by up to 2x between runs). The
# last two are what instruction counts miss: a mispredicted branch costs ~15-20 cycles, a
# first-level miss ~12 and more. Each figure is (count for 4 runs - count for 1 run) / 3, so
# start-up and the one-time lexicon loading are left out. Needs valgrind (Debian: valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release --example parse_loop
# Prints "instructions mispredicts d1-misses" for one run of parse_loop with the given arguments.
count() {
  valgrind --tool=cachegrind --cache-sim=yes --branch-sim=yes --cachegrind-out-file=/dev/null "$@" 2>&1 |
    awk '/I *refs:/ {gsub(",", "", $4); i = $4}
         /Mispredicts:/ {gsub(",", "", $3); m = $3}
         /D1 *misses:/ {gsub(",", "", $4); d = $4}
         END {print i, m, d}'
}
per() {
  local a b
  a=($(count "$@" 1))
  b=($(count "$@" 4))
  echo $(((b[0] - a[0]) / 3)) $(((b[1] - a[1]) / 3)) $(((b[2] - a[2]) / 3))
}
parse=($(per ./target/release/examples/parse_loop))
split=($(per ./target/release/examples/parse_loop --split))
printf '%-13s %12s %12s %12s\n' "" instructions mispredicts "D1 misses"
printf '%-13s %12d %12d %12d\n' "parse+tag" "${parse[@]}"
printf '%-13s %12d %12d %12d\n' "split-lines" "${split[@]}"
awk -v a="${parse[0]}" -v b="${split[0]}" -v c="${parse[1]}" -v d="${split[1]}" -v e="${parse[2]}" -v f="${split[2]}" \
  'BEGIN { printf "%-13s %11.1fx %11.1fx %11.1fx\n", "ratio", a / b, c / (d > 0 ? d : 1), e / (f > 0 ? f : 1) }'
