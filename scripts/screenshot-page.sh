#!/usr/bin/env bash
# Takes the README's screenshot of the offline page answering 0x04000011
# (docs/page-0x04000011.png) with the same headless-Chromium harness as the browser tests.
# Installs Chromium and a Japanese font from Debian's packages when they are missing.
#
# Usage: scripts/screenshot-page.sh           (writes docs/page-0x04000011.png)
#        scripts/screenshot-page.sh --smoke   (into a scratch folder, no font installed: that
#                                              the script works, run by CI)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/docs/page-0x04000011.png"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
if [ "${1:-}" = --smoke ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  out="$work/page.png"
else
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
fi
if ((${#missing[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
OQS_SCREENSHOT_OUT="$out" cargo test -q -p oqs-explain --test page -- --ignored screenshot_for_the_readme
# A PNG, and not an empty one.
head -c 8 "$out" | od -An -c | grep -q 'P   N   G' || { echo "$out is not a PNG" >&2; exit 1; }
ls -l "$out"
