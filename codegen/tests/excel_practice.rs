//! Workbooks as people leave them in Excel: hidden sheets, rows and columns, struck-through
//! text (見え消し), filters, headers repeated for printing, two-row headers, footnotes laid
//! out by hand, identifiers typed full-width. Each is read as a person sees it in Excel,
//! or refused with the cell and what was expected; what was not read is reported.

mod support;

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

// --- Hidden sheets -------------------------------------------------------------------

#[test]
fn a_hidden_working_copy_before_the_table_is_not_read() {
    let mut hidden = working_copy("作業用", "1.25");
    hidden.visibility = SheetVisibility::Hidden;
    let reading = read_sheets(&[hidden, SheetSpec::valid("1.25")]).unwrap();
    assert_eq!(reading.table, valid_table());
    assert_eq!(reading.title_cell, "一覧!A1");
    assert_notice(&reading, "作業用", "the sheet is hidden: not read");
}

#[test]
fn a_very_hidden_previous_version_is_not_read() {
    let mut old = working_copy("旧版", "1.24");
    old.visibility = SheetVisibility::VeryHidden;
    let dir = tempfile::tempdir().unwrap();
    // No version in the file name: only the sheet can say which version this is.
    let path = support::write(dir.path(), "table.xlsx", &[old, SheetSpec::valid("1.25")]);
    let reading = read_workbook(&path).unwrap();
    assert_eq!(reading.table.version.as_str(), "1.25");
    assert_eq!(reading.table, valid_table());
    assert_notice(&reading, "旧版", "very hidden");
}

#[test]
fn a_table_only_on_a_hidden_sheet_is_refused() {
    let mut hidden = SheetSpec::valid("1.25");
    hidden.visibility = SheetVisibility::Hidden;
    let memo = SheetSpec {
        name: "メモ".to_owned(),
        rows: vec![vec![Some(Cell::Text("メモ".to_owned()))]],
        ..SheetSpec::default()
    };
    let problems = refused(&[hidden, memo]);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("一覧: the only table is on this sheet, which is hidden"),
        "{problems:#?}"
    );
}

#[test]
fn two_visible_sheets_with_the_table_are_refused() {
    let copy = working_copy("コピー", "1.25");
    let problems = refused(&[SheetSpec::valid("1.25"), copy]);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0]
            .starts_with("コピー!A2: a second visible sheet holds the table (the first is 一覧)"),
        "{problems:#?}"
    );
}

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

// --- Hidden rows and columns, filters -------------------------------------------------

#[test]
fn a_hidden_row_is_not_read_and_is_reported() {
    // A withdrawn row kept hidden under 901.
    let mut spec = SheetSpec::valid("1.25");
    spec.hidden_rows.push(6);
    let reading = read(&spec);
    assert_eq!(reading.table.codes[1].rows.len(), 2);
    assert!(!ids(&reading.table).contains(&0x8100_0026));
    assert_notice(&reading, "一覧!A7:H7", "the row is hidden: not read");
}

#[test]
fn a_hidden_first_row_of_a_merged_code_leaves_the_code_on_the_rows_below() {
    let mut spec = SheetSpec::valid("1.25");
    spec.hidden_rows.push(2);
    let reading = read(&spec);
    let code = &reading.table.codes[0];
    assert_eq!(code.number.to_string(), "001");
    assert_eq!(code.rows.len(), 1);
    assert_eq!(code.rows[0].kind, "カードが見つからない");
}

#[test]
fn a_hidden_code_of_one_row_is_not_read() {
    let mut spec = SheetSpec::valid("1.25");
    spec.hidden_rows.push(8);
    let reading = read(&spec);
    assert_eq!(reading.table.codes.len(), 3);
    assert_notice(&reading, "一覧!A9:H9", "hidden");
}

/// Fills sheet row `row` (1-based) from the kind to the contact, leaving its code empty.
fn put_row_without_code(spec: &mut SheetSpec, row: u32, id: &str, remedy: &str) {
    spec.set(&format!("D{row}"), Some("追加の種別"));
    spec.set(&format!("E{row}"), Some(id));
    spec.set(&format!("F{row}"), Some("追加の原因"));
    spec.set(&format!("G{row}"), Some(remedy));
    spec.set(
        &format!("H{row}"),
        Some("オンライン資格確認等コールセンター"),
    );
}

