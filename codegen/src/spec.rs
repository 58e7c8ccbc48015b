//! The workspace's `spec/`: the workbooks, one per version, and the variant names.

use std::fs;
use std::path::{Path, PathBuf};

use oqs_messages_table::Version;

use crate::error::{io_error, Error};
use crate::{load, read};

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

/// The version a file name carries, as in `…一覧_1.25版.xlsx`.
pub fn version_in_file_name(file: &Path) -> Option<Version> {
    let stem = file.file_stem()?.to_str()?;
    oqs_messages_table::parse::title_version(stem)
}

/// Every workbook file in a folder, by file name: spreadsheets of any format Excel saves
/// (so that a workbook saved as `.xls` is refused with what to do rather than passed
/// over), but not Excel's lock files (`~$name.xlsx`).
pub fn workbook_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_error(dir))? {
        let path = entry.map_err(io_error(dir))?.path();
        let is_workbook = path.extension().is_some_and(|e| {
            ["xlsx", "xlsm", "xls", "xlsb", "ods"]
                .iter()
                .any(|known| e.eq_ignore_ascii_case(known))
        });
        let is_lock = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("~$"));
        if is_workbook && !is_lock {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Error::NoWorkbook {
            dir: dir.to_path_buf(),
        });
    }
    Ok(files)
}

/// The newest workbook in a folder, by the version in each workbook's title.
pub fn newest_workbook(dir: &Path) -> Result<PathBuf, Error> {
    let mut found: Vec<(Version, PathBuf)> = Vec::new();
    for path in workbook_files(dir)? {
        let sheets = load::load(&path).map_err(|err| Error::Workbook {
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
