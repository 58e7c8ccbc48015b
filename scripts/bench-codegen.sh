#!/usr/bin/env bash
# Codegen's reader (read and check, release build) on the 1.25 workbook and on synthetic
# workbooks of 1k and 10k rows, against a bare calamine load of the same files (open, load
# the merged regions, read every sheet's cells: the floor for anything built on calamine)
# and Python's openpyxl loading them, in one run. openpyxl is installed from PyPI if
# python3 is present and it is missing.
#
# The machine's noise is met by alternating: ROUNDS times, codegen then calamine, each the
# median of REPEAT reads in one process; the ratio given is the median of the rounds' ratios
# (with their range). openpyxl is timed once, over at most 5 reads.
#
# Usage: scripts/bench-codegen.sh [REPEAT] [ROUNDS]   (default 20 and 9)
#        scripts/bench-codegen.sh --smoke  (one read of the real workbook, debug build, openpyxl
#                                           only if already installed: that the script works)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
smoke=""
if [ "${1:-}" = --smoke ]; then smoke=1; set -- 1 1; fi
repeat=${1:-20}
rounds=${2:-9}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

if [ -n "$smoke" ]; then
    cargo build -q -p oqs-messages-bench --bin time-codegen
    bin="$root/target/debug/time-codegen"
else
    cargo build -q --release -p oqs-messages-bench --bin time-codegen
    bin="$root/target/release/time-codegen"
fi
mapfile -t files < <("$bin" make "$work")
[ -n "$smoke" ] && files=("${files[0]}")

python=""
if command -v python3 >/dev/null 2>&1; then
    if python3 -c 'import openpyxl' 2>/dev/null \
        || { [ -z "$smoke" ] && python3 -m pip install --quiet --disable-pip-version-check openpyxl >/dev/null 2>&1; }; then
        python=python3
    fi
fi

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "reader, $rounds alternating rounds of $repeat reads each, $(nproc) cores"
printf '%-28s %12s %12s %24s %14s %10s\n' workbook "codegen ms" "calamine ms" "codegen/calamine (range)" "openpyxl ms" "openpyxl/codegen"
for file in "${files[@]}"; do
    ours=(); floors=(); ratios=()
    for _ in $(seq "$rounds"); do
        a=$("$bin" time "$file" "$repeat")
        b=$("$bin" calamine "$file" "$repeat")
        ours+=("$a"); floors+=("$b")
        ratios+=("$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a / b}')")
    done
    rust_ms=$(printf '%s\n' "${ours[@]}" | median)
    floor_ms=$(printf '%s\n' "${floors[@]}" | median)
    low=$(printf '%s\n' "${ratios[@]}" | sort -g | head -1)
    high=$(printf '%s\n' "${ratios[@]}" | sort -g | tail -1)
    over=$(printf '%s\n' "${ratios[@]}" | median | awk -v l="$low" -v h="$high" '{printf "%.2fx (%.2f-%.2f)", $1, l, h}')
    if [ -n "$python" ]; then
        py_repeat=$((repeat < 5 ? repeat : 5))
        py_ms=$($python scripts/openpyxl_read.py "$file" "$py_repeat")
        ratio=$(awk -v a="$py_ms" -v b="$rust_ms" 'BEGIN {printf "%.1fx", a / b}')
    else
        py_ms="(no python3)"; ratio="-"
    fi
    printf '%-28s %12s %12s %24s %14s %10s\n' "$(basename "$file")" "$rust_ms" "$floor_ms" "$over" "$py_ms" "$ratio"
done
