//! OpenDocument spreadsheets (`.ods`), read as LibreOffice or Excel shows them: values,
//! merged cells (`number-rows-spanned`, `number-columns-spanned`), hidden sheets, rows and
//! columns (`table:visibility="collapse"`; rows a filter hides, `"filter"`, are read), and
//! struck-through text (`style:text-line-through-style`) in a cell's style or a span's.
//!
//! calamine reads the values of an `.ods` but not its merges, hidden rows or formats, so
//! `content.xml` (and the named styles of `styles.xml`) are read here directly.

use std::collections::HashMap;
use std::io::{Read, Seek};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::load::cells::{CellValue, Cells, Position};
use crate::load::dates::{days_from_civil, excel_date};
use crate::load::limits::{MAX_CELLS, MAX_COLUMNS, MAX_PART_BYTES, MAX_ROWS};
use crate::load::sheet::{finish_sheet, LoadError, Merge, Sheet, SheetParts, Struck, Visibility};
use crate::load::strike::{take_out_strike, Run};
use crate::load::xml::entity_text;

/// What a style says that matters here.
#[derive(Clone, Debug, Default)]
struct Style {
    parent: Option<String>,
    /// `Some(true)` struck through, `Some(false)` explicitly not, `None` inherited.
    strike: Option<bool>,
    /// For a table's style: `table:display="false"` hides the sheet.
    hidden_table: bool,
}

#[derive(Default)]
struct Styles(HashMap<String, Style>);

impl Styles {
    fn strike(&self, name: Option<&str>) -> Option<bool> {
        let mut next = name;
        // Parents form a chain; a loop in a malformed file ends after a few steps.
        for _ in 0..32 {
            let style = self.0.get(next?)?;
            if style.strike.is_some() {
                return style.strike;
            }
            next = style.parent.as_deref();
        }
        None
    }
}

fn attr(element: &BytesStart<'_>, qualified: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == qualified)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

fn count(element: &BytesStart<'_>, qualified: &str) -> u32 {
    attr(element, qualified)
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1)
}

