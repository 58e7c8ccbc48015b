//! The records of an `.xls` file's `Workbook` stream (BIFF8, MS-XLS) that calamine does
//! not report: `BoundSheet8` (sheet visibility), `Font` (strike-out), `XF` (a cell's font),
//! `SST` with its `Continue` records (the runs of rich strings), `Row` (`fDyZero`, hidden),
//! `ColInfo` (`fHidden`), each cell record's XF, `FilterMode` and the `_FilterDatabase`
//! name (an active autofilter and its range). This pass also enforces the sheet limits
//! before calamine builds its dense ranges.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;
use std::io::{Read, Seek};

use crate::load::limits::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_TOTAL_BYTES};
use crate::load::sheet::Visibility;
use crate::load::strike::Run;

pub type FilterRange = (usize, (u32, u32), (u32, u32));

/// What the records say about one sheet.
#[derive(Default)]
pub struct SheetRecords {
    pub name: String,
    pub visibility: Visibility,
    pub hidden_rows: BTreeSet<u32>,
    pub hidden_columns: BTreeSet<u32>,
    /// Each cell's XF index.
    pub xf: FxHashMap<(u32, u32), u16>,
    /// Cells that hold a shared string, by its index.
    pub shared: FxHashMap<(u32, u32), usize>,
    pub filter_mode: bool,
    pub filter: Option<((u32, u32), (u32, u32))>,
}

/// A string of the shared string table: its UTF-16 units and its runs (first unit, font).
pub struct SharedString {
    pub units: Vec<u16>,
    pub runs: Vec<(usize, u16)>,
}

pub struct Globals {
    /// Strike-out of each font, by font index (index 4 does not exist in BIFF8).
    pub font_strike: Vec<bool>,
    /// The font of each XF.
    pub xf_font: Vec<u16>,
    pub shared: Vec<SharedString>,
    pub sheets: Vec<SheetRecords>,
    /// Dates count from 1904 (`Date1904`).
    pub is_1904: bool,
}

impl Globals {
    pub fn font_struck(&self, font: u16) -> bool {
        let index = if font >= 4 { font - 1 } else { font } as usize;
        self.font_strike.get(index).copied().unwrap_or(false)
    }

    pub fn xf_struck(&self, xf: u16) -> bool {
        self.xf_font
            .get(xf as usize)
            .is_some_and(|&font| self.font_struck(font))
    }

    /// The runs of a rich shared string, with their strike-out; `None` for a plain one.
    pub fn runs(&self, index: usize) -> Option<Vec<Run>> {
        let string = self.shared.get(index)?;
        if string.runs.is_empty() {
            return None;
        }
        let decode = |units: &[u16]| {
            char::decode_utf16(units.iter().copied())
                .map(|c| c.unwrap_or('\u{FFFD}'))
                .collect::<String>()
        };
        let mut runs = Vec::new();
        let first = string.runs[0].0.min(string.units.len());
        if first > 0 {
            runs.push(Run {
                text: decode(&string.units[..first]),
                strike: None,
            });
        }
        for (i, &(start, font)) in string.runs.iter().enumerate() {
            let start = start.min(string.units.len());
            let end = string
                .runs
                .get(i + 1)
                .map_or(string.units.len(), |next| next.0.min(string.units.len()))
                .max(start);
            runs.push(Run {
                text: decode(&string.units[start..end]),
                strike: Some(self.font_struck(font)),
            });
        }
        Some(runs)
    }
}

