//! One worksheet's XML beyond its values: hidden rows and columns, the autofilter, rich
//! strings and formulas without a computed value.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap, FxHashSet};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::scan::{self, integer, is_on, number, Scanner, Tag};
use super::strings::{string_item, text_until};
use crate::load::cell_ref::{parse_cell_ref_bytes, parse_range};
use crate::load::limits::{MAX_COLUMNS, MAX_ROWS};
use crate::load::sheet::{AutoFilter, Merge};
use crate::load::strike::Run;

/// The rich text of a cell: a shared string by index, or an inline string.
#[derive(Clone, Debug)]
pub enum RichText {
    /// The index into the shared strings.
    Shared(usize),
    /// The runs of an inline string.
    Inline(Vec<Run>),
}

/// What one sheet's XML says beyond its values.
#[derive(Clone, Debug, Default)]
pub struct SheetLayout {
    /// Rows hidden (or of zero height), 0-based, within [`MAX_ROWS`].
    pub hidden_rows: BTreeSet<u32>,
    /// Columns hidden (or of zero width), 0-based, within [`MAX_COLUMNS`].
    pub hidden_columns: BTreeSet<u32>,
    /// The sheet's autofilter, if any.
    pub filter: Option<AutoFilter>,
    /// Cells whose string has runs.
    pub rich: FxHashMap<(u32, u32), RichText>,
    /// Cells whose format's font strikes their text through.
    pub struck_cells: FxHashSet<(u32, u32)>,
    /// The merged regions, as `<mergeCell>` lists them.
    pub merges: Vec<Merge>,
    /// Cells with a formula and no computed value, with the formula's text.
    pub formulas: FxHashMap<(u32, u32), String>,
}

