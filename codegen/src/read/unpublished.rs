//! What a person does not see in Excel, reported: hidden rows and columns, struck-through
//! text.

use oqs_messages_table::parse::quote;

use super::column::Column;
use super::header::visible_texts;
use super::notice::Notice;
use super::reader::TableReader;
use crate::load::{cell_name, column_letters, CellValue};

impl TableReader<'_, '_> {
    /// A hidden row is not published: it is skipped and reported when it holds anything.
    pub fn hidden_row(&mut self, row: u32, after_hidden_code: &mut bool) {
        let texts = visible_texts(self.sheet(), row);
        let Some((_, first)) = texts.first() else {
            return;
        };
        let code_origin = self.origin(row, Column::Code);
        if code_origin.0 == row && self.sheet().cells.contains(code_origin) {
            // The rows under it that show no code are not the code above's. A visible row
            // that a merge from here covers shows this code, and starts it afresh.
            *after_hidden_code = true;
        }
        let place = self.header.row_range(row);
        let message = format!("the row is hidden: not read (it holds {})", quote(first));
        self.notice(place, message);
    }

    /// Every cell of the table's sheet where struck-through text was taken out.
    pub fn struck_notices(&mut self) {
        let sheet = self.sheet();
        for (&pos, struck) in &sheet.struck {
            let message = if struck.whole {
                format!(
                    "struck through (見え消し): {} not read",
                    quote(&struck.text)
                )
            } else {
                format!(
                    "struck-through text (見え消し) {} taken out; the rest read",
                    quote(&struck.text)
                )
            };
            self.notices.push(Notice {
                place: cell_name(&sheet.name, pos),
                message,
            });
        }
    }

    /// Every hidden column of the table's sheet that holds something.
    pub fn hidden_column_notices(&mut self) {
        let sheet = self.sheet();
        for &col in &sheet.hidden_columns {
            let first =
                sheet
                    .cells
                    .iter()
                    .find(|((_, c), _)| *c == col)
                    .and_then(|(_, v)| match v {
                        CellValue::Text(text) => Some(quote(text)),
                        _ => None,
                    });
            if let Some(first) = first {
                let letters = column_letters(col);
                self.notices.push(Notice {
                    place: format!(
                        "{}:{letters}",
                        cell_name(&sheet.name, (0, col)).trim_end_matches('1')
                    ),
                    message: format!("the column is hidden: not read (it holds {first})"),
                });
            }
        }
    }
}
