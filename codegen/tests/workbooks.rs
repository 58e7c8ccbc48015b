//! Workbooks built in the test: layouts the reader must accept, and one refusal each for
//! what it must refuse, with the cell and what was expected.

mod support;

use std::fs;

use codegen::{newest_workbook, read_workbook, Error, Workbook};
use oqs_messages_table::{ListedId, MessageIdValue};
use support::{assert_one_problem, Cell, SheetSpec};

fn read(spec: &SheetSpec) -> Result<Workbook, Error> {
    support::read_sheets(std::slice::from_ref(spec))
}

/// The problems of a refused workbook, as printed: `一覧!E3: expected …`.
fn problems(spec: &SheetSpec) -> Vec<String> {
    support::refused(std::slice::from_ref(spec))
}

#[test]
fn the_small_valid_table_reads() {
    let reading = read(&SheetSpec::valid("1.25")).unwrap_or_else(|e| panic!("{e}"));
    let table = &reading.table;
    assert_eq!(table.version.as_str(), "1.25");
    assert_eq!(support::code_numbers(table), ["001", "901", "900", "101"]);
    let stats = table.stats();
    assert_eq!(
        (
            stats.rows,
            stats.message_ids,
            stats.ranges,
            stats.rows_without_id
        ),
        (7, 5, 1, 1)
    );
    assert_eq!(
        table.codes[0].rows[1].contact,
        "顔認証付きカードリーダーベンダー"
    );
    assert_eq!(table.codes[1].rows[1].kind, "内部エラー");
    assert_eq!(table.codes[0].rows[0].footnotes, [1]);
    assert_eq!(
        table.footnotes[0].text,
        "改善されない場合はコールセンターに問合せする。"
    );
}

#[test]
fn codes_stored_as_numbers_shown_as_three_digits() {
    let mut spec = SheetSpec::valid("1.25");
    spec.put(2, 0, Some(Cell::Number(1.0, "000")));
    spec.put(8, 0, Some(Cell::Number(101.0, "000")));
    let reading = read(&spec).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reading.table.codes[0].number.to_string(), "001");
    assert_eq!(reading.table.codes[3].number.to_string(), "101");
}

#[test]
fn refuses_a_code_stored_as_a_number_with_a_fraction() {
    let mut spec = SheetSpec::valid("1.25");
    spec.put(2, 0, Some(Cell::Number(1.5, "0.0")));
    assert_one_problem(&spec, "一覧!A3", "1.5");
}

#[test]
fn header_found_anywhere_with_columns_in_any_order_and_other_sheets() {
    let valid = SheetSpec::valid("1.25");
    // Shift the table two rows down and one column right, swap two columns, and add a
    // sheet before it.
    let mut moved = SheetSpec {
        name: "メッセージ一覧".to_owned(),
        ..SheetSpec::default()
    };
    let swap = |col: usize| match col {
        5 => 6,
        6 => 5,
        other => other,
    };
    for (r, row) in valid.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            moved.put(r as u32 + 2, swap(c) as u16 + 1, cell.clone());
        }
    }
    moved.merges = valid
        .merges
        .iter()
        .map(|m| (m.0 + 2, m.1 + 1, m.2 + 2, m.3 + 1))
        .collect();
    let notes = SheetSpec {
        name: "改訂履歴".to_owned(),
        rows: vec![vec![Some(Cell::Text("1.25版 改訂".to_owned()))]],
        ..SheetSpec::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = support::write(dir.path(), "table.xlsx", &[notes, moved]);
    let reading = read_workbook(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reading.title_cell, "メッセージ一覧!B3");
    assert_eq!(reading.table.codes.len(), 4);
    assert_eq!(
        reading.table.codes[0].rows[0].remedy,
        "・カードを正しく置く\n・※1"
    );
    assert_eq!(
        reading.table.codes[0].rows[0].cause,
        "・カードのアクセスが正常に行えない"
    );
}

#[test]
fn carriage_returns_become_line_breaks() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("F3", Some("・一行目\r\n・二行目"));
    let reading = read(&spec).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reading.table.codes[0].rows[0].cause, "・一行目\n・二行目");
}

