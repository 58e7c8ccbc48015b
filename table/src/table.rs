//! The table as published: its codes, their rows, the details a cause lists, and the
//! footnotes.

use std::collections::BTreeSet;

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::values::{CodeNumber, ListedId, MessageIdValue, Version};

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
///
/// Its texts published as they are (kind, cause, remedy, contact) are listed once more in
/// [`RowText`], which the writers and readers of a row walk: a new text column is a field
/// here and a variant there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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

/// The texts of a [`Row`] published as they are, in the table's column order (the message
/// IDs, which are no text, stand between the kind and the cause in the sheet): the one list
/// that codegen's reader, the macro's input and the macro, the JSON schema and the revision
/// report walk, so that a new text column of the table is written here, beside its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RowText {
    /// The error kind (エラー種別).
    Kind,
    /// The cause (原因).
    Cause,
    /// The remedy (対処).
    Remedy,
    /// Whom to call (問合せ先).
    Contact,
}

impl RowText {
    /// Every text of a row, in the table's column order.
    pub const ALL: [RowText; 4] = [
        RowText::Kind,
        RowText::Cause,
        RowText::Remedy,
        RowText::Contact,
    ];

    /// The field's name in the model, `table.json`, the macro's input and the Rust crate's
    /// `Row`: `cause`.
    pub const fn name(self) -> &'static str {
        match self {
            RowText::Kind => "kind",
            RowText::Cause => "cause",
            RowText::Remedy => "remedy",
            RowText::Contact => "contact",
        }
    }

    /// The column's title as the crate's docs and the revision report say it, short:
    /// `原因` (the sheet's own titles, some longer, are the reader's).
    pub const fn title(self) -> &'static str {
        match self {
            RowText::Kind => "エラー種別",
            RowText::Cause => "原因",
            RowText::Remedy => "対処",
            RowText::Contact => "問合せ先",
        }
    }

    /// The text whose field has this name.
    pub fn from_name(name: &str) -> Option<RowText> {
        RowText::ALL.into_iter().find(|text| text.name() == name)
    }
}

impl Row {
    /// One of the row's texts.
    pub fn text(&self, which: RowText) -> &str {
        match which {
            RowText::Kind => &self.kind,
            RowText::Cause => &self.cause,
            RowText::Remedy => &self.remedy,
            RowText::Contact => &self.contact,
        }
    }

    /// One of the row's texts, to fill.
    pub fn text_mut(&mut self, which: RowText) -> &mut String {
        match which {
            RowText::Kind => &mut self.kind,
            RowText::Cause => &mut self.cause,
            RowText::Remedy => &mut self.remedy,
            RowText::Contact => &mut self.contact,
        }
    }
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

    /// Every exact ID and range the rows list, each once, in ID order.
    pub fn listed_ids(&self) -> Vec<ListedId> {
        let mut ids: Vec<ListedId> = self
            .codes
            .iter()
            .flat_map(|c| &c.rows)
            .flat_map(|r| r.message_ids.iter().copied())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// The entry of a display code, if the table has it.
    pub fn code(&self, number: CodeNumber) -> Option<&CodeEntry> {
        self.codes.iter().find(|code| code.number == number)
    }

    /// The footnote with this number, if the table has it.
    pub fn footnote(&self, number: u8) -> Option<&Footnote> {
        self.footnotes.iter().find(|note| note.number == number)
    }
}
