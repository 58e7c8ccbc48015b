//! `table.json`: the table for other languages.

use oqs_messages_table::{History, Table};
use serde::Serialize;

use super::COMMAND;

#[derive(Serialize)]
struct JsonExport<'a> {
    generated_by: String,
    source: &'a str,
    #[serde(flatten)]
    table: &'a Table,
    history: &'a History,
}

/// The JSON export: a header object naming the command and the source, then the table,
/// then its history over the versions of `spec/`.
pub fn json(table: &Table, history: &History, source: &str) -> String {
    let export = JsonExport {
        generated_by: format!("{COMMAND} (table version {}); do not edit", table.version),
        source,
        table,
        history,
    };
    let mut text = serde_json::to_string_pretty(&export)
        .unwrap_or_else(|err| format!("{{\"error\": \"cannot serialize the table: {err}\"}}"));
    text.push('\n');
    text
}
