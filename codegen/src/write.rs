//! Writing the generated files, all or nothing, and telling which checked-in files are stale.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{io_error, Error};
use crate::render::GeneratedFile;

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
