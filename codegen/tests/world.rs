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

// --- Excel practice: footnotes laid out by hand, rows hidden by default -----------------

fn text(s: &str) -> Option<support::Cell> {
    Some(support::Cell::Text(s.to_owned()))
}

/// The valid test table with its footnote ※１ laid out by `lay` on the rows from 11 on.
fn footnote_laid_out(lay: impl FnOnce(&mut support::SheetSpec)) -> String {
    let mut spec = support::SheetSpec::valid("1.25");
    spec.merges.retain(|m| m.0 != 10);
    spec.rows[10] = vec![None; 8];
    lay(&mut spec);
    let reading = support::read_one(&spec);
    assert_eq!(reading.table.footnotes.len(), 1);
    reading.table.footnotes[0].text.clone()
}

#[test]
fn one_visible_footnote_gives_one_text_however_it_is_laid_out() {
    let lines = "・再現性はあるか\n・他の端末でも発生するか";
    // Marker and text in one cell, the further lines indented with ideographic spaces.
    let one_cell = footnote_laid_out(|spec| {
        spec.rows[10][0] = text(
            "\u{3000}※１\u{3000}\u{3000}・再現性はあるか\n\u{3000}\u{3000}・他の端末でも発生するか",
        );
    });
    assert_eq!(one_cell, lines);
    // The marker in its own cell (A), the text in the next (B), indented the same way.
    let own_cell = footnote_laid_out(|spec| {
        spec.rows[10][0] = text("※１");
        spec.rows[10][1] =
            text("\u{3000}\u{3000}・再現性はあるか\n\u{3000}\u{3000}・他の端末でも発生するか");
    });
    assert_eq!(own_cell, lines);
    // The same, with an old text in a hidden column after them: not read.
    let hidden_beside = footnote_laid_out(|spec| {
        spec.rows[10][0] = text("※１");
        spec.rows[10][1] =
            text("\u{3000}\u{3000}・再現性はあるか\n\u{3000}\u{3000}・他の端末でも発生するか");
        spec.rows[10].push(text("・旧版の注記"));
        spec.hidden_columns.push(8);
    });
    assert_eq!(hidden_beside, lines);
    // The marker alone on its row, each line indented on a row of its own below.
    let rows_below = footnote_laid_out(|spec| {
        spec.rows[10][0] = text("\u{3000}※１");
        spec.rows.push(vec![None; 8]);
        spec.rows.push(vec![None; 8]);
        spec.rows[11][0] = text("\u{3000}\u{3000}・再現性はあるか");
        spec.rows[12][0] = text("\u{3000}\u{3000}・他の端末でも発生するか");
    });
    assert_eq!(rows_below, lines);
}

#[test]
fn a_footnote_marker_with_no_text_anywhere_is_refused() {
    let mut spec = support::SheetSpec::valid("1.25");
    spec.merges.retain(|m| m.0 != 10);
    spec.rows[10] = vec![None; 8];
    spec.rows[10][0] = text("\u{3000}※１");
    let err = support::read_sheets(std::slice::from_ref(&spec))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("一覧!A11: expected the text of footnote ※１, found none"),
        "{err}"
    );
}

/// `<sheetFormatPr zeroHeight="1">`: rows are hidden unless listed with a height of their
/// own. The real workbook with every row but the title, the header and the first code's
/// rows so hidden reads as that much of the table, each hidden row reported.
#[test]
fn rows_hidden_by_default_are_not_read() {
    let xml = real_sheet_xml();
    let table = real_table();
    // The rows of the first code: from the row after the header for as many rows as it has.
    let first_rows = table.codes[0].rows.len() as u32;
    let with_format = if xml.contains("<sheetFormatPr") {
        let at = xml.find("<sheetFormatPr").unwrap() + "<sheetFormatPr".len();
        format!("{} zeroHeight=\"1\"{}", &xml[..at], &xml[at..])
    } else {
        let at = xml.find("<sheetData").unwrap();
        format!(
            "{}<sheetFormatPr defaultRowHeight=\"13.5\" zeroHeight=\"1\"/>{}",
            &xml[..at],
            &xml[at..]
        )
    };
    // Rows listed with a height of their own show: the title and header (rows 1 and 2)
    // and the first code's rows; the others lose theirs.
    let shown = 2 + first_rows;
    let mut out = String::new();
    let mut rest = with_format.as_str();
    while let Some(at) = rest.find("<row ") {
        out.push_str(&rest[..at]);
        let end = at + rest[at..].find('>').unwrap();
        let element = &rest[at..end];
        let number: u32 = element
            .split("r=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|r| r.parse().ok())
            .unwrap();
        let without_height: String = element
            .split(' ')
            .filter(|attr| !attr.starts_with("ht=") && !attr.starts_with("customHeight="))
            .collect::<Vec<_>>()
            .join(" ");
        if number <= shown {
            out.push_str(&format!("{without_height} ht=\"18\" customHeight=\"1\""));
        } else {
            out.push_str(&without_height);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    let dir = tempfile::tempdir().unwrap();
    let path = with_part(dir.path(), "zero_height_1.25版.xlsx", SHEET, |w| {
        w.write_all(out.as_bytes()).unwrap();
    });
    let reading = codegen::read_workbook(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reading.table.codes, table.codes[..1]);
    assert!(
        reading
            .notices
            .iter()
            .any(|n| n.message.starts_with("the row is hidden: not read")),
        "{:?}",
        reading.notices
    );
}

/// A footnote whose marker and text share a cell, with something in the cell beside it:
/// refused, naming that cell, not dropped.
#[test]
fn text_beside_a_whole_footnote_is_refused_naming_its_cell() {
    let mut spec = support::SheetSpec::valid("1.25");
    spec.merges.retain(|m| m.0 != 10);
    spec.rows[10] = vec![None; 8];
    spec.rows[10][0] = text("※１　改善されない場合はコールセンターに問合せする。");
    spec.rows[10][1] = text("補足");
    let err = support::read_sheets(std::slice::from_ref(&spec))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("一覧!B11: expected nothing beside footnote ※１, whose text is in 一覧!A11, found \"補足\""),
        "{err}"
    );
    // A marker alone and a number beside it.
    spec.rows[10][0] = text("※１");
    spec.rows[10][1] = Some(support::Cell::Number(5.0, "0"));
    let err = support::read_sheets(std::slice::from_ref(&spec))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("一覧!B11: expected the text of footnote ※１ as text, found the number 5"),
        "{err}"
    );
}
