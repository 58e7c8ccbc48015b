//! The reader of the table's rows: the cells as they show (following merges), and the
//! problems and notices they give, each reported once.

use std::collections::HashSet;

use oqs_messages_table::parse::{self, quote, ParseError};
use oqs_messages_table::unseen::{has_unseen, unseen, UnseenKind};
use oqs_messages_table::CodeNumber;

use super::column::Column;
use super::header::Header;
use super::notice::{unseen_notices, Notice};
use super::problem::Problem;
use crate::load::{cell_name, CellValue, Sheet};

/// Reads the rows under the header of one sheet.
pub struct TableReader<'h, 'p> {
    pub header: &'h Header<'h>,
    pub problems: &'p mut Vec<Problem>,
    pub notices: &'p mut Vec<Notice>,
    pub title: Option<String>,
    pub last_row: u32,
    /// Problems already reported: a merged cell shared by several rows is reported once.
    pub reported: HashSet<Problem>,
}

impl<'h, 'p> TableReader<'h, 'p> {
    pub fn new(
        header: &'h Header<'h>,
        problems: &'p mut Vec<Problem>,
        notices: &'p mut Vec<Notice>,
        title: Option<String>,
    ) -> Self {
        // A struck-through cell was taken out of the cells: a struck row at the bottom is
        // still a row to report. (`struck` is ordered by row first.)
        let last_struck = header
            .sheet
            .struck
            .last_key_value()
            .map_or(0, |(&(row, _), _)| row);
        let last_row = header
            .sheet
            .cells
            .last_row()
            .max(header.row)
            .max(last_struck);
        TableReader {
            header,
            problems,
            notices,
            title,
            last_row,
            reported: HashSet::new(),
        }
    }

