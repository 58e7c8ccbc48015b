//! Struck-through text (見え消し): words, lines, rows and codes struck out are not
//! published, and dropped; a struck cell in a live row is refused, naming it.

use super::*;

// --- Struck-through text (見え消し) ---------------------------------------------------

#[test]
fn a_struck_old_id_above_the_new_one_is_dropped() {
    let mut spec = SheetSpec::valid("1.25");
    spec.rich("E3", &[(true, "0x03000009\n"), (false, "0x03000001")]);
    let reading = read(&spec);
    assert_eq!(reading.table, valid_table());
    assert_notice(&reading, "一覧!E3", "\"0x03000009\" taken out");
}

#[test]
fn struck_words_inside_a_cause_are_dropped() {
    let mut spec = SheetSpec::valid("1.25");
    spec.rich(
        "F3",
        &[
            (false, "・カードの"),
            (true, "読取り"),
            (false, "アクセスが正常に行えない"),
        ],
    );
    let reading = read(&spec);
    assert_eq!(
        reading.table.codes[0].rows[0].cause,
        "・カードのアクセスが正常に行えない"
    );
    assert_notice(&reading, "一覧!F3", "\"読取り\" taken out");
}

#[test]
fn a_struck_line_goes_with_its_line_break() {
    let mut spec = SheetSpec::valid("1.25");
    spec.rich("G4", &[(true, "・古い対処\n"), (false, "・カードを置く")]);
    let reading = read(&spec);
    assert_eq!(reading.table.codes[0].rows[1].remedy, "・カードを置く");
}

#[test]
fn a_row_struck_through_is_dropped() {
    // 001's second row withdrawn: its own cells struck through; the code, category,
    // message and contact merged over both rows stay.
    let mut spec = SheetSpec::valid("1.25");
    for cell in ["D4", "E4", "F4", "G4"] {
        spec.strike(cell);
    }
    let reading = read(&spec);
    let expected = {
        let mut table = valid_table();
        table.codes[0].rows.remove(1);
        table
    };
    assert_eq!(reading.table, expected);
    assert!(!ids(&reading.table).contains(&0x0300_0002));
    assert_notice(&reading, "一覧!A4:H4", "the row is struck through");
    assert_notice(&reading, "一覧!E4", "\"0x03000002\" not read");
}

#[test]
fn the_struck_first_row_of_a_code_keeps_the_code_for_its_other_rows() {
    let mut spec = SheetSpec::valid("1.25");
    for cell in ["D3", "E3", "F3", "G3"] {
        spec.strike(cell);
    }
    let reading = read(&spec);
    let code = &reading.table.codes[0];
    assert_eq!(code.number.to_string(), "001");
    assert_eq!(code.rows.len(), 1);
    assert_eq!(code.rows[0].kind, "カードが見つからない");
}

#[test]
fn a_code_struck_through_is_withdrawn() {
    let mut spec = SheetSpec::valid("1.25");
    for cell in ["A9", "B9", "C9", "D9", "E9", "F9", "G9", "H9"] {
        spec.strike(cell);
    }
    let reading = read(&spec);
    assert_eq!(code_numbers(&reading.table), ["001", "901", "900"]);
}

#[test]
fn a_struck_last_row_of_the_sheet_is_reported_as_a_row() {
    // No footnote: 101 (row 9), struck through, is the sheet's last row.
    let mut spec = SheetSpec::valid("1.25");
    spec.set("G3", Some("・カードを正しく置く"));
    spec.set("A11", None);
    spec.merges.retain(|m| m.0 != 10);
    for cell in ["A9", "B9", "C9", "D9", "E9", "F9", "G9", "H9"] {
        spec.strike(cell);
    }
    let reading = read(&spec);
    assert_eq!(reading.table.codes.len(), 3);
    assert_notice(
        &reading,
        "一覧!A9:H9",
        "the row is struck through (見え消し): not read",
    );
}

#[test]
fn a_struck_line_across_the_table_is_a_struck_row() {
    // A note across the table's width (merged A6:H6), struck through, between 901's rows
    // would be; here between 001 and 901.
    let mut spec = SheetSpec::valid("1.25");
    spec.insert_rows(4, 1);
    spec.set("A5", Some("※以下のコードは次の版で見直す"));
    spec.merges.push((4, 0, 4, 7));
    spec.strike("A5");
    let reading = read(&spec);
    assert_eq!(reading.table, valid_table());
    assert_notice(
        &reading,
        "一覧!A5:H5",
        "the row is struck through (見え消し): not read",
    );
}

#[test]
fn a_struck_cell_in_a_live_row_is_refused_naming_it() {
    let mut spec = SheetSpec::valid("1.25");
    spec.strike("F7");
    let problems = refused(&[spec]);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("一覧!F7: expected the cause, found an empty cell")
            && problems[0].contains("\"サーバ内エラー\", is struck through"),
        "{problems:#?}"
    );
}

#[test]
fn a_struck_code_over_live_rows_is_refused_not_given_to_the_code_above() {
    let mut spec = SheetSpec::valid("1.25");
    spec.strike("A5");
    let problems = refused(&[spec]);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with(
            "一覧!A5: the code \"901\" is struck through (見え消し) but its row is not"
        ),
        "{problems:#?}"
    );
}
