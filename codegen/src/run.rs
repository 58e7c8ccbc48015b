//! The pipeline: load a workbook, read the table out of it, check its version against the
//! file name; then render the files or compare two tables.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::history::Report;
use crate::load::{self, Sheet};
use crate::read::{self, Problem};
use crate::reading::Reading;
use crate::render::names::Names;
use crate::render::GeneratedFile;
use crate::spec::version_in_file_name;
use crate::versions::Versions;

/// Reads and checks one workbook.
pub fn read_workbook(file: &Path) -> Result<Reading, Error> {
    check_sheets(file, load::load(file))
}

/// Reads and checks a workbook held in memory, as if read from a file with this name
/// (for tools that receive workbooks over a network, and for fuzzing).
pub fn read_workbook_bytes(name: &Path, bytes: &[u8]) -> Result<Reading, Error> {
    check_sheets(name, load::load_from(std::io::Cursor::new(bytes)))
}

/// Reads the table out of loaded sheets and checks its version against the file name.
fn check_sheets(
    file: &Path,
    sheets: Result<Vec<Sheet>, load::LoadError>,
) -> Result<Reading, Error> {
    let fail = |problems: Vec<Problem>| Error::Workbook {
        file: file.to_path_buf(),
        problems,
    };
    let sheets = sheets.map_err(|err| fail(vec![err.into()]))?;
    let read::TableRead {
        table,
        title,
        notices,
    } = read::read_table(&sheets).map_err(fail)?;
    if let Some(named) = version_in_file_name(file) {
        if named != table.version {
            return Err(fail(vec![Problem {
                place: Some(title.cell),
                message: format!(
                    "the title says version {}, but the file name says {named}; expected the same version in both",
                    table.version
                ),
            }]));
        }
    }
    Ok(Reading {
        file: file.to_path_buf(),
        table,
        title_cell: title.cell,
        notices,
    })
}

/// Reads the workbooks (each refused under `strict` if anything was not read as
/// published), and renders the newest with the history of the others, with the variant
/// names in `names_file`.
pub fn generate(
    inputs: &[PathBuf],
    names_file: &Path,
    strict: bool,
) -> Result<(Versions, Vec<GeneratedFile>), Error> {
    let versions = Versions::read(inputs, strict)?;
    let names = Names::load(names_file)?;
    let files = versions.render(&names, names_file)?;
    Ok((versions, files))
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
