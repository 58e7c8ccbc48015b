//! `.xlsx` and `.xlsm`: values and merged regions through calamine, what calamine does not
//! report from the archive's own XML ([`parts`]).

mod layout;
pub mod parts;
mod scan;
mod strings;
mod styles;

use std::collections::BTreeMap;
use std::io::{Read, Seek};

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx};
use oqs_messages_table::parse::normalize_text;

use super::cells::{CellValue, Cells};
use super::dates::excel_date;
use super::limits::{check_size, MAX_CELLS, MAX_COLUMNS, MAX_ROWS};
use super::sheet::{finish_sheet, LoadError, Sheet, SheetParts, Visibility};
use super::strike::take_out_strike;

/// Loads every worksheet of an `.xlsx` whose archive parts were read into `parts`.
pub fn load<R: Read + Seek>(
    source: R,
    mut archive: parts::Archive,
) -> Result<Vec<Sheet>, LoadError> {
    let fail = |message: String| LoadError {
        sheet: None,
        message,
    };
    let mut workbook = Xlsx::new(source)
        .map_err(|err| fail(format!("not a readable Excel workbook (.xlsx): {err}")))?;
    let is_1904 = workbook.has_1904_epoch();
    let sheets: Vec<(String, Visibility)> = workbook
        .sheets_metadata()
        .iter()
        .filter(|sheet| sheet.typ == SheetType::WorkSheet)
        .map(|sheet| {
            let visibility = match sheet.visible {
                SheetVisible::Visible => Visibility::Visible,
                SheetVisible::Hidden => Visibility::Hidden,
                SheetVisible::VeryHidden => Visibility::VeryHidden,
            };
            (sheet.name.clone(), visibility)
        })
        .collect();
    sheets
        .into_iter()
        .map(|(name, visibility)| {
            load_sheet(&mut workbook, &mut archive, name, visibility, is_1904)
        })
        .collect()
}

fn load_sheet<R: Read + Seek>(
    workbook: &mut Xlsx<R>,
    archive: &mut parts::Archive,
    name: String,
    visibility: Visibility,
    is_1904: bool,
) -> Result<Sheet, LoadError> {
    let fail = |message: String| LoadError {
        sheet: Some(name.clone()),
        message,
    };
    let mut reader = workbook
        .worksheet_cells_reader(&name)
        .map_err(|err| fail(format!("cannot read the sheet: {err}")))?;
    // The declared extent (`<dimension>`) is not content: Gnumeric and some exporters
    // declare the whole sheet. Only cells with a value count against the limits.
    // Collected in the sheet's order, then built into the map at once (faster than one
    // insertion a cell); a position given twice keeps its last value, as an insertion would.
    let mut read: Vec<((u32, u32), CellValue)> = Vec::new();
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(err) => return Err(fail(format!("cannot read the sheet's cells: {err}"))),
        };
        let (row, col) = cell.get_position();
        // An empty cell with a format (borders drawn down the sheet) shows nothing and
        // costs nothing.
        if let Some(value) = convert(cell.get_value(), is_1904) {
            if let Err(what) = check_size(row, col) {
                return Err(fail(format!(
                    "the sheet has a cell at row {}, column {} ({what}); \
                     a message table has at most {MAX_ROWS} rows and {MAX_COLUMNS} columns",
                    row + 1,
                    col + 1
                )));
            }
            read.push(((row, col), value));
            if read.len() > MAX_CELLS {
                return Err(fail(format!(
                    "the sheet has more than {MAX_CELLS} non-empty cells; a message table has about a thousand"
                )));
            }
        }
    }
    drop(reader);
    let cells = Cells::new(read);
    // After the cells, so that an oversized sheet is refused before this scans all of it.
    let mut layout = archive.sheets.remove(&name).unwrap_or_default();
    let merges = std::mem::take(&mut layout.merges);
    // A formula that was never calculated shows as a formula to whoever opens the file.
    let mut cells = cells.with_missing(layout.formulas.iter().map(|(pos, formula)| {
        (
            *pos,
            CellValue::Other(format!(
                "a formula (={formula}) with no stored value; open the workbook in Excel and save it again"
            )),
        )
    }));
    let cell_struck = |pos: (u32, u32)| layout.struck_cells.contains(&pos);
    let mut struck = BTreeMap::new();
    // Only a cell with runs or a struck format can hold struck text.
    let mut positions: Vec<(u32, u32)> = layout
        .rich
        .iter()
        .filter(|(_, rich)| archive.runs(rich).is_some())
        .map(|(pos, _)| pos)
        .chain(&layout.struck_cells)
        .copied()
        .collect();
    positions.sort_unstable();
    positions.dedup();
    let mut emptied = Vec::new();
    for pos in positions {
        let runs = layout.rich.get(&pos).and_then(|rich| archive.runs(rich));
        let Some(value) = cells.get_mut(pos) else {
            continue;
        };
        if let Some((live, dropped)) = take_out_strike(value, cell_struck(pos), runs) {
            match live {
                Some(live) => *value = live,
                None => emptied.push(pos),
            };
            struck.insert(pos, dropped);
        }
    }
    let cells = cells.without(&emptied);
    let parts = SheetParts {
        cells,
        struck,
        merges,
        hidden_rows: layout.hidden_rows,
        hidden_columns: layout.hidden_columns,
        filter: layout.filter,
    };
    finish_sheet(name.clone(), visibility, parts).map_err(fail)
}

fn convert(value: &DataRef<'_>, is_1904: bool) -> Option<CellValue> {
    // A cell of blanks only (ASCII or ideographic) shows nothing.
    let text =
        |s: &str| (!s.chars().all(char::is_whitespace)).then(|| CellValue::Text(normalize_text(s)));
    match value {
        DataRef::Empty => None,
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => text(s),
        DataRef::SharedString(s) => text(s),
        DataRef::Float(f) => Some(CellValue::Number(*f)),
        DataRef::Int(i) => Some(CellValue::Number(*i as f64)),
        DataRef::Bool(b) => Some(CellValue::Other(format!("the boolean {b}"))),
        DataRef::DateTime(d) => Some(CellValue::Other(format!(
            "a date ({})",
            excel_date(d.as_f64(), is_1904)
        ))),
        DataRef::Error(e) => Some(CellValue::Other(format!("the error value {e}"))),
    }
}