/// What one sheet's XML says beyond its values; `struck_formats` tells, for each cell format,
/// whether its font strikes text through, and `shared_with_runs`, for each shared string,
/// whether it has runs (only those can strike part of a text).
///
/// This is the one pass the reader makes over a sheet beside calamine's, so it is lean
/// ([`scan`](super::scan)): tags and raw attributes only, a value's text only for a shared
/// string's index; inline strings, formulas and the autofilter's criteria, which are rare,
/// are parsed in full by quick-xml.
pub fn sheet_layout(
    xml: &[u8],
    struck_formats: &[bool],
    shared_with_runs: &[bool],
) -> Result<SheetLayout, String> {
    let mut scan = Scanner::new(xml);
    let mut layout = SheetLayout::default();
    let mut filter_mode = false;
    // `<sheetFormatPr zeroHeight="1">`: rows are hidden by default (their default height is
    // zero); a row shows only where it is listed with a height of its own.
    let mut hidden_by_default = false;
    let mut shown_rows: BTreeSet<u32> = BTreeSet::new();
    let mut last_row = 0u32;
    let mut row: Option<u32> = None;
    let mut col: Option<u32> = None;
    // The cell being read: its position, type, formula, whether it has a value.
    let mut cell: Option<CellXml> = None;
    while let Some(tag) = scan.next_tag()? {
        let (name, at) = match tag {
            Tag::Start { name, at } => (name, at),
            Tag::End { name } => {
                if name == b"c" {
                    if let Some(done) = cell.take() {
                        done.finish(&mut layout);
                    }
                }
                continue;
            }
        };
        match name {
            b"c" => {
                let ([r, s, t], empty) = scan.attributes([b"r", b"s", b"t"])?;
                let position = r
                    .and_then(parse_cell_ref_bytes)
                    .unwrap_or_else(|| (row.unwrap_or(0), col.map_or(0, |c| c + 1)));
                col = Some(position.1);
                let struck = s
                    .and_then(integer)
                    .and_then(|s| struck_formats.get(s as usize).copied())
                    .unwrap_or(false);
                if struck && position.0 < MAX_ROWS && position.1 < MAX_COLUMNS {
                    layout.struck_cells.insert(position);
                }
                let started = CellXml {
                    position,
                    kind: CellKind::of(t),
                    formula: None,
                    has_value: false,
                    shared: None,
                    inline: None,
                };
                if empty {
                    started.finish(&mut layout);
                } else {
                    cell = Some(started);
                }
            }
            b"v" => {
                if let (false, Some(cell)) = (scan.skip_tag()?, &mut cell) {
                    cell.has_value = true;
                    // Only a shared string's index is needed: its runs may strike text.
                    if cell.kind == CellKind::Shared {
                        cell.shared = integer(scan.text())
                            .map(|i| i as usize)
                            .filter(|&i| shared_with_runs.get(i).copied().unwrap_or(false));
                    }
                }
            }
            b"f" => {
                let empty = scan.skip_tag()?;
                if let Some(cell) = &mut cell {
                    let text = if empty {
                        String::new()
                    } else {
                        in_full(&mut scan, at, |reader| text_until(reader, "f", true))?
                    };
                    cell.formula = Some(text);
                }
            }
            b"row" => {
                let ([r, hidden, custom, ht], _) =
                    scan.attributes([b"r", b"hidden", b"customHeight", b"ht"])?;
                let number = r
                    .and_then(integer)
                    .and_then(|r| r.checked_sub(1))
                    .unwrap_or_else(|| row.map_or(0, |r| r + 1));
                row = Some(number);
                col = None;
                let height = ht.and_then(scan::number::<f64>);
                let zero_height = is_on(custom) && height.is_some_and(|h| h <= 0.0);
                if (is_on(hidden) || zero_height) && number < MAX_ROWS {
                    layout.hidden_rows.insert(number);
                } else if number < MAX_ROWS && height.is_some_and(|h| h > 0.0) {
                    shown_rows.insert(number);
                }
                last_row = last_row.max(number.min(MAX_ROWS - 1));
            }
            b"is" => {
                let empty = scan.skip_tag()?;
                if !empty {
                    let runs = in_full(&mut scan, at, |reader| string_item(reader, "is"))?;
                    if let Some(cell) = &mut cell {
                        cell.inline = runs;
                    }
                }
            }
            b"sheetPr" => {
                filter_mode = is_on(scan.attributes([b"filterMode"])?.0[0]);
            }
            b"sheetFormatPr" => {
                hidden_by_default = is_on(scan.attributes([b"zeroHeight"])?.0[0]);
            }
            b"col" => {
                let ([min, max, width, hidden], _) =
                    scan.attributes([b"min", b"max", b"width", b"hidden"])?;
                let width_zero = width.and_then(number::<f64>).is_some_and(|w| w <= 0.0);
                if is_on(hidden) || width_zero {
                    if let (Some(min), Some(max)) =
                        (min.and_then(number::<u32>), max.and_then(number::<u32>))
                    {
                        let last = max.min(MAX_COLUMNS);
                        layout.hidden_columns.extend(min.saturating_sub(1)..last);
                    }
                }
            }
            // Read here, in the one pass over the sheet, rather than by calamine, which
            // would parse the whole sheet again for them.
            b"mergeCell" => {
                if let Some((start, end)) = range_attribute(scan.attributes([b"ref"])?.0[0]) {
                    layout.merges.push(Merge { start, end });
                }
            }
            b"autoFilter" => {
                let ([range], empty) = scan.attributes([b"ref"])?;
                if let Some((start, end)) = range_attribute(range) {
                    let active = !empty && in_full(&mut scan, at, has_filter_column)?;
                    layout.filter = Some(AutoFilter { start, end, active });
                }
            }
            _ => {}
        }
    }
    if let Some(filter) = &mut layout.filter {
        filter.active |= filter_mode;
    }
    if hidden_by_default {
        layout
            .hidden_rows
            .extend((0..=last_row).filter(|r| !shown_rows.contains(r)));
    }
    Ok(layout)
}

/// A `ref="A2:H98"` attribute as its corners.
fn range_attribute(range: Option<&[u8]>) -> Option<((u32, u32), (u32, u32))> {
    parse_range(std::str::from_utf8(range?).ok()?)
}

/// Reads the element that starts at `at` with quick-xml, then goes on scanning after it.
fn in_full<T>(
    scan: &mut Scanner<'_>,
    at: usize,
    read: impl FnOnce(&mut Reader<&[u8]>) -> Result<T, String>,
) -> Result<T, String> {
    let mut reader = Reader::from_reader(&scan.xml()[at..]);
    // The start tag, already scanned.
    reader.read_event().map_err(|err| err.to_string())?;
    let value = read(&mut reader)?;
    let read_to = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
    scan.seek(at.saturating_add(read_to));
    Ok(value)
}

