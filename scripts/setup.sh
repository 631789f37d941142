#!/usr/bin/env bash
# Installs whatever the project needs and is missing; skips what is present. Safe to rerun.
# Sourced by serve.sh and test.sh (it exports PATH), or run on its own.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
say() { printf '[setup] %s\n' "$*"; }

# Debian packages: the browser for the end-to-end tests (never a browser downloaded by a test tool)
# and the web server of the hosting tests.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
# nginx with the brotli_static module: the end-to-end tests serve dist/ under a sub-path with it.
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Rust: the wasm target and the lint tools of the machine's toolchain.
rustup target list --installed | grep -qx wasm32-unknown-unknown || { say "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || { say "rustup component add $c"; rustup component add "$c"; }
done

# Trunk 0.21.14 (0.22 needs a newer rustc than this machine's).
if ! trunk --version 2>/dev/null | grep -qx 'trunk 0.21.14'; then
  say "cargo install trunk 0.21.14 (about 10 minutes)"
  cargo install trunk --version 0.21.14 --locked
fi

# The wasm-bindgen CLI at exactly the version in Cargo.lock (without --locked: see ../shared/TOOLCHAIN.md).
WB="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WB"; then
  say "cargo install wasm-bindgen-cli $WB (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$WB"
fi

# npm: wasm-opt from binaryen (never Debian's), playwright-core and axe-core for the tests,
# lighthouse for the benchmark (run against Debian's Chromium, it downloads nothing).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] \
   || [ ! -d node_modules/lighthouse ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Crates, so that Trunk's offline cargo build finds them.
cargo fetch --locked -q
