#!/usr/bin/env bash
# Runs every fuzz target for real with cargo fuzz (nightly toolchain), seeded from what the
# tests use: the workbooks (spec/, codegen/tests/formats/, the damaged ones) for the reader,
# the shared query cases for the queries and search targets, the table's texts for the cell
# parsers.
# Not run in CI. Findings land in fuzz/artifacts/<target>/.
#
# Usage: scripts/fuzz.sh [SECONDS_FOR_THE_READER] [SECONDS_FOR_EACH_OTHER]  (default 1500 600)
#        scripts/fuzz.sh --smoke   (one second a target, never installing cargo-fuzz;
#                                   scripts/smoke.sh runs it where cargo-fuzz is present)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --smoke ]; then
  command -v cargo-fuzz >/dev/null || { echo "no cargo-fuzz" >&2; exit 1; }
  set -- 1 1
fi
reader_seconds=${1:-1500}
other_seconds=${2:-600}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
seeds=$(mktemp -d)
mkdir -p "$seeds"/workbook_reader "$seeds"/queries "$seeds"/search "$seeds"/cell_parsers
cp spec/*.xlsx codegen/tests/formats/*.xls codegen/tests/formats/*.ods codegen/tests/formats/*.xlsx \
   codegen/tests/formats/corrupt/* "$seeds"/workbook_reader/
python3 - "$seeds" <<'PY'
import json, sys
seeds = sys.argv[1]
for i, case in enumerate(json.load(open("tests/queries.json"))["cases"]):
    open(f"{seeds}/queries/case{i}", "w").write(case["query"])
    open(f"{seeds}/search/case{i}", "w").write(case["query"])
table = json.load(open("generated/table.json"))
n = 0
for code in table["codes"]:
    open(f"{seeds}/cell_parsers/c{n}", "w").write("".join(f"【{t}】" for t in code["tags"]) + "\n" + code["heading"]); n += 1
    for row in code["rows"]:
        for field in ("kind", "cause", "remedy", "contact"):
            open(f"{seeds}/cell_parsers/c{n}", "w").write(row[field]); n += 1
PY
cd fuzz
# The reader with AddressSanitizer (the default); the text targets without it, for speed
# (safe Rust: what they look for is panics and broken invariants).
cargo +nightly fuzz run -O workbook_reader "$seeds"/workbook_reader -- \
    -max_total_time="$reader_seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
for target in queries search cell_parsers; do
    # A search runs over the whole table: inputs as long as what people type, so that the
    # run gets through many.
    max_len=4096
    [ "$target" = search ] && max_len=256
    cargo +nightly fuzz run -O -s none "$target" "$seeds/$target" -- \
        -max_total_time="$other_seconds" -max_len="$max_len" -print_final_stats=1
done
# The search once more on the corpus it grew, built without compare tracing: libFuzzer's
# hooks on the folding's comparisons take four fifths of a traced run, so this one gets
# through about six times the inputs a second.
cargo +nightly fuzz run -O -s none --no-trace-compares search "$seeds/search" -- \
    -max_total_time="$other_seconds" -max_len=256 -print_final_stats=1
