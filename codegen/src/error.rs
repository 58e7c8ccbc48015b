//! Why a run failed, with every problem listed.

use std::fmt;
use std::path::{Path, PathBuf};

use oqs_messages_table::unseen::escape;
use oqs_messages_table::Version;

use crate::read::Problem;

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
    /// The callers' words in `spec/callers-words.toml` are malformed.
    CallersWords {
        /// The callers' words file.
        file: PathBuf,
        /// Every problem, each with what is expected.
        problems: Vec<String>,
    },
    /// The tuning half of the callers' sentences (`tests/callers/tuning.json`) is malformed.
    CallersSentences {
        /// The tuning half's file.
        file: PathBuf,
        /// Every problem, each with what is expected.
        problems: Vec<String>,
    },
    /// The publishing identity in the workspace `Cargo.toml` is malformed.
    Identity {
        /// The workspace manifest.
        file: PathBuf,
        /// Every problem, each with what is expected.
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
    /// The error for people; a character no one can see, in a path or a quoted text, is
    /// shown escaped (`\u{1B}`) so that a terminal obeys nothing.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&escape(&Unescaped(self).to_string()))
    }
}

/// The error as written, before escaping.
struct Unescaped<'a>(&'a Error);

impl fmt::Display for Unescaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
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
            Error::CallersWords { file, problems } => {
                write!(f, "{}: cannot give the callers' words", file.display())?;
                write_problems(f, problems)
            }
            Error::CallersSentences { file, problems } => {
                write!(f, "{}: cannot give the callers' sentences", file.display())?;
                write_problems(f, problems)
            }
            Error::Identity { file, problems } => {
                write!(f, "{}: cannot give the publishing identity", file.display())?;
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

pub(crate) fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}
