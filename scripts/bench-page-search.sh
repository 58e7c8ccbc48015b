#!/usr/bin/env bash
# Times the offline page's search by words in headless Chromium (the same harness as the
# browser tests): the search alone, a plain substring scan of the same texts, and typing
# into the box, per query; prints a Markdown table for BENCHMARKS.md.
#
# Usage: scripts/bench-page-search.sh           (release build: the figures)
#        scripts/bench-page-search.sh --smoke   (debug build: that the script works, run by CI)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=(--release)
[ "${1:-}" = --smoke ] && profile=()
command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
out=$(cargo test -q "${profile[@]}" -p oqs-explain --test page -- --ignored --nocapture bench_search_in_the_browser 2>&1) \
    || { echo "$out" >&2; exit 1; }
echo "$out" | grep -E '^\||Chrome'
