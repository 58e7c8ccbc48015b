//! Merged regions, layouts for printing (titles and headers repeated, two-row headers)
//! and headers that are not whole.

use super::*;

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