    pub fn sheet(&self) -> &'h Sheet {
        self.header.sheet
    }

    pub fn notice(&mut self, place: String, message: String) {
        self.notices.push(Notice { place, message });
    }

    /// The cell whose value shows at (row, column): the top-left of its merge, or itself.
    pub fn origin(&self, row: u32, column: Column) -> (u32, u32) {
        self.sheet().origin((row, self.header.col(column)))
    }

    /// The value shown at (row, column), following merges.
    pub fn value(&self, row: u32, column: Column) -> Option<&'h CellValue> {
        self.sheet().cells.get(self.origin(row, column))
    }

    pub fn problem(&mut self, row: u32, column: Column, message: String) {
        let place = Some(cell_name(&self.sheet().name, self.origin(row, column)));
        self.problem_at(place, message);
    }

    pub fn problem_at(&mut self, place: Option<String>, message: String) {
        let problem = Problem { place, message };
        if self.reported.insert(problem.clone()) {
            self.problems.push(problem);
        }
    }

    /// What a struck-through cell held, for a message about the empty cell it leaves.
    pub fn struck_note(&self, row: u32, column: Column) -> String {
        match self.sheet().struck.get(&self.origin(row, column)) {
            Some(struck) if struck.whole => format!(
                " (everything in it, {}, is struck through, and struck-through text is not published)",
                quote(&struck.text)
            ),
            _ => String::new(),
        }
    }

    /// Reports a text that holds characters no one can see (see [`unseen_notices`]), once
    /// for a cell however many rows it covers.
    pub fn check_controls(&mut self, row: u32, column: Column, text: &str) {
        // Nearly every text has none: tell that before naming the cell.
        if !has_unseen(text) {
            return;
        }
        let place = cell_name(&self.sheet().name, self.origin(row, column));
        self.note_unseen(&place, text);
    }

    /// Reports the characters no one can see in a text at `place`.
    pub fn note_unseen(&mut self, place: &str, text: &str) {
        if !has_unseen(text) {
            return;
        }
        for notice in unseen_notices(place, text) {
            if !self.notices.contains(&notice) {
                self.notices.push(notice);
            }
        }
    }

    /// The text shown at (row, column); a problem if it is empty or not text.
    pub fn text(&mut self, row: u32, column: Column) -> Option<String> {
        match self.value(row, column) {
            Some(CellValue::Text(text)) => {
                self.check_controls(row, column, text);
                Some(text.clone())
            }
            Some(CellValue::Number(n)) => Some(number_text(*n)),
            Some(CellValue::Other(what)) => {
                self.problem(
                    row,
                    column,
                    format!("expected {} as text, found {what}", column.what()),
                );
                None
            }
            None => {
                let note = self.struck_note(row, column);
                self.problem(
                    row,
                    column,
                    format!("expected {}, found an empty cell{note}", column.what()),
                );
                None
            }
        }
    }

    /// An identifier cell's text with full-width letters and digits folded, reported.
    pub fn identifier(&mut self, row: u32, column: Column, text: &str) -> String {
        self.check_controls(row, column, text);
        // A person sees the identifier without its invisible characters; controls stay, to
        // be refused by the parser.
        let visible: String = if has_unseen(text) {
            text.chars()
                .filter(|&c| unseen(c).is_none_or(|u| u.kind == UnseenKind::Control))
                .collect()
        } else {
            text.to_owned()
        };
        if visible != text {
            let notice = Notice {
                place: cell_name(&self.sheet().name, self.origin(row, column)),
                message: format!(
                    "{} read without the characters no one can see, as {}",
                    column.what().trim_start_matches("the "),
                    quote(&visible)
                ),
            };
            if !self.notices.contains(&notice) {
                self.notices.push(notice);
            }
        }
        let text = visible.as_str();
        match parse::fold_identifier(text) {
            Some(folded) => {
                let place = cell_name(&self.sheet().name, self.origin(row, column));
                let notice = Notice {
                    place,
                    message: format!(
                        "{} typed with full-width characters, {}, read as {}",
                        column.what().trim_start_matches("the "),
                        quote(text),
                        quote(&folded)
                    ),
                };
                if !self.notices.contains(&notice) {
                    self.notices.push(notice);
                }
                folded
            }
            None => text.to_owned(),
        }
    }

    pub fn parse_error(&mut self, row: u32, column: Column, err: ParseError) {
        self.problem(row, column, err.to_string());
    }

    /// Whether anything shows in the row in the table's columns.
    pub fn row_is_empty(&self, row: u32) -> bool {
        Column::ALL.iter().all(|&c| self.value(row, c).is_none())
    }

    /// Whether the row's own cells (those not merged with other rows) are empty after
    /// struck-through text was taken out, and some were struck through: a row struck out.
    pub fn is_struck_out(&self, row: u32) -> bool {
        let sheet = self.sheet();
        let own = |column: Column| {
            let origin = self.origin(row, column);
            let single_row = sheet
                .merge_at(origin)
                .is_none_or(|m| m.start.0 == row && m.end.0 == row);
            (origin.0 == row && single_row).then_some(origin)
        };
        let mut any_struck = false;
        for column in Column::ALL {
            if let Some(origin) = own(column) {
                if sheet.cells.contains(origin) {
                    return false;
                }
                any_struck |= sheet.struck.contains_key(&origin);
            }
        }
        any_struck
    }
}

pub fn is_code_like(value: &CellValue) -> bool {
    match value {
        CellValue::Text(text) => parse::code_number(text).is_ok(),
        CellValue::Number(n) => number_code(*n).is_some(),
        CellValue::Other(_) => false,
    }
}

/// A code stored as a number (1 shown as `001` by the number format "000").
pub fn number_code(n: f64) -> Option<CodeNumber> {
    if n.fract() == 0.0 && (0.0..=f64::from(CodeNumber::MAX)).contains(&n) {
        CodeNumber::new(n as u16)
    } else {
        None
    }
}

/// A number as Excel would show it without a format: `3` rather than `3.0`.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}