#[test]
fn ids_in_lower_case_and_ranges_with_wave_dash() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("E3", Some("0x0300000a"));
    spec.set("E8", Some("0xF0000000 〜\n0xF7FFFFFF"));
    let reading = read(&spec).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        reading.table.codes[0].rows[0].message_ids,
        [ListedId::Exact(MessageIdValue(0x0300_000A))]
    );
    assert_eq!(
        reading.table.codes[2].rows[0].message_ids,
        [ListedId::Range {
            start: MessageIdValue(0xF000_0000),
            end: MessageIdValue(0xF7FF_FFFF)
        }]
    );
}

#[test]
fn refuses_a_file_that_is_not_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-a-workbook_1.25版.xlsx");
    fs::write(&path, "コード,メッセージID\n001,0x03000001\n").unwrap();
    let err = read_workbook(&path).unwrap_err().to_string();
    assert!(err.starts_with(&path.display().to_string()), "{err}");
    assert!(
        err.contains("the file is a text file (CSV, HTML or XML), not an Excel workbook"),
        "{err}"
    );
}

#[test]
fn refuses_a_truncated_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = fs::read(support::real_workbook()).unwrap();
    for keep in [10, bytes.len() / 2, bytes.len() - 30] {
        let path = dir.path().join("truncated_1.25版.xlsx");
        fs::write(&path, &bytes[..keep]).unwrap();
        let err = read_workbook(&path).unwrap_err().to_string();
        assert!(err.contains("truncated_1.25版.xlsx"), "{err}");
        assert!(err.contains("nothing was written"), "{err}");
    }
}

#[test]
fn refuses_a_workbook_without_the_header() {
    let spec = SheetSpec {
        name: "Sheet1".to_owned(),
        rows: vec![vec![Some(Cell::Text("メモ".to_owned()))]],
        ..SheetSpec::default()
    };
    let problems = problems(&spec);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with(
            "no visible sheet has a header row with the titles コード, エラー区分（見出し）"
        ),
        "{problems:?}"
    );
    assert!(problems[0].contains("(visible sheets: Sheet1)"));
}

#[test]
fn refuses_a_header_without_a_column() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("H2", Some("備考"));
    assert_one_problem(
        &spec,
        "一覧!A2",
        "the header row lacks the visible column 問合せ先",
    );
}

#[test]
fn refuses_a_duplicate_code() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("A9", Some("001"));
    assert_one_problem(
        &spec,
        "一覧!A9",
        "code 001 appears a second time (first at 一覧!A3)",
    );
}

#[test]
fn refuses_a_row_without_a_code_above() {
    let mut spec = SheetSpec::valid("1.25");
    spec.rows.insert(2, vec![None; 8]);
    spec.merges = spec
        .merges
        .iter()
        .map(|m| {
            if m.0 >= 2 {
                (m.0 + 1, m.1, m.2 + 1, m.3)
            } else {
                *m
            }
        })
        .collect();
    spec.set("D3", Some("カードアクセスでエラーが発生した"));
    spec.set("E3", Some("0x03000009"));
    let problems = problems(&spec);
    assert!(
        problems[0].starts_with("一覧!A3: this row has content but no code above it"),
        "{problems:#?}"
    );
}

#[test]
fn refuses_a_message_id_that_is_not_eight_hex_digits() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("E4", Some("0x0300002"));
    assert_one_problem(
        &spec,
        "一覧!E4",
        "expected a message ID of 0x and eight hex digits, such as 0x03000001 (\"0x0300002\" is not), found \"0x0300002\"",
    );
}

#[test]
fn refuses_a_reversed_range() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("E8", Some("0xF7FFFFFF～\n0xF0000000"));
    assert_one_problem(&spec, "一覧!E8", "end is not below its start");
}

#[test]
fn refuses_a_merged_id_cell_once_not_once_per_row() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("E5", Some("0x8100003"));
    assert_one_problem(&spec, "一覧!E5", "eight hex digits");
}

#[test]
fn refuses_empty_required_cells_and_bad_categories() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("D7", None);
    spec.set("B8", Some("バージョン不整合"));
    spec.set("H9", None);
    let problems = problems(&spec);
    assert_eq!(
        problems,
        [
            "一覧!D7: expected the error kind, found an empty cell",
            "一覧!B8: expected tags in 【】 followed by a heading, such as 【手順誤り】\\nマイナンバーカードの認識不可, found \"バージョン不整合\"",
            "一覧!H9: expected the contact (or - for none), found an empty cell",
        ]
    );
}

