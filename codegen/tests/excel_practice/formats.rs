//! The same workbooks saved as .xls and .ods by LibreOffice, and cells edited in the XML
//! (what rust_xlsxwriter does not write): formulas, inline strings, other formats.

use std::io::Write as _;

use super::*;

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
