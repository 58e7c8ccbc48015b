//! The revision workflow: what changed since the table already in `generated/` (the
//! [`Report`] of [`report`](crate::report), told in Markdown there), the release that calls
//! for (its [`Semver`] verdict, moved in the generated crate's [`manifest`]), and its entry
//! on top of `CHANGES.md` ([`changes`]).

pub mod changes;
pub mod manifest;

use std::path::Path;

pub use crate::report::{Report, Rewording, Semver};

use crate::render::{package_docs, GeneratedFile};
use crate::workbook::Workbook;

/// The version of every package this run writes into `out` (the Rust crate, npm, NuGet,
/// Maven): the crate's version there, moved as the revision report since the table there
/// calls for; the first release's when `out` has no crate manifest.
pub fn release_version(out: &Path, reading: &Workbook) -> String {
    let Some(current) = manifest::crate_version(out) else {
        return crate::render::view::FIRST_RELEASE.to_owned();
    };
    changes::previous_table(out)
        .filter(|old| old != &reading.table)
        .and_then(|old| {
            Report::compare(&old, &reading.table)
                .semver()
                .next_version(&current)
        })
        .unwrap_or(current)
}

/// What a run writes into `out` besides the rendered `files`: when the table is new there,
/// `CHANGES.md` with the revision report on top, and the generated crate's manifest with
/// its version moved as the report says; and always each package's `CHANGES.md`, made of
/// the table's. Returns every file and the report.
pub fn with_revision(
    out: &Path,
    reading: &Workbook,
    mut files: Vec<GeneratedFile>,
) -> (Vec<GeneratedFile>, Option<Report>) {
    let version = reading.table.version.to_string();
    let Some((report, changes)) = changes::changes(out, reading) else {
        if let Ok(table_changes) = std::fs::read_to_string(out.join("CHANGES.md")) {
            files.extend(package_docs::changes(&table_changes, &version));
        }
        return (files, None);
    };
    if let Some(report) = &report {
        files.extend(manifest::moved_manifest(out, report));
    }
    files.extend(package_docs::changes(&changes.contents, &version));
    files.push(changes);
    (files, report)
}
