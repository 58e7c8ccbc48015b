#!/usr/bin/env bash
# What the proc macro costs at compile time, measured in one run on this machine:
#
#   - the generated crate `oqs-messages` against its expanded twin: the same code as plain
#     Rust, printed by `cargo run -p oqs-messages-macros --example expand_table` (never
#     checked in), built without the macro;
#   - from clean (the macro's dependencies included) and rebuilt alone (the expansion);
#   - the clean build a downstream crate (the quick start) pays for depending on it.
#
# Usage: scripts/compile-cost.sh [RUNS]   (default 9; each figure is the median)
#        scripts/compile-cost.sh --smoke  (one run: that the script works, run by CI)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-9}
[ "$runs" = --smoke ] && runs=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

# A workspace with the macro, the generated crate, the quick start and the twin.
mkdir -p "$work/ws"
cp -r text table macros generated "$work/ws/"
cp -r tests/quickstart "$work/ws/quickstart"
cp Cargo.lock "$work/ws/" 2>/dev/null || true
# shellcheck source=twin.sh
source "$root/scripts/twin.sh"
scratch_manifest text table macros generated quickstart twin > "$work/ws/Cargo.toml"
write_twin "$work/ws"

export CARGO_TARGET_DIR="$work/target"
cd "$work/ws"
cargo build -q --offline -p oqs-messages-twin   # fails loudly if the twin is not the same code

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# clean PACKAGE: a build from an empty target folder.
clean() {
    for _ in $(seq "$runs"); do
        rm -rf "$CARGO_TARGET_DIR"
        local start; start=$(now)
        cargo build -q --offline -p "$1"
        echo $(( ($(now) - start) / 1000000 ))
    done | median
}

# alone: rebuild each crate alone, its dependencies already built, the two interleaved so
# that drift in the machine's speed touches both alike. Prints "twin_ms gen_ms" medians.
alone() {
    cargo build -q --offline -p oqs-messages-twin -p oqs-messages
    : > "$work/twin.ms"
    : > "$work/gen.ms"
    for _ in $(seq "$runs"); do
        for which in twin gen; do
            if [ "$which" = twin ]; then pkg=oqs-messages-twin; file=twin/src/lib.rs
            else pkg=oqs-messages; file=generated/src/lib.rs; fi
            touch "$file"
            local start; start=$(now)
            cargo build -q --offline -p "$pkg"
            echo $(( ($(now) - start) / 1000000 )) >> "$work/$which.ms"
        done
    done
    echo "$(median < "$work/twin.ms") $(median < "$work/gen.ms")"
}

twin_clean=$(clean oqs-messages-twin)
gen_clean=$(clean oqs-messages)
read -r twin_alone gen_alone < <(alone)
downstream_clean=$(clean oqs-messages-quickstart)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo "compile cost, debug profile, median of $runs runs, $(nproc) cores"
printf '%-44s %8s ms\n' "expanded twin, clean" "$twin_clean"
printf '%-44s %8s ms   %sx the twin\n' "oqs-messages, clean (with syn, quote, macro)" "$gen_clean" "$(ratio "$gen_clean" "$twin_clean")"
printf '%-44s %8s ms\n' "expanded twin, rebuilt alone" "$twin_alone"
printf '%-44s %8s ms   %sx the twin (target <= 1.2x)\n' "oqs-messages, rebuilt alone (expansion)" "$gen_alone" "$(ratio "$gen_alone" "$twin_alone")"
printf '%-44s %8s ms   %sx the twin, clean\n' "quick start (downstream), clean" "$downstream_clean" "$(ratio "$downstream_clean" "$twin_clean")"
