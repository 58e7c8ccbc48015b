//! Loading an `.xlsx` workbook into plain sheets of cells with calamine.
//!
//! Cells are streamed and kept sparse, so a stray cell far from the table costs one
//! entry, not the bounding box; limits on sheet size refuse absurd workbooks early.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx};
use oqs_messages_table::parse::normalize_text;

use crate::ooxml::{self, AutoFilter, Run};

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

/// Whether a sheet's tab shows in Excel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Visibility {
    /// Its tab shows.
    #[default]
    Visible,
    /// Hidden (Excel's 再表示 shows it again).
    Hidden,
    /// Very hidden (only a macro or the file's XML shows it).
    VeryHidden,
}

/// Text struck through (見え消し) in a cell, which is not read as published text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Struck {
    /// The struck text, as it stands in the cell.
    pub text: String,
    /// Whether everything in the cell was struck through (the cell reads as empty).
    pub whole: bool,
}

/// One worksheet as a person sees it in Excel: its name, its non-empty cells by (row,
/// column) with struck-through text taken out, its merged regions, and what is hidden.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    /// The sheet's name as shown on its tab.
    pub name: String,
    /// Whether its tab shows.
    pub visibility: Visibility,
    /// Non-empty cells, ordered by row then column, without struck-through text.
    pub cells: BTreeMap<(u32, u32), CellValue>,
    /// Every cell a merged region covers, other than its top-left, to that top-left; only
    /// within the rows and columns that hold cells.
    pub merged_into: MergedInto,
    /// The merged regions.
    pub merges: Vec<Merge>,
    /// Each merged region by its top-left cell: an index into `merges`.
    merge_starts: HashMap<(u32, u32), usize>,
    /// Rows hidden (by hand or by a filter), 0-based.
    pub hidden_rows: BTreeSet<u32>,
    /// Columns hidden, 0-based.
    pub hidden_columns: BTreeSet<u32>,
    /// The sheet's autofilter, if any.
    pub filter: Option<AutoFilter>,
    /// Cells where struck-through text was taken out.
    pub struck: BTreeMap<(u32, u32), Struck>,
}

/// A sheet as one format's reader found it, struck-through text already taken out:
/// [`finish_sheet`] indexes its merges.
#[derive(Clone, Debug, Default)]
pub struct SheetParts {
    /// Non-empty cells, without struck-through text.
    pub cells: BTreeMap<(u32, u32), CellValue>,
    /// Cells where struck-through text was taken out.
    pub struck: BTreeMap<(u32, u32), Struck>,
    /// The merged regions.
    pub merges: Vec<Merge>,
    /// Rows hidden (by hand or by an autofilter whose range [`SheetParts::filter`] gives).
    pub hidden_rows: BTreeSet<u32>,
    /// Columns hidden.
    pub hidden_columns: BTreeSet<u32>,
    /// The sheet's autofilter, if any.
    pub filter: Option<AutoFilter>,
}

/// A sheet from its parts, with its merges indexed (within the limits).
pub fn finish_sheet(
    name: String,
    visibility: Visibility,
    parts: SheetParts,
) -> Result<Sheet, String> {
    let merged_into = index_merges(&parts.merges, &parts.cells)?;
    let merge_starts = parts
        .merges
        .iter()
        .enumerate()
        .map(|(i, m)| (m.start, i))
        .collect();
    Ok(Sheet {
        name,
        visibility,
        cells: parts.cells,
        merged_into,
        merges: parts.merges,
        merge_starts,
        hidden_rows: parts.hidden_rows,
        hidden_columns: parts.hidden_columns,
        filter: parts.filter,
        struck: parts.struck,
    })
}

/// A covered cell's position to the top-left of its merged region.
pub type MergedInto = HashMap<(u32, u32), (u32, u32)>;

impl Sheet {
    /// The cell whose value shows at a position: the top-left of its merge, or itself.
    pub fn origin(&self, pos: (u32, u32)) -> (u32, u32) {
        self.merged_into.get(&pos).copied().unwrap_or(pos)
    }

    /// The merged region whose top-left is this cell.
    pub fn merge_at(&self, start: (u32, u32)) -> Option<&Merge> {
        self.merges.get(*self.merge_starts.get(&start)?)
    }

    /// Whether a row is hidden by an active autofilter: a view, not an edit, so its
    /// contents are read.
    pub fn is_filtered(&self, row: u32) -> bool {
        self.hidden_rows.contains(&row)
            && self
                .filter
                .is_some_and(|f| f.active && f.start.0 < row && row <= f.end.0)
    }

    /// Whether a row is hidden other than by an active autofilter: not published.
    pub fn is_row_hidden(&self, row: u32) -> bool {
        self.hidden_rows.contains(&row) && !self.is_filtered(row)
    }

