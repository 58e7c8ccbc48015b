#!/usr/bin/env bash
# Runs every script of scripts/ that measures or checks something once, in its smoke mode
# (one round, the smallest inputs), so that a script that no longer runs fails CI rather
# than the next person who needs its figure. A script whose tools this machine lacks is
# skipped, saying so; a new script with no line here fails. Run by .ci/run.
#
# Usage: scripts/smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
have() { command -v "$1" >/dev/null 2>&1; }
smoke() {
  echo "== scripts/$1 --smoke"
  local start; start=$(date +%s)
  bash "scripts/$1" --smoke
  echo "   scripts/$1: ok in $(( $(date +%s) - start )) s"
}
skip() { echo "== scripts/$1: skipped, $2"; }
for script in scripts/*; do
  name=$(basename "$script")
  case "$name" in
    # This runner; sourced or called by the scripts above; run by .ci/run itself (the
    # engine's build too, in full).
    smoke.sh | twin.sh | openpyxl_read.py | check-msrv.py | suite-over-revision.sh) ;;
    release-artifacts.sh | check-artifacts.sh | build-engine.sh) ;;
    readings.py)
      if python3 -c "import pykakasi" 2>/dev/null; then echo "== scripts/readings.py --smoke"; python3 scripts/readings.py --smoke
      else skip "$name" "no pykakasi (pip install pykakasi)"; fi ;;
    compile-cost.sh | downstream-serde-cost.sh | bench-codegen.sh) smoke "$name" ;;
    bench-page.sh | screenshot-page.sh)
      if have chromium; then smoke "$name"; else skip "$name" "no chromium"; fi ;;
    semver-verdict.sh)
      if have cargo-semver-checks; then smoke "$name"; else skip "$name" "no cargo-semver-checks"; fi ;;
    fuzz.sh)
      if have cargo-fuzz && cargo +nightly --version >/dev/null 2>&1; then smoke "$name"
      else skip "$name" "no cargo-fuzz or no nightly toolchain"; fi ;;
    mutants.sh)
      if have cargo-mutants; then smoke "$name"; else skip "$name" "no cargo-mutants"; fi ;;
    convert-test-workbooks.sh)
      if have soffice; then smoke "$name"; else skip "$name" "no soffice (LibreOffice)"; fi ;;
    *) echo "scripts/$name has no smoke mode in scripts/smoke.sh: give it one" >&2; exit 1 ;;
  esac
done
