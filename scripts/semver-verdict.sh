#!/usr/bin/env bash
# Checks the revision report's semver verdict with cargo-semver-checks, once, on a
# structural revision (a code added: the report says breaking) and a rewording (the report
# says patch). Each revision goes through codegen into a copy of the workspace, which also
# moves the crate version; cargo-semver-checks then compares the generated crate with the
# checked-in one. The result is in BENCHMARKS.md.
#
# Usage: scripts/semver-verdict.sh           (installs cargo-semver-checks when missing: minutes)
#        scripts/semver-verdict.sh --smoke   (the same run, never installing; scripts/smoke.sh
#                                             runs it where cargo-semver-checks is present)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v cargo-semver-checks >/dev/null; then
  [ "${1:-}" = --smoke ] && { echo "no cargo-semver-checks" >&2; exit 1; }
  cargo install cargo-semver-checks --locked
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
OUT="$work" cargo test -q -p oqs-messages-tests --test revision -- --ignored write_semver_fixtures
base="$PWD/generated"
for case in breaking reworded; do
  manifest="$work/$case/generated/Cargo.toml"
  echo "== $case: oqs-messages $(grep -m1 '^version' generated/Cargo.toml) → $(grep -m1 '^version' "$manifest")"
  # As a patch release: cargo-semver-checks must find breaking changes in the structural
  # revision and none in the rewording.
  if cargo semver-checks check-release --manifest-path "$manifest" --baseline-root "$base" --release-type patch; then
    echo "-> $case: no breaking change found (a patch release suffices)"
  else
    echo "-> $case: breaking changes found (a patch release is not enough)"
  fi
  # With the version codegen wrote.
  if cargo semver-checks check-release --manifest-path "$manifest" --baseline-root "$base"; then
    echo "-> $case: the version codegen wrote passes"
  else
    echo "-> $case: the version codegen wrote does NOT pass"
  fi
done
