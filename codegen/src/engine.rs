//! The offline page's engine: `oqs-answer` compiled to WebAssembly by
//! `scripts/build-engine.sh` into `generated/engine.wasm`, which the page embeds. The
//! module depends on no version of the table (the page gives it `table.json`), so it is
//! rebuilt only when its Rust changes; beside it, `generated/engine.wasm.sources` records
//! what it was built from: each source file's hash, the crates it compiles from
//! `Cargo.lock`, and the module's own hash. `--check` compares that record with the
//! workspace, so that a change to the engine's Rust without a rebuild fails in CI.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{io_error, Error};

/// The module as checked in, built into codegen, which embeds it in the page.
pub const MODULE: &[u8] = include_bytes!("../../generated/engine.wasm");

/// The module's path under the output folder.
pub const MODULE_FILE: &str = "engine.wasm";

/// The record of what the module was built from, beside it.
pub const SOURCES_FILE: &str = "engine.wasm.sources";

/// The folders whose `Cargo.toml` and `src/` the module is compiled from.
const CRATES: [&str; 4] = ["wasm", "answer", "text", "table"];

/// The script that builds it, whose settings (the profile) shape it too.
const SCRIPT: &str = "scripts/build-engine.sh";

/// The package the module is, in `Cargo.lock`.
const PACKAGE: &str = "oqs-answer-wasm";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Every file under a folder, sorted, with `/` separators relative to `root`.
fn files_under(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), Error> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_error(dir))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(root, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

/// The crates of `Cargo.lock` the module compiles, from the registry: `name version
/// checksum`, sorted (the workspace's own crates are hashed as files).
fn locked_dependencies(lock: &str) -> Result<Vec<String>, String> {
    let lock: toml::Table = toml::from_str(lock).map_err(|e| e.to_string())?;
    let packages = lock
        .get("package")
        .and_then(|p| p.as_array())
        .ok_or("no [[package]]")?;
    let field = |p: &toml::Value, key: &str| {
        p.get(key)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned()
    };
    let mut seen: Vec<String> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut todo = vec![PACKAGE.to_owned()];
    while let Some(wanted) = todo.pop() {
        // A dependency is written `name` or, where two versions are locked, `name version`.
        let mut parts = wanted.split(' ');
        let name = parts.next().unwrap_or_default();
        let version = parts.next();
        let Some(package) = packages
            .iter()
            .find(|p| field(p, "name") == name && version.is_none_or(|v| field(p, "version") == v))
        else {
            return Err(format!("{wanted} is not in Cargo.lock"));
        };
        let key = format!("{} {}", field(package, "name"), field(package, "version"));
        if seen.contains(&key) {
            continue;
        }
        seen.push(key.clone());
        if package.get("source").is_some() {
            lines.push(format!("{key} {}", field(package, "checksum")));
        }
        for dependency in package
            .get("dependencies")
            .and_then(|d| d.as_array())
            .into_iter()
            .flatten()
            .filter_map(|d| d.as_str())
        {
            todo.push(dependency.to_owned());
        }
    }
    lines.sort();
    Ok(lines)
}

/// The record of the sources in the workspace at `root` and of a module: what
/// `generated/engine.wasm.sources` holds after a build.
pub fn record(root: &Path, module: &[u8]) -> Result<String, Error> {
    let mut files = Vec::new();
    for name in CRATES {
        files.push(format!("{name}/Cargo.toml"));
        files_under(root, &root.join(name).join("src"), &mut files)?;
    }
    files.push(SCRIPT.to_owned());
    let mut out = String::new();
    out.push_str(
        "# What generated/engine.wasm was built from, by scripts/build-engine.sh: the page's engine\n\
         # (oqs-answer compiled to WebAssembly). `cargo run -p codegen -- --check` fails when a\n\
         # source below changed and the module was not rebuilt. Do not edit.\n",
    );
    for file in &files {
        let path = root.join(file);
        let bytes = std::fs::read(&path).map_err(io_error(&path))?;
        let _ = writeln!(out, "{} {file}", sha256(&bytes));
    }
    let lock_path = root.join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path).map_err(io_error(&lock_path))?;
    let locked = locked_dependencies(&lock).map_err(|problem| Error::Io {
        path: lock_path.clone(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, problem),
    })?;
    for line in locked {
        let _ = writeln!(out, "crate {line}");
    }
    let _ = writeln!(out, "module {}", sha256(module));
    Ok(out)
}

/// What differs between the record checked in and the workspace with the module built
/// into codegen: each line of either that the other lacks (a source changed, added or
/// removed; the module replaced), none when the module is up to date.
pub fn stale(root: &Path, out: &Path) -> Result<Vec<String>, Error> {
    let path = out.join(SOURCES_FILE);
    let recorded = std::fs::read_to_string(&path).map_err(io_error(&path))?;
    let now = record(root, MODULE)?;
    let lines = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .map(str::to_owned)
            .collect()
    };
    let (recorded, now) = (lines(&recorded), lines(&now));
    let mut differences: Vec<String> = recorded
        .iter()
        .filter(|l| !now.contains(l))
        .map(|l| format!("recorded: {l}"))
        .collect();
    differences.extend(
        now.iter()
            .filter(|l| !recorded.contains(l))
            .map(|l| format!("now:      {l}")),
    );
    Ok(differences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locked_closure_of_the_module_is_its_registry_crates() {
        let lock = std::fs::read_to_string(crate::workspace_root().join("Cargo.lock")).unwrap();
        let lines = locked_dependencies(&lock).unwrap();
        assert!(
            lines.iter().any(|l| l.starts_with("serde_json ")),
            "{lines:?}"
        );
        // The reader's crates are not the engine's.
        assert!(
            !lines.iter().any(|l| l.starts_with("calamine ")),
            "{lines:?}"
        );
        assert!(!lines.iter().any(|l| l.starts_with("oqs-")), "{lines:?}");
    }

    #[test]
    fn a_changed_source_is_named() {
        let root = crate::workspace_root();
        let record = record(&root, MODULE).unwrap();
        let changed = record.replacen(" answer/src/lib.rs", " answer/src/lib.rs.old", 1);
        assert_ne!(changed, record);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SOURCES_FILE), changed).unwrap();
        let stale = stale(&root, dir.path()).unwrap();
        assert_eq!(stale.len(), 2, "{stale:?}");
        assert!(stale[0].ends_with("answer/src/lib.rs.old"), "{stale:?}");
    }
}
