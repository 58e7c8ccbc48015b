//! What a person sees in Excel that calamine does not report, read from the `.xlsx`
//! archive itself: which rows and columns are hidden, the sheet's autofilter, formulas
//! without a computed value, and the runs of rich-text strings with their strike-through
//! (見え消し).
//!
//! Only the parts the archive check has already inflated within its limits are read, and
//! only what the table needs is kept: positions past the sheet limits are ignored.

use std::collections::{BTreeSet, HashMap};
use std::io::{Read, Seek};

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::workbook::{MAX_COLUMNS, MAX_ROWS};

/// A run of a rich-text string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Its text, as calamine reads it.
    pub text: String,
    /// Its own strike-through, when the run has formatting (`<rPr>`); `None` takes the
    /// cell's font.
    pub strike: Option<bool>,
}

/// The rich text of a cell: a shared string by index, or an inline string.
#[derive(Clone, Debug)]
pub enum RichText {
    /// The index into the shared strings.
    Shared(usize),
    /// The runs of an inline string.
    Inline(Vec<Run>),
}

/// The range of an autofilter, 0-based and inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AutoFilter {
    /// Top-left (row, column).
    pub start: (u32, u32),
    /// Bottom-right (row, column).
    pub end: (u32, u32),
    /// Whether it filters (has a criterion on some column): only then are rows hidden by it.
    pub active: bool,
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
    pub rich: HashMap<(u32, u32), RichText>,
    /// Cells with a formula and no computed value, with the formula's text.
    pub formulas: HashMap<(u32, u32), String>,
}

/// The parts of a workbook this module reads, by sheet name.
#[derive(Debug, Default)]
pub struct Archive {
    /// Each worksheet's layout, by its name.
    pub sheets: HashMap<String, SheetLayout>,
    /// The runs of each shared string that has runs (`None` for plain strings).
    pub shared: Vec<Option<Vec<Run>>>,
}

impl Archive {
    /// The runs of a rich-text cell.
    pub fn runs<'a>(&'a self, rich: &'a RichText) -> Option<&'a [Run]> {
        match rich {
            RichText::Shared(index) => self.shared.get(*index)?.as_deref(),
            RichText::Inline(runs) => Some(runs),
        }
    }
}

