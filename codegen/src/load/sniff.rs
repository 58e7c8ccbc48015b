//! What a file is, told from its bytes rather than its name.

use std::io::{Read, Seek};

/// What a file is, from its first bytes and, for an archive, its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML, `.xlsx` or `.xlsm`: the format the reader reads.
    Xlsx,
    /// Excel binary workbook, `.xlsb`.
    Xlsb,
    /// Excel 97-2003, `.xls` (an OLE compound file).
    Xls,
    /// A workbook saved with a password (an OLE compound file holding an encrypted
    /// package).
    Encrypted,
    /// OpenDocument spreadsheet, `.ods`.
    Ods,
    /// A zip archive that is not a workbook.
    OtherZip,
    /// Text: CSV, HTML or XML saved under a workbook's name.
    Text,
    /// Anything else.
    Unknown,
}

impl Format {
    /// What a person calls it.
    pub fn describe(self) -> &'static str {
        match self {
            Format::Xlsx => "an Excel workbook (.xlsx)",
            Format::Xlsb => "an Excel binary workbook (.xlsb)",
            Format::Xls => "an Excel 97-2003 workbook (.xls)",
            Format::Encrypted => "an encrypted (password-protected) workbook",
            Format::Ods => "an OpenDocument spreadsheet (.ods)",
            Format::OtherZip => "a zip archive that is not an Excel workbook",
            Format::Text => "a text file (CSV, HTML or XML), not an Excel workbook",
            Format::Unknown => "not an Excel workbook",
        }
    }
}

/// Tells what a file is without trusting its name.
pub fn sniff<R: Read + Seek>(source: &mut R) -> Format {
    let mut head = [0u8; 512];
    let read = read_up_to(source, &mut head);
    let _ = source.rewind();
    let head = &head[..read];
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        // The compound file's streams say what it is; nothing is parsed yet.
        let format = match cfb::CompoundFile::open(&mut *source) {
            Ok(file) if file.is_stream("/Workbook") || file.is_stream("/Book") => Format::Xls,
            Ok(file) if file.is_stream("/EncryptedPackage") => Format::Encrypted,
            // A compound file of another kind (a Word document, …), or a corrupt one.
            _ => Format::Unknown,
        };
        let _ = source.rewind();
        return format;
    }
    if head.starts_with(b"PK") {
        let format = match zip::ZipArchive::new(&mut *source) {
            Ok(archive) => {
                let has = |wanted: &str| {
                    archive
                        .file_names()
                        .any(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(wanted)))
                };
                if has("xl/workbook.bin") {
                    Format::Xlsb
                } else if archive
                    .file_names()
                    .any(|n| n.is_ok_and(|n| n.to_ascii_lowercase().ends_with("workbook.xml")))
                {
                    Format::Xlsx
                } else if has("mimetype") || has("content.xml") {
                    Format::Ods
                } else {
                    Format::OtherZip
                }
            }
            Err(_) => Format::Xlsx,
        };
        let _ = source.rewind();
        return format;
    }
    // Text in UTF-8 (perhaps cut inside a character at the end of what was read).
    let valid = match std::str::from_utf8(head) {
        Ok(text) => Some(text),
        Err(err) if err.error_len().is_none() => {
            std::str::from_utf8(&head[..err.valid_up_to()]).ok()
        }
        Err(_) => None,
    };
    let looks_textual = !head.is_empty()
        && valid.is_some_and(|text| text.chars().all(|c| !c.is_control() || c.is_whitespace()));
    if looks_textual {
        Format::Text
    } else {
        Format::Unknown
    }
}

fn read_up_to<R: Read>(source: &mut R, buf: &mut [u8]) -> usize {
    let mut filled = 0;
    while filled < buf.len() {
        match source.read(&mut buf[filled..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => filled += n,
        }
    }
    filled
}
