use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

#[cfg(feature = "serde")]
use serde::de::{self, Deserializer};
#[cfg(feature = "serde")]
use serde::ser::{SerializeStruct, Serializer};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::error::ParseError;
#[cfg(feature = "parse")]
use crate::parse;

/// The whole table as published: one entry per display code, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Table {
    /// The title cell as published, e.g. `セットアップ時における…一覧_1.25版`.
    pub title: String,
    /// The version taken from the title, e.g. `1.25`.
    pub version: Version,
    /// The display codes in the order the document lists them (900 follows 901).
    pub codes: Vec<CodeEntry>,
    /// The footnotes under the table (※１, ※２, …), in document order.
    pub footnotes: Vec<Footnote>,
}

/// One display code with its texts and its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct CodeEntry {
    /// The three-digit code shown on the card reader.
    pub number: CodeNumber,
    /// The tags of the category cell without their brackets: `【手順誤り】` gives `手順誤り`.
    pub tags: Vec<String>,
    /// The heading of the category cell, after its tags, e.g. `マイナンバーカードの認識不可`.
    pub heading: String,
    /// The message shown to the patient or staff, exactly as published.
    pub message: String,
    /// Footnotes cited by the category or message cell (`※2` on a line of its own).
    pub footnotes: Vec<u8>,
    /// The rows under this code, in document order.
    pub rows: Vec<Row>,
}

/// One row under a code: one cause of the code with its message IDs.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Row {
    /// The error kind (エラー種別), exactly as published.
    pub kind: String,
    /// The message IDs the terminal logs for this row; empty where the table says `-`.
    pub message_ids: Vec<ListedId>,
    /// The cause (原因), exactly as published.
    pub cause: String,
    /// The remedy for vendors and system staff (対処), exactly as published.
    pub remedy: String,
    /// Whom to call (問合せ先), exactly as published; `-` where the table names nobody.
    pub contact: String,
    /// Footnotes cited by the cause, remedy or contact cell (`・※1` on a line of its own).
    pub footnotes: Vec<u8>,
    /// Codes the cause lists with their own explanation: the error codes under 901
    /// (`・0xf0301d1a：リモートデスクトップ使用…`) and the マイナポータル error codes under 010
    /// (`加入者情報未登録(005)`).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub details: Vec<Detail>,
}

/// A code listed inside a cause, with its explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Detail {
    /// The code.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub code: DetailCode,
    /// Its explanation as published, e.g. `リモートデスクトップ使用、…`.
    pub text: String,
}

/// The kinds of code a cause can list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
pub enum DetailCode {
    /// An error code the terminal received, such as `0xf0301d1a` (in JSON `"0xF0301D1A"`).
    ReceivedCode {
        /// The code.
        code: MessageIdValue,
    },
    /// A マイナポータル error code or range of codes, such as `005` or `860~990`.
    PortalError {
        /// The first code.
        first: u16,
        /// The last code (the first, for a single code).
        last: u16,
    },
}

impl DetailCode {
    /// Whether a received code is this one.
    pub fn is_received(&self, value: u32) -> bool {
        matches!(*self, DetailCode::ReceivedCode { code } if code.0 == value)
    }

    /// Whether a マイナポータル error code is this one or in this range.
    pub fn is_portal(&self, value: u16) -> bool {
        matches!(*self, DetailCode::PortalError { first, last } if first <= value && value <= last)
    }
}

/// A footnote under the table.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Footnote {
    /// The footnote's number: `※１` is 1.
    pub number: u8,
    /// The marker as published, e.g. `※１`.
    pub marker: String,
    /// The footnote's text after its marker, each line without its indentation.
    pub text: String,
}

/// Counts that summarize a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Stats {
    /// Display codes.
    pub codes: usize,
    /// Rows under all codes.
    pub rows: usize,
    /// Distinct exact message IDs.
    pub message_ids: usize,
    /// Message ID ranges.
    pub ranges: usize,
    /// Rows that list no message ID (`-`).
    pub rows_without_id: usize,
    /// Footnotes under the table.
    pub footnotes: usize,
}

