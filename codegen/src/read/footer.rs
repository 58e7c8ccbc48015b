//! Under the table: the footnotes (`※１ …`), their further lines, and 「以上」.

use oqs_messages_table::parse::{self, quote};
use oqs_messages_table::Footnote;

use super::problem::Problem;
use super::reader::{number_text, TableReader};
use super::row_kinds::is_closing;
use crate::load::{cell_name, CellValue};

/// What the footer holds so far: the footnotes, and whether 「以上」 closed the document.
#[derive(Default)]
pub struct Footer {
    pub notes: Vec<(String, Footnote)>,
    pub closed: bool,
    /// The column of the last footnote's text when its marker stands in a cell of its own.
    pub text_column: Option<u32>,
}

/// The lines of a footnote's cells, each without its indentation, empty lines left out.
fn footnote_lines(texts: &[&str]) -> String {
    texts
        .iter()
        .flat_map(|t| t.lines())
        .map(|line| line.trim_matches(char::is_whitespace))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

impl TableReader<'_, '_> {
    /// Refuses each footnote whose marker got no text, from its row or the rows below.
    pub fn check_footnote_texts(&mut self, footer: &mut Footer) {
        let mut empty = Vec::new();
        footer.notes.retain(|(cell, note)| {
            if note.text.is_empty() {
                empty.push(Problem {
                    place: Some(cell.clone()),
                    message: format!("expected the text of footnote {}, found none", note.marker),
                });
                return false;
            }
            true
        });
        self.problems.extend(empty);
    }

    /// A row under the table: a footnote (`※１ text`, or the marker in one cell and its
    /// text in the next), a further line of the footnote above, or 「以上」.
    pub fn read_footer_row(&mut self, row: u32, footer: &mut Footer) {
        let sheet = self.sheet();
        let cells: Vec<((u32, u32), &CellValue)> = sheet
            .cells
            .row(row)
            .iter()
            .filter(|(pos, _)| !sheet.is_column_hidden(pos.1) && sheet.origin(*pos) == *pos)
            .map(|(pos, value)| (*pos, value))
            .collect();
        let Some(&(first_pos, first_value)) = cells.first() else {
            return;
        };
        let cell = cell_name(&sheet.name, first_pos);
        let texts: Vec<&str> = cells
            .iter()
            .filter_map(|(_, v)| match v {
                CellValue::Text(text) => Some(text.as_str()),
                _ => None,
            })
            .collect();
        let found = |value: &CellValue| match value {
            CellValue::Text(text) => quote(text),
            CellValue::Number(n) => format!("the number {}", number_text(*n)),
            CellValue::Other(what) => what.clone(),
        };
        if footer.closed {
            self.problems.push(Problem {
                place: Some(cell),
                message: format!(
                    "expected nothing after 以上, which closes the document, found {}",
                    found(first_value)
                ),
            });
            return;
        }
        if texts.len() == cells.len() && texts.len() == 1 && is_closing(texts[0]) {
            footer.closed = true;
            return;
        }
        let note = match first_value {
            CellValue::Text(text) => parse::footnote(text),
            _ => None,
        };
        match note {
            Some(mut note) => {
                footer.text_column = None;
                if note.text.is_empty() && texts.len() > 1 {
                    // The marker in its own cell, the text in the cells after it: each line
                    // without its indentation, as when marker and text share a cell.
                    footer.text_column = cells.get(1).map(|(pos, _)| pos.1);
                    note.text = footnote_lines(&texts[1..]);
                } else if let Some(&(beside, value)) = cells.get(1) {
                    // Marker and text in one cell and more beside them, or a marker and no
                    // text beside it: neither part of the footnote nor to be dropped unseen.
                    let expected = if note.text.is_empty() {
                        // A marker alone, and beside it a number or a date.
                        format!("the text of footnote {} as text", note.marker)
                    } else {
                        format!(
                            "nothing beside footnote {}, whose text is in {cell}",
                            note.marker
                        )
                    };
                    let sheet = self.sheet();
                    self.problems.push(Problem {
                        place: Some(cell_name(&sheet.name, beside)),
                        message: format!("expected {expected}, found {}", found(value)),
                    });
                }
                // A marker alone on its row takes its text from the rows below; one that
                // gets none is refused when the footer ends.
                self.note_unseen(&cell, &note.text);
                footer.notes.push((cell, note));
            }
            None => match footer.notes.last_mut() {
                // A further line of the footnote above, in a row of its own: indented, or
                // in the column of the footnote's text.
                Some((_, last))
                    if texts.len() == cells.len()
                        && (texts[0].starts_with(char::is_whitespace)
                            || footer.text_column == Some(first_pos.1)) =>
                {
                    for text in &texts {
                        self.note_unseen(&cell, text);
                    }
                    let lines = footnote_lines(&texts);
                    if !last.text.is_empty() && !lines.is_empty() {
                        last.text.push('\n');
                    }
                    last.text.push_str(&lines);
                }
                _ => {
                    self.problems.push(Problem {
                        place: Some(cell),
                        message: format!(
                            "under the table, expected only footnotes beginning with a marker such as ※１, found {}",
                            found(first_value)
                        ),
                    });
                }
            },
        }
    }
}
