//! The model's rules ([`Table::violations`]) on the table read, each broken one named by
//! its cell.

use oqs_messages_table::{CodeEntry, Footnote, Table, Violation};

use super::places::Places;
use super::reader::TableReader;

impl TableReader<'_, '_> {
    /// The table's rules, checked by the model (the same rules `message_table!` checks),
    /// each broken one reported at the cell where it is.
    pub fn violations(&mut self, codes: &[CodeEntry], notes: &[Footnote], places: &Places) {
        let cell = |list: &[String], i: usize| list.get(i).cloned();
        for violation in Table::violations_of(codes, notes) {
            let number = |i: usize| codes.get(i).map_or(0, |c| c.number.get());
            match violation {
                Violation::DuplicateCode { first, again } => self.problem_at(
                    cell(&places.codes, again),
                    format!(
                        "code {:03} appears a second time (first at {}); expected each code once",
                        number(again),
                        cell(&places.codes, first).unwrap_or_default()
                    ),
                ),
                // A code's first row is its own: it has none only when that row could not
                // be read, which is reported at its cells already.
                Violation::CodeWithoutRows { .. } => {}
                Violation::MissingFootnote { code, row, number } => {
                    let citing = places
                        .citations
                        .cells
                        .get(&(code, row, number))
                        .cloned()
                        .unwrap_or_default();
                    for place in citing {
                        self.problem_at(
                            Some(place),
                            format!(
                                "cites footnote ※{number}, but no footnote ※{number} stands under the table"
                            ),
                        );
                    }
                }
                Violation::DuplicateFootnote { first, again } => self.problem_at(
                    cell(&places.footnotes, again),
                    format!(
                        "footnote ※{} appears a second time (first at {})",
                        notes.get(again).map_or(0, |n| n.number),
                        cell(&places.footnotes, first).unwrap_or_default()
                    ),
                ),
                // The cell parsers refuse these before a row is kept; named by the code.
                Violation::ReversedRange { code, .. } | Violation::RepeatedId { code, .. } => {
                    self.problem_at(cell(&places.codes, code), violation.describe(codes, notes));
                }
            }
        }
    }
}