impl Table {
    /// Counts of codes, rows, distinct message IDs, ranges, rows without ID and footnotes.
    pub fn stats(&self) -> Stats {
        let rows = self.codes.iter().flat_map(|code| &code.rows);
        let mut exact = BTreeSet::new();
        let mut stats = Stats {
            codes: self.codes.len(),
            footnotes: self.footnotes.len(),
            ..Stats::default()
        };
        for row in rows {
            stats.rows += 1;
            if row.message_ids.is_empty() {
                stats.rows_without_id += 1;
            }
            for spec in &row.message_ids {
                match spec {
                    ListedId::Exact(id) => {
                        exact.insert(*id);
                    }
                    ListedId::Range { .. } => stats.ranges += 1,
                }
            }
        }
        stats.message_ids = exact.len();
        stats
    }

    /// Every message ID range the rows list, each once, in document order.
    pub fn ranges(&self) -> Vec<(MessageIdValue, MessageIdValue)> {
        let mut ranges = Vec::new();
        for spec in self
            .codes
            .iter()
            .flat_map(|c| &c.rows)
            .flat_map(|r| &r.message_ids)
        {
            if let ListedId::Range { start, end } = *spec {
                if !ranges.contains(&(start, end)) {
                    ranges.push((start, end));
                }
            }
        }
        ranges
    }

    /// The entry of a display code, if the table has it.
    pub fn code(&self, number: CodeNumber) -> Option<&CodeEntry> {
        self.codes.iter().find(|code| code.number == number)
    }

    /// The footnote with this number, if the table has it.
    pub fn footnote(&self, number: u8) -> Option<&Footnote> {
        self.footnotes.iter().find(|note| note.number == number)
    }
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

/// A three-digit display code such as `001` or `950`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct CodeNumber(u16);

impl CodeNumber {
    /// The largest number a three-digit code can have.
    pub const MAX: u16 = 999;

    /// A code from its number; `None` above 999.
    pub const fn new(number: u16) -> Option<Self> {
        if number <= Self::MAX {
            Some(Self(number))
        } else {
            None
        }
    }

    /// The code's number: `001` is 1.
    pub const fn get(self) -> u16 {
        self.0
    }
}

impl fmt::Display for CodeNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.0)
    }
}

#[cfg(feature = "parse")]
impl FromStr for CodeNumber {
    type Err = ParseError;

    /// Three ASCII digits, as the table prints them: `001`, `950`.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        parse::code_number(text)
    }
}

#[cfg(feature = "serde")]
impl Serialize for CodeNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for CodeNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(de::Error::custom)
    }
}

/// A 32-bit message ID value as the terminal logs it, written `0x03000001`: any value, read
/// from a cell. (In `oqs-messages`, `MessageId` is the enum of the IDs one table lists.)
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct MessageIdValue(pub u32);

impl MessageIdValue {
    /// The raw value.
    pub const fn value(self) -> u32 {
        self.0
    }
}

impl fmt::Display for MessageIdValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0x{:08X}", self.0)
    }
}

#[cfg(feature = "parse")]
impl FromStr for MessageIdValue {
    type Err = ParseError;

    /// `0x` and exactly eight hex digits, either case.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        parse::message_id(text)
    }
}

#[cfg(feature = "serde")]
impl Serialize for MessageIdValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for MessageIdValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(de::Error::custom)
    }
}

/// What a row lists in its message ID cell: one exact ID, or an inclusive range.
///
/// In JSON an exact ID is the string `"0x03000001"` and a range is
/// `{"start": "0xF0000000", "end": "0xF7FFFFFF"}`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum ListedId {
    /// One message ID.
    Exact(MessageIdValue),
    /// Every message ID from `start` to `end`, both included (`0xF0000000～0xF7FFFFFF`).
    Range {
        /// The first ID of the range.
        start: MessageIdValue,
        /// The last ID of the range.
        end: MessageIdValue,
    },
}

