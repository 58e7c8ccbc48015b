//! Archives built byte by byte: the real workbook with a part replaced (zip bombs, a
//! million rows).

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;

/// A copy of the real workbook with one part replaced by `contents`, written by `fill`.
pub fn with_part(dir: &Path, name: &str, part: &str, fill: impl FnOnce(&mut dyn Write)) -> PathBuf {
    let mut source = zip::ZipArchive::new(File::open(super::real_workbook()).unwrap()).unwrap();
    let path = dir.join(name);
    let mut writer = zip::ZipWriter::new(File::create(&path).unwrap());
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    let mut fill = Some(fill);
    for index in 0..source.len() {
        let mut entry = source.by_index(index).unwrap();
        let entry_name = entry.name().unwrap().into_owned();
        writer.start_file(entry_name.as_str(), options).unwrap();
        if entry_name == part {
            (fill.take().unwrap())(&mut writer);
        } else {
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            writer.write_all(&bytes).unwrap();
        }
    }
    writer.finish().unwrap();
    path
}

pub const SHEET: &str = "xl/worksheets/sheet1.xml";

/// A 1 GiB sheet in a file of about a megabyte.
pub fn zip_bomb(dir: &Path) -> PathBuf {
    with_part(dir, "bomb_1.25版.xlsx", SHEET, |out| {
        let block = vec![b' '; 1 << 20];
        for _ in 0..1024 {
            out.write_all(&block).unwrap();
        }
    })
}

/// A sheet of a million rows, declared in its dimension or not.
pub fn million_rows(dir: &Path, declared: bool) -> PathBuf {
    let name = if declared {
        "declared_1.25版.xlsx"
    } else {
        "undeclared_1.25版.xlsx"
    };
    with_part(dir, name, SHEET, |out| {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
        );
        if declared {
            xml.push_str("<dimension ref=\"A1:A1000000\"/>");
        }
        xml.push_str("<sheetData>");
        out.write_all(xml.as_bytes()).unwrap();
        // Rows without `r` attributes count from the top: 26 bytes a row.
        out.write_all(&b"<row><c><v>1</v></c></row>".repeat(1_000_000))
            .unwrap();
        out.write_all(b"</sheetData></worksheet>").unwrap();
    })
}
