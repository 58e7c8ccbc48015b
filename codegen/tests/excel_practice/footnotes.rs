//! Footnotes laid out by hand, and what closes the document (以上).

use super::*;

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