#[test]
fn a_row_without_a_code_under_a_hidden_code_of_one_row_is_refused() {
    // 101 (row 9) hidden, withdrawn; row 10 shows a row with no code of its own: it is not
    // 900's, the code above that shows (were it read into 900, its citation of a footnote
    // the sheet lacks would be a second problem).
    let mut spec = SheetSpec::valid("1.25");
    spec.hidden_rows.push(8);
    put_row_without_code(&mut spec, 10, "0x03000003", "・追加の対処\n・※3");
    assert_one_problem(
        &spec,
        "一覧!A10",
        "this row has no code, and the row above it that holds a code is hidden",
    );
}

#[test]
fn a_row_without_a_code_under_a_hidden_code_of_several_rows_is_refused() {
    // The whole of 901 (rows 5–7, its code merged over them) hidden; the row after it
    // shows no code: not 001's.
    let mut spec = SheetSpec::valid("1.25");
    spec.insert_rows(7, 1);
    put_row_without_code(&mut spec, 8, "0x03000003", "追加の対処");
    spec.hidden_rows.extend([4, 5, 6]);
    assert_one_problem(
        &spec,
        "一覧!A8",
        "this row has no code, and the row above it that holds a code is hidden",
    );
}

#[test]
fn a_row_without_a_code_under_a_hidden_row_of_a_shown_code_continues_it() {
    // 901's last row (row 7) hidden; the row after it, with no code, is 901's: its code
    // shows above.
    let mut spec = SheetSpec::valid("1.25");
    spec.insert_rows(7, 1);
    put_row_without_code(&mut spec, 8, "0x81000027", "追加の対処");
    spec.hidden_rows.push(6);
    let reading = read(&spec);
    let rows: Vec<&str> = reading.table.codes[1]
        .rows
        .iter()
        .map(|r| r.kind.as_str())
        .collect();
    assert_eq!(rows, ["内部エラー", "内部エラー", "追加の種別"]);
    assert_notice(&reading, "一覧!A7:H7", "the row is hidden: not read");
}

#[test]
fn rows_hidden_by_a_filter_are_read() {
    let mut spec = SheetSpec::valid("1.25");
    // Show only the rows whose contact is the call centre: Excel hides the others.
    spec.filter = Some((
        (1, 0, 8, 7),
        7,
        "オンライン資格確認等コールセンター".to_owned(),
    ));
    let dir = tempfile::tempdir().unwrap();
    let path = support::write(dir.path(), "table_1.25版.xlsx", std::slice::from_ref(&spec));
    // Excel (and rust_xlsxwriter) hide the rows the filter does not show.
    let sheets = codegen::load::load(&path).unwrap();
    assert_eq!(
        sheets[0].hidden_rows.iter().copied().collect::<Vec<_>>(),
        [2, 3, 5, 8]
    );
    assert!(sheets[0]
        .hidden_rows
        .iter()
        .all(|&r| sheets[0].is_filtered(r)));
    let reading = read_workbook(&path).unwrap();
    assert_eq!(reading.table, valid_table());
    assert!(reading.notices.is_empty(), "{:#?}", notices(&reading));
}

#[test]
fn a_hidden_old_column_beside_the_visible_one_is_not_read() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("I2", Some("問合せ先"));
    for row in 3..=9 {
        spec.set(&format!("I{row}"), Some("旧コールセンター"));
    }
    spec.hidden_columns.push(8);
    let reading = read(&spec);
    assert_eq!(reading.table, valid_table());
    assert_notice(
        &reading,
        "一覧!I:I",
        "the column is hidden: not read (it holds \"問合せ先\")",
    );
}

#[test]
fn a_title_only_in_a_hidden_column_is_refused() {
    let mut spec = SheetSpec::valid("1.25");
    spec.hidden_columns.push(7);
    let problems = refused(&[spec]);
    assert!(
        problems[0].contains("lacks the visible column 問合せ先"),
        "{problems:#?}"
    );
}

// --- Merged regions --------------------------------------------------------------------

