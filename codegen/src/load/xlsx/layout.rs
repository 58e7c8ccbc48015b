//! One worksheet's XML beyond its values: hidden rows and columns, the autofilter, rich
//! strings and formulas without a computed value.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap, FxHashSet};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::strings::{string_item, text_until};
use crate::load::cell_ref::{parse_cell_ref, parse_range};
use crate::load::limits::{MAX_COLUMNS, MAX_ROWS};
use crate::load::sheet::{AutoFilter, Merge};
use crate::load::strike::Run;
use crate::load::xml::{ascii_number, attr, is_on, raw_attrs, raw_is_on};

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
/// whether its font strikes text through.
///
/// This is the one pass the reader makes over a sheet beside calamine's, so it is lean:
/// events borrow the XML, a cell's attributes are read in one pass without copies, and a
/// value's text is read only where it matters (a shared string's index).
pub fn sheet_layout(xml: &[u8], struck_formats: &[bool]) -> Result<SheetLayout, String> {
    let mut reader = Reader::from_reader(xml);
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
    loop {
        let event = reader.read_event().map_err(|err| err.to_string())?;
        let (e, empty) = match event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                if e.local_name().as_ref() == "c" {
                    if let Some(done) = cell.take() {
                        done.finish(&mut layout);
                    }
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        match e.local_name().as_ref() {
            "c" => {
                let [r, s, t] = raw_attrs(&e, ["r", "s", "t"]);
                let position = r
                    .as_deref()
                    .and_then(parse_cell_ref)
                    .unwrap_or_else(|| (row.unwrap_or(0), col.map_or(0, |c| c + 1)));
                col = Some(position.1);
                let struck = s
                    .as_deref()
                    .and_then(ascii_number::<usize>)
                    .and_then(|s| struck_formats.get(s).copied())
                    .unwrap_or(false);
                if struck && position.0 < MAX_ROWS && position.1 < MAX_COLUMNS {
                    layout.struck_cells.insert(position);
                }
                let started = CellXml {
                    position,
                    kind: CellKind::of(t.as_deref()),
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
            "v" if !empty => {
                if let Some(cell) = &mut cell {
                    cell.has_value = true;
                    // Only a shared string's index is needed: its runs may strike text.
                    if cell.kind == CellKind::Shared {
                        cell.shared = index_until_end(&mut reader)?;
                    }
                }
            }
            "f" => {
                if let Some(cell) = &mut cell {
                    let text = if empty {
                        String::new()
                    } else {
                        text_until(&mut reader, "f", true)?
                    };
                    cell.formula = Some(text);
                }
            }
            "row" => {
                let [r, hidden, custom, ht] = raw_attrs(&e, ["r", "hidden", "customHeight", "ht"]);
                let number = r
                    .as_deref()
                    .and_then(ascii_number::<u32>)
                    .and_then(|r| r.checked_sub(1))
                    .unwrap_or_else(|| row.map_or(0, |r| r + 1));
                row = Some(number);
                col = None;
                let height = ht.as_deref().and_then(ascii_number::<f64>);
                let zero_height = raw_is_on(custom.as_deref()) && height.is_some_and(|h| h <= 0.0);
                if (raw_is_on(hidden.as_deref()) || zero_height) && number < MAX_ROWS {
                    layout.hidden_rows.insert(number);
                } else if number < MAX_ROWS && height.is_some_and(|h| h > 0.0) {
                    shown_rows.insert(number);
                }
                last_row = last_row.max(number.min(MAX_ROWS - 1));
            }
            "is" if !empty => {
                let runs = string_item(&mut reader, "is")?;
                if let Some(cell) = &mut cell {
                    cell.inline = runs;
                }
            }
            "sheetPr" => filter_mode = is_on(attr(&e, "filterMode")),
            "sheetFormatPr" => hidden_by_default = is_on(attr(&e, "zeroHeight")),
            "col" => {
                let width_zero = attr(&e, "width")
                    .and_then(|w| w.parse::<f64>().ok())
                    .is_some_and(|w| w <= 0.0);
                if is_on(attr(&e, "hidden")) || width_zero {
                    let min = attr(&e, "min").and_then(|v| v.parse::<u32>().ok());
                    let max = attr(&e, "max").and_then(|v| v.parse::<u32>().ok());
                    if let (Some(min), Some(max)) = (min, max) {
                        let last = max.min(MAX_COLUMNS);
                        layout.hidden_columns.extend(min.saturating_sub(1)..last);
                    }
                }
            }
            // Read here, in the one pass over the sheet, rather than by calamine, which
            // would parse the whole sheet again for them.
            "mergeCell" => {
                if let Some((start, end)) = attr(&e, "ref").and_then(|r| parse_range(&r)) {
                    layout.merges.push(Merge { start, end });
                }
            }
            "autoFilter" => {
                if let Some((start, end)) = attr(&e, "ref").and_then(|r| parse_range(&r)) {
                    let active = !empty && has_filter_column(&mut reader)?;
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

/// Reads a `<v>` to its end: the shared string index it holds, without copying its text.
fn index_until_end(reader: &mut Reader<&[u8]>) -> Result<Option<usize>, String> {
    let mut index = None;
    loop {
        match reader.read_event().map_err(|err| err.to_string())? {
            Event::Text(text) => index = text.as_ref().trim().parse().ok(),
            Event::End(e) if e.local_name().as_ref() == "v" => return Ok(index),
            Event::Eof => return Err("the XML ends inside a value".to_owned()),
            _ => {}
        }
    }
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
    fn of(t: Option<&str>) -> CellKind {
        match t {
            Some("s") => CellKind::Shared,
            Some("inlineStr") => CellKind::Inline,
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
