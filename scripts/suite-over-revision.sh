#!/usr/bin/env bash
# The whole test suite over a built revision: a copy of this clone gets a revised workbook
# beside its newest one in spec/ (a code withdrawn with its IDs, a code added, a message
# reworded: tests/tests/revision.rs, write_revision_beside_spec), `cargo run -p codegen`
# there, and `cargo test --workspace` there, but for the quick start, which is written
# against the current table and must break (tests/tests/revision.rs checks how; the READMEs'
# Rust sections are its doctests). Every other test must hold for any table. Run by
# .ci/run, in a target folder of its own (target/suite-over-revision).
#
# With --prepare DIR it stops once the revised copy is written and generated, in DIR (which
# must not exist yet), for a vendor to try a crate on it: point the crate's dependency at
# DIR/generated and run `cargo check` (README, "Trying your crate against a revision").
#
# Usage: scripts/suite-over-revision.sh            (then the test command's arguments, if any)
#        scripts/suite-over-revision.sh --smoke    (the same: it is one round already)
#        scripts/suite-over-revision.sh --prepare DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ "${1:-}" = --smoke ] && shift
prepare=
if [ "${1:-}" = --prepare ]; then
  [ -n "${2:-}" ] || { echo "usage: $0 --prepare DIR" >&2; exit 2; }
  [ ! -e "$2" ] || { echo "$2 exists already; give a folder to create" >&2; exit 2; }
  mkdir -p "$2"
  prepare=$(cd "$2" && pwd)
  copy="$prepare"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  copy="$work/clone"
  mkdir -p "$copy"
fi
# The clone as committed and as it stands (tracked files), without its target folder.
(cd "$root" && git ls-files -z --cached --others --exclude-standard) \
  | (cd "$root" && xargs -0 cp --parents -t "$copy")
cd "$root"
OUT="$copy" cargo test -q -p oqs-messages-tests --test revision -- --ignored --exact write_revision_beside_spec
# A target folder of its own: cargo hashes a workspace's path crates by their place in the
# workspace, so a copy sharing this clone's folder would overwrite its build scripts' output.
export CARGO_TARGET_DIR="$root/target/suite-over-revision"
cd "$copy"
cargo run -q -p codegen | tail -4
if [ -n "$prepare" ]; then
  echo "revised copy in $prepare: depend on $prepare/generated and run cargo check"
  exit 0
fi
# The two revision tests that build the quick start against the current table are left
# out with it: after a real revision the maintainer edits the quick start (README, "When
# the ministry publishes a new version"), and they pass again.
cargo test --workspace --exclude oqs-messages-quickstart --no-fail-fast "$@" -- \
  --skip revisions_break_or_keep_the_downstream_build_as_they_should \
  --skip a_revision_beside_the_current_workbook_says_what_was_withdrawn