#[test]
fn a_cell_merged_across_two_columns_is_refused_naming_the_region() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("G9", None);
    spec.merges.push((8, 5, 8, 6));
    let problems = refused(&[spec]);
    assert!(
        problems.iter().any(|p| p.starts_with(
            "一覧!F9:G9: one merged cell spans the columns 原因 and 対処(医療機関等ベンダーまたはシステム担当者向け）"
        )),
        "{problems:#?}"
    );
}

// --- Layouts for printing ----------------------------------------------------------------

#[test]
fn title_and_header_repeated_before_each_page_are_skipped() {
    let valid = SheetSpec::valid("1.25");
    let mut spec = valid.clone();
    // A new page before 901 (row 5) and before 101 (row 9).
    for at in [8u32, 4] {
        spec.insert_rows(at, 2);
        for col in 0..8u16 {
            spec.put(at + 1, col, valid.rows[1][col as usize].clone());
        }
        spec.put(at, 0, valid.rows[0][0].clone());
        spec.merges.push((at, 0, at, 7));
        spec.page_breaks.push(at);
    }
    let reading = read(&spec);
    assert_eq!(reading.table, valid_table());
    assert_notice(&reading, "一覧!A5", "the title repeated");
    assert_notice(&reading, "一覧!A6:H6", "the header repeated");
    assert_notice(&reading, "一覧!A12:H12", "the header repeated");
}

#[test]
fn a_header_repeated_inside_a_code_continues_the_code() {
    let valid = SheetSpec::valid("1.25");
    let mut spec = valid.clone();
    // 901's rows 5–7 unmerged, a page break before its third row.
    spec.merges.retain(|m| m.0 != 4);
    spec.insert_rows(6, 1);
    for col in 0..8u16 {
        spec.put(6, col, valid.rows[1][col as usize].clone());
    }
    for (row, col) in [(5, 3), (5, 4)] {
        spec.put(row, col, valid.rows[4][col as usize].clone());
    }
    let reading = read(&spec);
    assert_eq!(reading.table.codes[1].rows.len(), 3);
    assert_eq!(reading.table.codes[1].rows[2].message_ids.len(), 1);
}

#[test]
fn a_two_row_header_with_titles_merged_down() {
    let mut spec = SheetSpec::valid("1.25");
    spec.insert_rows(2, 1);
    for col in 0..8u16 {
        spec.merges.push((1, col, 2, col));
    }
    let reading = read(&spec);
    assert_eq!(reading.table, valid_table());
}

#[test]
fn a_two_row_header_with_the_sub_title_in_its_own_row() {
    let mut spec = SheetSpec::valid("1.25");
    spec.insert_rows(2, 1);
    spec.set("G2", Some("対処"));
    spec.set("G3", Some("(医療機関等ベンダーまたはシステム担当者向け）"));
    for col in [0u16, 1, 2, 3, 4, 5, 7] {
        spec.merges.push((1, col, 2, col));
    }
    let reading = read(&spec);
    assert_eq!(reading.table, valid_table());
}

#[test]
fn a_sub_title_row_under_titles_not_merged_down() {
    for subtitle in [
        "（医療機関等ベンダーまたはシステム担当者向け）",
        "(医療機関等ベンダーまたはシステム担当者向け)",
    ] {
        let mut spec = SheetSpec::valid("1.25");
        spec.insert_rows(2, 1);
        spec.set("G3", Some(subtitle));
        let reading = read(&spec);
        assert_eq!(reading.table, valid_table(), "{subtitle}");
    }
}

#[test]
fn a_header_repeated_with_its_sub_title_row_is_skipped_through_it() {
    let valid = SheetSpec::valid("1.25");
    let mut spec = valid.clone();
    // A new page before 901 (row 5): the header, then its sub-title alone in row 6.
    spec.insert_rows(4, 2);
    for col in 0..8u16 {
        spec.put(4, col, valid.rows[1][col as usize].clone());
    }
    spec.set("G6", Some("（医療機関等ベンダーまたはシステム担当者向け）"));
    let reading = read(&spec);
    assert_eq!(reading.table, valid_table());
    assert_notice(
        &reading,
        "一覧!A5:H5",
        "the header repeated (laid out for printing), through row 6: skipped",
    );
}

