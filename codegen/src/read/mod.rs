//! Reading the table out of a workbook's sheets: finding the header, following merged
//! cells, parsing every cell and checking the whole.
//!
//! Every problem found is collected with the cell it concerns, so that one run reports
//! all of them.
//!
//! `header.rs` finds the table and its title; `rows.rs` walks down the sheet, giving each
//! row to `codes.rs` or `footer.rs`; `rules.rs` checks the whole against the model's rules.

mod codes;
mod column;
mod footer;
mod header;
mod notice;
mod places;
mod problem;
mod reader;
mod row_kinds;
mod rows;
mod rules;
mod unpublished;

use oqs_messages_table::Table;

pub use column::Column;
pub use header::Title;
pub use notice::Notice;
pub use problem::Problem;

use crate::load::Sheet;
use header::{find_header, read_title};
use notice::unseen_notices;
use reader::TableReader;

/// A table read from a workbook, with its title and what the reader did not take as
/// published text.
pub struct TableRead {
    /// The table.
    pub table: Table,
    /// The title and its cell.
    pub title: Title,
    /// Everything not read as published text, in sheet order.
    pub notices: Vec<Notice>,
}

/// Reads the table from a workbook's sheets, or every problem that prevents it.
pub fn read_table(sheets: &[Sheet]) -> Result<TableRead, Vec<Problem>> {
    let mut notices = Vec::new();
    let header = find_header(sheets, &mut notices).map_err(|problem| vec![problem])?;
    let mut problems = Vec::new();
    let title = read_title(&header)
        .map_err(|problem| problems.push(problem))
        .ok();
    if let Some(title) = &title {
        notices.extend(unseen_notices(&title.cell, &title.text));
    }
    let title_text = title.as_ref().map(|t| t.text.clone());
    let (codes, footnotes) =
        TableReader::new(&header, &mut problems, &mut notices, title_text).read();
    match title {
        Some(title) if problems.is_empty() => Ok(TableRead {
            table: Table {
                title: title.text.clone(),
                version: title.version.clone(),
                codes,
                footnotes,
            },
            title,
            notices,
        }),
        _ => Err(problems),
    }
}

/// The header row's cells as published, each with its column, in the columns' order: the
/// titles the page and `explain` label the fields with (`oqs_answer::say::column_title`,
/// held against these by a test).
pub fn column_titles(sheets: &[Sheet]) -> Result<Vec<(Column, String)>, Problem> {
    let header = find_header(sheets, &mut Vec::new())?;
    Ok(Column::ALL
        .iter()
        .map(|&column| {
            let text = match header.sheet.cells.get((header.row, header.col(column))) {
                Some(crate::load::CellValue::Text(text)) => text.clone(),
                _ => String::new(),
            };
            (column, text)
        })
        .collect())
}

/// Only the title and its version: enough to pick the newest workbook in a folder.
pub fn read_title_only(sheets: &[Sheet]) -> Result<Title, Problem> {
    read_title(&find_header(sheets, &mut Vec::new())?)
}
