#!/usr/bin/env bash
# Instructions per parse of the default session, and per bare line-splitting pass, counted by
# callgrind: repeatable whatever else the machine is doing (wall-clock time on this machine kind
# varies by up to 2x between runs). Each figure is (count for 4 runs - count for 1 run) / 3, so
# start-up and the one-time lexicon loading are left out. Needs valgrind (Debian: valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release --example parse_loop
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 | awk '/Collected/ {print $4}'; }
per() { local a b; a=$(count "$@" 1); b=$(count "$@" 4); echo $(( (b - a) / 3 )); }
parse=$(per ./target/release/examples/parse_loop)
split=$(per ./target/release/examples/parse_loop --split)
echo "parse+tag:   $parse instructions per parse"
echo "split-lines: $split instructions per pass"
awk -v p="$parse" -v s="$split" 'BEGIN { printf "ratio:       %.1fx\n", p / s }'