#[test]
fn a_parenthesis_left_open_under_the_header_is_no_sub_title() {
    let mut spec = SheetSpec::valid("1.25");
    spec.insert_rows(2, 1);
    spec.set("G3", Some("（医療機関等ベンダー向け"));
    let problems = refused(&[spec]);
    assert!(
        problems[0].starts_with("一覧!A3: this row has content but no code above it"),
        "{problems:#?}"
    );
}

#[test]
fn a_sheet_with_the_header_and_no_rows_is_refused_under_the_header() {
    let mut spec = SheetSpec::valid("1.25");
    spec.rows.truncate(2);
    spec.merges.retain(|m| m.0 < 2);
    let problems = refused(&[spec]);
    assert_eq!(
        problems,
        ["一覧!A3: expected the table's rows under the header, found none"]
    );
}

// --- Footnotes and what closes the document ---------------------------------------------

#[test]
fn footnote_markers_in_a_cell_of_their_own() {
    let mut spec = SheetSpec::valid("1.25");
    spec.merges.retain(|m| m.0 != 10);
    spec.set("A11", Some("※１"));
    spec.set(
        "B11",
        Some("改善されない場合はコールセンターに問合せする。"),
    );
    spec.merges.push((10, 1, 10, 7));
    let reading = read(&spec);
    assert_eq!(reading.table, valid_table());
}

#[test]
fn a_footnote_over_several_rows_and_a_closing_以上() {
    let mut spec = SheetSpec::valid("1.25");
    spec.merges.retain(|m| m.0 != 10);
    spec.set("A11", Some("※１"));
    spec.set("B11", Some("改善されない場合は"));
    spec.set("B12", Some("コールセンターに問合せする。"));
    spec.set("A13", Some("※２ 二つ目の注記。"));
    spec.set("H15", Some("以上"));
    let reading = read(&spec);
    assert_eq!(
        reading.table.footnotes[0].text,
        "改善されない場合は\nコールセンターに問合せする。"
    );
    assert_eq!(reading.table.footnotes[1].text, "二つ目の注記。");
}

#[test]
fn 以上_right_under_the_table_closes_it() {
    // No footnote: 以上 alone in row 10, under 101.
    let mut spec = SheetSpec::valid("1.25");
    spec.set("G3", Some("・カードを正しく置く"));
    spec.set("A11", None);
    spec.merges.retain(|m| m.0 != 10);
    spec.set("H10", Some("以上"));
    let reading = read(&spec);
    assert_eq!(reading.table.codes.len(), 4);
    assert_eq!(reading.table.codes[3].rows.len(), 1);
    assert!(reading.table.footnotes.is_empty());
}

#[test]
fn a_footnote_under_a_code_cell_merged_down_over_it_ends_the_table() {
    // 101's code cell merged down over row 10, where the footnote stands from column B.
    let mut spec = SheetSpec::valid("1.25");
    spec.merges.retain(|m| m.0 != 10);
    spec.set("A11", None);
    spec.set(
        "B10",
        Some("※１\u{3000}改善されない場合はコールセンターに問合せする。"),
    );
    spec.merges.push((9, 1, 9, 7));
    spec.merges.push((8, 0, 9, 0));
    let reading = read(&spec);
    assert_eq!(reading.table, valid_table());
}

#[test]
fn a_row_whose_first_text_looks_like_a_footnote_but_has_a_code_is_a_row() {
    // A column of remarks left of the table: row 9's remark begins with a footnote
    // marker, but its code cell holds 101.
    let valid = SheetSpec::valid("1.25");
    let mut spec = valid.clone();
    for row in &mut spec.rows {
        row.insert(0, None);
    }
    for m in &mut spec.merges {
        *m = (m.0, m.1 + 1, m.2, m.3 + 1);
    }
    spec.set("A2", Some("備考"));
    spec.set("A9", Some("※２ 次の版で見直す"));
    let reading = read(&spec);
    assert_eq!(code_numbers(&reading.table), ["001", "901", "900", "101"]);
    assert_eq!(reading.table.footnotes.len(), 1);
}

