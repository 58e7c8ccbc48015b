#!/usr/bin/env bash
# The offline page against a baseline page, side by side in one headless Chromium (the
# browser tests' harness): load to first answer, and every shared query and caller's
# sentence typed, answered and drawn. The baseline is the page of a commit (default: the
# last one before the page ran the engine as WebAssembly, its search written in JavaScript);
# prints Markdown for BENCHMARKS.md.
#
# Usage: scripts/bench-page.sh [COMMIT]   (release build, 11 rounds: the figures)
#        scripts/bench-page.sh --smoke    (debug build, one round, five queries: run by CI)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=(--release)
rounds=${OQS_BENCH_ROUNDS:-11}
baseline=e4efbb9
case "${1:-}" in
  --smoke) profile=(); rounds=1 ;;
  "") ;;
  *) baseline=$1 ;;
esac
missing=()
command -v chromium >/dev/null || missing+=(chromium)
# Drawn with a Japanese font, as at a help desk: without one, Chromium's search for a fallback
# font is most of what a query costs (code 015's rows: 84 ms of layout against 10).
fc-list :lang=ja 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
mkdir -p target/bench-page
git show "$baseline:generated/table.html" > target/bench-page/baseline.html
echo "baseline: $baseline:generated/table.html ($(wc -c < target/bench-page/baseline.html) bytes); today: generated/table.html ($(wc -c < generated/table.html) bytes)"
out=$(OQS_BENCH_BASELINE="$PWD/target/bench-page/baseline.html" OQS_BENCH_ROUNDS=$rounds \
    cargo test -q "${profile[@]}" -p oqs-explain --test page_bench -- --ignored --nocapture bench_the_page_against_a_baseline 2>&1) \
    || { echo "$out" >&2; exit 1; }
echo "$out" | grep -E '^\||Chrome|ratio|queries:'
