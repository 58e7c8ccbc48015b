//! Rendering: the table to the files of `generated/`, one file here per output:
//! `table.json` for other languages ([`json`]), `src/table.rs`, the Rust tokens the proc
//! macro reads ([`rust`]), `src/unseen_table.rs`, the characters no one can see
//! ([`unseen`]), and `table.html`, the offline page for help desks ([`html`]).
//!
//! Every output is deterministic: the same table gives the same bytes.

pub mod html;
pub mod json;
pub mod names;
pub mod rust;
pub mod unseen;

use oqs_messages_table::Table;

use names::Names;

/// The command that writes the generated files, named in their headers.
pub const COMMAND: &str = "cargo run -p codegen";

/// A generated file: its path under the output folder and its contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the output folder, with `/` separators.
    pub path: &'static str,
    /// The file's full text.
    pub contents: String,
}

/// Every generated file for a table read from the workbook named `source`, with the
/// variant names (which must cover the table: see [`Names::check_covers`]).
pub fn render(table: &Table, source: &str, names: &Names) -> Vec<GeneratedFile> {
    vec![
        GeneratedFile {
            path: "table.json",
            contents: json::json(table, source),
        },
        GeneratedFile {
            path: "src/table.rs",
            contents: rust::tokens(table, source, names),
        },
        GeneratedFile {
            path: "src/unseen_table.rs",
            contents: unseen::table(&table.version),
        },
        GeneratedFile {
            path: "table.html",
            contents: html::html(table, source),
        },
    ]
}
