//! `table.json`: the table for other languages.

use oqs_messages_table::Table;
use serde::Serialize;

use super::COMMAND;

#[derive(Serialize)]
struct JsonExport<'a> {
    generated_by: String,
    source: &'a str,
    #[serde(flatten)]
    table: &'a Table,
}

/// The JSON export: a header object naming the command and the source, then the table.
pub fn json(table: &Table, source: &str) -> String {
    let export = JsonExport {
        generated_by: format!("{COMMAND} (table version {}); do not edit", table.version),
        source,
        table,
    };
    let mut text = serde_json::to_string_pretty(&export)
        .unwrap_or_else(|err| format!("{{\"error\": \"cannot serialize the table: {err}\"}}"));
    text.push('\n');
    text
}
