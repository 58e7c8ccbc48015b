//! What workbooks from the world do that the ministry's does not, read as the same table as
//! the workbook they were made from: a `<dimension>` that covers the whole sheet; thousands
//! of formatted empty rows under the table (borders drawn down the sheet); an `.xls` whose
//! `Dimensions` record declares every row and column BIFF8 has; an `.xls` whose string table
//! declares a wrong count of strings.

mod support;

use std::io::{Read, Write};

use support::archives::{with_part, SHEET};

fn real_sheet_xml() -> String {
    let file = std::fs::File::open(support::real_workbook()).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    archive
        .by_name(SHEET)
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

fn real_table() -> oqs_messages_table::Table {
    codegen::read_workbook(&support::real_workbook())
        .unwrap()
        .table
}

#[test]
fn a_dimension_to_the_end_of_the_sheet_reads_the_same_table() {
    let xml = real_sheet_xml();
    let start = xml.find("<dimension ref=\"").expect("a dimension") + "<dimension ref=\"".len();
    let end = start + xml[start..].find('"').unwrap();
    let widened = format!("{}A1:XFD1048576{}", &xml[..start], &xml[end..]);
    let dir = tempfile::tempdir().unwrap();
    let path = with_part(dir.path(), "dimension_1.25版.xlsx", SHEET, |out| {
        out.write_all(widened.as_bytes()).unwrap();
    });
    let reading = codegen::read_workbook(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reading.table, real_table());
}

#[test]
fn thirty_thousand_formatted_empty_rows_under_the_table_read_the_same_table() {
    let xml = real_sheet_xml();
    let last_row: u32 = xml
        .match_indices("<row r=\"")
        .filter_map(|(at, m)| {
            let rest = &xml[at + m.len()..];
            rest[..rest.find('"')?].parse().ok()
        })
        .max()
        .unwrap();
    let mut rows = String::new();
    for r in last_row + 2..last_row + 2 + 30_000 {
        rows.push_str(&format!(
            "<row r=\"{r}\" spans=\"1:8\" s=\"1\" customFormat=\"1\">"
        ));
        for col in ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] {
            rows.push_str(&format!("<c r=\"{col}{r}\" s=\"1\"/>"));
        }
        rows.push_str("</row>");
    }
    let at = xml.find("</sheetData>").unwrap();
    let formatted = format!("{}{rows}{}", &xml[..at], &xml[at..]);
    let dir = tempfile::tempdir().unwrap();
    let path = with_part(dir.path(), "formatted_1.25版.xlsx", SHEET, |out| {
        out.write_all(formatted.as_bytes()).unwrap();
    });
    let reading = codegen::read_workbook(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reading.table, real_table());
    assert!(reading.notices.is_empty(), "{:?}", reading.notices);
}

/// The committed `.xls` of the real workbook with each record of a kind changed by `edit`
/// (its data, in place), written to `dir`.
fn patched_xls(
    dir: &std::path::Path,
    name: &str,
    kind: u16,
    edit: impl Fn(&mut [u8]),
) -> std::path::PathBuf {
    let source =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats/real_1.25版.xls");
    let mut file = cfb::open(&source).unwrap();
    let mut stream = Vec::new();
    file.open_stream("/Workbook")
        .unwrap()
        .read_to_end(&mut stream)
        .unwrap();
    // Records: type (u16), length (u16), data.
    let mut at = 0;
    let mut patched = 0;
    while at + 4 <= stream.len() {
        let found = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = u16::from_le_bytes([stream[at + 2], stream[at + 3]]) as usize;
        if found == kind {
            edit(&mut stream[at + 4..at + 4 + len]);
            patched += 1;
        }
        at += 4 + len;
    }
    assert!(patched > 0, "no record 0x{kind:04X}");
    let path = dir.join(name);
    std::fs::copy(&source, &path).unwrap();
    let mut out = cfb::open_rw(&path).unwrap();
    out.create_stream("/Workbook")
        .unwrap()
        .write_all(&stream)
        .unwrap();
    out.flush().unwrap();
    path
}

/// Every row and column BIFF8 has, declared in the sheet's `Dimensions` record (BIFF8: first
/// row u32, last row + 1 u32, first column u16, last column + 1 u16).
#[test]
fn an_xls_declaring_every_row_and_column_reads_the_same_table() {
    let dir = tempfile::tempdir().unwrap();
    let path = patched_xls(dir.path(), "dimensions_1.25版.xls", 0x0200, |data| {
        if data.len() >= 14 {
            data[4..8].copy_from_slice(&65_536u32.to_le_bytes());
            data[10..12].copy_from_slice(&256u16.to_le_bytes());
        }
    });
    let reading = codegen::read_workbook(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reading.table.codes, real_table().codes);
}

/// The string table (SST: total u32, unique u32, the strings) declaring more strings than it
/// holds, or none.
#[test]
fn an_xls_whose_string_table_declares_a_wrong_count_reads_the_same_table() {
    let dir = tempfile::tempdir().unwrap();
    for (name, unique) in [("more_1.25版.xls", 100_000u32), ("none_1.25版.xls", 0)] {
        let path = patched_xls(dir.path(), name, 0x00FC, |data| {
            data[4..8].copy_from_slice(&unique.to_le_bytes());
        });
        let reading = codegen::read_workbook(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(reading.table.codes, real_table().codes, "{name}");
    }
}

/// An Excel 5.0/95 workbook (BIFF5, its texts in the workbook's code page) is refused for
/// what it is, with what to do; never with a message about a sheet it does not have.
#[test]
fn an_excel_95_workbook_is_refused_for_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("一覧_1.25版.xls");
    let mut file = cfb::create(&path).unwrap();
    let mut book = Vec::new();
    // BOF: BIFF5 (0x0500), workbook globals (0x0005); then a BoundSheet with a name in
    // cp932 ("一覧"), then EOF.
    book.extend_from_slice(&[0x09, 0x08, 8, 0, 0x00, 0x05, 0x05, 0x00, 0, 0, 0, 0]);
    let name = [0x88u8, 0xEA, 0x97, 0x97];
    let mut bound = vec![0u8, 0, 0, 0, 0, 0, name.len() as u8];
    bound.extend_from_slice(&name);
    book.extend_from_slice(&[0x85, 0x00, bound.len() as u8, 0]);
    book.extend_from_slice(&bound);
    book.extend_from_slice(&[0x0A, 0x00, 0, 0]);
    file.create_stream("/Book")
        .unwrap()
        .write_all(&book)
        .unwrap();
    file.flush().unwrap();
    drop(file);
    let err = codegen::read_workbook(&path).unwrap_err().to_string();
    assert!(
        err.contains("the file is an Excel 5.0/95 workbook (BIFF5)"),
        "{err}"
    );
    assert!(err.contains("save it as Excel Workbook (.xlsx)"), "{err}");
    assert!(!err.contains("sheet"), "{err}");
}