#[test]
fn text_after_以上_is_refused() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("A12", Some("以上"));
    spec.set("A13", Some("追記"));
    let problems = refused(&[spec]);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with("一覧!A13: expected nothing after 以上"),
        "{problems:#?}"
    );
}

#[test]
fn rows_that_hold_only_blanks_between_blocks() {
    let mut spec = SheetSpec::valid("1.25");
    spec.insert_rows(4, 1);
    spec.set("A5", Some("\u{3000}"));
    spec.set("D5", Some("  "));
    spec.set("A14", Some("\u{3000}\u{3000}"));
    let reading = read(&spec);
    assert_eq!(reading.table, valid_table());
}

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

// --- Other formats: the same workbooks saved as .xls and .ods by LibreOffice -----------------

/// The valid table with a hidden working copy before it, an old ID struck through above
/// the new one, 001's second row struck out, 901's third row hidden, and a hidden old
/// contact column.
fn practice_sheets() -> Vec<SheetSpec> {
    let mut hidden = working_copy("作業用", "1.25");
    hidden.visibility = SheetVisibility::Hidden;
    let mut spec = SheetSpec::valid("1.25");
    spec.rich("E3", &[(true, "0x03000009\n"), (false, "0x03000001")]);
    for cell in ["D4", "E4", "F4", "G4"] {
        spec.strike(cell);
    }
    spec.hidden_rows.push(6);
    spec.set("I2", Some("問合せ先"));
    for row in 3..=9 {
        spec.set(&format!("I{row}"), Some("旧コールセンター"));
    }
    spec.hidden_columns.push(8);
    vec![hidden, spec]
}

/// The valid table filtered to the rows of one contact.
fn filtered_sheets() -> Vec<SheetSpec> {
    let mut spec = SheetSpec::valid("1.25");
    spec.filter = Some((
        (1, 0, 8, 7),
        7,
        "オンライン資格確認等コールセンター".to_owned(),
    ));
    vec![spec]
}

/// What a person sees in the practice workbook.
fn practice_table() -> Table {
    let mut table = valid_table();
    table.codes[0].rows.remove(1);
    table.codes[1].rows.remove(2);
    table
}

#[test]
fn the_practice_workbook_reads_as_excel_shows_it() {
    let reading = read_sheets(&practice_sheets()).unwrap();
    assert_eq!(reading.table, practice_table());
    assert_eq!(notices(&reading).len(), 9, "{:#?}", notices(&reading));
}

/// The committed `.xls` and `.ods` copies (`scripts/convert-test-workbooks.sh`).
fn converted(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/formats")
        .join(name)
}

