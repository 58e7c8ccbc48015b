//! The walk down the sheet under the header: each row is a row of a code, a repeated title
//! or header, hidden, struck out, or the footer.

use oqs_messages_table::parse::quote;
use oqs_messages_table::{CodeEntry, Footnote};

use super::codes::CodeInProgress;
use super::column::Column;
use super::footer::Footer;
use super::header::visible_texts;
use super::places::Places;
use super::problem::Problem;
use super::reader::TableReader;
use crate::load::cell_name;

/// What the walk has read so far.
#[derive(Default)]
struct Walk {
    codes: Vec<CodeEntry>,
    places: Places,
    /// The code whose rows are being read.
    current: Option<CodeInProgress>,
    saw_code: bool,
    footer: Footer,
    in_footer: bool,
    /// Set when a hidden row held a code of its own: the rows under it must not be read
    /// as part of the code above.
    after_hidden_code: bool,
}

impl Walk {
    /// Keeps the code being read, if any, and starts none.
    fn finish_code(&mut self, sheet: &str) {
        if let Some(done) = self.current.take() {
            done.finish(sheet, &mut self.codes, &mut self.places);
        }
    }

    /// A code whose cell cannot be read: its rows are checked, not kept, and the rows that
    /// follow do not repeat the same complaint.
    fn unreadable_code(&mut self, origin: (u32, u32)) {
        self.current = Some(CodeInProgress {
            origin,
            entry: None,
        });
    }
}

impl TableReader<'_, '_> {
    /// Reads every row under the header: the codes and the footnotes.
    pub fn read(mut self) -> (Vec<CodeEntry>, Vec<Footnote>) {
        let mut walk = Walk::default();
        let mut row = self.header_block_end(self.header.row);
        while row < self.last_row {
            row += 1;
            if self.sheet().is_row_hidden(row) {
                self.hidden_row(row, &mut walk.after_hidden_code);
                continue;
            }
            if walk.in_footer {
                self.read_footer_row(row, &mut walk.footer);
                continue;
            }
            let texts = visible_texts(self.sheet(), row);
            if self.begins_footer(row, &texts) {
                walk.in_footer = true;
                self.read_footer_row(row, &mut walk.footer);
                continue;
            }
            if let Some(last) = self.skipped_rows(row, &texts) {
                row = last;
                continue;
            }
            self.follow_code(row, &mut walk);
            self.read_into_code(row, &mut walk);
        }
        self.finish(walk)
    }

    /// The last row skipped from `row` on, when the row is not one of the table: struck
    /// out, empty, the title or the header repeated for printing. `texts` are the row's, as
    /// [`visible_texts`] gives them.
    fn skipped_rows(&mut self, row: u32, texts: &[(u32, &str)]) -> Option<u32> {
        if self.is_struck_out(row) {
            let place = self.header.row_range(row);
            self.notice(
                place,
                "the row is struck through (見え消し): not read".to_owned(),
            );
            return Some(row);
        }
        if self.row_is_empty(row) {
            return Some(row);
        }
        if self.repeats_title(row, texts) {
            return Some(row);
        }
        if !self.repeats_header(texts) {
            return None;
        }
        let end = self.header_block_end(row);
        let place = self.header.row_range(row);
        self.notice(
            place,
            format!(
                "the header repeated (laid out for printing){}: skipped",
                if end > row {
                    format!(", through row {}", end + 1)
                } else {
                    String::new()
                }
            ),
        );
        Some(end)
    }

    /// The code a row belongs to: a new one when its code cell starts one, else the code
    /// above, which it must continue.
    fn follow_code(&mut self, row: u32, walk: &mut Walk) {
        let sheet_name = &self.sheet().name;
        let code_origin = self.origin(row, Column::Code);
        let code_value = self.sheet().cells.get(code_origin);
        let continues = walk
            .current
            .as_ref()
            .is_some_and(|c| c.origin == code_origin);
        match code_value {
            Some(value) if !continues => {
                walk.finish_code(sheet_name);
                walk.after_hidden_code = false;
                walk.saw_code = true;
                let index = walk.codes.len();
                walk.current = Some(self.start_code(
                    row,
                    code_origin,
                    value,
                    index,
                    &mut walk.places.citations,
                ));
            }
            Some(_) => {
                let start = code_origin.0;
                self.check_continuation(row, start);
            }
            None if walk.after_hidden_code => {
                self.problem(
                    row,
                    Column::Code,
                    "this row has no code, and the row above it that holds a code is hidden; \
                     expected the code in this row (or unhide the row if it is published)"
                        .to_owned(),
                );
                walk.unreadable_code(code_origin);
                walk.after_hidden_code = false;
            }
            None if self
                .sheet()
                .struck
                .get(&code_origin)
                .is_some_and(|s| s.whole) =>
            {
                let struck = self
                    .sheet()
                    .struck
                    .get(&code_origin)
                    .map(|s| quote(&s.text));
                self.problem(
                    row,
                    Column::Code,
                    format!(
                        "the code {} is struck through (見え消し) but its row is not; expected the \
                         whole row struck through (withdrawn) or the code not struck",
                        struck.unwrap_or_default()
                    ),
                );
                walk.unreadable_code(code_origin);
            }
            None => match &walk.current {
                Some(code) => {
                    let start = code.origin.0;
                    self.check_continuation(row, start);
                }
                None => {
                    self.problem(
                        row,
                        Column::Code,
                        "this row has content but no code above it; expected a three-digit code \
                         in this cell or in a merged cell above"
                            .to_owned(),
                    );
                    walk.unreadable_code(code_origin);
                }
            },
        }
    }

    /// Reads a row into the code it belongs to.
    fn read_into_code(&mut self, row: u32, walk: &mut Walk) {
        // Where this row will stand in the model, if its code is kept.
        let at = walk
            .current
            .as_ref()
            .and_then(|c| c.entry.as_ref())
            .map(|entry| (walk.codes.len(), Some(entry.rows.len())));
        let row_entry = self.read_row(row, at, &mut walk.places.citations);
        if let (Some(code), Some(row_entry)) = (&mut walk.current, row_entry) {
            if let Some(entry) = &mut code.entry {
                entry.rows.push(row_entry);
            }
        }
    }

    /// The codes and footnotes read, once the model's rules and the notices of the whole
    /// sheet are checked.
    fn finish(mut self, mut walk: Walk) -> (Vec<CodeEntry>, Vec<Footnote>) {
        walk.finish_code(&self.sheet().name);
        if !walk.saw_code {
            self.problems.push(Problem {
                place: Some(cell_name(
                    &self.sheet().name,
                    (self.header.row + 1, self.header.col(Column::Code)),
                )),
                message: "expected the table's rows under the header, found none".to_owned(),
            });
        }
        self.check_footnote_texts(&mut walk.footer);
        self.struck_notices();
        self.hidden_column_notices();
        let (cells, notes): (Vec<String>, Vec<Footnote>) = walk.footer.notes.into_iter().unzip();
        walk.places.footnotes = cells;
        self.violations(&walk.codes, &notes, &walk.places);
        (walk.codes, notes)
    }
}
