//! The generator: reads the ministry's workbook
//! 「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」 with calamine, checks it, and
//! writes the normalized table into `generated/`.
//!
//! `cargo run -p codegen` runs it through the command line in `main.rs`: [`read_workbook`],
//! [`Names::load`], [`Reading::render`], then [`write_files`] or [`stale_files`] for `--check`;
//! `cargo run -p codegen -- diff OLD NEW` prints a [`diff::Report`].
#![deny(missing_docs)]

pub mod diff;
pub mod names;
pub mod ods;
pub mod ooxml;
pub mod page;
pub mod read;
pub mod render;
pub mod workbook;
pub mod xls;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use oqs_messages_table::{Table, Version};

pub use names::Names;
pub use read::{Notice, Problem};
pub use render::GeneratedFile;

/// The curated variant names of the workspace, `spec/names.toml`.
pub fn default_names_file() -> PathBuf {
    workspace_root().join("spec").join("names.toml")
}

/// The workbook of a version in the workspace's `spec/`, by the version its file name
/// carries (`…_1.25版.xlsx`).
pub fn spec_workbook(version: &str) -> Option<PathBuf> {
    let version: Version = version.parse().ok()?;
    fs::read_dir(workspace_root().join("spec"))
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .find(|path| version_in_file_name(path).as_ref() == Some(&version))
}

/// The workspace root, where `spec/` and `generated/` are.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Why a run failed.
#[derive(Debug)]
pub enum Error {
    /// The workbook cannot be read as the table; nothing was written.
    Workbook {
        /// The workbook's path.
        file: PathBuf,
        /// Every problem found, with its cell.
        problems: Vec<Problem>,
    },
    /// No workbook to read.
    NoWorkbook {
        /// The folder searched.
        dir: PathBuf,
    },
    /// Two workbooks in the folder have the same version.
    SameVersion {
        /// The version.
        version: Version,
        /// The two files.
        files: [PathBuf; 2],
    },
    /// The variant names in `spec/names.toml` are malformed or miss an entry the table needs.
    Names {
        /// The names file.
        file: PathBuf,
        /// Every problem, each with what to do.
        problems: Vec<String>,
    },
    /// A file or folder could not be read or written.
    Io {
        /// The path concerned.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Workbook { file, problems } => {
                write!(
                    f,
                    "{}: cannot be read as the card reader message table",
                    file.display()
                )?;
                write_problems(f, problems)
            }
            Error::NoWorkbook { dir } => write!(
                f,
                "{}: no workbook (.xlsx) found; put the ministry's workbook there or pass --input",
                dir.display()
            ),
            Error::SameVersion { version, files } => write!(
                f,
                "{} and {} both hold version {version}; keep one workbook per version",
                files[0].display(),
                files[1].display()
            ),
            Error::Names { file, problems } => {
                write!(f, "{}: cannot give the variant names", file.display())?;
                write_problems(f, problems)
            }
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}

/// Problems listed in an error; the rest are counted.
pub const MAX_LISTED_PROBLEMS: usize = 50;

/// ` (2 problems); nothing was written`, then one indented line a problem, at most
/// [`MAX_LISTED_PROBLEMS`] of them.
fn write_problems(f: &mut fmt::Formatter<'_>, problems: &[impl fmt::Display]) -> fmt::Result {
    let plural = if problems.len() == 1 { "" } else { "s" };
    write!(
        f,
        " ({} problem{plural}); nothing was written",
        problems.len()
    )?;
    for problem in problems.iter().take(MAX_LISTED_PROBLEMS) {
        write!(f, "\n  {problem}")?;
    }
    if problems.len() > MAX_LISTED_PROBLEMS {
        let more = problems.len() - MAX_LISTED_PROBLEMS;
        write!(f, "\n  … and {more} more problems")?;
    }
    Ok(())
}