#[test]
fn the_real_workbook_saved_as_xls_and_ods_reads_the_same_table() {
    let real = read_workbook(&support::real_workbook()).unwrap();
    for name in ["real_1.25版.xls", "real_1.25版.ods"] {
        let reading = read_workbook(&converted(name)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(reading.table, real.table, "{name}");
        assert!(
            reading.notices.is_empty(),
            "{name}: {:#?}",
            notices(&reading)
        );
    }
}

#[test]
fn the_practice_workbook_saved_as_xls_and_ods_reads_as_excel_shows_it() {
    // Also written back to .xlsx by LibreOffice: another writer's styles and rich text.
    let xlsx = read_sheets(&practice_sheets()).unwrap();
    for name in [
        "practice_1.25版.xls",
        "practice_1.25版.ods",
        "practice_lo_1.25版.xlsx",
    ] {
        let reading = read_workbook(&converted(name)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(reading.table, practice_table(), "{name}");
        let places = |r: &Workbook| {
            r.notices
                .iter()
                .map(|n| n.place.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(places(&reading), places(&xlsx), "{name}");
    }
}

#[test]
fn a_filtered_workbook_saved_as_xls_and_ods_reads_every_row() {
    // The .xls keeps the rows the filter hides as hidden rows, within the filter's range.
    let sheets = codegen::load::load(&converted("filtered_1.25版.xls")).unwrap();
    assert_eq!(sheets[0].hidden_rows.len(), 4);
    assert!(sheets[0]
        .hidden_rows
        .iter()
        .all(|&r| sheets[0].is_filtered(r)));
    for name in ["filtered_1.25版.xls", "filtered_1.25版.ods"] {
        let reading = read_workbook(&converted(name)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(reading.table, valid_table(), "{name}");
        assert!(
            reading.notices.is_empty(),
            "{name}: {:#?}",
            notices(&reading)
        );
    }
}

/// Writes the `.xlsx` sources of the committed conversions into `$OUT`; run by
/// `scripts/convert-test-workbooks.sh`.
#[test]
#[ignore = "writes the sources of tests/formats; run by scripts/convert-test-workbooks.sh"]
fn write_conversion_sources() {
    let out = std::path::PathBuf::from(std::env::var("OUT").expect("OUT: where to write"));
    support::write(&out, "practice_1.25版.xlsx", &practice_sheets());
    support::write(&out, "filtered_1.25版.xlsx", &filtered_sheets());
}

// --- Cells edited in the XML: what rust_xlsxwriter does not write -----------------------------

/// The real workbook with one cell of its sheet replaced.
fn real_with_cell(dir: &std::path::Path, cell: &str, replacement: &str) -> std::path::PathBuf {
    let mut sheet = String::new();
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(support::real_workbook()).unwrap()).unwrap();
    std::io::Read::read_to_string(
        &mut archive.by_name(support::archives::SHEET).unwrap(),
        &mut sheet,
    )
    .unwrap();
    let start = sheet.find(&format!("<c r=\"{cell}\"")).unwrap();
    let end = start + sheet[start..].find("</c>").unwrap() + "</c>".len();
    sheet.replace_range(start..end, replacement);
    support::archives::with_part(dir, "edited_1.25版.xlsx", support::archives::SHEET, |out| {
        out.write_all(sheet.as_bytes()).unwrap()
    })
}

use std::io::Write as _;

#[test]
fn a_formula_without_a_stored_value_is_named_as_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let path = real_with_cell(
        dir.path(),
        "E3",
        r#"<c r="E3" s="3"><f>"0x0300000"&amp;"1"</f></c>"#,
    );
    let err = read_workbook(&path).unwrap_err().to_string();
    assert!(
        err.contains("一覧!E3: expected the message IDs (or - for none) as text, found a formula (=\"0x0300000\"&\"1\") with no stored value"),
        "{err}"
    );
}

#[test]
fn struck_runs_in_an_inline_string_are_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = real_with_cell(
        dir.path(),
        "E3",
        r#"<c r="E3" s="3" t="inlineStr"><is><r><rPr><strike/></rPr><t>0x03000009</t></r><r><t xml:space="preserve">&#10;0x03000001</t></r></is></c>"#,
    );
    let reading = read_workbook(&path).unwrap_or_else(|e| panic!("{e}"));
    let real = read_workbook(&support::real_workbook()).unwrap();
    assert_eq!(reading.table.codes, real.table.codes);
    assert_notice(&reading, "一覧!E3", "\"0x03000009\" taken out");
}

#[test]
fn other_formats_are_named_and_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    // An Excel binary workbook: a zip with xl/workbook.bin.
    let xlsb = dir.path().join("table_1.25版.xlsb");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&xlsb).unwrap());
    zip.start_file("xl/workbook.bin", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"\0\0").unwrap();
    zip.finish().unwrap();
    let err = read_workbook(&xlsb).unwrap_err().to_string();
    assert!(
        err.contains("the file is an Excel binary workbook (.xlsb)")
            && err.contains("save it as Excel Workbook (.xlsx)"),
        "{err}"
    );
    // A workbook saved with a password: a compound file holding an EncryptedPackage.
    let encrypted = dir.path().join("locked_1.25版.xlsx");
    let mut file = cfb::create(&encrypted).unwrap();
    file.create_stream("/EncryptedPackage")
        .unwrap()
        .write_all(b"secret")
        .unwrap();
    file.flush().unwrap();
    drop(file);
    let err = read_workbook(&encrypted).unwrap_err().to_string();
    assert!(
        err.contains("encrypted (password-protected) workbook")
            && err.contains("remove the password"),
        "{err}"
    );
}

// --- Texts that would not compile as Rust literals -------------------------------------------

