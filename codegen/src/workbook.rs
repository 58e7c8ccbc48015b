//! A workbook read and checked (load, read, its version checked against the file name): the
//! table, where its title stands, and what was not read.

use std::path::{Path, PathBuf};

use oqs_messages_table::Table;

use crate::error::Error;
use crate::load::{self, Sheet};
use crate::read;
use crate::read::{Notice, Problem};
use crate::render::names::Names;
use crate::render::{self, GeneratedFile};
use crate::spec::version_in_file_name;

/// A workbook read and checked.
#[derive(Debug)]
pub struct Workbook {
    /// The workbook's path.
    pub file: PathBuf,
    /// The table.
    pub table: Table,
    /// Where the title is, e.g. `一覧!A1`.
    pub title_cell: String,
    /// What the reader did not take as published text: hidden sheets, rows and columns,
    /// struck-through text, identifiers typed full-width, headers repeated for printing.
    pub notices: Vec<Notice>,
}

impl Workbook {
    /// For `--strict`: the reading only if the reader took everything in the workbook as
    /// published text; otherwise each notice becomes a problem.
    pub fn strict(self) -> Result<Workbook, Error> {
        if self.notices.is_empty() {
            return Ok(self);
        }
        Err(Error::Workbook {
            file: self.file,
            problems: self
                .notices
                .into_iter()
                .map(|notice| Problem {
                    place: Some(notice.place),
                    message: format!("{} (refused under --strict)", notice.message),
                })
                .collect(),
        })
    }

    /// The workbook's file name, as generated files name their source.
    pub fn file_name(&self) -> String {
        self.file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    }

    /// Whether `names` name every code and range of the table.
    pub fn check_names(&self, names: &Names, names_file: &Path) -> Result<(), Error> {
        names
            .check_covers(&self.table)
            .map_err(|problems| Error::Names {
                file: names_file.to_path_buf(),
                problems,
            })
    }

    /// The generated files for this table read alone (no history), with the variant names
    /// from `names_file` and the packages at version `release`
    /// ([`crate::revision::release_version`]).
    pub fn render(
        &self,
        names: &Names,
        names_file: &Path,
        release: &str,
    ) -> Result<Vec<GeneratedFile>, Error> {
        self.check_names(names, names_file)?;
        Ok(render::render_with_history(
            &self.table,
            &oqs_messages_table::History::single(&self.table),
            &[],
            &self.file_name(),
            names,
            release,
        ))
    }
}

/// Reads and checks one workbook.
pub fn read_workbook(file: &Path) -> Result<Workbook, Error> {
    check_sheets(file, load::load(file))
}

/// Reads and checks a workbook held in memory, as if read from a file with this name
/// (for tools that receive workbooks over a network, and for fuzzing).
pub fn read_workbook_bytes(name: &Path, bytes: &[u8]) -> Result<Workbook, Error> {
    check_sheets(name, load::load_from(std::io::Cursor::new(bytes)))
}

/// Reads the table out of loaded sheets and checks its version against the file name.
fn check_sheets(
    file: &Path,
    sheets: Result<Vec<Sheet>, load::LoadError>,
) -> Result<Workbook, Error> {
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
    Ok(Workbook {
        file: file.to_path_buf(),
        table,
        title_cell: title.cell,
        notices,
    })
}
