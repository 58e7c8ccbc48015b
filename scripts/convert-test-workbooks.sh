#!/usr/bin/env bash
# Writes the .xls and .ods copies that codegen's tests read (codegen/tests/formats/):
# the real 1.25 workbook and the test workbooks of tests/excel_practice.rs, each saved by
# LibreOffice as Excel 97-2003 and as OpenDocument. Run once after changing those
# workbooks and commit the result; CI reads the committed files and needs no LibreOffice.
#
#   apt-get install -y libreoffice-calc-nogui    # provides soffice
#
# Usage: scripts/convert-test-workbooks.sh           (writes codegen/tests/formats/)
#        scripts/convert-test-workbooks.sh --smoke   (into a scratch folder: that the script
#                                                     works; scripts/smoke.sh runs it where
#                                                     soffice is present)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-calc-nogui" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
OUT="$work" cargo test -q -p codegen --test excel_practice -- --ignored write_conversion_sources
cp spec/*_1.25版.xlsx "$work/real_1.25版.xlsx"
out=codegen/tests/formats
[ "${1:-}" = --smoke ] && out="$work/formats"
mkdir -p "$out"
for source in "$work"/*.xlsx; do
  for format in xls ods; do
    soffice --headless --norestore --convert-to "$format" --outdir "$out" "$source" >/dev/null
  done
done
# The practice workbook written back to .xlsx by LibreOffice: another writer's styles, rich
# text and hidden rows, read through the .xlsx path.
lo="$work/lo"
mkdir -p "$lo"
cp "$out/practice_1.25版.xls" "$lo/practice_lo_1.25版.xls"
soffice --headless --norestore --convert-to xlsx --outdir "$out" "$lo/practice_lo_1.25版.xls" >/dev/null
ls -l "$out"
