//! Excel 97-2003 workbooks (`.xls`, BIFF8), read as Excel shows them: values and merged
//! cells through calamine, hidden rows and columns, fonts, rich-string runs and filters
//! from the records themselves ([`biff`]).

mod biff;

use std::io::{Read, Seek};

use calamine::{Data, Reader, Xls};

use crate::load::cells::{CellValue, Cells};
use crate::load::dates::excel_date;
use crate::load::sheet::{finish_sheet, AutoFilter, LoadError, Merge, Sheet, SheetParts};
use crate::load::strike::take_out_strike;
use biff::{read_records, workbook_stream};

/// Loads every sheet of an `.xls` file.
pub fn load<R: Read + Seek>(mut source: R) -> Result<Vec<Sheet>, LoadError> {
    let fail = |message: String| LoadError {
        sheet: None,
        message,
    };
    let stream = workbook_stream(&mut source).map_err(fail)?;
    let globals = read_records(&stream).map_err(fail)?;
    source
        .rewind()
        .map_err(|err| fail(format!("cannot read the file: {err}")))?;
    let mut workbook = Xls::new(source).map_err(|err| {
        fail(format!(
            "not a readable Excel 97-2003 workbook (.xls): {err}"
        ))
    })?;
    let mut sheets = Vec::new();
    for records in &globals.sheets {
        let fail = |message: String| LoadError {
            sheet: Some(records.name.clone()),
            message,
        };
        if records.filter_mode && records.filter.is_none() {
            return Err(fail(
                "the sheet is filtered, but its filter's range cannot be found; clear the filter \
                 (or save the workbook as .xlsx) so that hidden rows can be told from filtered ones"
                    .to_owned(),
            ));
        }
        let range = workbook
            .worksheet_range(&records.name)
            .map_err(|err| fail(format!("cannot read the sheet: {err}")))?;
        let merges: Vec<Merge> = workbook
            .merge_cells_by_sheet_name(&records.name)
            .map_err(|err| fail(format!("cannot read the merged cells: {err}")))?
            .into_iter()
            .map(|d| Merge {
                start: d.start,
                end: d.end,
            })
            .collect();
        let mut parts = SheetParts {
            merges,
            hidden_rows: records.hidden_rows.clone(),
            hidden_columns: records.hidden_columns.clone(),
            filter: records.filter.map(|(start, end)| AutoFilter {
                start,
                end,
                active: records.filter_mode,
            }),
            ..SheetParts::default()
        };
        let origin = range.start().unwrap_or((0, 0));
        let mut cells = Vec::new();
        for (row, col, data) in range.used_cells() {
            let pos = (row as u32 + origin.0, col as u32 + origin.1);
            let Some(value) = convert(data, globals.is_1904) else {
                continue;
            };
            let struck = records
                .xf
                .get(&pos)
                .is_some_and(|&xf| globals.xf_struck(xf));
            let runs = records.shared.get(&pos).and_then(|&i| globals.runs(i));
            match take_out_strike(&value, struck, runs.as_deref()) {
                Some((shown, dropped)) => {
                    if let Some(shown) = shown {
                        cells.push((pos, shown));
                    }
                    parts.struck.insert(pos, dropped);
                }
                None => cells.push((pos, value)),
            }
        }
        parts.cells = Cells::new(cells);
        sheets.push(finish_sheet(records.name.clone(), records.visibility, parts).map_err(fail)?);
    }
    Ok(sheets)
}

fn convert(data: &Data, is_1904: bool) -> Option<CellValue> {
    match data {
        Data::Empty => None,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            (!s.chars().all(char::is_whitespace))
                .then(|| CellValue::Text(oqs_messages_table::parse::normalize_text(s)))
        }
        Data::Float(f) => Some(CellValue::Number(*f)),
        Data::Int(i) => Some(CellValue::Number(*i as f64)),
        Data::Bool(b) => Some(CellValue::Other(format!("the boolean {b}"))),
        Data::DateTime(d) => Some(CellValue::Other(format!(
            "a date ({})",
            excel_date(d.as_f64(), is_1904)
        ))),
        Data::Error(e) => Some(CellValue::Other(format!("the error value {e}"))),
    }
}
