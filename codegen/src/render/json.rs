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

#[derive(Serialize)]
struct OlderExport<'a> {
    generated_by: String,
    tables: Vec<OlderTable<'a>>,
}

#[derive(Serialize)]
struct OlderTable<'a> {
    source: &'a str,
    #[serde(flatten)]
    table: &'a Table,
}

/// `older-tables.json`: every older version of `spec/`, oldest first, each with its
/// workbook's file name, as the model's serde writes a table; what `explain --table
/// VERSION` answers from, built into it (no workbook reader at run time).
pub fn older(newest: &Table, older: &[(&Table, String)]) -> String {
    let export = OlderExport {
        generated_by: format!("{COMMAND} (table version {}); do not edit", newest.version),
        tables: older
            .iter()
            .map(|(table, source)| OlderTable { source, table })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&export)
        .unwrap_or_else(|err| format!("{{\"error\": \"cannot serialize the tables: {err}\"}}"));
    text.push('\n');
    text
}