#[test]
fn refuses_a_citation_of_a_missing_footnote() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("G4", Some("・カードを置く\n・※2"));
    assert_one_problem(
        &spec,
        "一覧!G4",
        "cites footnote ※2, but no footnote ※2 stands under the table",
    );
}

#[test]
fn refuses_text_under_the_table_that_is_not_a_footnote() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("A12", Some("注意事項は別紙を参照"));
    assert_one_problem(&spec, "一覧!A12", "expected only footnotes");
}

#[test]
fn refuses_a_title_without_a_version() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("A1", Some("メッセージID別問い合わせ先一覧"));
    assert_one_problem(&spec, "一覧!A1", "expected the title with its version");
}

#[test]
fn refuses_a_file_name_that_contradicts_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = support::write(dir.path(), "一覧_1.24版.xlsx", &[SheetSpec::valid("1.25")]);
    let err = read_workbook(&path).unwrap_err().to_string();
    assert!(
        err.contains("一覧!A1: the title says version 1.25, but the file name says 1.24"),
        "{err}"
    );
}

#[test]
fn refuses_a_sheet_with_a_stray_cell_far_away() {
    let mut spec = SheetSpec::valid("1.25");
    spec.put(500_000, 3, Some(Cell::Text("x".to_owned())));
    let problems = problems(&spec);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].contains("more than 20000 rows"), "{problems:?}");
}

#[test]
fn reports_several_problems_at_once() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("E3", Some("0x3000001"));
    spec.set("A9", Some("900"));
    spec.set("E7", Some("0xZZ000026"));
    let problems = problems(&spec);
    let places: Vec<&str> = problems
        .iter()
        .map(|p| p.split(": ").next().unwrap())
        .collect();
    assert_eq!(places, ["一覧!E3", "一覧!E7", "一覧!A9"], "{problems:#?}");
}

#[test]
fn picks_the_newest_workbook_by_its_title() {
    let dir = tempfile::tempdir().unwrap();
    support::write(dir.path(), "a.xlsx", &[SheetSpec::valid("1.3")]);
    support::write(dir.path(), "b.xlsx", &[SheetSpec::valid("1.25")]);
    support::write(dir.path(), "c.xlsx", &[SheetSpec::valid("1.24")]);
    fs::write(dir.path().join("README.txt"), "not a workbook").unwrap();
    assert_eq!(
        newest_workbook(dir.path()).unwrap(),
        dir.path().join("b.xlsx")
    );

    support::write(dir.path(), "d.xlsx", &[SheetSpec::valid("1.25")]);
    let err = newest_workbook(dir.path()).unwrap_err().to_string();
    assert!(err.contains("both hold version 1.25"), "{err}");

    let empty = tempfile::tempdir().unwrap();
    let err = newest_workbook(empty.path()).unwrap_err().to_string();
    assert!(err.contains("no workbook (.xlsx) found"), "{err}");
}

#[test]
fn refuses_a_second_message_in_a_row_without_a_code() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("C7", Some("別のメッセージ"));
    spec.merges.retain(|m| *m != (4, 2, 6, 2));
    spec.merges.push((4, 2, 5, 2));
    assert_one_problem(
        &spec,
        "一覧!C7",
        "expected this cell empty or merged with 一覧!C5: the message belongs to the code's first row, and this row has no code of its own in 一覧!A7",
    );
}

#[test]
fn refuses_a_message_id_stored_as_a_number() {
    let mut spec = SheetSpec::valid("1.25");
    spec.put(3, 4, Some(Cell::Number(3000002.0, "0")));
    assert_one_problem(
        &spec,
        "一覧!E4",
        "expected message IDs written in hex such as 0x03000001, found the number 3000002",
    );
    // As Excel shows a number without a format: its fraction kept.
    spec.put(3, 4, Some(Cell::Number(3.5, "General")));
    assert_one_problem(&spec, "一覧!E4", "found the number 3.5");
}

#[test]
fn column_titles_in_full_width_letters_are_read_as_in_ascii() {
    let mut spec = SheetSpec::valid("1.25");
    spec.set("E2", Some("メッセージＩＤ"));
    let full_width = read(&spec).unwrap_or_else(|e| panic!("{e}"));
    let ascii = read(&SheetSpec::valid("1.25")).unwrap();
    assert_eq!(full_width.table, ascii.table);
}
