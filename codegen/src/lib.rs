//! The generator: reads the ministry's workbook
//! 「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」 with calamine, checks it, and
//! writes the normalized table into `generated/`.
//!
//! The pipeline, one folder a step, data flowing one way:
//!
//! 1. [`load`]: a workbook's bytes to sheets as a person sees them in Excel (`.xlsx`,
//!    `.xls`, `.ods`);
//! 2. [`read`]: the sheets to the [`Table`](oqs_messages_table::Table), with every
//!    [`Problem`] at its cell and every [`Notice`] of what was not read as published;
//! 3. [`history`]: every version of `spec/` beside the newest: since when each entry is
//!    listed, what was withdrawn or added, what each revision changed;
//! 4. [`render`]: the table and its history to the files of `generated/`, one file per
//!    output;
//! 5. [`revision`]: what changed since the table already there, the crate's version and
//!    `CHANGES.md`.
//!
//! [`run`] puts them together ([`read_workbook`], [`generate`], [`diff`](run::diff)),
//! [`write`](mod@write) writes the files or finds the stale ones for `--check`, and `main.rs` is the
//! command line.
#![deny(missing_docs)]

pub mod engine;
pub mod error;
pub mod history;
pub mod load;
pub mod read;
pub mod render;
pub mod report;
pub mod revision;
pub mod run;
pub mod spec;
pub mod summary;
pub mod versions;
pub mod workbook;
pub mod write;

pub use error::{Error, MAX_LISTED_PROBLEMS};
pub use read::{Notice, Problem};
pub use render::names::Names;
pub use render::GeneratedFile;
pub use revision::{with_revision, Report, Semver};
pub use run::{generate, read_workbook, read_workbook_bytes};
pub use spec::{
    default_names_file, newest_workbook, spec_workbook, version_in_file_name, workbook_files,
    workspace_root,
};
pub use summary::summary;
pub use versions::Versions;
pub use workbook::Workbook;
pub use write::{stale_files, write_files, Outcome};
