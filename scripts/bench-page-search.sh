#!/usr/bin/env bash
# Times the offline page's search by words in headless Chromium (the same harness as the
# browser tests): the search alone, a plain substring scan of the same texts, and typing
# into the box, per query; prints a Markdown table for BENCHMARKS.md. Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
cargo test -q --release -p oqs-explain --test page -- --ignored --nocapture bench_search_in_the_browser 2>&1 | grep -E '^\||Chrome'
