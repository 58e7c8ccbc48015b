#!/usr/bin/env bash
# Checks the revision report's semver verdict with cargo-semver-checks, once, on a
# structural revision (a code added: the report says breaking) and a rewording (the report
# says patch). Each revision goes through codegen into a copy of the workspace, which also
# moves the crate version; cargo-semver-checks then compares the generated crate with the
# checked-in one. Not run in CI (it installs cargo-semver-checks and takes minutes); the
# result is in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-semver-checks >/dev/null || cargo install cargo-semver-checks --locked
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
