#!/usr/bin/env bash
# Takes the README's screenshot of the offline page answering 0x04000011
# (docs/page-0x04000011.png) with the same headless-Chromium harness as the browser tests.
# Installs Chromium and a Japanese font from Debian's packages when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
cargo test -q -p oqs-explain --test page -- --ignored screenshot_for_the_readme
ls -l docs/page-0x04000011.png