impl std::error::Error for Error {}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

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

    /// The generated files for this table, with the variant names from `names_file`.
    pub fn render(&self, names: &Names, names_file: &Path) -> Result<Vec<GeneratedFile>, Error> {
        names
            .check_covers(&self.table)
            .map_err(|problems| Error::Names {
                file: names_file.to_path_buf(),
                problems,
            })?;
        Ok(render::render(&self.table, &self.file_name(), names))
    }
}

/// Reads and checks one workbook.
pub fn read_workbook(file: &Path) -> Result<Reading, Error> {
    check_sheets(file, workbook::load(file))
}

/// Reads and checks a workbook held in memory, as if read from a file with this name
/// (for tools that receive workbooks over a network, and for fuzzing).
pub fn read_workbook_bytes(name: &Path, bytes: &[u8]) -> Result<Reading, Error> {
    check_sheets(name, workbook::load_from(std::io::Cursor::new(bytes)))
}

/// Reads the table out of loaded sheets and checks its version against the file name.
fn check_sheets(
    file: &Path,
    sheets: Result<Vec<workbook::Sheet>, workbook::LoadError>,
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

impl From<workbook::LoadError> for Problem {
    fn from(err: workbook::LoadError) -> Problem {
        Problem {
            place: err.sheet,
            message: err.message,
        }
    }
}

/// The version a file name carries, as in `…一覧_1.25版.xlsx`.
pub fn version_in_file_name(file: &Path) -> Option<Version> {
    let stem = file.file_stem()?.to_str()?;
    oqs_messages_table::parse::title_version(stem)
}

/// The newest workbook in a folder, by the version in each workbook's title.
pub fn newest_workbook(dir: &Path) -> Result<PathBuf, Error> {
    let entries = fs::read_dir(dir).map_err(io_error(dir))?;
    let mut found: Vec<(Version, PathBuf)> = Vec::new();
    for entry in entries {
        let path = entry.map_err(io_error(dir))?.path();
        // Other spreadsheet formats too, so that a workbook saved as .xls is refused with
        // what to do rather than passed over.
        let is_workbook = path.extension().is_some_and(|e| {
            ["xlsx", "xlsm", "xls", "xlsb", "ods"]
                .iter()
                .any(|known| e.eq_ignore_ascii_case(known))
        });
        // Excel's lock files (~$name.xlsx) are not workbooks.
        let is_lock = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("~$"));
        if !is_workbook || is_lock {
            continue;
        }
        let sheets = workbook::load(&path).map_err(|err| Error::Workbook {
            file: path.clone(),
            problems: vec![err.into()],
        })?;
        let title = read::read_title_only(&sheets).map_err(|problem| Error::Workbook {
            file: path.clone(),
            problems: vec![problem],
        })?;
        if let Some((_, other)) = found.iter().find(|(v, _)| *v == title.version) {
            return Err(Error::SameVersion {
                version: title.version,
                files: [other.clone(), path],
            });
        }
        found.push((title.version, path));
    }
    found
        .into_iter()
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, path)| path)
        .ok_or_else(|| Error::NoWorkbook {
            dir: dir.to_path_buf(),
        })
}

/// What writing did to one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The file already had these contents.
    Unchanged,
    /// The file was written.
    Written,
}

/// Writes the files under `out`, each through a temporary file renamed into place, and
/// only once every temporary file is written: a failure leaves the old files as they were.
pub fn write_files(out: &Path, files: &[GeneratedFile]) -> Result<Vec<Outcome>, Error> {
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut outcomes = Vec::new();
    let result = (|| {
        for file in files {
            let target = out.join(file.path);
            if fs::read(&target).is_ok_and(|old| old == file.contents.as_bytes()) {
                outcomes.push(Outcome::Unchanged);
                continue;
            }
            let dir = target.parent().unwrap_or(out);
            fs::create_dir_all(dir).map_err(io_error(dir))?;
            let name = target
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let temp = dir.join(format!(".{name}.codegen-tmp"));
            fs::write(&temp, &file.contents).map_err(io_error(&temp))?;
            staged.push((temp, target));
            outcomes.push(Outcome::Written);
        }
        Ok(())
    })();
    if let Err(err) = result {
        for (temp, _) in &staged {
            let _ = fs::remove_file(temp);
        }
        return Err(err);
    }
    for (temp, target) in &staged {
        fs::rename(temp, target).map_err(io_error(target))?;
    }
    Ok(outcomes)
}

