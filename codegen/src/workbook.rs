//! Loading an `.xlsx` workbook into plain sheets of cells with calamine.
//!
//! Cells are streamed and kept sparse, so a stray cell far from the table costs one
//! entry, not the bounding box; limits on sheet size refuse absurd workbooks early.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use calamine::{DataRef, Reader, SheetType, Xlsx};
use oqs_messages_table::parse::normalize_text;

/// Refuse sheets that declare or hold more rows than this: the real table has about a
/// hundred.
pub const MAX_ROWS: u32 = 20_000;
/// Refuse sheets that declare or hold more columns than this.
pub const MAX_COLUMNS: u32 = 256;
/// Refuse sheets with more non-empty cells than this.
pub const MAX_CELLS: usize = 200_000;
/// Refuse a workbook with a part (a sheet, the shared strings, …) that inflates to more
/// than this: the 1.25 workbook's largest part is 42 KB.
pub const MAX_PART_BYTES: u64 = 64 << 20;
/// Refuse a workbook whose parts inflate to more than this in all.
pub const MAX_TOTAL_BYTES: u64 = 256 << 20;
/// Refuse a workbook with more parts than this.
pub const MAX_PARTS: usize = 10_000;
/// Refuse a sheet whose merged regions cover more cells than this, within its used rows
/// and columns: the 1.25 table's cover about 300.
pub const MAX_MERGED_CELLS: u64 = 1_000_000;

/// The value of one non-empty cell.
#[derive(Clone, Debug, PartialEq)]
pub enum CellValue {
    /// Text, line breaks normalized to `\n`.
    Text(String),
    /// A number (Excel stores `001` formatted as "000" as the number 1).
    Number(f64),
    /// Anything else (a boolean, a date, an error such as `#N/A`), described.
    Other(String),
}

/// A rectangle of merged cells, 0-based and inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merge {
    /// Top-left cell (row, column): the only cell whose value counts.
    pub start: (u32, u32),
    /// Bottom-right cell (row, column).
    pub end: (u32, u32),
}

/// One worksheet: its name, its non-empty cells by (row, column), its merged regions.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    /// The sheet's name as shown on its tab.
    pub name: String,
    /// Non-empty cells, ordered by row then column.
    pub cells: BTreeMap<(u32, u32), CellValue>,
    /// Every cell a merged region covers, other than its top-left, to that top-left; only
    /// within the rows and columns that hold cells.
    pub merged_into: MergedInto,
}

/// A covered cell's position to the top-left of its merged region.
pub type MergedInto = HashMap<(u32, u32), (u32, u32)>;

impl Sheet {
    /// The cell whose value shows at a position: the top-left of its merge, or itself.
    pub fn origin(&self, pos: (u32, u32)) -> (u32, u32) {
        self.merged_into.get(&pos).copied().unwrap_or(pos)
    }
}

/// Why a file could not be loaded as a workbook.
#[derive(Debug)]
pub struct LoadError {
    /// The sheet concerned, when there is one.
    pub sheet: Option<String>,
    /// What went wrong, for people.
    pub message: String,
}

/// Loads every worksheet of an `.xlsx` file.
pub fn load(path: &Path) -> Result<Vec<Sheet>, LoadError> {
    let file = File::open(path).map_err(|err| LoadError {
        sheet: None,
        message: format!("cannot open the file: {err}"),
    })?;
    load_from(BufReader::new(file))
}

/// Loads every worksheet of an `.xlsx` workbook from any seekable reader (a file, bytes in
/// memory).
pub fn load_from<R: Read + Seek>(mut source: R) -> Result<Vec<Sheet>, LoadError> {
    check_archive(&mut source)?;
    let mut workbook = Xlsx::new(source).map_err(|err| LoadError {
        sheet: None,
        message: format!("not a readable Excel workbook (.xlsx): {err}"),
    })?;
    let names: Vec<String> = workbook
        .sheets_metadata()
        .iter()
        .filter(|sheet| sheet.typ == SheetType::WorkSheet)
        .map(|sheet| sheet.name.clone())
        .collect();
    names
        .into_iter()
        .map(|name| load_sheet(&mut workbook, name))
        .collect()
}

