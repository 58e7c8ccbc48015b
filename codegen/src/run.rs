//! The pipeline in a few calls: read every workbook given and render the newest with the
//! history of the others, or compare two workbooks; and what `cargo run -p codegen` reads.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::render::identity::Identity;
use crate::render::names::Names;
use crate::render::GeneratedFile;
use crate::report::Report;
use crate::versions::Versions;
pub use crate::workbook::{read_workbook, read_workbook_bytes};

/// Reads the workbooks (each refused under `strict` if anything was not read as
/// published), and renders the newest with the history of the others, with the variant
/// names in `names_file`, its packages at the version the output folder `out` calls for
/// ([`crate::revision::release_version`]).
pub fn generate(
    inputs: &[PathBuf],
    names_file: &Path,
    strict: bool,
    out: &Path,
) -> Result<(Versions, Vec<GeneratedFile>), Error> {
    let versions = Versions::read(inputs, strict)?;
    let names = Names::load(names_file)?;
    let files = render(&versions, &names, names_file, out)?;
    Ok((versions, files))
}

/// Renders the versions read with names already loaded from `names_file` (the command
/// line keeps them for its housekeeping lines), the packages at the version `out` calls for
/// and with the publishing identity of the workspace `out` is in
/// ([`Identity::of_output`]).
pub fn render(
    versions: &Versions,
    names: &Names,
    names_file: &Path,
    out: &Path,
) -> Result<Vec<GeneratedFile>, Error> {
    let release = crate::revision::release_version(out, versions.newest());
    let identity = Identity::of_output(out)?;
    versions.render_published(names, names_file, &release, &identity)
}

/// The revision report from one workbook to another, with what was not read in the new one.
pub fn diff(old: &Path, new: &Path, strict: bool) -> Result<Report, Error> {
    let read = |path: &Path| {
        let reading = read_workbook(path)?;
        if strict {
            reading.strict()
        } else {
            Ok(reading)
        }
    };
    let (old, new) = (read(old)?, read(new)?);
    let mut report = Report::compare(&old.table, &new.table);
    report.notices = new.notices.iter().map(ToString::to_string).collect();
    Ok(report)
}

/// What `cargo run -p codegen` reads: the one workbook given, or else every workbook of
/// `spec/`.
pub fn default_inputs(input: Option<PathBuf>) -> Result<Vec<PathBuf>, Error> {
    match input {
        Some(input) => Ok(vec![input]),
        None => crate::spec::workbook_files(&crate::spec::workspace_root().join("spec")),
    }
}
