//! A copy of the workspace with some of its crates, built with cargo as a vendor builds: for
//! tests that publish a table through codegen and compile what depends on it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use oqs_messages_table::Table;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Copies a folder and everything under it.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// The library crates, the folders a vendor's build compiles.
pub const LIBRARY_CRATES: [&str; 4] = ["text", "table", "macros", "generated"];

/// A workspace at `to` with the library crates ([`LIBRARY_CRATES`]), the
/// curated names and the lock file, and `extra` crates: (folder in this workspace, folder
/// in the copy).
pub fn copy_workspace(to: &Path, extra: &[(&str, &str)]) {
    let root = root();
    let mut members = LIBRARY_CRATES.to_vec();
    for dir in LIBRARY_CRATES {
        copy_dir(&root.join(dir), &to.join(dir));
    }
    for (from, into) in extra {
        copy_dir(&root.join(from), &to.join(into));
        members.push(into);
    }
    fs::create_dir_all(to.join("spec")).unwrap();
    fs::copy(root.join("spec/names.toml"), to.join("spec/names.toml")).unwrap();
    if root.join("Cargo.lock").exists() {
        fs::copy(root.join("Cargo.lock"), to.join("Cargo.lock")).unwrap();
    }
    let members = format!(
        "[{}]",
        members
            .iter()
            .map(|m| format!("{m:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let manifest: String = manifest
        .lines()
        .map(|line| {
            if line.starts_with("members =") {
                format!("members = {members}")
            } else if line.starts_with("default-members =") {
                format!("default-members = {members}")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(to.join("Cargo.toml"), manifest).unwrap();
}

/// A copy of the workspace in which `explain` builds: the library crates, `explain`, and
/// what it depends on (the engine `answer`, with the page's module `wasm` whose sources
/// codegen records; `codegen`, which reads older workbooks; and `tests`, whose revision
/// builder its tests use).
pub fn copy_explain_workspace(to: &Path) {
    copy_workspace(
        to,
        &[
            ("explain", "explain"),
            ("answer", "answer"),
            ("wasm", "wasm"),
            ("codegen", "codegen"),
            ("tests", "tests"),
        ],
    );
}

/// Runs cargo in a copy on one package, offline and quiet, in one target folder shared by
/// every such run (dependencies compile once).
pub fn cargo(workspace: &Path, package: &str, args: &[&str]) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    Command::new(cargo)
        .args(args)
        .args(["--offline", "--quiet", "-p", package])
        .current_dir(workspace)
        .env("CARGO_TARGET_DIR", root().join("target/revision-test"))
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .output()
        .expect("run cargo")
}

/// The table the workspace holds now (its `generated/table.json`), whatever its version.
pub fn current_table() -> Table {
    let text = fs::read_to_string(root().join("generated/table.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The table as the next version: `1.25` gives `1.25.1`, a version no real table has.
pub fn next_version(table: &Table) -> Table {
    let mut next = table.clone();
    let version = format!("{}.1", table.version);
    next.title = next
        .title
        .replace(&format!("{}版", table.version), &format!("{version}版"));
    next.version = version.parse().unwrap();
    next
}
