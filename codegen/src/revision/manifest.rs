//! The generated crate's manifest: its version, moved as a revision calls for.

use std::fs;
use std::path::Path;

use crate::render::GeneratedFile;
use crate::report::Report;

/// The version in the generated crate's manifest, `out/Cargo.toml`, if there is one.
pub fn crate_version(out: &Path) -> Option<String> {
    let manifest = fs::read_to_string(out.join("Cargo.toml")).ok()?;
    manifest_version(&manifest).map(str::to_owned)
}

/// The `version = "…"` of a manifest's `[package]` table.
fn manifest_version(manifest: &str) -> Option<&str> {
    let package = manifest.split("\n[").next()?;
    package.lines().find_map(|line| {
        let value = line
            .strip_prefix("version")?
            .trim_start()
            .strip_prefix('=')?;
        value.trim().strip_prefix('"')?.strip_suffix('"')
    })
}

/// The generated crate's manifest with its version moved as the report says, so that
/// Cargo's semver rules protect vendors: `None` when there is no manifest in `out` or the
/// version stays.
pub fn moved_manifest(out: &Path, report: &Report) -> Option<GeneratedFile> {
    let (before, after) = report.crate_versions.as_ref()?;
    if before == after {
        return None;
    }
    let manifest = fs::read_to_string(out.join("Cargo.toml")).ok()?;
    let old_line = format!("version = \"{before}\"");
    let at = manifest.find(&old_line)?;
    let mut contents = manifest.clone();
    contents.replace_range(at..at + old_line.len(), &format!("version = \"{after}\""));
    Some(GeneratedFile {
        path: "Cargo.toml",
        contents,
    })
}
