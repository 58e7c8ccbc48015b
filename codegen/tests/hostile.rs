//! Hostile and malformed workbooks: refused quickly, with a clear message. (The memory
//! bound and the untouched previous output are in `memory.rs`.)

mod support;

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use support::archives::{million_rows, zip_bomb, SHEET};
use support::SheetSpec;
use zip::write::SimpleFileOptions;

#[test]
fn a_zip_bomb_is_refused_before_it_inflates() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = zip_bomb(dir.path());
    assert!(
        fs::metadata(&bomb).unwrap().len() < 8 << 20,
        "the bomb is small"
    );
    let err = codegen::read_workbook(&bomb).unwrap_err().to_string();
    assert!(
        err.contains("the part xl/worksheets/sheet1.xml inflates to 1073741824 bytes or more; refused as a zip bomb"),
        "{err}"
    );
}

#[test]
fn a_million_rows_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // Declared or not, what refuses it is what it holds: a value past the limits.
    for declared in [true, false] {
        let path = million_rows(dir.path(), declared);
        let err = codegen::read_workbook(&path).unwrap_err().to_string();
        assert!(
            err.contains(
                "一覧: the sheet has a cell at row 20001, column 1 (more than 20000 rows)"
            ),
            "{err}"
        );
    }
}

/// 19,000 rows with a bad message ID each: every problem is found, in one pass, and the
/// message lists the first 50 and counts the rest.
#[test]
fn thousands_of_problems_are_counted_not_all_listed() {
    let mut spec = SheetSpec::valid("1.25");
    spec.rows.truncate(3);
    spec.merges.retain(|m| m.0 < 2);
    spec.set("E3", Some("bad"));
    let row = spec.rows[2][3..].to_vec();
    for r in 3..19_002u32 {
        for (i, cell) in row.iter().enumerate() {
            spec.put(r, 3 + i as u16, cell.clone());
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = support::write(dir.path(), "many_1.25版.xlsx", &[spec]);
    let err = codegen::read_workbook(&path).unwrap_err().to_string();
    assert!(
        err.contains("(19000 problems); nothing was written"),
        "{}",
        &err[..300]
    );
    assert_eq!(err.lines().count(), 1 + 50 + 1);
    assert!(
        err.ends_with("\n  … and 18950 more problems"),
        "{}",
        &err[err.len() - 200..]
    );
    assert!(err.contains("\n  一覧!E3: expected a message ID"));
}

/// Merged regions cost work only within the used cells, and overlapping regions (which
/// Excel never writes) are refused.
#[test]
fn merged_regions_are_bounded_and_must_not_overlap() {
    let dir = tempfile::tempdir().unwrap();
    // A region declared over the whole sheet is clipped to the used cells: accepted.
    let mut huge = SheetSpec::valid("1.25");
    huge.merges.push((11, 0, 1_048_575, 16_383));
    let path = support::write(dir.path(), "huge_1.25版.xlsx", &[huge]);
    let reading = codegen::read_workbook(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reading.table.codes.len(), 4);

    let mut overlapping = SheetSpec::valid("1.25");
    overlapping.merges.push((3, 0, 4, 0));
    let path = with_merges(dir.path(), &overlapping);
    let err = codegen::read_workbook(&path).unwrap_err().to_string();
    assert!(err.contains("一覧: merged regions overlap at A4"), "{err}");
}

/// rust_xlsxwriter refuses to write overlapping merges: add them to the sheet's XML.
fn with_merges(dir: &Path, spec: &SheetSpec) -> PathBuf {
    let mut valid = spec.clone();
    let extra: Vec<_> = valid
        .merges
        .split_off(SheetSpec::valid("1.25").merges.len());
    let base = support::write(dir, "base_1.25版.xlsx", &[valid]);
    let mut source = zip::ZipArchive::new(File::open(&base).unwrap()).unwrap();
    let path = dir.join("overlap_1.25版.xlsx");
    let mut writer = zip::ZipWriter::new(File::create(&path).unwrap());
    for index in 0..source.len() {
        let mut entry = source.by_index(index).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        if name == SHEET {
            let cells: String = extra
                .iter()
                .map(|m| {
                    let a1 = |r: u32, c: u16| format!("{}{}", (b'A' + c as u8) as char, r + 1);
                    format!("<mergeCell ref=\"{}:{}\"/>", a1(m.0, m.1), a1(m.2, m.3))
                })
                .collect();
            text = text.replacen("</mergeCells>", &format!("{cells}</mergeCells>"), 1);
        }
        writer
            .start_file(name.as_str(), SimpleFileOptions::default())
            .unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    writer.finish().unwrap();
    path
}

/// `.xls` files damaged by a fuzzing run over the committed conversions: each made the
/// spreadsheet library abort on a huge allocation or panic before it was read. They are
/// refused, naming what is wrong, and nothing aborts.
#[test]
fn damaged_xls_files_are_refused_not_aborted_on() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats/corrupt");
    for (name, expected) in [
        (
            "cell_far_away_1.25版.xls",
            "has a cell at row 22019, column 6",
        ),
        (
            "dimensions_reversed_1.25版.xls",
            "declares its cells from row",
        ),
        ("library_panics_1.25版.xls", "the file is corrupt"),
    ] {
        let err = codegen::read_workbook(&dir.join(name))
            .unwrap_err()
            .to_string();
        assert!(err.contains(expected), "{name}: {err}");
    }
}
