#!/usr/bin/env bash
# Sets up, builds the release app, and serves dist/ on 127.0.0.1 (PORT, default 8080).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/static-server.mjs dist --port "${PORT:-8080}"
