#!/usr/bin/env bash
# What adding oqs-messages costs a vendor crate that already derives serde: a clean build
# of a downstream crate with `serde = { features = ["derive"] }`, once depending on
# oqs-messages (its proc macro shares syn, quote and proc-macro2 with serde_derive when they
# are on the same syn major) and once on the expanded plain-Rust twin (no proc macro of
# ours). Wall time and CPU time (user + sys), median of RUNS clean builds each, the two
# interleaved so that drift in the machine's speed touches both alike.
#
# Usage: scripts/downstream-serde-cost.sh [RUNS]   (default 5)
#        scripts/downstream-serde-cost.sh --smoke  (one run: that the script works, run by CI)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
[ "$runs" = --smoke ] && runs=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

mkdir -p "$work/ws"
cp -r text table macros generated "$work/ws/"
cp Cargo.lock "$work/ws/"
# shellcheck source=twin.sh
source "$root/scripts/twin.sh"
scratch_manifest text table macros generated twin with-gen with-twin > "$work/ws/Cargo.toml"
write_twin "$work/ws"

# Two vendor crates, the same but for the dependency: each derives serde and looks up a code.
for which in gen twin; do
  if [ "$which" = gen ]; then dep='oqs-messages = { path = "../generated" }'; krate=oqs_messages
  else dep='oqs-messages-twin = { path = "../twin" }'; krate=oqs_messages_twin; fi
  mkdir -p "$work/ws/with-$which/src"
  cat > "$work/ws/with-$which/Cargo.toml" <<TOML
[package]
name = "with-$which"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
$dep
serde = { version = "1", features = ["derive"] }
TOML
  cat > "$work/ws/with-$which/src/lib.rs" <<RS
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Event {
    pub code: u16,
    pub message_id: u32,
}

pub fn heading(event: &Event) -> Option<&'static str> {
    $krate::Code::from_number(event.code).map(|c| c.heading())
}
RS
done

export CARGO_TARGET_DIR="$work/target"
# As a vendor builds its dependencies: cargo compiles a crate incrementally only when it is a
# member of the workspace being built, never one from crates.io or git. Here the crates are
# members of the scratch workspace; without this, oqs-messages would pay for incremental
# bookkeeping (about 0.5 s of its clean build) that no vendor pays.
export CARGO_INCREMENTAL=0
cd "$work/ws"
cargo build -q --offline -p with-twin -p with-gen   # fails loudly if either does not build

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
: > "$work/gen.wall"; : > "$work/gen.cpu"; : > "$work/twin.wall"; : > "$work/twin.cpu"
for _ in $(seq "$runs"); do
  for which in twin gen; do
    rm -rf "$CARGO_TARGET_DIR"
    /usr/bin/time -f "%e %U %S" -o "$work/time" cargo build -q --offline -p "with-$which"
    read -r wall user sys < "$work/time"
    echo "$wall" >> "$work/$which.wall"
    awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}' >> "$work/$which.cpu"
  done
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
gw=$(median < "$work/gen.wall"); tw=$(median < "$work/twin.wall")
gc=$(median < "$work/gen.cpu"); tc=$(median < "$work/twin.cpu")
echo "a vendor crate deriving serde, clean debug build, median of $runs runs, $(nproc) cores"
echo "syn in the tree: $(cargo tree -q -p with-gen -e normal,build -i syn 2>/dev/null | grep -c '^syn' || true) version(s) for with-gen"
printf '%-36s wall %6ss  cpu %6ss\n' "with the expanded twin" "$tw" "$tc"
printf '%-36s wall %6ss  cpu %6ss   %sx wall, %sx cpu (goal <= 1.1x)\n' "with oqs-messages" "$gw" "$gc" "$(ratio "$gw" "$tw")" "$(ratio "$gc" "$tc")"