/// Inflates every part of the archive into nothing, counting bytes, before calamine
/// loads anything: a zip bomb (a small file whose sheet inflates to gigabytes) is refused
/// after at most [`MAX_PART_BYTES`] of work and with constant memory. Declared sizes are
/// checked too, but not trusted: they can lie.
fn check_archive<R: Read + Seek>(source: &mut R) -> Result<(), LoadError> {
    let fail = |message: String| LoadError {
        sheet: None,
        message,
    };
    let mut archive = zip::ZipArchive::new(&mut *source)
        .map_err(|err| fail(format!("not a readable Excel workbook (.xlsx): {err}")))?;
    if archive.len() > MAX_PARTS {
        return Err(fail(format!(
            "the archive has {} parts; a workbook has a few dozen (at most {MAX_PARTS} accepted)",
            archive.len()
        )));
    }
    let mut total = 0u64;
    for index in 0..archive.len() {
        let mut part = archive
            .by_index(index)
            .map_err(|err| fail(format!("not a readable Excel workbook (.xlsx): {err}")))?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let too_big = |size: u64| {
            fail(format!(
                "the part {name} inflates to {size} bytes or more; refused as a zip bomb \
                 (at most {MAX_PART_BYTES} bytes a part, {MAX_TOTAL_BYTES} in all)"
            ))
        };
        if part.size() > MAX_PART_BYTES {
            return Err(too_big(part.size()));
        }
        let inflated = std::io::copy(
            &mut (&mut part).take(MAX_PART_BYTES + 1),
            &mut std::io::sink(),
        )
        .map_err(|err| fail(format!("the part {name} is corrupt: {err}")))?;
        if inflated > MAX_PART_BYTES {
            return Err(too_big(inflated));
        }
        total += inflated;
        if total > MAX_TOTAL_BYTES {
            return Err(too_big(total));
        }
    }
    drop(archive);
    // calamine reads the file from its start again.
    source
        .rewind()
        .map_err(|err| fail(format!("cannot read the file: {err}")))?;
    Ok(())
}

fn load_sheet<R: Read + Seek>(workbook: &mut Xlsx<R>, name: String) -> Result<Sheet, LoadError> {
    let fail = |message: String| LoadError {
        sheet: Some(name.clone()),
        message,
    };
    let mut reader = workbook
        .worksheet_cells_reader(&name)
        .map_err(|err| fail(format!("cannot read the sheet: {err}")))?;
    let declared = reader.dimensions();
    check_size(declared.end.0, declared.end.1).map_err(|what| {
        fail(format!(
            "the sheet declares {what} (its dimension ends at row {}, column {}); \
             a message table has at most {MAX_ROWS} rows and {MAX_COLUMNS} columns",
            declared.end.0 + 1,
            declared.end.1 + 1
        ))
    })?;
    let mut cells = BTreeMap::new();
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(err) => return Err(fail(format!("cannot read the sheet's cells: {err}"))),
        };
        let (row, col) = cell.get_position();
        if let Err(what) = check_size(row, col) {
            return Err(fail(format!(
                "the sheet has a cell at row {}, column {} ({what}); \
                 a message table has at most {MAX_ROWS} rows and {MAX_COLUMNS} columns",
                row + 1,
                col + 1
            )));
        }
        if let Some(value) = convert(cell.get_value()) {
            cells.insert((row, col), value);
            if cells.len() > MAX_CELLS {
                return Err(fail(format!(
                    "the sheet has more than {MAX_CELLS} non-empty cells; a message table has about a thousand"
                )));
            }
        }
    }
    drop(reader);
    // After the cells, so that an oversized sheet is refused before this scans all of it.
    let merges: Vec<Merge> = workbook
        .merge_cells_by_sheet_name(&name)
        .map_err(|err| fail(format!("cannot read the merged cells: {err}")))?
        .into_iter()
        .map(|dims| Merge {
            start: dims.start,
            end: dims.end,
        })
        .collect();
    let merged_into = index_merges(&merges, &cells).map_err(fail)?;
    Ok(Sheet {
        name,
        cells,
        merged_into,
    })
}