/// Reads an `<autoFilter>` to its end: whether it has a `<filterColumn>`, a criterion.
pub fn has_filter_column(reader: &mut Reader<&[u8]>) -> Result<bool, String> {
    let mut buf = Vec::new();
    let mut found = false;
    loop {
        match reader
            .read_event_into(&mut buf)
            .map_err(|err| err.to_string())?
        {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "filterColumn" => {
                found = true;
            }
            Event::End(e) if e.local_name().as_ref() == "autoFilter" => break,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(found)
}

/// The value types of a cell that matter here.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CellKind {
    /// `t="s"`: a shared string by index.
    Shared,
    /// `t="inlineStr"`.
    Inline,
    /// Anything else.
    Other,
}

impl CellKind {
    fn of(t: Option<&[u8]>) -> CellKind {
        match t {
            Some(b"s") => CellKind::Shared,
            Some(b"inlineStr") => CellKind::Inline,
            _ => CellKind::Other,
        }
    }
}

struct CellXml {
    position: (u32, u32),
    kind: CellKind,
    formula: Option<String>,
    has_value: bool,
    shared: Option<usize>,
    inline: Option<Vec<Run>>,
}

impl CellXml {
    fn finish(self, layout: &mut SheetLayout) {
        let (row, col) = self.position;
        if row >= MAX_ROWS || col >= MAX_COLUMNS {
            return;
        }
        if let Some(runs) = self.inline {
            layout.rich.insert(self.position, RichText::Inline(runs));
        }
        if let Some(index) = self.shared {
            layout.rich.insert(self.position, RichText::Shared(index));
        }
        if let (Some(formula), false) = (self.formula, self.has_value) {
            if self.kind != CellKind::Inline {
                layout.formulas.insert(self.position, formula);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr filterMode="1"/><sheetFormatPr zeroHeight="0"/><cols><col min="2" max="3" width="0" hidden="1"/></cols><sheetData><row r="1" ht="20" customHeight="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><rPr><strike/></rPr><t>old</t></r><r><t>new</t></r></is></c><c r="C1"><f>SUM(A1:B1)</f></c></row><row r="2" hidden="1"><c r="A2" t='s'><v>1</v></c></row></sheetData><autoFilter ref="A1:C2"><filterColumn colId="0"/></autoFilter><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells><!-- end --></worksheet>"#;

    #[test]
    fn a_sheet_reads_what_the_reader_needs() {
        let layout = sheet_layout(SHEET.as_bytes(), &[false, true], &[true, false]).unwrap();
        assert_eq!(layout.hidden_rows, BTreeSet::from([1]));
        assert_eq!(layout.hidden_columns, BTreeSet::from([1, 2]));
        assert!(layout.struck_cells.contains(&(0, 0)));
        assert!(matches!(
            layout.rich.get(&(0, 0)),
            Some(RichText::Shared(0))
        ));
        // The second string has no runs: nothing to look at.
        assert!(!layout.rich.contains_key(&(1, 0)));
        assert!(
            matches!(layout.rich.get(&(0, 1)), Some(RichText::Inline(runs)) if runs.len() == 2)
        );
        assert_eq!(
            layout.formulas.get(&(0, 2)).map(String::as_str),
            Some("SUM(A1:B1)")
        );
        assert_eq!(layout.merges.len(), 1);
        assert!(layout.filter.is_some_and(|f| f.active));
    }

    /// Cut anywhere or with any byte changed, the sheet is read or refused, never a panic.
    #[test]
    fn damaged_sheets_never_panic() {
        let bytes = SHEET.as_bytes();
        for cut in 0..bytes.len() {
            let _ = sheet_layout(&bytes[..cut], &[true], &[true]);
            let mut changed = bytes.to_vec();
            for replacement in [b'<', b'>', b'"', b'/', b'=', 0xE3] {
                changed[cut] = replacement;
                let _ = sheet_layout(&changed, &[true], &[true]);
                let _ = super::super::strings::shared_strings(&changed);
            }
        }
    }
}
