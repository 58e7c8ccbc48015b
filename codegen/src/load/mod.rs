//! Loading: a workbook's bytes to its sheets as a person sees them in Excel, whatever
//! the format (`.xlsx`, `.xls`, `.ods`, told from the bytes). What each format cannot say
//! directly through calamine is read from the file itself, within the [`limits`].
//!
//! Cells are kept sorted in one vector with where each row starts ([`cells`]), so a stray
//! cell far from the table costs one entry and an index per row above it, not the bounding
//! box.

mod archive;
pub mod cell_ref;
pub mod cells;
mod dates;
pub mod limits;
mod ods;
pub mod sheet;
pub mod sniff;
mod strike;
mod xls;
mod xlsx;
mod xml;

use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

pub use cell_ref::{cell_name, column_letters};
pub use cells::{CellValue, Cells, Position};
pub use dates::excel_date;
pub use sheet::{AutoFilter, LoadError, Merge, Sheet, Visibility};
pub use sniff::{sniff, Format};
pub use strike::{take_out_strike, Run};

use archive::open_checked_archive;

/// Files up to this size are read into memory at once: the archive is then walked
/// without a system call per part (a workbook of the table is about 100 KB).
const READ_AT_ONCE_BYTES: u64 = 32 << 20;

/// Loads every worksheet of a workbook file.
pub fn load(path: &Path) -> Result<Vec<Sheet>, LoadError> {
    let fail = |err: std::io::Error| LoadError {
        sheet: None,
        message: format!("cannot open the file: {err}"),
    };
    let mut file = File::open(path).map_err(fail)?;
    let size = file.metadata().map_or(u64::MAX, |m| m.len());
    if size <= READ_AT_ONCE_BYTES {
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        // Bounded even if the file grows while it is read.
        (&mut file)
            .take(READ_AT_ONCE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(fail)?;
        if bytes.len() as u64 <= READ_AT_ONCE_BYTES {
            return load_from(std::io::Cursor::new(bytes));
        }
        file.rewind().map_err(fail)?;
    }
    load_from(BufReader::new(file))
}

/// Loads every worksheet of a workbook (`.xlsx`, `.xls` or `.ods`, told from its bytes) from
/// any seekable reader (a file, bytes in memory), as Excel shows it: values with
/// struck-through text taken out, merges, hidden sheets, rows and columns.
pub fn load_from<R: Read + Seek>(source: R) -> Result<Vec<Sheet>, LoadError> {
    // A corrupt file can make a library panic where it should have returned an error (a
    // fuzzing run found one in calamine's .xls formula reader): it is refused all the same.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| load_checked(source))).unwrap_or_else(
        |_| {
            Err(LoadError {
                sheet: None,
                message: "the file is corrupt: reading it failed inside the spreadsheet library; \
                          open it in Excel and save it again as Excel Workbook (.xlsx)"
                    .to_owned(),
            })
        },
    )
}

/// The format sniffed, then its loader; a format the reader cannot read refused saying
/// what to do.
fn load_checked<R: Read + Seek>(mut source: R) -> Result<Vec<Sheet>, LoadError> {
    let fail = |message: String| LoadError {
        sheet: None,
        message,
    };
    let format = sniff(&mut source);
    match format {
        // Zip archives: every part inflated within the limits before anything reads it.
        Format::Xlsx => {
            let (mut archive, inflated) = open_checked_archive(&mut source, format)?;
            let stored = inflated.stored_archive(&mut archive);
            let parts = xlsx::parts::read(&mut archive, inflated)
                .map_err(|err| fail(format!("not a readable Excel workbook (.xlsx): {err}")))?;
            if let Some(stored) = stored {
                return xlsx::load(std::io::Cursor::new(stored), parts);
            }
            // calamine reads the file from its start again.
            source
                .rewind()
                .map_err(|err| fail(format!("cannot read the file: {err}")))?;
            xlsx::load(source, parts)
        }
        Format::Ods => {
            let (mut archive, _) = open_checked_archive(&mut source, format)?;
            ods::load(&mut archive)
        }
        Format::Xls => xls::load(source),
        Format::Xlsb => {
            Err(fail(format!(
                "the file is {}: this reader cannot see which rows are hidden and which text is struck \
                 through in that format, and could read a table other than the one Excel shows; \
                 open it in Excel and save it as Excel Workbook (.xlsx)",
                format.describe()
            )))
        }
        Format::Encrypted => {
            Err(fail(format!(
                "the file is {}; open it in Excel, remove the password and save it as Excel Workbook (.xlsx)",
                format.describe()
            )))
        }
        Format::OtherZip | Format::Text | Format::Unknown => {
            Err(fail(format!(
                "the file is {}; expected the ministry's workbook saved as Excel Workbook (.xlsx)",
                format.describe()
            )))
        }
    }
}