fn read_styles(xml: &[u8], styles: &mut Styles) -> Result<(), String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut current: Option<String> = None;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|err| err.to_string())?;
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "style:style" => {
                    if let Some(name) = attr(e, "style:name") {
                        styles.0.insert(
                            name.clone(),
                            Style {
                                parent: attr(e, "style:parent-style-name"),
                                ..Style::default()
                            },
                        );
                        current = matches!(event, Event::Start(_)).then_some(name);
                    }
                }
                "style:text-properties" => {
                    if let Some(style) = current.as_ref().and_then(|n| styles.0.get_mut(n)) {
                        // LibreOffice writes either attribute alone; "none" in either
                        // takes the line away.
                        let kind = attr(e, "style:text-line-through-type");
                        let line = attr(e, "style:text-line-through-style");
                        if kind.is_some() || line.is_some() {
                            style.strike = Some(
                                line.as_deref() != Some("none") && kind.as_deref() != Some("none"),
                            );
                        }
                    }
                }
                "style:table-properties" => {
                    if let Some(style) = current.as_ref().and_then(|n| styles.0.get_mut(n)) {
                        style.hidden_table = attr(e, "table:display").as_deref() == Some("false");
                    }
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == "style:style" => current = None,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// Loads every sheet of an `.ods` archive whose parts were already checked for size.
pub fn load<R: Read + Seek>(archive: &mut zip::ZipArchive<R>) -> Result<Vec<Sheet>, LoadError> {
    let fail = |message: String| LoadError {
        sheet: None,
        message,
    };
    let mut part = |name: &str| -> Result<Option<Vec<u8>>, LoadError> {
        let Ok(mut file) = archive.by_name(name) else {
            return Ok(None);
        };
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(|err| fail(format!("the part {name} is corrupt: {err}")))?;
        Ok(Some(bytes))
    };
    let mut styles = Styles::default();
    if let Some(bytes) = part("styles.xml")? {
        read_styles(&bytes, &mut styles)
            .map_err(|err| fail(format!("the part styles.xml is not readable: {err}")))?;
    }
    let content = part("content.xml")?
        .ok_or_else(|| fail("the OpenDocument spreadsheet has no content.xml".to_owned()))?;
    read_styles(&content, &mut styles)
        .map_err(|err| fail(format!("the part content.xml is not readable: {err}")))?;
    read_tables(&content, &styles)
}

/// A table being read.
struct TableState {
    name: String,
    visibility: Visibility,
    parts: SheetParts,
    /// The cells placed so far, in the sheet's order: [`Cells`] once the table ends.
    cells: Vec<(Position, CellValue)>,
    row: u32,
    col: u32,
    /// Each column's default cell style, for cells without one of their own.
    column_styles: Vec<Option<String>>,
    column: u32,
    row_repeat: u32,
    row_hidden: bool,
    /// The cells of the row being read, to repeat when the row is: the value shown
    /// (without struck-through text) and what was struck through.
    row_cells: Vec<(u32, Option<CellValue>, Option<Struck>)>,
    /// The bytes of text placed so far: repeated cells must not multiply a large text
    /// past what the archive check allows.
    text_bytes: u64,
    /// Why the sheet is refused, found inside a row.
    error: Option<String>,
}

/// A cell being read.
struct CellState {
    col: u32,
    repeat: u32,
    value: Option<CellValue>,
    value_type: Option<String>,
    formula: Option<String>,
    struck: bool,
    runs: Vec<Run>,
    paragraphs: u32,
    /// The strike of each open span, innermost last.
    spans: Vec<Option<bool>>,
}

impl CellState {
    /// An element opened inside the cell: a paragraph (a line) or a span (its strike).
    fn start_element(&mut self, element: &BytesStart<'_>, styles: &Styles) {
        match element.name().as_ref() {
            "text:p" | "text:h" => self.start_paragraph(),
            "text:span" => {
                let strike = styles.strike(attr(element, "text:style-name").as_deref());
                self.spans.push(strike);
            }
            _ => {}
        }
    }

    /// An empty element inside the cell: blanks, a tab, a line break, an empty paragraph.
    fn empty_element(&mut self, element: &BytesStart<'_>) {
        match element.name().as_ref() {
            "text:s" => {
                let n = count(element, "text:c").min(1000) as usize;
                self.push_text(&" ".repeat(n));
            }
            "text:tab" => self.push_text("\t"),
            "text:line-break" => self.push_text("\n"),
            "text:p" | "text:h" => self.start_paragraph(),
            _ => {}
        }
    }

    /// A paragraph after the first begins a new line.
    fn start_paragraph(&mut self) {
        if self.paragraphs > 0 {
            self.push_text("\n");
        }
        self.paragraphs += 1;
    }

    fn push_text(&mut self, text: &str) {
        let strike = self.spans.iter().rev().find_map(|s| *s);
        match self.runs.last_mut() {
            Some(run) if run.strike == strike => run.text.push_str(text),
            _ => self.runs.push(Run {
                text: text.to_owned(),
                strike,
            }),
        }
    }
}

impl TableState {
    /// A table from its `<table:table>` element.
    fn start(element: &BytesStart<'_>, styles: &Styles) -> TableState {
        let name = attr(element, "table:name").unwrap_or_default();
        let hidden = attr(element, "table:style-name")
            .and_then(|s| styles.0.get(&s))
            .is_some_and(|s| s.hidden_table);
        TableState {
            name,
            visibility: if hidden {
                Visibility::Hidden
            } else {
                Visibility::Visible
            },
            parts: SheetParts::default(),
            cells: Vec::new(),
            row: 0,
            col: 0,
            column_styles: Vec::new(),
            column: 0,
            row_repeat: 1,
            row_hidden: false,
            row_cells: Vec::new(),
            text_bytes: 0,
            error: None,
        }
    }

    /// The columns a `<table:table-column>` declares: hidden or not, and their default
    /// cell style.
    fn add_columns(&mut self, element: &BytesStart<'_>) {
        let repeat = count(element, "table:number-columns-repeated");
        let hidden = attr(element, "table:visibility").is_some_and(|v| v != "visible");
        let style = attr(element, "table:default-cell-style-name");
        for _ in 0..repeat {
            if self.column >= MAX_COLUMNS {
                break;
            }
            if hidden {
                self.parts.hidden_columns.insert(self.column);
            }
            self.column_styles.push(style.clone());
            self.column += 1;
        }
    }

    /// A cell from its `<table:table-cell>` or `<table:covered-table-cell>` element: its
    /// merge, style and typed value; its text follows.
    fn start_cell(&mut self, element: &BytesStart<'_>, styles: &Styles) -> CellState {
        let repeat = count(element, "table:number-columns-repeated");
        let col = self.col;
        self.col = self.col.saturating_add(repeat);
        if element.name().as_ref() == "table:table-cell" {
            let rows = count(element, "table:number-rows-spanned");
            let cols = count(element, "table:number-columns-spanned");
            if rows > 1 || cols > 1 {
                self.parts.merges.push(Merge {
                    start: (self.row, col),
                    end: (
                        self.row.saturating_add(rows - 1),
                        col.saturating_add(cols - 1),
                    ),
                });
            }
        }
        let style = attr(element, "table:style-name")
            .or_else(|| self.column_styles.get(col as usize).cloned().flatten());
        let value_type = attr(element, "office:value-type");
        let value = match value_type.as_deref() {
            Some("float" | "percentage" | "currency") => attr(element, "office:value")
                .and_then(|v| v.parse::<f64>().ok())
                .map(CellValue::Number),
            Some("date") => attr(element, "office:date-value")
                .map(|v| CellValue::Other(format!("a date ({})", iso_date_shown(&v)))),
            Some("time") => attr(element, "office:time-value")
                .map(|v| CellValue::Other(format!("a time ({v})"))),
            Some("boolean") => attr(element, "office:boolean-value")
                .map(|v| CellValue::Other(format!("the boolean {v}"))),
            _ => None,
        };
        CellState {
            col,
            repeat,
            value,
            value_type,
            formula: attr(element, "table:formula"),
            struck: styles.strike(style.as_deref()).unwrap_or(false),
            runs: Vec::new(),
            paragraphs: 0,
            spans: Vec::new(),
        }
    }
}

fn read_tables(xml: &[u8], styles: &Styles) -> Result<Vec<Sheet>, LoadError> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut sheets = Vec::new();
    let mut table: Option<TableState> = None;
    let mut cell: Option<CellState> = None;
    let fail = |sheet: Option<&TableState>, message: String| LoadError {
        sheet: sheet.map(|t| t.name.clone()),
        message,
    };
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|err| {
            fail(
                table.as_ref(),
                format!("content.xml is not readable: {err}"),
            )
        })?;
        let is_empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "table:table" => {
                table = Some(TableState::start(&e, styles));
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if let Some(mut done) = table.take() {
                    let name = done.name.clone();
                    done.parts.cells = Cells::new(done.cells);
                    let sheet = finish_sheet(name.clone(), done.visibility, done.parts).map_err(
                        |message| LoadError {
                            sheet: Some(name),
                            message,
                        },
                    )?;
                    sheets.push(sheet);
                }
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "table:table-column" => {
                if let Some(t) = &mut table {
                    t.add_columns(&e);
                }
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                if let Some(t) = &mut table {
                    t.col = 0;
                    t.row_cells.clear();
                    t.row_repeat = count(&e, "table:number-rows-repeated");
                    // "filter": hidden by a filter, a view; "collapse": hidden.
                    t.row_hidden = attr(&e, "table:visibility").as_deref() == Some("collapse");
                    if is_empty {
                        end_row(t).map_err(|m| fail(Some(t), m))?;
                    }
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if let Some(t) = &mut table {
                    end_row(t).map_err(|m| fail(Some(t), m))?;
                }
            }
            Event::Start(e) | Event::Empty(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                let Some(t) = &mut table else {
                    buf.clear();
                    continue;
                };
                let started = t.start_cell(&e, styles);
                if is_empty {
                    end_cell(t, started);
                } else {
                    cell = Some(started);
                }
            }
            Event::End(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                if let (Some(t), Some(done)) = (&mut table, cell.take()) {
                    end_cell(t, done);
                }
            }
            Event::Start(e) if cell.is_some() => {
                let Some(c) = cell.as_mut() else {
                    buf.clear();
                    continue;
                };
                if e.name().as_ref() == "office:annotation" {
                    // Notes to a cell are not the cell's text.
                    skip_to_end(&mut reader, "office:annotation")
                        .map_err(|m| fail(table.as_ref(), m))?;
                } else {
                    c.start_element(&e, styles);
                }
            }
            Event::Empty(e) if cell.is_some() => {
                let Some(c) = cell.as_mut() else {
                    buf.clear();
                    continue;
                };
                c.empty_element(&e);
            }
            Event::End(e) if cell.is_some() && e.name().as_ref() == "text:span" => {
                if let Some(c) = &mut cell {
                    c.spans.pop();
                }
            }
            Event::Text(t) if cell.is_some() => {
                let text = t.xml10_content().into_owned();
                if let Some(c) = &mut cell {
                    c.push_text(&text);
                }
            }
            Event::GeneralRef(r) if cell.is_some() => {
                if let (Some(c), Some(text)) = (&mut cell, entity_text(&r)) {
                    c.push_text(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(sheets)
}

fn skip_to_end(reader: &mut Reader<&[u8]>, name: &str) -> Result<(), String> {
    let mut buf = Vec::new();
    let mut depth = 1u32;
    loop {
        match reader
            .read_event_into(&mut buf)
            .map_err(|err| err.to_string())?
        {
            Event::Start(e) if e.name().as_ref() == name => depth += 1,
            Event::End(e) if e.name().as_ref() == name => {
                depth -= 1;
                if depth == 0 {
                    return Ok(());
                }
            }
            Event::Eof => return Err(format!("the XML ends inside {name}")),
            _ => {}
        }
        buf.clear();
    }
}

/// `2025-04-01` (or `2025-04-01T09:30:00`) as Excel shows a date.
fn iso_date_shown(value: &str) -> String {
    let date = value.get(..10).unwrap_or(value);
    let parts: Vec<i64> = date.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts.as_slice() {
        [y, m, d] => {
            // Through the same formatting as an Excel serial, so both read alike.
            let serial = days_from_civil(*y, *m, *d) - days_from_civil(1899, 12, 30);
            let time = value.get(11..16).map_or(String::new(), |t| format!(" {t}"));
            let shown = excel_date(serial as f64, false);
            format!("{shown}{}", time.trim_end_matches(" 00:00"))
        }
        _ => value.to_owned(),
    }
}

fn end_cell(t: &mut TableState, cell: CellState) {
    let text: String = cell.runs.iter().map(|r| r.text.as_str()).collect();
    let value = match cell.value {
        Some(value) => Some(value),
        None if cell.formula.is_some() && cell.value_type.is_none() => {
            Some(CellValue::Other(format!(
                "a formula ({}) with no stored value; open the workbook and save it again",
                cell.formula.unwrap_or_default()
            )))
        }
        None if text.chars().all(char::is_whitespace) => None,
        None => Some(CellValue::Text(
            text.replace("\r\n", "\n").replace('\r', "\n"),
        )),
    };
    let Some(value) = value else {
        return;
    };
    // A large text repeated across columns would multiply past the archive's limits.
    let text_len = match &value {
        CellValue::Text(text) => text.len() as u64,
        _ => 0,
    };
    if text_len.saturating_mul(u64::from(cell.repeat)) > MAX_PART_BYTES {
        t.error.get_or_insert_with(|| {
            format!("a cell repeated {} times holds {text_len} bytes of text; a message table's cells hold a few hundred", cell.repeat)
        });
        return;
    }
    let runs = matches!(value, CellValue::Text(_)).then_some(cell.runs.as_slice());
    let (shown, struck) = match take_out_strike(&value, cell.struck, runs) {
        Some((shown, struck)) => (shown, Some(struck)),
        None => (Some(value), None),
    };
    for i in 0..cell.repeat.min(MAX_COLUMNS + 1) {
        t.row_cells
            .push((cell.col.saturating_add(i), shown.clone(), struck.clone()));
    }
}

/// Places the row's cells, once per repetition of the row; refuses a sheet past the
/// limits on rows, columns, cells and text.
fn end_row(t: &mut TableState) -> Result<(), String> {
    if let Some(error) = t.error.take() {
        return Err(error);
    }
    let repeat = t.row_repeat;
    for i in 0..repeat {
        let row = t.row.saturating_add(i);
        if row >= MAX_ROWS {
            if t.row_cells.is_empty() {
                break;
            }
            return Err(format!(
                "the sheet has more than {MAX_ROWS} rows; a message table has about a hundred"
            ));
        }
        if t.row_hidden {
            t.parts.hidden_rows.insert(row);
        }
        for (col, value, struck) in &t.row_cells {
            if *col >= MAX_COLUMNS {
                return Err(format!(
                    "the sheet has a cell at row {}, column {}; a message table has at most {MAX_ROWS} rows and {MAX_COLUMNS} columns",
                    row + 1,
                    col + 1
                ));
            }
            if let Some(value) = value {
                if let CellValue::Text(text) = value {
                    t.text_bytes += text.len() as u64;
                }
                t.cells.push(((row, *col), value.clone()));
            }
            if let Some(struck) = struck {
                t.parts.struck.insert((row, *col), struck.clone());
            }
        }
        if t.cells.len() > MAX_CELLS || t.text_bytes > MAX_PART_BYTES {
            return Err(format!(
                "the sheet has more than {MAX_CELLS} non-empty cells or {MAX_PART_BYTES} bytes of text; \
                 a message table has about a thousand cells"
            ));
        }
    }
    t.row = t.row.saturating_add(repeat);
    t.row_cells.clear();
    Ok(())
}
