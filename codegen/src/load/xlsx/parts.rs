//! What a person sees in Excel that calamine does not report, read from the `.xlsx`
//! archive itself: which rows and columns are hidden, the sheet's autofilter, formulas
//! without a computed value, and the runs of rich-text strings with their strike-through
//! (見え消し).
//!
//! Only the parts the archive check has already inflated within its limits are read, and
//! only what the table needs is kept: positions past the sheet limits are ignored.

use std::collections::HashMap;
use std::io::{Read, Seek};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::layout::{has_filter_column, sheet_layout, RichText, SheetLayout};
use super::strings::shared_strings;
use super::styles::struck_formats;
use crate::load::archive::Inflated;
use crate::load::cell_ref::parse_range;
use crate::load::sheet::AutoFilter;
use crate::load::strike::Run;
use crate::load::xml::attr;

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
pub fn read<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    mut inflated: Inflated,
) -> Result<Archive, String> {
    let names: Vec<String> = archive
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let mut part = |path: &str| -> Result<Option<Vec<u8>>, String> {
        let path = path.trim_start_matches('/');
        let Some(name) = names.iter().find(|n| n.eq_ignore_ascii_case(path)) else {
            return Ok(None);
        };
        // Inflated once already, by the archive check.
        if let Some(bytes) = inflated.take(name) {
            return Ok(Some(bytes));
        }
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
    let struck = match rels.iter().find(|r| r.kind.ends_with("/styles")) {
        Some(rel) => match part(&resolve(&rel.target))? {
            Some(bytes) => struck_formats(&bytes).map_err(|err| format!("the styles: {err}"))?,
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    let with_runs: Vec<bool> = shared.iter().map(Option::is_some).collect();
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
            let mut layout = sheet_layout(&bytes, &struck, &with_runs)
                .map_err(|err| format!("the sheet {name}: {err}"))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn relative_part_paths() {
        assert_eq!(
            normalize_path("xl/worksheets/../tables/table1.xml"),
            "xl/tables/table1.xml"
        );
    }
}