/// Maps each covered cell to its merge's top-left, within the used rows and columns; the
/// work is bounded by [`MAX_MERGED_CELLS`] whatever the file declares.
fn index_merges(
    merges: &[Merge],
    cells: &BTreeMap<(u32, u32), CellValue>,
) -> Result<MergedInto, String> {
    let last_row = cells.keys().map(|&(row, _)| row).max().unwrap_or(0);
    let last_col = cells.keys().map(|&(_, col)| col).max().unwrap_or(0);
    let overlap = |pos: (u32, u32)| {
        format!(
            "merged regions overlap at {}; expected each cell in one merged region at most",
            cell_name("", pos).trim_start_matches('!')
        )
    };
    let mut total = 0u64;
    let mut merged_into = HashMap::new();
    let mut starts = std::collections::HashSet::new();
    for merge in merges {
        let (end_row, end_col) = (merge.end.0.min(last_row), merge.end.1.min(last_col));
        if merge.start.0 > end_row || merge.start.1 > end_col {
            continue;
        }
        total += u64::from(end_row - merge.start.0 + 1) * u64::from(end_col - merge.start.1 + 1);
        if total > MAX_MERGED_CELLS {
            return Err(format!(
                "the sheet's merged regions cover more than {MAX_MERGED_CELLS} cells; a message table's cover a few hundred"
            ));
        }
        if merged_into.contains_key(&merge.start) || !starts.insert(merge.start) {
            return Err(overlap(merge.start));
        }
        for row in merge.start.0..=end_row {
            for col in merge.start.1..=end_col {
                let pos = (row, col);
                if pos != merge.start
                    && (starts.contains(&pos) || merged_into.insert(pos, merge.start).is_some())
                {
                    return Err(overlap(pos));
                }
            }
        }
    }
    Ok(merged_into)
}

fn check_size(last_row: u32, last_col: u32) -> Result<(), String> {
    if last_row >= MAX_ROWS {
        Err(format!("more than {MAX_ROWS} rows"))
    } else if last_col >= MAX_COLUMNS {
        Err(format!("more than {MAX_COLUMNS} columns"))
    } else {
        Ok(())
    }
}

fn convert(value: &DataRef<'_>) -> Option<CellValue> {
    let text = |s: &str| {
        let normalized = normalize_text(s);
        (!normalized.is_empty()).then_some(CellValue::Text(normalized))
    };
    match value {
        DataRef::Empty => None,
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => text(s),
        DataRef::SharedString(s) => text(s),
        DataRef::Float(f) => Some(CellValue::Number(*f)),
        DataRef::Int(i) => Some(CellValue::Number(*i as f64)),
        DataRef::Bool(b) => Some(CellValue::Other(format!("the boolean {b}"))),
        DataRef::DateTime(d) => Some(CellValue::Other(format!("a date ({})", d.as_f64()))),
        DataRef::Error(e) => Some(CellValue::Other(format!("the error value {e}"))),
    }
}

/// The A1-style name of a 0-based cell, with its sheet: `一覧!E14`.
pub fn cell_name(sheet: &str, (row, col): (u32, u32)) -> String {
    let needs_quotes = sheet
        .chars()
        .any(|c| c.is_whitespace() || "!'-+()[],;&%$#@^=<>{}\"".contains(c));
    let sheet = if needs_quotes {
        format!("'{}'", sheet.replace('\'', "''"))
    } else {
        sheet.to_owned()
    };
    format!("{sheet}!{}{}", column_letters(col), row + 1)
}

/// `0` is `A`, `25` is `Z`, `26` is `AA`.
pub fn column_letters(col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names() {
        assert_eq!(cell_name("一覧", (13, 4)), "一覧!E14");
        assert_eq!(cell_name("Sheet 1", (0, 27)), "'Sheet 1'!AB1");
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
