//! A workbook read and checked: the table, where its title stands, and what was not read.

use std::path::{Path, PathBuf};

use oqs_messages_table::Table;

use crate::error::Error;
use crate::read::{Notice, Problem};
use crate::render::names::Names;
use crate::render::{self, GeneratedFile};

/// A workbook read and checked.
#[derive(Debug)]
pub struct Reading {
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

impl Reading {
    /// For `--strict`: the reading only if the reader took everything in the workbook as
    /// published text; otherwise each notice becomes a problem.
    pub fn strict(self) -> Result<Reading, Error> {
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
    /// from `names_file`.
    pub fn render(&self, names: &Names, names_file: &Path) -> Result<Vec<GeneratedFile>, Error> {
        self.check_names(names, names_file)?;
        Ok(render::render(&self.table, &self.file_name(), names))
    }
}