/// The generated files whose contents under `out` differ from `files` (or are missing).
pub fn stale_files(out: &Path, files: &[GeneratedFile]) -> Vec<PathBuf> {
    files
        .iter()
        .filter(|file| {
            let path = out.join(file.path);
            fs::read(&path).map_or(true, |old| old != file.contents.as_bytes())
        })
        .map(|file| out.join(file.path))
        .collect()
}

/// The table a previous run wrote into `out` (its `table.json`), if any.
pub fn previous_table(out: &Path) -> Option<Table> {
    let text = fs::read_to_string(out.join("table.json")).ok()?;
    serde_json::from_str(&text).ok()
}

/// What a run writes into `out` besides the rendered `files` when the table is new there:
/// `CHANGES.md` with the revision report on top, and the generated crate's manifest with
/// its version moved as the report says. Returns every file and the report.
pub fn with_revision(
    out: &Path,
    reading: &Reading,
    mut files: Vec<GeneratedFile>,
) -> (Vec<GeneratedFile>, Option<diff::Report>) {
    let Some((report, changes)) = changes(out, reading) else {
        return (files, None);
    };
    if let Some(report) = &report {
        files.extend(moved_manifest(out, report));
    }
    files.push(changes);
    (files, report)
}

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
pub fn moved_manifest(out: &Path, report: &diff::Report) -> Option<GeneratedFile> {
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

/// The report of what changed since the table in `out`, and `CHANGES.md` with it on top;
/// `None` when the table is the one already there and `CHANGES.md` exists.
pub fn changes(out: &Path, reading: &Reading) -> Option<(Option<diff::Report>, GeneratedFile)> {
    let path = out.join("CHANGES.md");
    let existing = fs::read_to_string(&path).ok();
    let report = previous_table(out)
        .filter(|old| old != &reading.table)
        .map(|old| {
            let mut report = diff::Report::compare(&old, &reading.table);
            report.notices = reading.notices.iter().map(ToString::to_string).collect();
            report.crate_versions = crate_version(out).and_then(|current| {
                let next = report.semver().next_version(&current)?;
                Some((current, next))
            });
            report
        });
    let entry = match (&report, &existing) {
        (Some(report), _) => report.markdown(2),
        (None, None) => diff::first_entry(&reading.table),
        (None, Some(_)) => return None,
    };
    let contents = diff::changes_with(existing.as_deref(), &entry);
    Some((
        report,
        GeneratedFile {
            path: "CHANGES.md",
            contents,
        },
    ))
}

/// The one-screen summary printed after a run, then every notice.
pub fn summary(reading: &Reading) -> String {
    let stats = reading.table.stats();
    let mut out = format!(
        "workbook     {}\n\
         title        {} ({})\n\
         version      {}\n\
         codes        {}\n\
         rows         {} ({} without a message ID)\n\
         message IDs  {} distinct exact IDs, {} range{}\n\
         footnotes    {}",
        reading.file.display(),
        reading.table.title,
        reading.title_cell,
        reading.table.version,
        stats.codes,
        stats.rows,
        stats.rows_without_id,
        stats.message_ids,
        stats.ranges,
        if stats.ranges == 1 { "" } else { "s" },
        stats.footnotes,
    );
    if reading.notices.is_empty() {
        out.push_str("\nnot read     nothing: every cell was read as published");
    } else {
        out.push_str(&format!(
            "\nnot read     {} place{} (hidden, struck through, repeated or folded; --strict refuses them):",
            reading.notices.len(),
            if reading.notices.len() == 1 { "" } else { "s" }
        ));
        for notice in &reading.notices {
            out.push_str(&format!("\n  {notice}"));
        }
    }
    out
}
