//! The rules of the table, in one place: checked by the reader (which names the cells)
//! and by `message_table!` (which points at the tokens).

use crate::table::{CodeEntry, Footnote, Table};
use crate::values::ListedId;

impl Table {
    /// Every rule of the table this table breaks, in document order: the one place for the
    /// invariants, checked by the reader (which names the cells) and by `message_table!`
    /// (which points at the tokens).
    pub fn violations(&self) -> Vec<Violation> {
        Self::violations_of(&self.codes, &self.footnotes)
    }

    /// The rules of [`Table::violations`] on a table's parts, for a reader that has not
    /// finished the table.
    pub fn violations_of(codes: &[CodeEntry], footnotes: &[Footnote]) -> Vec<Violation> {
        let mut found = Vec::new();
        for (again, code) in codes.iter().enumerate() {
            if let Some(first) = codes[..again].iter().position(|c| c.number == code.number) {
                found.push(Violation::DuplicateCode { first, again });
            }
            if code.rows.is_empty() {
                found.push(Violation::CodeWithoutRows { code: again });
            }
            let exists = |number: &u8| footnotes.iter().any(|n| n.number == *number);
            for &number in code.footnotes.iter().filter(|n| !exists(n)) {
                found.push(Violation::MissingFootnote {
                    code: again,
                    row: None,
                    number,
                });
            }
            for (r, row) in code.rows.iter().enumerate() {
                for &number in row.footnotes.iter().filter(|n| !exists(n)) {
                    found.push(Violation::MissingFootnote {
                        code: again,
                        row: Some(r),
                        number,
                    });
                }
                for (i, id) in row.message_ids.iter().enumerate() {
                    match *id {
                        ListedId::Range { start, end } if start > end => {
                            found.push(Violation::ReversedRange {
                                code: again,
                                row: r,
                                id: i,
                            });
                        }
                        ListedId::Exact(value)
                            if row.message_ids[..i].contains(&ListedId::Exact(value)) =>
                        {
                            found.push(Violation::RepeatedId {
                                code: again,
                                row: r,
                                id: i,
                            });
                        }
                        _ => {}
                    }
                }
            }
        }
        for (again, note) in footnotes.iter().enumerate() {
            if let Some(first) = footnotes[..again]
                .iter()
                .position(|n| n.number == note.number)
            {
                found.push(Violation::DuplicateFootnote { first, again });
            }
        }
        found
    }

    /// What a violation means, for people: `code 001 appears twice`.
    pub fn describe(&self, violation: &Violation) -> String {
        violation.describe(&self.codes, &self.footnotes)
    }
}

impl Violation {
    /// What the violation means in a table with these parts, for people.
    pub fn describe(&self, codes: &[CodeEntry], footnotes: &[Footnote]) -> String {
        let code = |i: usize| codes.get(i).map_or(0, |c| c.number.get());
        match *self {
            Violation::DuplicateCode { again, .. } => {
                format!("code {:03} appears twice", code(again))
            }
            Violation::CodeWithoutRows { code: c } => format!("code {:03} has no row", code(c)),
            Violation::MissingFootnote { number, .. } => {
                format!("no footnote {number} in this table")
            }
            Violation::ReversedRange { .. } => "a range's end is below its start".to_owned(),
            Violation::RepeatedId { code: c, row, id } => {
                let listed = codes
                    .get(c)
                    .and_then(|entry| entry.rows.get(row))
                    .and_then(|r| r.message_ids.get(id));
                match listed {
                    Some(ListedId::Exact(value)) => format!("{value} is listed twice in one row"),
                    _ => "an ID is listed twice in one row".to_owned(),
                }
            }
            Violation::DuplicateFootnote { again, .. } => format!(
                "footnote {} appears twice",
                footnotes.get(again).map_or(0, |n| n.number)
            ),
        }
    }
}

/// A rule of the table broken, and where: indexes into [`Table::codes`], a code's rows, a
/// row's message IDs and [`Table::footnotes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Violation {
    /// A code appears a second time.
    DuplicateCode {
        /// The code's first appearance.
        first: usize,
        /// The second.
        again: usize,
    },
    /// A code has no row.
    CodeWithoutRows {
        /// The code.
        code: usize,
    },
    /// A code (`row: None`) or one of its rows cites a footnote the table does not have.
    MissingFootnote {
        /// The code.
        code: usize,
        /// The row, or `None` for the code's own category and message.
        row: Option<usize>,
        /// The footnote cited.
        number: u8,
    },
    /// A row lists a range whose end is below its start.
    ReversedRange {
        /// The code.
        code: usize,
        /// The row.
        row: usize,
        /// The ID's place in the row's list.
        id: usize,
    },
    /// A row lists the same exact ID twice.
    RepeatedId {
        /// The code.
        code: usize,
        /// The row.
        row: usize,
        /// The second listing's place in the row's list.
        id: usize,
    },
    /// A footnote number appears a second time under the table.
    DuplicateFootnote {
        /// The first footnote with the number.
        first: usize,
        /// The second.
        again: usize,
    },
}

#[cfg(test)]
mod tests {
    use crate::table::{CodeEntry, Footnote, Row, Table};
    use crate::values::{CodeNumber, ListedId, MessageIdValue};

    use super::Violation;
    #[test]
    fn violations_are_found_in_document_order_and_described() {
        let number = |n| CodeNumber::new(n).unwrap();
        let row = |ids: Vec<ListedId>, footnotes: Vec<u8>| Row {
            kind: "k".into(),
            message_ids: ids,
            cause: "c".into(),
            remedy: "r".into(),
            contact: "-".into(),
            footnotes,
            ..Row::default()
        };
        let code = |n, footnotes: Vec<u8>, rows| CodeEntry {
            number: number(n),
            tags: Vec::new(),
            heading: "h".into(),
            message: "m".into(),
            footnotes,
            rows,
        };
        let id = |v| ListedId::Exact(MessageIdValue(v));
        let table = Table {
            title: "t".into(),
            version: "1.0".parse().unwrap(),
            codes: vec![
                code(1, vec![3], vec![row(vec![id(1), id(1)], Vec::new())]),
                code(1, Vec::new(), Vec::new()),
                code(
                    2,
                    Vec::new(),
                    vec![row(
                        vec![ListedId::Range {
                            start: MessageIdValue(9),
                            end: MessageIdValue(8),
                        }],
                        vec![1],
                    )],
                ),
            ],
            footnotes: vec![
                Footnote {
                    number: 1,
                    marker: "※１".into(),
                    text: "a".into(),
                },
                Footnote {
                    number: 1,
                    marker: "※１".into(),
                    text: "b".into(),
                },
            ],
        };
        let found = table.violations();
        let described: Vec<String> = found.iter().map(|v| table.describe(v)).collect();
        assert_eq!(
            described,
            [
                "no footnote 3 in this table",
                "0x00000001 is listed twice in one row",
                "code 001 appears twice",
                "code 001 has no row",
                "a range's end is below its start",
                "footnote 1 appears twice",
            ]
        );
        assert_eq!(found[2], Violation::DuplicateCode { first: 0, again: 1 });
    }
}
