//! Hidden sheets, rows and columns, and filters (an Excel table's too): what is hidden is
//! not read, and reported; what a filter hides is read.

use std::io::Write as _;

use super::*;

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
