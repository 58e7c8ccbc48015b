# Sourced by scripts/compile-cost.sh and scripts/downstream-serde-cost.sh: writes the
# "expanded twin" of oqs-messages into DIR/twin, the same crate as plain Rust (lib.rs and its
# included files with the macro's expansion in place of the invocation, and no macro crate),
# printed by `cargo run -p oqs-messages-macros --example expand_table`; never checked in.
#
#   write_twin DIR        (run from the workspace root)
write_twin() {
  local dir="$1/twin"
  mkdir -p "$dir/src"
  cargo run -q -p oqs-messages-macros --example expand_table -- generated/src/table.rs \
      > "$dir/src/expanded.rs"
  # The expansion printed leaves out the derives' re-export (`derive_exports`), which needs
  # the macro crate; lib.rs loses the macro crate's `__private` module.
  grep -v -e 'pub use oqs_messages_macros::' generated/src/lib.rs \
      | sed -e 's|include!("table.rs");|include!("expanded.rs");|' \
            -e '/^pub mod __private {$/,/^}$/d' > "$dir/src/lib.rs"
  # Every other file and folder of the crate as it is (modules, included parts and tables),
  # whatever is added later.
  local file
  for file in generated/src/*; do
    case "$(basename "$file")" in
      lib.rs | table.rs) ;;
      *) cp -r "$file" "$dir/src/" ;;
    esac
  done
  cat > "$dir/Cargo.toml" <<'TOML'
[package]
name = "oqs-messages-twin"
version = "0.1.0"
edition = "2021"
publish = false

[features]
default = ["std"]
serde = []
TOML
  # The std feature as the crate declares it, but serde's.
  grep '^std = ' generated/Cargo.toml | sed -e 's|"serde?/std", *||' -e 's|, *"serde?/std"||' >> "$dir/Cargo.toml"
  echo '[dependencies]' >> "$dir/Cargo.toml"
  # The crate's dependencies but the macros, as the crate declares them (the workspace's).
  sed -n '/^\[dependencies\]$/,/^\[/p' generated/Cargo.toml \
      | grep -v -e '^\[' -e '^oqs-messages-macros' -e '^serde' -e '^$' >> "$dir/Cargo.toml"
}

# The manifest of a scratch workspace of the given members, from the workspace's own: its
# [profile.*] sections left out, since a vendor's build follows the vendor's profiles, never
# those of a dependency's workspace (ours builds oqs-messages-text optimized for the tests).
#
#   scratch_manifest MEMBER… > DIR/Cargo.toml   (run from the workspace root)
scratch_manifest() {
  local members
  members=$(printf '"%s", ' "$@")
  members="[${members%, }]"
  sed -e "s|^members = .*|members = $members|" \
      -e "s|^default-members = .*|default-members = $members|" \
      -e 's|^exclude = .*||' Cargo.toml \
    | awk '/^\[/ { skip = /^\[profile/ } !skip'
}
