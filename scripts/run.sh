#!/usr/bin/env bash
# Serves the viewer with the default session on http://127.0.0.1:8080 (loopback only).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
echo "Qarar: http://127.0.0.1:8080/ (Ctrl-C to stop)" >&2
exec trunk serve --release --address 127.0.0.1 --port "${PORT:-8080}"