    /// Whether a column is hidden.
    pub fn is_column_hidden(&self, col: u32) -> bool {
        self.hidden_columns.contains(&col)
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

/// Loads every worksheet of a workbook file.
pub fn load(path: &Path) -> Result<Vec<Sheet>, LoadError> {
    let file = File::open(path).map_err(|err| LoadError {
        sheet: None,
        message: format!("cannot open the file: {err}"),
    })?;
    load_from(BufReader::new(file))
}

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

/// Loads every worksheet of an `.xlsx` workbook from any seekable reader (a file, bytes in
/// memory), as Excel shows it: values with struck-through text taken out, merges, hidden
/// sheets, rows and columns.
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

fn load_checked<R: Read + Seek>(mut source: R) -> Result<Vec<Sheet>, LoadError> {
    let fail = |message: String| LoadError {
        sheet: None,
        message,
    };
    let format = sniff(&mut source);
    match format {
        Format::Xlsx => {}
        Format::Ods => {
            let mut archive = open_checked_archive(&mut source, format)?;
            return crate::ods::load(&mut archive);
        }
        Format::Xls => return crate::xls::load(source),
        Format::Xlsb => {
            return Err(fail(format!(
                "the file is {}: this reader cannot see which rows are hidden and which text is struck \
                 through in that format, and could read a table other than the one Excel shows; \
                 open it in Excel and save it as Excel Workbook (.xlsx)",
                format.describe()
            )))
        }
        Format::Encrypted => {
            return Err(fail(format!(
                "the file is {}; open it in Excel, remove the password and save it as Excel Workbook (.xlsx)",
                format.describe()
            )))
        }
        Format::OtherZip | Format::Text | Format::Unknown => {
            return Err(fail(format!(
                "the file is {}; expected the ministry's workbook saved as Excel Workbook (.xlsx)",
                format.describe()
            )))
        }
    }
    let mut archive = {
        let mut archive = open_checked_archive(&mut source, format)?;
        ooxml::read(&mut archive)
            .map_err(|err| fail(format!("not a readable Excel workbook (.xlsx): {err}")))?
    };
    // calamine reads the file from its start again.
    source
        .rewind()
        .map_err(|err| fail(format!("cannot read the file: {err}")))?;
    let mut workbook = Xlsx::new(source).map_err(|err| LoadError {
        sheet: None,
        message: format!("not a readable Excel workbook (.xlsx): {err}"),
    })?;
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

/// Inflates every part of the archive into nothing, counting bytes, before calamine
/// loads anything: a zip bomb (a small file whose sheet inflates to gigabytes) is refused
/// after at most [`MAX_PART_BYTES`] of work and with constant memory. Declared sizes are
/// checked too, but not trusted: they can lie.
fn open_checked_archive<R: Read + Seek>(
    source: &mut R,
    format: Format,
) -> Result<zip::ZipArchive<&mut R>, LoadError> {
    let fail = |message: String| LoadError {
        sheet: None,
        message,
    };
    let unreadable = match format {
        Format::Ods => "not a readable OpenDocument spreadsheet (.ods)",
        _ => "not a readable Excel workbook (.xlsx)",
    };
    let mut archive =
        zip::ZipArchive::new(&mut *source).map_err(|err| fail(format!("{unreadable}: {err}")))?;
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
            .map_err(|err| fail(format!("{unreadable}: {err}")))?;
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
    Ok(archive)
}

fn load_sheet<R: Read + Seek>(
    workbook: &mut Xlsx<R>,
    archive: &mut ooxml::Archive,
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
        if let Some(value) = convert(cell.get_value(), is_1904) {
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
    let layout = archive.sheets.remove(&name).unwrap_or_default();
    // A formula that was never calculated shows as a formula to whoever opens the file.
    for (pos, formula) in &layout.formulas {
        cells.entry(*pos).or_insert_with(|| {
            CellValue::Other(format!(
                "a formula (={formula}) with no stored value; open the workbook in Excel and save it again"
            ))
        });
    }
    let styles = workbook
        .worksheet_style(&name)
        .map_err(|err| fail(format!("cannot read the cells' formats: {err}")))?;
    let cell_struck = |pos: (u32, u32)| {
        styles
            .get(pos)
            .and_then(|style| style.font.as_ref())
            .is_some_and(|font| font.has_strikethrough())
    };
    let mut struck = BTreeMap::new();
    let positions: Vec<(u32, u32)> = cells.keys().copied().collect();
    for pos in positions {
        let runs = layout.rich.get(&pos).and_then(|rich| archive.runs(rich));
        let Some(value) = cells.get(&pos) else {
            continue;
        };
        if let Some((live, dropped)) = take_out_strike(value, cell_struck(pos), runs) {
            match live {
                Some(live) => cells.insert(pos, live),
                None => cells.remove(&pos),
            };
            struck.insert(pos, dropped);
        }
    }
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

/// A cell's value without its struck-through text, and what was taken out; `None` when
/// nothing in it is struck through. A line left blank by the strike goes with it.
pub fn take_out_strike(
    value: &CellValue,
    cell_struck: bool,
    runs: Option<&[Run]>,
) -> Option<(Option<CellValue>, Struck)> {
    let whole = |text: String| Some((None, Struck { text, whole: true }));
    let runs = match runs {
        Some(runs) if runs.iter().any(|r| r.strike.unwrap_or(cell_struck)) => runs,
        _ if cell_struck => {
            return whole(match value {
                CellValue::Text(text) => text.clone(),
                CellValue::Number(n) => format!("{n}"),
                CellValue::Other(what) => what.clone(),
            })
        }
        _ => return None,
    };
    // (live text, whether struck text stood on the line)
    let mut lines: Vec<(String, bool)> = vec![(String::new(), false)];
    let mut dropped = String::new();
    for run in runs {
        let struck = run.strike.unwrap_or(cell_struck);
        let text = run.text.replace("\r\n", "\n").replace('\r', "\n");
        if struck {
            dropped.push_str(&text);
        }
        for (i, piece) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push((String::new(), false));
            }
            if let Some(line) = lines.last_mut() {
                if struck {
                    line.1 |= !piece.is_empty();
                } else {
                    line.0.push_str(piece);
                }
            }
        }
    }
    let live: Vec<&str> = lines
        .iter()
        .filter(|(text, had_struck)| !(*had_struck && text.trim().is_empty()))
        .map(|(text, _)| text.as_str())
        .collect();
    let live = normalize_text(&live.join("\n"));
    let dropped = normalize_text(&dropped);
    if live.chars().all(char::is_whitespace) {
        return whole(dropped);
    }
    Some((
        Some(CellValue::Text(live)),
        Struck {
            text: dropped,
            whole: false,
        },
    ))
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

/// An Excel date serial as Excel shows it by default in Japan: `2025/4/1`, with the time
/// when there is one (`2025/4/1 9:30`).
pub fn excel_date(serial: f64, is_1904: bool) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return format!("{serial}");
    }
    let mut days = serial.trunc() as i64;
    // Day 0 is 1899-12-31 in the 1900 system, which counts a 29 February 1900 that never
    // was; 1904-01-01 in the 1904 system.
    let (y, m, d) = if is_1904 {
        civil_from_days(days + days_from_civil(1904, 1, 1))
    } else if days == 60 {
        (1900, 2, 29)
    } else {
        if days > 60 {
            days -= 1;
        }
        civil_from_days(days + days_from_civil(1899, 12, 31))
    };
    let seconds = ((serial.fract()) * 86_400.0).round() as i64;
    if seconds == 0 {
        format!("{y}/{m}/{d}")
    } else {
        format!("{y}/{m}/{d} {}:{:02}", seconds / 3600, seconds % 3600 / 60)
    }
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar.
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
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

    #[test]
    fn dates_as_excel_shows_them() {
        assert_eq!(excel_date(45748.0, false), "2025/4/1");
        assert_eq!(excel_date(1.0, false), "1900/1/1");
        assert_eq!(excel_date(61.0, false), "1900/3/1");
        assert_eq!(excel_date(45748.5, false), "2025/4/1 12:00");
        assert_eq!(excel_date(0.0, true), "1904/1/1");
    }

    #[test]
    fn struck_runs_taken_out() {
        let run = |text: &str, strike: Option<bool>| Run {
            text: text.to_owned(),
            strike,
        };
        let value = CellValue::Text("0x03000001\n0x03000002".to_owned());
        let runs = [run("0x03000001", Some(true)), run("\n0x03000002", None)];
        let (live, struck) = take_out_strike(&value, false, Some(&runs)).unwrap();
        assert_eq!(live, Some(CellValue::Text("0x03000002".to_owned())));
        assert_eq!(struck.text, "0x03000001");
        assert!(!struck.whole);
        // A cell struck through whole, with a run that is not.
        let runs = [run("旧", None), run("新", Some(false))];
        let (live, _) = take_out_strike(&value, true, Some(&runs)).unwrap();
        assert_eq!(live, Some(CellValue::Text("新".to_owned())));
        assert!(take_out_strike(&value, false, None).is_none());
        let (live, struck) = take_out_strike(&value, true, None).unwrap();
        assert_eq!((live, struck.whole), (None, true));
    }
}
