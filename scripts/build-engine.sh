#!/usr/bin/env bash
# Builds the offline page's engine: oqs-answer compiled to WebAssembly (wasm/), into
# generated/engine.wasm, records what it was built from (generated/engine.wasm.sources),
# and writes the page again with it (`cargo run -p codegen`).
#
# Run it after a change to the engine's Rust (answer/, text/, table/, wasm/, or the crates
# they lock in Cargo.lock): `cargo run -p codegen -- --check` fails until it is run. The
# README's two commands need none of this: the module is checked in.
#
# Two routes to a WebAssembly build, the first that works:
#   rustup  the toolchain's own target (`rustup target add wasm32-unknown-unknown`);
#   debian  Debian's Rust for the web (apt-get install rustc-web rust-web-src lld-19): its
#           rustc builds std for the target from source (-Zbuild-std) and lld links.
#
# `--smoke`: build only (into target/engine), checked as a module, nothing written.
# OQS_ENGINE_ROUTE=debian takes the second route even where rustup has the target.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
smoke=${1:-}

target=wasm32-unknown-unknown
export CARGO_TARGET_DIR="$root/target/engine"
# Small and fast: the module is downloaded with the page's every copy.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=s
export CARGO_PROFILE_RELEASE_LTO=true
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1
export CARGO_PROFILE_RELEASE_PANIC=abort
export CARGO_PROFILE_RELEASE_DEBUG=false
export CARGO_PROFILE_RELEASE_STRIP=true
# The same sources give the same bytes wherever they are checked out.
export RUSTFLAGS="--remap-path-prefix=$root=/oqs-messages --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo"

route=""
if [ "${OQS_ENGINE_ROUTE:-}" != debian ] && command -v rustup >/dev/null \
  && { rustup target list --installed 2>/dev/null | grep -qx "$target" \
       || rustup target add "$target" >/dev/null 2>&1; }; then
  route="rustup ($(rustc --version), target $target)"
  cargo build --release --locked -p oqs-answer-wasm --target "$target"
elif [ -x /usr/bin/rustc ] && [ -x /usr/lib/llvm-19/bin/wasm-ld ]; then
  route="debian ($(/usr/bin/rustc --version), -Zbuild-std, wasm-ld 19)"
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-19/bin/wasm-ld \
    cargo build --release --locked -p oqs-answer-wasm --target "$target" \
      -Zbuild-std=std,panic_abort
else
  echo "build-engine: no WebAssembly toolchain: run 'rustup target add $target', or" >&2
  echo "  apt-get install rustc-web rust-web-src lld-19 (Debian's rustc builds std for it)" >&2
  exit 2
fi
built="$CARGO_TARGET_DIR/$target/release/oqs_answer_wasm.wasm"
echo "build-engine: built with $route: $(wc -c < "$built") bytes"
# A module, exporting what the page's script calls.
node -e '
const m = new WebAssembly.Module(require("fs").readFileSync(process.argv[1]));
const names = WebAssembly.Module.exports(m).map(e => e.name);
for (const f of ["memory", "oqs_alloc", "oqs_free", "oqs_load", "oqs_answer", "oqs_ticket", "oqs_result"])
  if (!names.includes(f)) { console.error("build-engine: the module lacks " + f); process.exit(1); }
if (WebAssembly.Module.imports(m).length) { console.error("build-engine: the module imports", WebAssembly.Module.imports(m)); process.exit(1); }
' "$built"
if [ "$smoke" = "--smoke" ]; then
  exit 0
fi
cp "$built" generated/engine.wasm
cargo run -q -p codegen -- engine-built
cargo run -q -p codegen
