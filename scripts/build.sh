#!/usr/bin/env bash
# Release build of the app into dist/ with Trunk (offline, pinned tools), then the size report.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --skip-version-check
node scripts/inline-icon.mjs dist
# The static first view (the default map, shown before the wasm arrives) and the key figures
# (for browsers without JavaScript or WebAssembly), from the committed dataset and geometry.
cargo run -q -p app --bin first-view -- assets/data/dataset.json assets/data/regions.json dist/index.html
node scripts/csp.mjs dist
node scripts/offline.mjs dist
node scripts/compress.mjs dist
node scripts/size-report.mjs dist
node scripts/wasm-top.mjs
node scripts/size-budget.mjs