/// The `Workbook` stream (or `Book`, of older files) of the compound file.
pub fn workbook_stream<R: Read + Seek>(source: &mut R) -> Result<Vec<u8>, String> {
    let mut file = cfb::CompoundFile::open(&mut *source)
        .map_err(|err| format!("not a readable Excel 97-2003 workbook (.xls): {err}"))?;
    let path = ["/Workbook", "/Book"]
        .into_iter()
        .find(|p| file.is_stream(p))
        .ok_or_else(|| {
            "not an Excel 97-2003 workbook (.xls): the file has no Workbook stream".to_owned()
        })?;
    let mut stream = file
        .open_stream(path)
        .map_err(|err| format!("cannot read the Workbook stream: {err}"))?;
    if stream.len() > MAX_TOTAL_BYTES {
        return Err(format!(
            "the Workbook stream holds {} bytes; a message table's holds well under a megabyte (at most {MAX_TOTAL_BYTES} accepted)",
            stream.len()
        ));
    }
    let mut bytes = Vec::new();
    stream
        .read_to_end(&mut bytes)
        .map_err(|err| format!("cannot read the Workbook stream: {err}"))?;
    // The first record is the workbook's BOF, whose version says the format: 0x0600 is
    // BIFF8 (Excel 97-2003); earlier ones (Excel 5.0/95 and before) write their texts in
    // the workbook's code page, which this reader does not decode.
    let version = match (u16_at(&bytes, 0), u16_at(&bytes, 4)) {
        (Some(BOF | 0x0409 | 0x0209 | 0x0009), Some(version)) => version,
        _ => return Err("not an Excel 97-2003 workbook (.xls): the Workbook stream does not begin with a BOF record".to_owned()),
    };
    if u16_at(&bytes, 0) != Some(BOF) || version != 0x0600 {
        let which = match version {
            0x0500 => "an Excel 5.0/95 workbook (BIFF5)",
            0x0400 => "an Excel 4.0 workbook (BIFF4)",
            0x0300 => "an Excel 3.0 workbook (BIFF3)",
            _ => "an Excel workbook older than Excel 97 (BIFF2 to BIFF5)",
        };
        return Err(format!(
            "the file is {which}: this reader reads Excel 97-2003 (.xls) and later; \
             open it in Excel and save it as Excel Workbook (.xlsx)"
        ));
    }
    Ok(bytes)
}

