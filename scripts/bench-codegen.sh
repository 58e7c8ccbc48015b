#!/usr/bin/env bash
# Codegen's reader (read and check, release build) on the 1.25 workbook and on synthetic
# workbooks of 1k and 10k rows, against a bare calamine load of the same files (open, load
# the merged regions, read every sheet's cells: the floor for anything built on calamine)
# and Python's openpyxl loading them, in one run. openpyxl is installed from PyPI if
# python3 is present and it is missing.
#
# Usage: scripts/bench-codegen.sh [REPEAT]   (default 5; each figure is the median)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
repeat=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

cargo build -q --release -p oqs-messages-bench --bin time-codegen
bin="$root/target/release/time-codegen"
mapfile -t files < <("$bin" make "$work")

python=""
if command -v python3 >/dev/null 2>&1; then
    if python3 -c 'import openpyxl' 2>/dev/null \
        || python3 -m pip install --quiet --disable-pip-version-check openpyxl >/dev/null 2>&1; then
        python=python3
    fi
fi

echo "reader, median of $repeat runs, $(nproc) cores"
printf '%-28s %12s %12s %16s %14s %10s\n' workbook "codegen ms" "calamine ms" "codegen/calamine" "openpyxl ms" "openpyxl/codegen"
for file in "${files[@]}"; do
    rust_ms=$("$bin" time "$file" "$repeat")
    floor_ms=$("$bin" calamine "$file" "$repeat")
    over=$(awk -v a="$rust_ms" -v b="$floor_ms" 'BEGIN {printf "%.2fx", a / b}')
    if [ -n "$python" ]; then
        py_ms=$($python scripts/openpyxl_read.py "$file" "$repeat")
        ratio=$(awk -v a="$py_ms" -v b="$rust_ms" 'BEGIN {printf "%.1fx", a / b}')
    else
        py_ms="(no python3)"; ratio="-"
    fi
    printf '%-28s %12s %12s %16s %14s %10s\n' "$(basename "$file")" "$rust_ms" "$floor_ms" "$over" "$py_ms" "$ratio"
done
