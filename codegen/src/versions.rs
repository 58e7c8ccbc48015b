//! Every workbook of `spec/` read: the newest makes the typed table, the older ones its
//! history.

use std::path::{Path, PathBuf};

use oqs_messages_table::{History, Table};

use crate::error::Error;
use crate::history;
use crate::render::identity::Identity;
use crate::render::names::Names;
use crate::render::{self, GeneratedFile};
use crate::report::Report;
use crate::workbook::{read_workbook, Workbook};

/// The workbooks read, oldest first; the last is the newest.
#[derive(Debug)]
pub struct Versions {
    readings: Vec<Workbook>,
    /// The newest table's history, made once from all of them.
    history: History,
}

impl Versions {
    /// Reads every workbook (each refused as alone, naming its file; under `strict`, each
    /// refused for anything not read as published) and orders them by the version in
    /// their titles. Two workbooks of one version are refused.
    pub fn read(files: &[PathBuf], strict: bool) -> Result<Versions, Error> {
        let mut readings: Vec<Workbook> = Vec::with_capacity(files.len());
        for file in files {
            let reading = read_workbook(file)?;
            let reading = if strict { reading.strict()? } else { reading };
            if let Some(other) = readings
                .iter()
                .find(|r| r.table.version == reading.table.version)
            {
                return Err(Error::SameVersion {
                    version: reading.table.version,
                    files: [other.file.clone(), reading.file],
                });
            }
            readings.push(reading);
        }
        readings.sort_by(|a, b| a.table.version.cmp(&b.table.version));
        if readings.is_empty() {
            return Err(Error::NoWorkbook {
                dir: PathBuf::from("."),
            });
        }
        Ok(Versions::of(readings))
    }

    fn of(readings: Vec<Workbook>) -> Versions {
        let tables: Vec<&Table> = readings.iter().map(|r| &r.table).collect();
        let history = history::history(&tables);
        Versions { readings, history }
    }

    /// One workbook read alone: no history.
    pub fn alone(reading: Workbook) -> Versions {
        Versions::of(vec![reading])
    }

    /// The newest workbook: the table every output is made of.
    pub fn newest(&self) -> &Workbook {
        self.readings.last().expect("at least one workbook")
    }

    /// Every workbook read, oldest first.
    pub fn readings(&self) -> &[Workbook] {
        &self.readings
    }

    /// Every table, oldest first.
    pub fn tables(&self) -> Vec<&Table> {
        self.readings.iter().map(|r| &r.table).collect()
    }

    /// The newest table's history over every version read.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The revision reports between consecutive versions, newest first.
    pub fn revisions(&self) -> Vec<Report> {
        history::revisions(&self.tables())
    }

    /// The generated files: the newest table, with the history of the others.
    pub fn render(
        &self,
        names: &Names,
        names_file: &Path,
        release: &str,
    ) -> Result<Vec<GeneratedFile>, Error> {
        self.render_published(names, names_file, release, &Identity::default())
    }

    /// [`Versions::render`], the packages' manifests filled from the publishing identity.
    pub fn render_published(
        &self,
        names: &Names,
        names_file: &Path,
        release: &str,
        identity: &Identity,
    ) -> Result<Vec<GeneratedFile>, Error> {
        let newest = self.newest();
        newest.check_names(names, names_file)?;
        let mut files = render::render_published(
            &newest.table,
            &self.history,
            &self.revisions(),
            &newest.file_name(),
            names,
            release,
            identity,
        );
        let older: Vec<(&Table, String)> = self.readings[..self.readings.len() - 1]
            .iter()
            .map(|r| (&r.table, r.file_name()))
            .collect();
        files.push(GeneratedFile {
            path: render::OLDER_TABLES,
            contents: render::json::older(&newest.table, &older),
        });
        Ok(files)
    }
}