/// The records of a stream: (type, data, offset of the record).
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8], usize)> {
    let mut offset = 0usize;
    std::iter::from_fn(move || {
        let header = stream.get(offset..offset + 4)?;
        let kind = u16::from_le_bytes([header[0], header[1]]);
        let len = u16::from_le_bytes([header[2], header[3]]) as usize;
        let data = stream.get(offset + 4..offset + 4 + len)?;
        let at = offset;
        offset += 4 + len;
        Some((kind, data, at))
    })
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const CONTINUE: u16 = 0x003C;

pub fn read_records(stream: &[u8]) -> Result<Globals, String> {
    let mut globals = Globals {
        font_strike: Vec::new(),
        xf_font: Vec::new(),
        shared: Vec::new(),
        sheets: Vec::new(),
        is_1904: false,
    };
    // Each worksheet's offset and its place among all the sheets the workbook lists.
    let mut sheet_offsets: Vec<(usize, usize)> = Vec::new();
    // The other sheets (charts, macro sheets): not the table, but calamine reads them too.
    let mut other_offsets: Vec<(usize, String)> = Vec::new();
    let mut listed = 0usize;
    // (sheet index, first cell, last cell) of each _FilterDatabase name.
    let mut filters: Vec<FilterRange> = Vec::new();
    let mut iter = records(stream).peekable();
    while let Some((kind, data, _)) = iter.next() {
        match kind {
            EOF => break,
            0x0022 => globals.is_1904 = u16_at(data, 0) == Some(1),
            0x0031 => {
                let grbit = u16_at(data, 2).unwrap_or(0);
                globals.font_strike.push(grbit & 0x0008 != 0);
            }
            0x00E0 => globals.xf_font.push(u16_at(data, 0).unwrap_or(0)),
            0x0085 => {
                let offset = u32_at(data, 0).unwrap_or(0) as usize;
                let state = data.get(4).copied().unwrap_or(0) & 0x03;
                let sheet_type = data.get(5).copied().unwrap_or(0);
                let name = short_string(data.get(6..).unwrap_or(&[])).unwrap_or_default();
                listed += 1;
                if sheet_type != 0 {
                    other_offsets.push((offset, name));
                } else {
                    sheet_offsets.push((offset, listed - 1));
                    globals.sheets.push(SheetRecords {
                        name,
                        visibility: match state {
                            0 => Visibility::Visible,
                            1 => Visibility::Hidden,
                            _ => Visibility::VeryHidden,
                        },
                        ..SheetRecords::default()
                    });
                }
            }
            0x0018 => {
                if let Some(filter) = filter_database(data) {
                    filters.push(filter);
                }
            }
            0x00FC => {
                let mut segments = vec![data];
                while let Some(&(CONTINUE, next, _)) = iter.peek() {
                    segments.push(next);
                    iter.next();
                }
                globals.shared = shared_strings(&segments)
                    .ok_or_else(|| "the shared strings (SST) are corrupt".to_owned())?;
            }
            _ => {}
        }
    }
    // calamine reads every sheet the workbook lists: the others are checked as well.
    for (offset, name) in other_offsets {
        let sheet = stream.get(offset..).unwrap_or(&[]);
        read_sheet(
            sheet,
            &mut SheetRecords {
                name,
                ..SheetRecords::default()
            },
        )?;
    }
    for (index, (offset, listed_as)) in sheet_offsets.into_iter().enumerate() {
        let sheet = stream
            .get(offset..)
            .ok_or_else(|| format!("the sheet {} starts past the end of the stream", index + 1))?;
        let records_of = &mut globals.sheets[index];
        read_sheet(sheet, records_of)?;
        // The _FilterDatabase name's sheet index counts every sheet the workbook lists.
        records_of.filter = filters
            .iter()
            .find(|(sheet, ..)| *sheet == listed_as)
            .map(|&(_, start, end)| (start, end));
    }
    Ok(globals)
}

/// A `ShortXLUnicodeString`: a count of characters, a flag for two-byte characters, the
/// characters.
fn short_string(data: &[u8]) -> Option<String> {
    let count = *data.first()? as usize;
    let high = data.get(1)? & 0x01 != 0;
    let chars = data.get(2..)?;
    Some(decode(chars, count, high))
}

fn decode(bytes: &[u8], count: usize, high: bool) -> String {
    if high {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .take(count)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().take(count).map(|&b| char::from(b)).collect()
    }
}

/// The sheet index and range of a built-in `_FilterDatabase` name (an autofilter).
fn filter_database(data: &[u8]) -> Option<FilterRange> {
    let grbit = u16_at(data, 0)?;
    let builtin = grbit & 0x0020 != 0;
    let name_len = *data.get(3)? as usize;
    let formula_len = u16_at(data, 4)? as usize;
    let sheet = u16_at(data, 8)? as usize;
    let high = data.get(14)? & 0x01 != 0;
    let name_start = 15;
    let name_bytes = if high { name_len * 2 } else { name_len };
    let first = *data.get(name_start)?;
    if !builtin || name_len != 1 || first != 0x0D || sheet == 0 {
        return None;
    }
    let formula = data.get(name_start + name_bytes..name_start + name_bytes + formula_len)?;
    // PtgArea3d: ptg, ixti, rwFirst, rwLast, colFirst, colLast.
    if !matches!(formula.first()?, 0x3B | 0x5B | 0x7B) {
        return None;
    }
    let row_first = u32::from(u16_at(formula, 3)?);
    let row_last = u32::from(u16_at(formula, 5)?);
    let col_first = u32::from(u16_at(formula, 7)? & 0x3FFF);
    let col_last = u32::from(u16_at(formula, 9)? & 0x3FFF);
    Some((sheet - 1, (row_first, col_first), (row_last, col_last)))
}

/// The rows and columns an Excel 97-2003 sheet can have.
const BIFF8_ROWS: u32 = 65_536;
const BIFF8_COLUMNS: u32 = 256;

/// Reads a sheet's substream from its BOF to its EOF.
fn read_sheet(stream: &[u8], sheet: &mut SheetRecords) -> Result<(), String> {
    let mut cells = 0usize;
    // calamine lays each sheet out densely, from A1 to its last cell: that area is bounded.
    let mut bounds = (0u32, 0u32);
    let mut place = |sheet: &mut SheetRecords, row: u32, col: u32, xf: u16| -> Result<(), String> {
        if row >= MAX_ROWS || col >= MAX_COLUMNS {
            return Err(format!(
                "the sheet {} has a cell at row {}, column {}; a message table has at most {MAX_ROWS} rows and {MAX_COLUMNS} columns",
                sheet.name,
                row + 1,
                col + 1
            ));
        }
        cells += 1;
        bounds = (bounds.0.max(row + 1), bounds.1.max(col + 1));
        if cells > MAX_CELLS || u64::from(bounds.0) * u64::from(bounds.1) > MAX_CELLS as u64 {
            return Err(format!(
                "the sheet {} has more than {MAX_CELLS} cells, or cells spread over more than that \
                 ({} rows by {} columns); a message table has about a thousand",
                sheet.name, bounds.0, bounds.1
            ));
        }
        sheet.xf.insert((row, col), xf);
        Ok(())
    };
    // Walked as calamine walks it: nested substreams (embedded charts) are passed over, the
    // sheet ends at its own EOF.
    let mut seen_sheet_bof = false;
    let mut depth = 0usize;
    for (index, (kind, data, _)) in records(stream).enumerate() {
        if index == 0 && kind != BOF {
            return Err(format!(
                "the sheet {} does not start where the workbook says",
                sheet.name
            ));
        }
        if depth > 0 {
            match kind {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        if kind == BOF {
            if seen_sheet_bof {
                depth += 1;
            }
            seen_sheet_bof = true;
            continue;
        }
        let cell = || -> Option<(u32, u32, u16)> {
            Some((
                u32::from(u16_at(data, 0)?),
                u32::from(u16_at(data, 2)?),
                u16_at(data, 4)?,
            ))
        };
        match kind {
            EOF => break,
            // Dimensions: calamine reserves room for the rows and columns it declares.
            0x0200 => {
                let (first_row, last_row, last_col) = match data.len() {
                    10 => (
                        u32::from(u16_at(data, 0).unwrap_or(0)),
                        u32::from(u16_at(data, 2).unwrap_or(0)),
                        u32::from(u16_at(data, 6).unwrap_or(0)),
                    ),
                    14 | 16 => (
                        u32_at(data, 0).unwrap_or(0),
                        u32_at(data, 4).unwrap_or(0),
                        u32::from(u16_at(data, 10).unwrap_or(0)),
                    ),
                    _ => (0, 0, 0),
                };
                // Its first row after its last (the last is exclusive) is not a sheet. The
                // extent is a declaration, not content: calamine reserves room for it, so it
                // is bounded by what BIFF8 can address (65,536 rows, 256 columns), not by
                // the size of a message table.
                let reversed = last_row >= 1 && last_col >= 1 && first_row >= last_row;
                if last_row > BIFF8_ROWS || last_col > BIFF8_COLUMNS || reversed {
                    return Err(format!(
                        "the sheet {} declares its cells from row {} to row {last_row}, over {last_col} columns; \
                         expected a sheet of at most {BIFF8_ROWS} rows and {BIFF8_COLUMNS} columns, its first row before its last",
                        sheet.name,
                        first_row + 1
                    ));
                }
            }
            0x0208 => {
                let row = u32::from(u16_at(data, 0).unwrap_or(0));
                let flags = u16_at(data, 12).unwrap_or(0);
                if flags & 0x0020 != 0 && row < MAX_ROWS {
                    sheet.hidden_rows.insert(row);
                }
            }
            0x007D => {
                let first = u32::from(u16_at(data, 0).unwrap_or(0));
                let last = u32::from(u16_at(data, 2).unwrap_or(0));
                let flags = u16_at(data, 8).unwrap_or(0);
                if flags & 0x0001 != 0 {
                    sheet
                        .hidden_columns
                        .extend(first.min(MAX_COLUMNS)..=last.min(MAX_COLUMNS - 1));
                }
            }
            0x009B => sheet.filter_mode = true,
            // LabelSst: a shared string.
            0x00FD => {
                if let Some((row, col, xf)) = cell() {
                    place(sheet, row, col, xf)?;
                    if let Some(index) = u32_at(data, 6) {
                        sheet.shared.insert((row, col), index as usize);
                    }
                }
            }
            // Number, RK, Label, BoolErr, Formula, RString. Blank and MulBlank (formatted empty
            // cells, which calamine does not keep either) cost nothing.
            0x0203 | 0x027E | 0x0204 | 0x0205 | 0x0006 | 0x00D6 => {
                if let Some((row, col, xf)) = cell() {
                    place(sheet, row, col, xf)?;
                }
            }
            // MulRk: an XF and an RK for each column.
            0x00BD => {
                let step = 6;
                let row = u32::from(u16_at(data, 0).unwrap_or(0));
                let first = u32::from(u16_at(data, 2).unwrap_or(0));
                let count = data.len().saturating_sub(6) / step;
                for i in 0..count {
                    if let Some(xf) = u16_at(data, 4 + i * step) {
                        place(sheet, row, first + i as u32, xf)?;
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The SST split over its record and the `Continue` records after it. A string's
/// characters that cross into a `Continue` record resume after a new flags byte.
struct Segments<'a> {
    segments: &'a [&'a [u8]],
    index: usize,
    pos: usize,
}

impl Segments<'_> {
    /// Whether every byte of every segment has been read.
    fn at_end(&self) -> bool {
        self.current().is_empty()
            && self.segments[(self.index + 1).min(self.segments.len())..]
                .iter()
                .all(|s| s.is_empty())
    }

    fn current(&self) -> &[u8] {
        self.segments
            .get(self.index)
            .map_or(&[][..], |s| s.get(self.pos..).unwrap_or(&[]))
    }

    fn next_segment(&mut self) -> Option<()> {
        self.index += 1;
        self.pos = 0;
        (self.index < self.segments.len()).then_some(())
    }

    fn byte(&mut self) -> Option<u8> {
        while self.current().is_empty() {
            self.next_segment()?;
        }
        let b = self.current()[0];
        self.pos += 1;
        Some(b)
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.byte()?, self.byte()?]))
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes([
            self.byte()?,
            self.byte()?,
            self.byte()?,
            self.byte()?,
        ]))
    }

    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            while self.current().is_empty() {
                self.next_segment()?;
            }
            let take = n.min(self.current().len());
            self.pos += take;
            n -= take;
        }
        Some(())
    }

    fn chars(&mut self, count: usize, mut high: bool) -> Option<Vec<u16>> {
        let mut units = Vec::with_capacity(count.min(1 << 16));
        while units.len() < count {
            if self.current().is_empty() {
                self.next_segment()?;
                high = self.byte()? & 0x01 != 0;
                continue;
            }
            if high {
                let lo = self.byte()?;
                let hi = self.byte()?;
                units.push(u16::from_le_bytes([lo, hi]));
            } else {
                units.push(u16::from(self.byte()?));
            }
        }
        Some(units)
    }
}

