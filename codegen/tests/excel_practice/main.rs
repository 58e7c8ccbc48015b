//! Workbooks as people leave them in Excel: hidden sheets, rows and columns, struck-through
//! text (見え消し), filters, headers repeated for printing, two-row headers, footnotes laid
//! out by hand, identifiers typed full-width. Each is read as a person sees it in Excel,
//! or refused with the cell and what was expected; what was not read is reported. One
//! module per practice; the helpers they share are here.

#[path = "../support/mod.rs"]
mod support;

mod footnotes;
mod formats;
mod headers;
mod hidden;
mod identifiers;
mod rust_literals;
mod struck;

use codegen::{read_workbook, Workbook};
use oqs_messages_table::{ListedId, MessageIdValue, Table};
use support::{
    assert_one_problem, code_numbers, read_one as read, read_sheets, refused, Cell, SheetSpec,
    SheetVisibility,
};

fn notices(reading: &Workbook) -> Vec<String> {
    reading.notices.iter().map(|n| n.to_string()).collect()
}

fn assert_notice(reading: &Workbook, place: &str, needle: &str) {
    let notices = notices(reading);
    assert!(
        notices
            .iter()
            .any(|n| n.starts_with(&format!("{place}: ")) && n.contains(needle)),
        "expected a notice at {place} containing {needle:?}, got {notices:#?}"
    );
}

/// The table the valid sheet gives, read from a plain workbook.
fn valid_table() -> Table {
    read(&SheetSpec::valid("1.25")).table
}

fn ids(table: &Table) -> Vec<u32> {
    let mut ids: Vec<u32> = table
        .codes
        .iter()
        .flat_map(|c| &c.rows)
        .flat_map(|r| &r.message_ids)
        .filter_map(|spec| match spec {
            ListedId::Exact(MessageIdValue(value)) => Some(*value),
            ListedId::Range { .. } => None,
        })
        .collect();
    ids.sort_unstable();
    ids
}

/// A copy of the valid table with other contacts and an extra ID: a working copy.
fn working_copy(name: &str, version: &str) -> SheetSpec {
    let mut copy = SheetSpec::valid(version);
    copy.name = name.to_owned();
    copy.set("H3", Some("作業中の問合せ先"));
    copy.set("E4", Some("0x03000002\n0x0300000F"));
    copy
}
