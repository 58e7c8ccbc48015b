//! The walk down the sheet under the header: each row is a row of a code, a repeated title
//! or header, hidden, struck out, or the footer.

use oqs_messages_table::parse::quote;
use oqs_messages_table::{CodeEntry, Footnote};

use super::codes::CodeInProgress;
use super::column::Column;
use super::footer::Footer;
use super::places::Places;
use super::problem::Problem;
use super::reader::TableReader;
use crate::load::cell_name;

impl TableReader<'_, '_> {
    /// Reads every row under the header: the codes and the footnotes.
    pub fn read(mut self) -> (Vec<CodeEntry>, Vec<Footnote>) {
        let mut codes: Vec<CodeEntry> = Vec::new();
        let mut places = Places::default();
        let mut saw_code = false;
        let mut current: Option<CodeInProgress> = None;
        let mut footer = Footer::default();
        let sheet_name = self.sheet().name.clone();
        let mut in_footer = false;
        // Set when a hidden row held a code of its own: the rows under it must not be
        // read as part of the code above.
        let mut after_hidden_code = false;

        let mut row = self.header_block_end(self.header.row);
        while row < self.last_row {
            row += 1;
            if self.sheet().is_row_hidden(row) {
                self.hidden_row(row, &mut after_hidden_code);
                continue;
            }
            if !in_footer && self.begins_footer(row) {
                in_footer = true;
            }
            if in_footer {
                self.read_footer_row(row, &mut footer);
                continue;
            }
            if self.is_struck_out(row) {
                let place = self.header.row_range(row);
                self.notice(
                    place,
                    "the row is struck through (見え消し): not read".to_owned(),
                );
                continue;
            }
            if self.row_is_empty(row) {
                continue;
            }
            if self.repeats_title(row) {
                continue;
            }
            if self.repeats_header(row) {
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
                row = end;
                continue;
            }
            let code_origin = self.origin(row, Column::Code);
            let code_value = self.sheet().cells.get(&code_origin);
            let continues = current.as_ref().is_some_and(|c| c.origin == code_origin);
            match code_value {
                Some(value) if !continues => {
                    if let Some(done) = current.take() {
                        done.finish(&sheet_name, &mut codes, &mut places);
                    }
                    after_hidden_code = false;
                    saw_code = true;
                    current = Some(self.start_code(
                        row,
                        code_origin,
                        value,
                        codes.len(),
                        &mut places.citations,
                    ));
                }
                Some(_) => {
                    let start = code_origin.0;
                    self.check_continuation(row, start);
                }
                None if after_hidden_code => {
                    self.problem(
                        row,
                        Column::Code,
                        "this row has no code, and the row above it that holds a code is hidden; \
                         expected the code in this row (or unhide the row if it is published)"
                            .to_owned(),
                    );
                    current = Some(CodeInProgress {
                        origin: code_origin,
                        entry: None,
                    });
                    after_hidden_code = false;
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
                    current = Some(CodeInProgress {
                        origin: code_origin,
                        entry: None,
                    });
                }
                None => match &current {
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
                        // Keep the rows that follow from repeating the same complaint.
                        current = Some(CodeInProgress {
                            origin: code_origin,
                            entry: None,
                        });
                    }
                },
            }
            // Where this row will stand in the model, if its code is kept.
            let at = current
                .as_ref()
                .and_then(|c| c.entry.as_ref())
                .map(|entry| (codes.len(), Some(entry.rows.len())));
            let row_entry = self.read_row(row, at, &mut places.citations);
            if let (Some(code), Some(row_entry)) = (&mut current, row_entry) {
                if let Some(entry) = &mut code.entry {
                    entry.rows.push(row_entry);
                }
            }
        }
        if let Some(done) = current.take() {
            done.finish(&sheet_name, &mut codes, &mut places);
        }
        if !saw_code {
            self.problems.push(Problem {
                place: Some(cell_name(
                    &self.sheet().name,
                    (self.header.row + 1, self.header.col(Column::Code)),
                )),
                message: "expected the table's rows under the header, found none".to_owned(),
            });
        }
        self.struck_notices();
        self.hidden_column_notices();
        let (cells, notes): (Vec<String>, Vec<Footnote>) = footer.notes.into_iter().unzip();
        places.footnotes = cells;
        self.violations(&codes, &notes, &places);
        (codes, notes)
    }
}
