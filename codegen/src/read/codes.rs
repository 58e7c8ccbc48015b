//! A code's block: its first row (code, category, message) and every row under it.

use oqs_messages_table::parse;
use oqs_messages_table::{CodeEntry, ListedId, Row, RowText};

use super::column::Column;
use super::places::{Citations, Places};
use super::reader::{number_code, number_text, TableReader};
use crate::load::{cell_name, column_letters, CellValue};

/// A code being read: the cell its number stands in, and the rows read so far.
pub struct CodeInProgress {
    /// The cell of the code (the top-left of its merge).
    pub origin: (u32, u32),
    /// `None` when the code cell could not be read: its rows are checked, not kept.
    pub entry: Option<CodeEntry>,
}

impl CodeInProgress {
    /// Keeps the code's entry, if it was read, with where it stands.
    pub fn finish(self, sheet: &str, codes: &mut Vec<CodeEntry>, places: &mut Places) {
        if let Some(entry) = self.entry {
            places.codes.push(cell_name(sheet, self.origin));
            codes.push(entry);
        }
    }
}

impl TableReader<'_, '_> {
    pub fn start_code(
        &mut self,
        row: u32,
        origin: (u32, u32),
        value: &CellValue,
        index: usize,
        citations: &mut Citations,
    ) -> CodeInProgress {
        let number = match value {
            CellValue::Text(text) => {
                let text = self.identifier(row, Column::Code, text);
                parse::code_number(&text).map_err(|err| err.to_string())
            }
            CellValue::Number(n) => number_code(*n).ok_or_else(|| {
                format!(
                    "expected a three-digit code such as 001 (or the number 1 shown as 001), found the number {}",
                    number_text(*n)
                )
            }),
            CellValue::Other(what) => Err(format!("expected a three-digit code, found {what}")),
        };
        let number = match number {
            Ok(number) => number,
            Err(message) => {
                self.problem(row, Column::Code, message);
                return CodeInProgress {
                    origin,
                    entry: None,
                };
            }
        };
        self.check_horizontal_merges(row);
        let category = self.text(row, Column::Category).and_then(|text| {
            parse::category(&text)
                .map_err(|err| self.parse_error(row, Column::Category, err))
                .ok()
        });
        let message = self.text(row, Column::Message);
        let (Some(category), Some(message)) = (category, message) else {
            return CodeInProgress {
                origin,
                entry: None,
            };
        };
        let category_cell = cell_name(&self.sheet().name, self.origin(row, Column::Category));
        let message_cell = cell_name(&self.sheet().name, self.origin(row, Column::Message));
        let mut footnotes = category.footnotes.clone();
        for &n in &category.footnotes {
            citations.add((index, None), category_cell.clone(), n);
        }
        for n in parse::citations(&message) {
            citations.add((index, None), message_cell.clone(), n);
            if !footnotes.contains(&n) {
                footnotes.push(n);
            }
        }
        CodeInProgress {
            origin,
            entry: Some(CodeEntry {
                number,
                tags: category.tags,
                heading: category.heading,
                message,
                footnotes,
                rows: Vec::new(),
            }),
        }
    }

    /// A merged region across two of the table's columns would give one column's text to
    /// another: refused, naming the region.
    pub fn check_horizontal_merges(&mut self, row: u32) {
        let sheet = self.sheet();
        for column in Column::ALL {
            let origin = self.origin(row, column);
            let Some(merge) = sheet.merge_at(origin) else {
                continue;
            };
            let spans = |c: &Column| (merge.start.1..=merge.end.1).contains(&self.header.col(*c));
            // Most merges run down one column: tell that before listing anything.
            if Column::ALL.iter().filter(|c| spans(c)).count() >= 2 {
                let spanned: Vec<&str> = Column::ALL
                    .iter()
                    .filter(|c| spans(c))
                    .map(|c| c.title())
                    .collect();
                let place = format!(
                    "{}:{}{}",
                    cell_name(&sheet.name, merge.start),
                    column_letters(merge.end.1),
                    merge.end.0 + 1
                );
                self.problem_at(
                    Some(place),
                    format!(
                        "one merged cell spans the columns {}; expected each of the table's columns in cells of its own",
                        spanned.join(" and ")
                    ),
                );
            }
        }
    }

    /// A row that continues the code started at `start_row` must not begin a new category
    /// or message of its own.
    pub fn check_continuation(&mut self, row: u32, start_row: u32) {
        for column in [Column::Category, Column::Message] {
            let origin = self.origin(row, column);
            let owned = self.sheet().cells.contains(origin) && origin.0 != start_row;
            if owned {
                let first = cell_name(&self.sheet().name, (start_row, self.header.col(column)));
                self.problem(
                    row,
                    column,
                    format!(
                        "expected this cell empty or merged with {first}: {} belongs to the code's first row, \
                         and this row has no code of its own in {}",
                        column.what(),
                        self.header.cell(row, Column::Code),
                    ),
                );
            }
        }
    }

    /// Reads a row; `at` is where it will stand in the model (code, row), if it is kept.
    /// Its cells are read in the sheet's column order, each problem reported as it is met;
    /// its texts are those [`RowText`] lists, each in its column ([`Column::row_text`]).
    pub fn read_row(
        &mut self,
        row: u32,
        at: Option<(usize, Option<usize>)>,
        citations: &mut Citations,
    ) -> Option<Row> {
        self.check_horizontal_merges(row);
        let mut read = Row::default();
        let (mut message_ids, mut texts_read) = (None, true);
        for column in Column::ALL {
            if column == Column::MessageId {
                message_ids = self.message_ids(row);
            } else if let Some(text) = column.row_text() {
                match self.text(row, column) {
                    Some(value) => *read.text_mut(text) = value,
                    None => texts_read = false,
                }
            }
        }
        read.message_ids = message_ids?;
        if !texts_read {
            return None;
        }
        // Footnotes are cited in every text but the kind (`・※1` on a line of its own).
        for column in Column::ALL {
            let Some(text) = column.row_text().filter(|text| *text != RowText::Kind) else {
                continue;
            };
            for n in parse::citations(read.text(text)) {
                let cell = cell_name(&self.sheet().name, self.origin(row, column));
                if let Some(at) = at {
                    citations.add(at, cell, n);
                }
                if !read.footnotes.contains(&n) {
                    read.footnotes.push(n);
                }
            }
        }
        read.details = parse::details(&read.cause);
        Some(read)
    }

    /// The message IDs of a row, or `None` with the problem reported.
    fn message_ids(&mut self, row: u32) -> Option<Vec<ListedId>> {
        match self.value(row, Column::MessageId) {
            Some(CellValue::Text(text)) => {
                let text = self.identifier(row, Column::MessageId, text);
                parse::message_ids(&text)
                    .map_err(|err| self.parse_error(row, Column::MessageId, err))
                    .ok()
            }
            Some(CellValue::Number(n)) => {
                let found = number_text(*n);
                self.problem(
                    row,
                    Column::MessageId,
                    format!(
                        "expected message IDs written in hex such as 0x03000001, found the number {found}"
                    ),
                );
                None
            }
            _ => {
                self.text(row, Column::MessageId);
                None
            }
        }
    }
}
