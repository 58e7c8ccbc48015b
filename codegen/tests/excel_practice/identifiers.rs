//! Identifiers typed full-width, dates, and what a refusal or a strict run says.

use super::*;

// --- Identifiers and what a refusal says ----------------------------------------------------

#[test]
fn full_width_codes_and_ids_are_folded_and_reported() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("A3", Some("００１"));
    spec.set("E4", Some("０ｘ０３０００００２"));
    let reading = read(&spec);
    assert_eq!(reading.table, valid_table());
    assert_notice(&reading, "一覧!A3", "read as \"001\"");
    assert_notice(&reading, "一覧!E4", "read as \"0x03000002\"");
}

#[test]
fn a_date_is_named_as_the_date_shown() {
    let mut spec = SheetSpec::valid("1.25");
    spec.put(2, 4, Some(Cell::Number(45748.0, "yyyy/m/d")));
    let problems = refused(&[spec]);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("一覧!E3:") && p.contains("a date (2025/4/1)")),
        "{problems:#?}"
    );
}

#[test]
fn a_clean_workbook_has_no_notices() {
    let reading = read(&SheetSpec::valid("1.25"));
    assert!(reading.notices.is_empty());
    assert!(codegen::summary(&reading).contains("not read     nothing"));
}

#[test]
fn strict_refuses_what_was_not_read() {
    let mut spec = SheetSpec::valid("1.25");
    spec.hidden_rows.push(6);
    let reading = read(&spec);
    let err = reading.strict().unwrap_err().to_string();
    assert!(
        err.contains("一覧!A7:H7: the row is hidden: not read") && err.contains("--strict"),
        "{err}"
    );
}