#[test]
fn bidirectional_controls_are_kept_reported_and_escaped_in_the_generated_rust() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set(
        "F3",
        Some("・カードの\u{202E}アクセス\u{202C}が正常に行えない\u{2066}"),
    );
    let reading = read(&spec);
    assert_eq!(
        reading.table.codes[0].rows[0].cause,
        "・カードの\u{202E}アクセス\u{202C}が正常に行えない\u{2066}"
    );
    assert_notice(&reading, "一覧!F3", "U+202E, U+202C, U+2066");
    let names_file = std::path::Path::new(support::FIXTURE_NAMES);
    let names = codegen::Names::load(names_file).unwrap();
    let files = reading
        .render(&names, names_file, codegen::render::view::FIRST_RELEASE)
        .unwrap();
    let json = &files
        .iter()
        .find(|f| f.path == "table.json")
        .unwrap()
        .contents;
    assert!(
        json.contains('\u{202E}'),
        "table.json keeps the text as published"
    );
    let rust = &files
        .iter()
        .find(|f| f.path == "src/table.rs")
        .unwrap()
        .contents;
    assert!(!rust
        .chars()
        .any(|c| oqs_messages_table::unseen::unseen(c).is_some()));
    let literal = codegen::render::rust::literal(&reading.table.codes[0].rows[0].cause);
    assert!(rust.contains(&literal));
    // rustc accepts the literal and reads back the text as published.
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("check.rs");
    std::fs::write(
        &source,
        format!(
            "fn main() {{ assert_eq!({literal}, \"{}\"); }}\n",
            reading.table.codes[0].rows[0]
                .cause
                .chars()
                .map(|c| format!("\\u{{{:x}}}", c as u32))
                .collect::<String>()
        ),
    )
    .unwrap();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let output = std::process::Command::new(rustc)
        .args(["--edition", "2021", "-o"])
        .arg(dir.path().join("check"))
        .arg(&source)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let run = std::process::Command::new(dir.path().join("check"))
        .status()
        .unwrap();
    assert!(run.success());
}

/// The real workbook with rows 5 and 6 hidden and its table made an Excel table
/// (ListObject) whose autofilter, kept in its own part, filters or not.
fn real_as_excel_table(dir: &std::path::Path, name: &str, filtering: bool) -> std::path::PathBuf {
    let source = support::real_workbook();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(source).unwrap()).unwrap();
    let path = dir.join(name);
    let mut out = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let entry_name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
        if entry_name == support::archives::SHEET {
            let xml = String::from_utf8(bytes).unwrap()
                .replacen("<row r=\"5\"", "<row r=\"5\" hidden=\"1\"", 1)
                .replacen("<row r=\"6\"", "<row r=\"6\" hidden=\"1\"", 1)
                .replacen("</worksheet>", "<tableParts count=\"1\"><tablePart r:id=\"rIdTable1\"/></tableParts></worksheet>", 1);
            bytes = xml.into_bytes();
        }
        out.start_file(entry_name.as_str(), options).unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.start_file("xl/worksheets/_rels/sheet1.xml.rels", options)
        .unwrap();
    out.write_all(br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdTable1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>"#).unwrap();
    let criterion = if filtering {
        r#"<filterColumn colId="7"><filters><filter val="オンライン資格確認等コールセンター"/></filters></filterColumn>"#
    } else {
        ""
    };
    out.start_file("xl/tables/table1.xml", options).unwrap();
    write!(out, r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="一覧表" displayName="一覧表" ref="A2:H98"><autoFilter ref="A2:H98">{criterion}</autoFilter><tableColumns count="0"/></table>"#).unwrap();
    out.finish().unwrap();
    path
}

#[test]
fn rows_hidden_by_the_filter_of_an_excel_table_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let real = read_workbook(&support::real_workbook()).unwrap();
    let filtered = read_workbook(&real_as_excel_table(
        dir.path(),
        "filtered_1.25版.xlsx",
        true,
    ))
    .unwrap();
    assert_eq!(filtered.table, real.table);
    assert!(filtered.notices.is_empty(), "{:#?}", notices(&filtered));
    // The same table without a criterion filters nothing: its hidden rows are hidden.
    let hidden = read_workbook(&real_as_excel_table(
        dir.path(),
        "hidden_1.25版.xlsx",
        false,
    ))
    .unwrap();
    assert_ne!(hidden.table, real.table);
    assert_notice(&hidden, "一覧!A5:H5", "the row is hidden: not read");
}

