//! Finding the table: the visible sheet with the header row of the eight titles, and the
//! title with the version above it.

use oqs_messages_table::parse::{self, quote};
use oqs_messages_table::Version;

use super::column::Column;
use super::notice::Notice;
use super::problem::Problem;
use crate::load::{cell_name, column_letters, CellValue, Sheet, Visibility};

/// Where the header row is: the sheet, the row, and the column of each title.
pub struct Header<'a> {
    pub sheet: &'a Sheet,
    pub row: u32,
    pub columns: [u32; 8],
}

impl Header<'_> {
    pub fn col(&self, column: Column) -> u32 {
        self.columns[column as usize]
    }

    pub fn cell(&self, row: u32, column: Column) -> String {
        cell_name(&self.sheet.name, (row, self.col(column)))
    }

    /// The row across the table's columns, as Excel names a range: `一覧!A14:H14`.
    pub fn row_range(&self, row: u32) -> String {
        let first = self.columns.iter().min().copied().unwrap_or(0);
        let last = self.columns.iter().max().copied().unwrap_or(0);
        format!(
            "{}:{}{}",
            cell_name(&self.sheet.name, (row, first)),
            column_letters(last),
            row + 1
        )
    }
}

/// What was read from the title above the header.
pub struct Title {
    /// The title text.
    pub text: String,
    /// The version at its end.
    pub version: Version,
    /// The title's cell, e.g. `一覧!A1`.
    pub cell: String,
}

fn titles_list() -> String {
    Column::ALL
        .iter()
        .map(|c| c.title())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The texts a person sees in a row: visible columns only, each cell where its value
/// stands (the top-left of a merge), in column order.
pub fn visible_texts(sheet: &Sheet, row: u32) -> Vec<(u32, &str)> {
    sheet
        .cells
        .row(row)
        .iter()
        .filter(|(pos, _)| !sheet.is_column_hidden(pos.1) && sheet.origin(*pos) == *pos)
        .filter_map(|&((_, col), ref value)| match value {
            CellValue::Text(text) => Some((col, text.as_str())),
            _ => None,
        })
        .collect()
}

/// The header of one sheet: the first visible row with the eight titles, or the partial
/// header with the most titles, or the problem of a title that appears twice.
enum SheetHeader {
    Found { row: u32, columns: [u32; 8] },
    Partial { row: u32, found: Vec<Column> },
    Twice(Problem),
    None,
}

fn sheet_header(sheet: &Sheet) -> SheetHeader {
    let mut best: Option<(u32, Vec<Column>)> = None;
    let mut cells: Vec<(u32, &str)> = Vec::new();
    // Row by row from the top: the header is found near it.
    for row in 0..=sheet.cells.last_row() {
        if sheet.is_row_hidden(row) {
            continue;
        }
        cells.clear();
        cells.extend(
            sheet
                .cells
                .row(row)
                .iter()
                .filter_map(|((_, col), value)| match value {
                    CellValue::Text(text) if !sheet.is_column_hidden(*col) => {
                        Some((*col, text.as_str()))
                    }
                    _ => None,
                }),
        );
        if cells.is_empty() {
            continue;
        }
        let mut columns = [None; 8];
        let mut found = Vec::new();
        for column in Column::ALL {
            let matching: Vec<u32> = cells
                .iter()
                .filter(|(_, text)| column.matches(text))
                .map(|(col, _)| *col)
                .collect();
            match matching.as_slice() {
                [] => {}
                [col] => {
                    columns[column as usize] = Some(*col);
                    found.push(column);
                }
                [first, second, ..] => {
                    return SheetHeader::Twice(Problem {
                        place: Some(cell_name(&sheet.name, (row, *second))),
                        message: format!(
                            "the header row has two visible columns titled {} (the first at {})",
                            column.title(),
                            cell_name(&sheet.name, (row, *first))
                        ),
                    });
                }
            }
        }
        if let Some(columns) = columns.iter().copied().collect::<Option<Vec<u32>>>() {
            let columns = columns.try_into().unwrap_or([0; 8]);
            return SheetHeader::Found { row, columns };
        }
        if found.len() >= 3 && best.as_ref().is_none_or(|(_, b)| found.len() > b.len()) {
            best = Some((row, found));
        }
    }
    match best {
        Some((row, found)) => SheetHeader::Partial { row, found },
        None => SheetHeader::None,
    }
}

/// The header row of the one visible sheet that has the eight titles; each hidden sheet
/// noted as not read.
pub fn find_header<'a>(
    sheets: &'a [Sheet],
    notices: &mut Vec<Notice>,
) -> Result<Header<'a>, Problem> {
    // The partial header with the most titles, to explain what is missing.
    let mut best: Option<(&Sheet, u32, Vec<Column>)> = None;
    let mut found: Option<Header<'a>> = None;
    let mut hidden_table: Option<&Sheet> = None;
    for sheet in sheets {
        let visible = sheet.visibility == Visibility::Visible;
        if !visible {
            notices.push(Notice {
                place: sheet.name.clone(),
                message: format!(
                    "the sheet is {}: not read",
                    if sheet.visibility == Visibility::Hidden {
                        "hidden"
                    } else {
                        "very hidden"
                    }
                ),
            });
        }
        match sheet_header(sheet) {
            SheetHeader::Found { row, columns } if visible => {
                if let Some(first) = &found {
                    return Err(Problem {
                        place: Some(cell_name(&sheet.name, (row, columns[0]))),
                        message: format!(
                            "a second visible sheet holds the table (the first is {}); expected the table on one sheet",
                            first.sheet.name
                        ),
                    });
                }
                found = Some(Header {
                    sheet,
                    row,
                    columns,
                });
            }
            SheetHeader::Found { .. } => {
                hidden_table.get_or_insert(sheet);
            }
            SheetHeader::Twice(problem) if visible => return Err(problem),
            SheetHeader::Partial { row, found }
                if visible && best.as_ref().is_none_or(|(_, _, b)| found.len() > b.len()) =>
            {
                best = Some((sheet, row, found));
            }
            _ => {}
        }
    }
    if let Some(header) = found {
        return Ok(header);
    }
    if let Some(sheet) = hidden_table {
        return Err(Problem {
            place: Some(sheet.name.clone()),
            message: "the only table is on this sheet, which is hidden: a hidden sheet is not published; \
                      expected the table on a visible sheet (unhide it in Excel if it is the table)"
                .to_owned(),
        });
    }
    Err(no_header(sheets, best))
}

