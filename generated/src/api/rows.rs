// The table's parts as the crate holds them: a row, the codes a cause lists, what a row
// lists in its message ID cell, a footnote; and the lookups of rows by value.
// Included by `api.rs`: items only, no inner attributes.

/// One row under a code: one cause, with the message IDs the terminal logs for it.
///
/// ```
/// use oqs_messages::{Code, ListedId};
///
/// let code = Code::ALL[0];
/// let row = code.rows()[0];
/// assert_eq!(row.code, code);
/// for listed in row.message_ids {
///     match *listed {
///         ListedId::Exact(id) => assert!(row.lists(id)),
///         ListedId::Range { start, end } => assert!(row.lists_value(start) && row.lists_value(end)),
///     }
/// }
/// println!("{}\n原因: {}\n対処: {}\n問合せ先: {}", row.kind, row.cause, row.remedy, row.contact);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    /// The code the row is under.
    pub code: Code,
    /// The error kind (エラー種別), as published.
    pub kind: &'static str,
    /// The message IDs listed, empty where the table says `-`.
    pub message_ids: &'static [ListedId],
    /// The cause (原因), as published.
    pub cause: &'static str,
    /// The remedy for vendors and system staff (対処), as published.
    pub remedy: &'static str,
    /// Whom to call (問合せ先), as published; `-` where the table names nobody.
    pub contact: &'static str,
    /// The footnotes the row cites (`・※1`).
    pub footnotes: &'static [&'static Footnote],
    /// The codes the cause lists with their own explanation: error codes received
    /// (under 901) and マイナポータル error codes (under 010).
    pub details: &'static [Detail],
}

impl Row {
    /// The constructor `message_table!` expands rows into: the one place a `Row` is made.
    /// Its texts come in the order of the model's `RowText::ALL`.
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub const fn __new(
        code: Code,
        message_ids: &'static [ListedId],
        kind: &'static str,
        cause: &'static str,
        remedy: &'static str,
        contact: &'static str,
        footnotes: &'static [&'static Footnote],
        details: &'static [Detail],
    ) -> Row {
        Row {
            code,
            kind,
            message_ids,
            cause,
            remedy,
            contact,
            footnotes,
            details,
        }
    }
}

/// A code listed inside a cause, with its explanation as published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Detail {
    /// The code.
    pub code: DetailCode,
    /// Its explanation, e.g. `リモートデスクトップ使用、…`.
    pub text: &'static str,
}

/// The kinds of code a cause lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DetailCode {
    /// An error code the terminal received, such as `0xf0301d1a` under 901.
    ReceivedCode(u32),
    /// A マイナポータル error code (`005`) or range of codes (`860~990`), under 010.
    PortalError {
        /// The first code.
        first: u16,
        /// The last code (the first, for one code).
        last: u16,
    },
}

impl fmt::Display for DetailCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DetailCode::ReceivedCode(value) => write!(f, "0x{value:08x}"),
            DetailCode::PortalError { first, last } if first == last => write!(f, "{first:03}"),
            DetailCode::PortalError { first, last } => write!(f, "{first:03}~{last:03}"),
        }
    }
}

impl Detail {
    /// The constructor `message_table!` expands details into.
    #[doc(hidden)]
    pub const fn __new(code: DetailCode, text: &'static str) -> Detail {
        Detail { code, text }
    }
}

/// The rows whose cause lists a received error code, each with its explanation:
/// `0xF0301D1C` gives 901's row and `Javaが存在しない、…`.
///
/// A value can also be a message ID or fall in a range ([`rows_for_value`]); the two say
/// different things and both apply.
pub fn rows_for_received_code(value: u32) -> impl Iterator<Item = (&'static Row, &'static Detail)> {
    ROWS.iter().flat_map(move |row| {
        row.details
            .iter()
            .filter(move |d| d.code == DetailCode::ReceivedCode(value))
            .map(move |d| (row, d))
    })
}

/// The rows whose cause lists a マイナポータル error code, alone or in a range, each with
/// its explanation: `5` gives 010's row and `加入者情報未登録`.
pub fn rows_for_portal_error(code: u16) -> impl Iterator<Item = (&'static Row, &'static Detail)> {
    ROWS.iter().flat_map(move |row| {
        row.details
            .iter()
            .filter(move |d| matches!(d.code, DetailCode::PortalError { first, last } if first <= code && code <= last))
            .map(move |d| (row, d))
    })
}

impl Row {
    /// Whether the row lists this message ID (a range variant matches the row that lists
    /// its range).
    pub fn lists(&self, id: MessageId) -> bool {
        self.message_ids.iter().any(|listed| listed.matches(id))
    }

    /// Whether the row lists a logged value, exactly or inside a range.
    pub fn lists_value(&self, value: u32) -> bool {
        self.message_ids.iter().any(|listed| listed.contains(value))
    }
}

/// What a row lists in its message ID cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListedId {
    /// One message ID.
    Exact(MessageId),
    /// Every ID from `start` to `end`, both included.
    Range {
        /// The first ID.
        start: u32,
        /// The last ID.
        end: u32,
    },
}

impl ListedId {
    /// Whether a logged value is this ID or inside this range.
    pub const fn contains(&self, value: u32) -> bool {
        match *self {
            ListedId::Exact(id) => id.value() == value,
            ListedId::Range { start, end } => start <= value && value <= end,
        }
    }

    /// Whether this is the ID, or the range of a range variant.
    pub fn matches(&self, id: MessageId) -> bool {
        match *self {
            ListedId::Exact(exact) => exact == id,
            ListedId::Range { start, end } => id.range() == Some((start, end)),
        }
    }
}

impl fmt::Display for ListedId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListedId::Exact(id) => write!(f, "0x{:08X}", id.value()),
            ListedId::Range { start, end } => write!(f, "0x{start:08X}～0x{end:08X}"),
        }
    }
}

/// A footnote under the table (※１, ※２).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Footnote {
    /// Its number: 1 for ※１.
    pub number: u8,
    /// The marker as published.
    pub marker: &'static str,
    /// Its text, as published.
    pub text: &'static str,
}

impl Footnote {
    /// The constructor `message_table!` expands footnotes into.
    #[doc(hidden)]
    pub const fn __new(number: u8, marker: &'static str, text: &'static str) -> Footnote {
        Footnote {
            number,
            marker,
            text,
        }
    }
}

/// Every row, under every code, that lists a logged value exactly or inside a range:
/// `0xF0000001` gives 905's row (exact) and 900's (range).
pub fn rows_for_value(value: u32) -> impl Iterator<Item = &'static Row> {
    ROWS.iter().filter(move |row| row.lists_value(value))
}

impl Code {
    /// The rows under this code that list the message ID: what a reader's log (code and
    /// ID) points to.
    pub fn rows_for(self, id: MessageId) -> impl Iterator<Item = &'static Row> {
        // The ID's rows across all codes are few (at most five in 1.25): scan those.
        id.rows()
            .iter()
            .copied()
            .filter(move |row| row.code == self)
    }
}