/// Reads the layout of every worksheet and the runs of the shared strings.
pub fn read<R: Read + Seek>(archive: &mut zip::ZipArchive<R>) -> Result<Archive, String> {
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let mut part = |path: &str| -> Result<Option<Vec<u8>>, String> {
        let path = path.trim_start_matches('/');
        let Some(name) = names.iter().find(|n| n.eq_ignore_ascii_case(path)) else {
            return Ok(None);
        };
        let mut file = archive
            .by_name(name)
            .map_err(|err| format!("the part {name} cannot be read: {err}"))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(|err| format!("the part {name} is corrupt: {err}"))?;
        Ok(Some(bytes))
    };
    let workbook_path = part("_rels/.rels")?
        .and_then(|rels| {
            relationships(&rels)
                .into_iter()
                .find(|r| r.kind.ends_with("/officeDocument"))
                .map(|r| r.target.trim_start_matches('/').to_owned())
        })
        .unwrap_or_else(|| "xl/workbook.xml".to_owned());
    let base = workbook_path
        .rsplit_once('/')
        .map_or(String::new(), |(dir, _)| format!("{dir}/"));
    let rels_path = format!("{base}_rels/{}.rels", &workbook_path[base.len()..]);
    let rels = part(&rels_path)?.map_or_else(Vec::new, |bytes| relationships(&bytes));
    let resolve = |target: &str| match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("{base}{target}"),
    };
    let shared = match rels.iter().find(|r| r.kind.ends_with("/sharedStrings")) {
        Some(rel) => match part(&resolve(&rel.target))? {
            Some(bytes) => {
                shared_strings(&bytes).map_err(|err| format!("the shared strings: {err}"))?
            }
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    let mut sheets = HashMap::new();
    let Some(workbook) = part(&workbook_path)? else {
        return Ok(Archive { sheets, shared });
    };
    for (name, id) in sheet_ids(&workbook) {
        let Some(rel) = rels.iter().find(|r| r.id == id) else {
            continue;
        };
        let sheet_path = resolve(&rel.target);
        if let Some(bytes) = part(&sheet_path)? {
            let mut layout =
                sheet_layout(&bytes).map_err(|err| format!("the sheet {name}: {err}"))?;
            if layout.filter.is_none() {
                // A table (ListObject) on the sheet carries its autofilter in its own part.
                layout.filter = table_filter(&mut part, &sheet_path)?;
            }
            sheets.insert(name, layout);
        }
    }
    Ok(Archive { sheets, shared })
}

/// The autofilter of the first table (ListObject) of a sheet that has one.
fn table_filter(
    part: &mut impl FnMut(&str) -> Result<Option<Vec<u8>>, String>,
    sheet_path: &str,
) -> Result<Option<AutoFilter>, String> {
    let (dir, file) = sheet_path.rsplit_once('/').unwrap_or(("", sheet_path));
    let Some(rels) = part(&format!("{dir}/_rels/{file}.rels"))? else {
        return Ok(None);
    };
    for rel in relationships(&rels)
        .iter()
        .filter(|r| r.kind.ends_with("/table"))
    {
        let target = match rel.target.strip_prefix('/') {
            Some(absolute) => absolute.to_owned(),
            None => normalize_path(&format!("{dir}/{}", rel.target)),
        };
        let Some(table) = part(&target)? else {
            continue;
        };
        let mut reader = Reader::from_reader(table.as_slice());
        let mut buf = Vec::new();
        loop {
            match reader.read_event_into(&mut buf) {
                Ok(Event::Start(e)) if e.local_name().as_ref() == "autoFilter" => {
                    if let Some((start, end)) = attr(&e, "ref").and_then(|r| parse_range(&r)) {
                        let active = has_filter_column(&mut reader)?;
                        return Ok(Some(AutoFilter { start, end, active }));
                    }
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
            buf.clear();
        }
    }
    Ok(None)
}

/// `xl/worksheets/../tables/table1.xml` as `xl/tables/table1.xml`.
fn normalize_path(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for piece in path.split('/') {
        match piece {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    parts.join("/")
}

struct Relationship {
    id: String,
    kind: String,
    target: String,
}

fn attr(element: &BytesStart<'_>, local: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// Whether an OOXML boolean attribute is on (`1` or `true`).
fn is_on(value: Option<String>) -> bool {
    matches!(value.as_deref(), Some("1" | "true"))
}

fn relationships(xml: &[u8]) -> Vec<Relationship> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut found = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(id), Some(kind), Some(target)) =
                    (attr(&e, "Id"), attr(&e, "Type"), attr(&e, "Target"))
                {
                    found.push(Relationship { id, kind, target });
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    found
}

/// (name, relationship id) of each sheet in `workbook.xml`.
fn sheet_ids(xml: &[u8]) -> Vec<(String, String)> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut found = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sheet" => {
                if let (Some(name), Some(id)) = (attr(&e, "name"), attr(&e, "id")) {
                    found.push((name, id));
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    found
}

/// The runs of each shared string; `None` for a plain string.
fn shared_strings(xml: &[u8]) -> Result<Vec<Option<Vec<Run>>>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut strings = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "si" => {
                strings.push(string_item(&mut reader, "si")?);
            }
            Ok(Event::Empty(e)) if e.local_name().as_ref() == "si" => strings.push(None),
            Ok(Event::Eof) => break,
            Err(err) => return Err(err.to_string()),
            _ => {}
        }
        buf.clear();
    }
    Ok(strings)
}

/// Reads a string item (`<si>` or `<is>`) up to its end: its runs when it has any.
fn string_item(reader: &mut Reader<&[u8]>, end: &str) -> Result<Option<Vec<Run>>, String> {
    let mut buf = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut has_runs = false;
    let mut in_run = false;
    let mut in_run_format = false;
    let mut phonetic = false;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|err| err.to_string())?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "r" => {
                    has_runs = true;
                    in_run = true;
                    runs.push(Run {
                        text: String::new(),
                        strike: None,
                    });
                }
                "rPr" if in_run => {
                    in_run_format = true;
                    if let Some(run) = runs.last_mut() {
                        run.strike = Some(false);
                    }
                }
                "strike" if in_run_format => set_strike(&mut runs, &e),
                "rPh" => phonetic = true,
                "t" if !phonetic => {
                    let preserve = attr(&e, "space").as_deref() == Some("preserve");
                    let text = text_until(reader, "t", preserve)?;
                    match runs.last_mut() {
                        Some(run) if in_run => run.text.push_str(&text),
                        _ => runs.push(Run { text, strike: None }),
                    }
                }
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "rPr" if in_run => {
                    if let Some(run) = runs.last_mut() {
                        run.strike = Some(false);
                    }
                }
                "strike" if in_run_format => set_strike(&mut runs, &e),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "r" => in_run = false,
                "rPr" => in_run_format = false,
                "rPh" => phonetic = false,
                name if name == end => break,
                _ => {}
            },
            Event::Eof => return Err("the XML ends inside a string".to_owned()),
            _ => {}
        }
        buf.clear();
    }
    Ok(has_runs.then_some(runs))
}