/// Why no header was found: the titles the best partial header lacks, or the visible
/// sheets, none of which has one.
fn no_header(sheets: &[Sheet], best: Option<(&Sheet, u32, Vec<Column>)>) -> Problem {
    match best {
        Some((sheet, row, found)) => {
            let missing: Vec<&str> = Column::ALL
                .iter()
                .filter(|c| !found.contains(c))
                .map(|c| c.title())
                .collect();
            let first_col = visible_texts(sheet, row).first().map_or(0, |(col, _)| *col);
            Problem {
                place: Some(cell_name(&sheet.name, (row, first_col))),
                message: format!(
                    "the header row lacks the visible column{} {}; expected the eight titles {}",
                    if missing.len() > 1 { "s" } else { "" },
                    missing.join(", "),
                    titles_list()
                ),
            }
        }
        None => {
            let names: Vec<&str> = sheets
                .iter()
                .filter(|s| s.visibility == Visibility::Visible)
                .map(|s| s.name.as_str())
                .collect();
            Problem {
                place: None,
                message: format!(
                    "no visible sheet has a header row with the titles {} (visible sheets: {})",
                    titles_list(),
                    if names.is_empty() {
                        "none".to_owned()
                    } else {
                        names.join(", ")
                    }
                ),
            }
        }
    }
}

/// The title with its version: the first text above the header that ends with one.
pub fn read_title(header: &Header<'_>) -> Result<Title, Problem> {
    let sheet = header.sheet;
    let mut first_text: Option<((u32, u32), &str)> = None;
    for row in (0..header.row).filter(|&row| !sheet.is_row_hidden(row)) {
        for (col, text) in visible_texts(sheet, row) {
            if let Some(version) = parse::title_version(text) {
                return Ok(Title {
                    text: text.to_owned(),
                    version,
                    cell: cell_name(&sheet.name, (row, col)),
                });
            }
            first_text.get_or_insert(((row, col), text));
        }
    }
    let (place, found) = match first_text {
        Some((pos, text)) => (pos, quote(text)),
        None => (
            (header.row, header.col(Column::Code)),
            "no text above the header".to_owned(),
        ),
    };
    Err(Problem {
        place: Some(cell_name(&sheet.name, place)),
        message: format!(
            "expected the title with its version above the header, like \
             …メッセージID別問い合わせ先一覧_1.25版, found {found}"
        ),
    })
}