// --- Headers that are not whole ----------------------------------------------------

/// The valid table on a sheet of its own name, with only the first `titles` of its eight
/// column titles (the others say 備考).
fn with_titles(name: &str, titles: usize) -> SheetSpec {
    let mut spec = SheetSpec::valid("1.25");
    spec.name = name.to_owned();
    for col in titles..8 {
        spec.put(1, col as u16, Some(Cell::Text(format!("備考{col}"))));
    }
    spec
}

fn the_one_problem(sheets: &[SheetSpec]) -> String {
    let problems = refused(sheets);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems[0].clone()
}

#[test]
fn the_partial_header_with_the_most_titles_is_the_one_explained() {
    let lacks = |place: &str| format!("{place}: the header row lacks the visible column");
    // Of two visible sheets, the one with more titles, in either order.
    let problem = the_one_problem(&[with_titles("旧", 4), with_titles("一覧", 6)]);
    assert!(problem.starts_with(&lacks("一覧!A2")), "{problem}");
    let problem = the_one_problem(&[with_titles("一覧", 6), with_titles("旧", 4)]);
    assert!(problem.starts_with(&lacks("一覧!A2")), "{problem}");
    // As many titles on both: the first.
    let problem = the_one_problem(&[with_titles("甲", 5), with_titles("乙", 5)]);
    assert!(problem.starts_with(&lacks("甲!A2")), "{problem}");
    // A hidden sheet's, with more titles, is not explained.
    let mut hidden = with_titles("隠し", 7);
    hidden.visibility = SheetVisibility::Hidden;
    let problem = the_one_problem(&[hidden, with_titles("一覧", 4)]);
    assert!(problem.starts_with(&lacks("一覧!A2")), "{problem}");
    // Its place is its first visible title.
    let mut hidden_first = with_titles("一覧", 6);
    hidden_first.hidden_columns.push(0);
    let problem = the_one_problem(&[hidden_first]);
    assert!(problem.starts_with(&lacks("一覧!B2")), "{problem}");
    // Within a sheet: the row with more titles, in either order; the first of two alike.
    let rows = |first: usize, second: usize| {
        let mut spec = with_titles("一覧", second);
        spec.insert_rows(1, 1);
        for (col, title) in support::HEADER.iter().enumerate().take(first) {
            spec.put(1, col as u16, Some(Cell::Text((*title).to_owned())));
        }
        spec
    };
    let problem = the_one_problem(&[rows(4, 6)]);
    assert!(problem.starts_with(&lacks("一覧!A3")), "{problem}");
    let problem = the_one_problem(&[rows(6, 4)]);
    assert!(problem.starts_with(&lacks("一覧!A2")), "{problem}");
    let problem = the_one_problem(&[rows(5, 5)]);
    assert!(problem.starts_with(&lacks("一覧!A2")), "{problem}");
}

#[test]
fn a_title_twice_is_refused_on_a_visible_sheet_only() {
    let mut twice = SheetSpec::valid("1.25");
    twice.set("H2", Some("原因"));
    let problem = the_one_problem(std::slice::from_ref(&twice));
    assert!(
        problem.starts_with(
            "一覧!H2: the header row has two visible columns titled 原因 (the first at 一覧!F2)"
        ),
        "{problem}"
    );
    twice.name = "作業用".to_owned();
    twice.visibility = SheetVisibility::Hidden;
    let reading = read_sheets(&[twice, SheetSpec::valid("1.25")]).unwrap();
    assert_eq!(reading.table, valid_table());
}

/// Struck words and a blank left: the cell reads as empty, and the problem says what was
/// struck (a blank is nothing published).
#[test]
fn a_cell_left_blank_by_its_struck_words_says_what_was_struck() {
    let mut spec = SheetSpec::valid("1.25");
    spec.rich("F4", &[(true, "旧原因"), (false, " ")]);
    let problems = refused(std::slice::from_ref(&spec));
    assert_eq!(
        problems,
        ["一覧!F4: expected the cause, found an empty cell (everything in it, \"旧原因\", is struck through, and struck-through text is not published)"]
    );
}