fn set_strike(runs: &mut [Run], element: &BytesStart<'_>) {
    let on = !matches!(attr(element, "val").as_deref(), Some("0" | "false"));
    if let Some(run) = runs.last_mut() {
        run.strike = Some(on);
    }
}

/// The text of an element up to its end, unescaped as calamine does (`_x000D_` escapes;
/// blanks at both ends trimmed unless `xml:space="preserve"`).
fn text_until(reader: &mut Reader<&[u8]>, end: &str, preserve: bool) -> Result<String, String> {
    let mut buf = Vec::new();
    let mut value = String::new();
    loop {
        match reader
            .read_event_into(&mut buf)
            .map_err(|err| err.to_string())?
        {
            Event::Text(t) => value.push_str(&t.xml10_content()),
            Event::CData(t) => value.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => value.extend(entity_text(&r)),
            Event::End(e) if e.local_name().as_ref() == end => break,
            Event::Eof => return Err("the XML ends inside a text".to_owned()),
            _ => {}
        }
        buf.clear();
    }
    let value = if preserve {
        value.as_str()
    } else {
        value.trim_matches([' ', '\t', '\r', '\n'])
    };
    Ok(unescape_ooxml(value))
}

/// The text of an entity or character reference (`&amp;`, `&#10;`); `None` for an entity
/// XML does not define, which is left out as Excel and LibreOffice leave it out.
pub fn entity_text(reference: &BytesRef<'_>) -> Option<String> {
    let name: &str = reference;
    quick_xml::escape::resolve_xml_entity(name)
        .map(str::to_owned)
        .or_else(|| {
            reference
                .resolve_char_ref()
                .ok()
                .flatten()
                .map(String::from)
        })
}

/// `_xHHHH_` escapes (UTF-16 code units) as characters; `_x005F_` escapes an underscore.
fn unescape_ooxml(text: &str) -> String {
    let mut units: Vec<u16> = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let flush = |units: &mut Vec<u16>, out: &mut String| {
        out.extend(char::decode_utf16(units.drain(..)).map(|c| c.unwrap_or('\u{FFFD}')));
    };
    while let Some(index) = rest.find("_x") {
        let escape = rest
            .get(index..index + 7)
            .filter(|s| s.ends_with('_'))
            .and_then(|s| u16::from_str_radix(&s[2..6], 16).ok());
        match escape {
            Some(unit) => {
                if index > 0 {
                    flush(&mut units, &mut out);
                    out.push_str(&rest[..index]);
                }
                units.push(unit);
                rest = &rest[index + 7..];
            }
            None => {
                flush(&mut units, &mut out);
                out.push_str(&rest[..index + 2]);
                rest = &rest[index + 2..];
            }
        }
    }
    flush(&mut units, &mut out);
    out.push_str(rest);
    out
}

