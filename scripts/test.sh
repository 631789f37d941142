#!/usr/bin/env bash
# Runs every test, in order, failing fast: set-up, format, lints (native and wasm32), native unit
# tests, the release build, then the end-to-end tests in headless Chromium against dist/.
# Ends with a closing line `total: N passed, N failed`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
mkdir -p target
passed=0
failed=0
stage() { printf '\n==== %s\n' "$*"; }
die() { printf '\nFAILED at stage: %s\n' "$*" >&2; echo "total: $passed passed, $((failed > 0 ? failed : 1)) failed"; exit 1; }

stage "set-up"
bash scripts/setup.sh || die "set-up (scripts/setup.sh)"

stage "cargo fmt --check"
cargo fmt --all -- --check || die "formatting: run 'cargo fmt --all'"

stage "cargo clippy (native, all targets)"
cargo clippy --workspace --all-targets -q -- -D warnings || die "clippy (native)"

stage "cargo clippy (wasm32: app; check: geo, data)"
cargo clippy -p app --target wasm32-unknown-unknown -q -- -D warnings || die "clippy (wasm32 app)"
cargo check -p geo-fragilite -p data-fragilite --target wasm32-unknown-unknown -q || die "geo/ and data/ must build for wasm32"

stage "native unit and integration tests"
set +e
cargo test --workspace 2>&1 | tee target/cargo-test.log
status=${PIPESTATUS[0]}
set -e
read -r p f < <(awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } } END { print p + 0, f + 0 }' target/cargo-test.log)
passed=$((passed + p)); failed=$((failed + f))
[ "$status" -eq 0 ] || die "native tests"

stage "release build (trunk) and size report"
bash scripts/build.sh || die "release build"

stage "end-to-end tests (Playwright, headless Chromium)"
set +e
node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=target/e2e.tap \
  tests/e2e/
status=$?
set -e
p=$(awk '/^# pass / { print $3 }' target/e2e.tap); f=$(awk '/^# fail / { print $3 }' target/e2e.tap)
passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
[ "$status" -eq 0 ] || die "end-to-end tests"
[ "${p:-0}" -gt 0 ] || die "end-to-end tests: none ran"

echo
echo "Screenshots for a person to look at: target/screenshots/"
echo "total: $passed passed, $failed failed"