impl ListedId {
    /// Whether a logged value is this ID or falls in this range.
    pub const fn contains(&self, value: u32) -> bool {
        match *self {
            ListedId::Exact(id) => id.0 == value,
            ListedId::Range { start, end } => start.0 <= value && value <= end.0,
        }
    }
}

impl fmt::Display for ListedId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListedId::Exact(id) => id.fmt(f),
            ListedId::Range { start, end } => write!(f, "{start}～{end}"),
        }
    }
}

#[cfg(feature = "serde")]
impl Serialize for ListedId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ListedId::Exact(id) => id.serialize(serializer),
            ListedId::Range { start, end } => {
                let mut range = serializer.serialize_struct("Range", 2)?;
                range.serialize_field("start", start)?;
                range.serialize_field("end", end)?;
                range.end()
            }
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for ListedId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr {
            Exact(MessageIdValue),
            Range {
                start: MessageIdValue,
                end: MessageIdValue,
            },
        }
        match Repr::deserialize(deserializer)? {
            Repr::Exact(id) => Ok(ListedId::Exact(id)),
            Repr::Range { start, end } if start <= end => Ok(ListedId::Range { start, end }),
            Repr::Range { start, end } => Err(de::Error::custom(format!(
                "reversed message ID range {start}～{end}"
            ))),
        }
    }
}

/// The table's version as its title gives it, e.g. `1.25` in `…_1.25版`.
///
/// Versions compare part by part as numbers, so 1.3 < 1.25, as the ministry counts.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Version {
    text: String,
    parts: Vec<u32>,
}

impl Version {
    /// The version as written, e.g. `1.25`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The numeric parts: `1.25` is `[1, 25]`.
    pub fn parts(&self) -> &[u32] {
        &self.parts
    }
}

impl FromStr for Version {
    type Err = ParseError;

    /// Dot-separated ASCII numbers: `1.25`.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        let parts = text
            .split('.')
            .map(|part| {
                if part.is_empty() || part.len() > 9 || !part.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                part.parse::<u32>().ok()
            })
            .collect::<Option<Vec<u32>>>();
        match parts {
            Some(parts) if parts.len() >= 2 => Ok(Version {
                text: text.to_owned(),
                parts,
            }),
            _ => Err(ParseError::new(
                "a version of numbers separated by dots, like 1.25",
                text,
            )),
        }
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.parts
            .cmp(&other.parts)
            .then_with(|| self.text.cmp(&other.text))
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(feature = "serde")]
impl Serialize for Version {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_by_number() {
        let v = |s: &str| s.parse::<Version>().unwrap();
        assert!(v("1.3") < v("1.25"));
        assert!(v("1.25") < v("2.0"));
        assert_eq!(v("1.25").to_string(), "1.25");
        assert!("1.".parse::<Version>().is_err());
        assert!("１.25".parse::<Version>().is_err());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn message_id_specs_serialize_as_documented() {
        let exact = ListedId::Exact(MessageIdValue(0x0400_0011));
        let range = ListedId::Range {
            start: MessageIdValue(0xF000_0000),
            end: MessageIdValue(0xF7FF_FFFF),
        };
        let json = serde_json::to_string(&[exact, range]).unwrap();
        assert_eq!(
            json,
            r#"["0x04000011",{"start":"0xF0000000","end":"0xF7FFFFFF"}]"#
        );
        let back: Vec<ListedId> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [exact, range]);
        assert!(
            serde_json::from_str::<ListedId>(r#"{"start":"0xF7FFFFFF","end":"0xF0000000"}"#)
                .is_err()
        );
        assert!(range.contains(0xF030_1D1C));
        assert!(!range.contains(0xF800_0000));
    }

    #[test]
    fn code_numbers_are_three_digits() {
        assert_eq!(CodeNumber::new(1).unwrap().to_string(), "001");
        assert!(CodeNumber::new(1000).is_none());
        #[cfg(feature = "serde")]
        assert_eq!(
            serde_json::to_string(&CodeNumber::new(950)).unwrap(),
            "\"950\""
        );
    }

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
            details: Vec::new(),
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