/// `B14` as (13, 1); `None` when malformed.
pub fn parse_cell_ref(text: &str) -> Option<(u32, u32)> {
    let text = text.trim_start_matches('$');
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = text[..letters].bytes().fold(0u32, |acc, b| {
        acc * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row: u32 = text[letters..].trim_start_matches('$').parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

/// `A2:H98` as its corners; a single cell is both.
pub fn parse_range(text: &str) -> Option<((u32, u32), (u32, u32))> {
    match text.split_once(':') {
        Some((start, end)) => Some((parse_cell_ref(start)?, parse_cell_ref(end)?)),
        None => parse_cell_ref(text).map(|cell| (cell, cell)),
    }
}

fn sheet_layout(xml: &[u8]) -> Result<SheetLayout, String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut layout = SheetLayout::default();
    let mut filter_mode = false;
    let mut row: Option<u32> = None;
    let mut col: Option<u32> = None;
    // The cell being read: its position, type, formula, whether it has a value.
    let mut cell: Option<CellXml> = None;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|err| err.to_string())?;
        let (e, empty) = match event {
            Event::Start(e) => (e.into_owned(), false),
            Event::Empty(e) => (e.into_owned(), true),
            Event::End(e) => {
                if e.local_name().as_ref() == "c" {
                    if let Some(done) = cell.take() {
                        done.finish(&mut layout);
                    }
                }
                buf.clear();
                continue;
            }
            Event::Eof => break,
            _ => {
                buf.clear();
                continue;
            }
        };
        match e.local_name().as_ref() {
            "sheetPr" => filter_mode = is_on(attr(&e, "filterMode")),
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
            "row" => {
                let number = attr(&e, "r")
                    .and_then(|r| r.parse::<u32>().ok())
                    .and_then(|r| r.checked_sub(1))
                    .unwrap_or_else(|| row.map_or(0, |r| r + 1));
                row = Some(number);
                col = None;
                let zero_height = is_on(attr(&e, "customHeight"))
                    && attr(&e, "ht")
                        .and_then(|h| h.parse::<f64>().ok())
                        .is_some_and(|h| h <= 0.0);
                if (is_on(attr(&e, "hidden")) || zero_height) && number < MAX_ROWS {
                    layout.hidden_rows.insert(number);
                }
            }
            "c" => {
                let position = attr(&e, "r")
                    .and_then(|r| parse_cell_ref(&r))
                    .unwrap_or_else(|| (row.unwrap_or(0), col.map_or(0, |c| c + 1)));
                col = Some(position.1);
                let started = CellXml {
                    position,
                    kind: attr(&e, "t").unwrap_or_default(),
                    formula: None,
                    value: None,
                    inline: None,
                };
                if empty {
                    started.finish(&mut layout);
                } else {
                    cell = Some(started);
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
            "v" if !empty => {
                if let Some(cell) = &mut cell {
                    cell.value = Some(text_until(&mut reader, "v", true)?);
                }
            }
            "is" if !empty => {
                let runs = string_item(&mut reader, "is")?;
                if let Some(cell) = &mut cell {
                    cell.inline = runs;
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
        buf.clear();
    }
    if let Some(filter) = &mut layout.filter {
        filter.active |= filter_mode;
    }
    Ok(layout)
}

/// Reads an `<autoFilter>` to its end: whether it has a `<filterColumn>`, a criterion.
fn has_filter_column(reader: &mut Reader<&[u8]>) -> Result<bool, String> {
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

struct CellXml {
    position: (u32, u32),
    kind: String,
    formula: Option<String>,
    value: Option<String>,
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
        if self.kind == "s" {
            if let Some(index) = self.value.as_deref().and_then(|v| v.trim().parse().ok()) {
                layout.rich.insert(self.position, RichText::Shared(index));
            }
        }
        if let (Some(formula), None) = (self.formula, &self.value) {
            if self.kind != "inlineStr" {
                layout.formulas.insert(self.position, formula);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references() {
        assert_eq!(parse_cell_ref("A1"), Some((0, 0)));
        assert_eq!(parse_cell_ref("$H$98"), Some((97, 7)));
        assert_eq!(parse_cell_ref("AA10"), Some((9, 26)));
        assert_eq!(parse_cell_ref("A0"), None);
        assert_eq!(parse_range("A2:H98"), Some(((1, 0), (97, 7))));
    }

    #[test]
    fn relative_part_paths() {
        assert_eq!(
            normalize_path("xl/worksheets/../tables/table1.xml"),
            "xl/tables/table1.xml"
        );
    }

    #[test]
    fn ooxml_escapes() {
        assert_eq!(unescape_ooxml("a_x000D_b"), "a\rb");
        assert_eq!(unescape_ooxml("_x005F_x000D_"), "_x000D_");
        assert_eq!(unescape_ooxml("_xD83D__xDCF7_"), "📷");
        assert_eq!(unescape_ooxml("no_xescape"), "no_xescape");
    }

    #[test]
    fn struck_runs_in_shared_strings() {
        let xml = r#"<sst><si><t>plain</t></si><si><r><rPr><strike/></rPr><t>0x03000001</t></r><r><t xml:space="preserve">
0x03000002</t></r><rPh><t>ふりがな</t></rPh></si><si><r><rPr><strike val="0"/><b/></rPr><t>a&amp;b</t></r></si></sst>"#;
        let strings = shared_strings(xml.as_bytes()).unwrap();
        assert_eq!(strings[0], None);
        assert_eq!(
            strings[1].as_deref(),
            Some(
                &[
                    Run {
                        text: "0x03000001".into(),
                        strike: Some(true)
                    },
                    Run {
                        text: "\n0x03000002".into(),
                        strike: None
                    }
                ][..]
            )
        );
        assert_eq!(
            strings[2].as_deref(),
            Some(
                &[Run {
                    text: "a&b".into(),
                    strike: Some(false)
                }][..]
            )
        );
    }
}
