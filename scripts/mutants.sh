#!/usr/bin/env bash
# The suite's strength, measured with cargo-mutants (from crates.io): each part of the code
# whose mistakes users would not see at once, mutated and tested by the tests that cover it
# (a whole-workspace test per mutant would take hours on two cores): `--test-package` and
# `--cargo-arg=--test=NAME`, which reach both the build and the run of each mutant (arguments
# after `--` reach only the run, and the build would link every test of the package). Prints each part's
# caught / missed / unviable / timeout counts and the caught share of the viable mutants;
# the mutants that survive are listed in target/mutants/PART/mutants.out/missed.txt.
#
# Usage: scripts/mutants.sh [PART…]   (text-fold, text-query, text-search, table, generated,
#                                     macros, reader; default all)
#        scripts/mutants.sh --smoke   (lists each part's mutants: that the scoping works)
#        MUTANTS_JOBS=2 scripts/mutants.sh PART   (mutants built and tested two at a time)
#        MUTANTS_TIMEOUT=S: seconds before a mutant's tests count as hung (default 90; the
#        scoped tests take seconds: in the runs of 2026-12-04 a missed mutant's tests took
#        17 s at most with both cores busy; a mutant that loops forever costs the whole wait)
set -euo pipefail
# The scopes hold globs for cargo-mutants, not for the shell.
set -f
cd "$(dirname "$0")/.."
command -v cargo-mutants >/dev/null || cargo install cargo-mutants --locked

all="text-fold text-query text-search table generated macros reader"

# PART: its files, then the tests that cover them.
scope() {
  case "$1" in
    # The text handling no version changes, in three parts (each a run of an hour or less
    # on two cores): the fold and the unseen list (which the model and the macro build on:
    # their tests and the lookups), the query reader, and the search engine with its needles.
    text-fold) echo "-f text/src/fold.rs -f text/src/unseen.rs --test-package oqs-messages-text --test-package oqs-messages-table --test-package oqs-messages-tests --cargo-arg=--lib --cargo-arg=--test=model --cargo-arg=--test=queries --cargo-arg=--test=lookups" ;;
    text-query) echo "-f text/src/query/mod.rs -f text/src/log_words.rs --test-package oqs-messages-text --test-package oqs-messages-tests --cargo-arg=--lib --cargo-arg=--test=queries" ;;
    text-search) echo "-f text/src/search/mod.rs -f text/src/search/words.rs -f text/src/search/weights.rs -f text/src/search/index.rs -f text/src/search/scan.rs -f text/src/search/outcome.rs -f text/src/search/ranking.rs -f text/src/search/parts.rs -f text/src/search/nearest.rs -f text/src/needle.rs --test-package oqs-messages-text --test-package oqs-messages-tests --cargo-arg=--lib --cargo-arg=--test=queries --cargo-arg=--test=no_alloc" ;;
    # The model's parsers and rules: its own tests.
    table) echo "-p oqs-messages-table --test-package oqs-messages-table" ;;
    # The search of the generated crate over its index (the hand-written part): the shared
    # query cases, the lookups and the no-allocation tests.
    generated) echo "-f generated/src/search.rs --test-package oqs-messages --test-package oqs-messages-tests --cargo-arg=--lib --cargo-arg=--test=queries --cargo-arg=--test=lookups --cargo-arg=--test=no_alloc" ;;
    # The macros' parse, checks and expansion: their tests (tests/input.rs and
    # tests/expansion.rs compile the modules they test; the manifest's are unit tests) and
    # the UI cases.
    macros) echo "-p oqs-messages-macros --test-package oqs-messages-macros --test-package oqs-messages-ui --cargo-arg=--lib --cargo-arg=--test=input --cargo-arg=--test=expansion --cargo-arg=--test=ui" ;;
    # The reader's cell handling: the reader's tests on real and built workbooks, malformed
    # ones (workbooks) and ones with characters no one can see (unseen).
    reader) echo "-f codegen/src/read/*.rs --test-package codegen --cargo-arg=--test=world --cargo-arg=--test=excel_practice --cargo-arg=--test=hostile --cargo-arg=--test=real_workbook --cargo-arg=--test=workbooks --cargo-arg=--test=unseen" ;;
    *) echo "unknown part $1 ($all)" >&2; exit 2 ;;
  esac
}

if [ "${1:-}" = --smoke ]; then
  for part in $all; do
    # shellcheck disable=SC2046
    n=$(cargo mutants --list $(scope "$part") | wc -l)
    echo "$part: $n mutants"
    [ "$n" -gt 0 ] || { echo "$part: no mutants listed" >&2; exit 1; }
  done
  exit 0
fi

parts=("$@")
# shellcheck disable=SC2206
[ ${#parts[@]} -gt 0 ] || parts=($all)
for part in "${parts[@]}"; do
  out="target/mutants/$part"
  mkdir -p "$out"
  # shellcheck disable=SC2046
  # No baseline run: cargo-mutants tests only the mutated package there, where the test
  # targets named for the mutants are not (the suite is green in CI before this runs).
  cargo mutants -j "${MUTANTS_JOBS:-1}" --timeout "${MUTANTS_TIMEOUT:-90}" --baseline=skip --output "$out" $(scope "$part") > "$out/log.txt" 2>&1 || true
  dir="$out/mutants.out"
  count() { [ -f "$dir/$1.txt" ] && wc -l < "$dir/$1.txt" || echo 0; }
  caught=$(count caught); missed=$(count missed); unviable=$(count unviable); timeout=$(count timeout)
  share=$(awk -v c="$caught" -v t="$timeout" -v m="$missed" 'BEGIN { v = c + t + m; printf "%.1f", v ? 100 * (c + t) / v : 0 }')
  echo "$part: caught $caught, timeout $timeout, missed $missed, unviable $unviable: $share % of the viable mutants caught"
done