fn shared_strings(segments: &[&[u8]]) -> Option<Vec<SharedString>> {
    let mut reader = Segments {
        segments,
        index: 0,
        pos: 0,
    };
    let _total = reader.u32()?;
    // The count of unique strings is what the writer says; some writers say wrong (Excel
    // and calamine read the file all the same). The strings are read as far as they go,
    // and end where the record's data ends, between two strings.
    let unique = reader.u32()? as usize;
    let mut strings = Vec::with_capacity(unique.min(1 << 16));
    while !reader.at_end() {
        match shared_string(&mut reader) {
            Some(string) => strings.push(string),
            // Past the count declared, what does not read as a string is not one.
            None if strings.len() >= unique => break,
            None => return None,
        }
    }
    Some(strings)
}

/// One string of the shared string table, from its character count to its last run.
fn shared_string(reader: &mut Segments<'_>) -> Option<SharedString> {
    let count = reader.u16()? as usize;
    let flags = reader.byte()?;
    let high = flags & 0x01 != 0;
    let run_count = if flags & 0x08 != 0 {
        reader.u16()? as usize
    } else {
        0
    };
    let ext = if flags & 0x04 != 0 {
        reader.u32()? as usize
    } else {
        0
    };
    let units = reader.chars(count, high)?;
    let mut runs = Vec::with_capacity(run_count.min(1 << 12));
    for _ in 0..run_count {
        let first = reader.u16()? as usize;
        let font = reader.u16()?;
        runs.push((first, font));
    }
    reader.skip(ext)?;
    Some(SharedString { units, runs })
}
