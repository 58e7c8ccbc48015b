// The types of the table and the impls of the generated enums, included by `lib.rs` (and
// by the fixture crate of the UI tests, `tests/fixture`): items only, no inner attributes.

/// One row under a code: one cause, with the message IDs the terminal logs for it.
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
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub const fn __new(
        code: Code,
        kind: &'static str,
        message_ids: &'static [ListedId],
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

/// Why a text or number is not a code or message ID of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LookupError {
    /// Not three digits, such as `001`.
    MalformedCode,
    /// Not `0x` and eight hex digits, such as `0x04000011`.
    MalformedMessageId,
    /// A well-formed code the table does not have.
    UnknownCode(u16),
    /// A well-formed message ID the table does not have.
    UnknownMessageId(u32),
}

impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LookupError::MalformedCode => f.write_str("expected a three-digit code such as 001"),
            LookupError::MalformedMessageId => {
                f.write_str("expected a message ID of 0x and eight hex digits, such as 0x04000011")
            }
            LookupError::UnknownCode(n) => {
                write!(f, "no code {n:03} in table version {VERSION}")
            }
            LookupError::UnknownMessageId(v) => {
                write!(f, "no message ID 0x{v:08X} in table version {VERSION}")
            }
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for LookupError {}

impl fmt::Display for Code {
    /// The published heading, e.g. `マイナンバーカードの認識不可`; `{:#}` adds the number
    /// (`001 マイナンバーカードの認識不可`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            write!(f, "{:03} {}", self.number(), self.heading())
        } else {
            f.write_str(self.heading())
        }
    }
}

impl FromStr for Code {
    type Err = LookupError;

    /// Three digits, as the reader shows them: `"001"`.
    fn from_str(text: &str) -> Result<Self, LookupError> {
        let bytes = text.as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_digit) {
            return Err(LookupError::MalformedCode);
        }
        let number = bytes
            .iter()
            .fold(0u16, |acc, b| acc * 10 + u16::from(b - b'0'));
        Code::try_from(number)
    }
}

impl TryFrom<u16> for Code {
    type Error = LookupError;

    fn try_from(number: u16) -> Result<Self, LookupError> {
        Code::from_number(number).ok_or(LookupError::UnknownCode(number))
    }
}

impl From<Code> for u16 {
    fn from(code: Code) -> u16 {
        code.number()
    }
}

impl fmt::Display for MessageId {
    /// `0x04000011`; a range variant shows the logged value it carries.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0x{:08X}", self.value())
    }
}

impl FromStr for MessageId {
    type Err = LookupError;

    /// `0x` and eight hex digits, either case: `"0x04000011"`, `"0xf0301d1c"`.
    fn from_str(text: &str) -> Result<Self, LookupError> {
        let bytes = text.as_bytes();
        let [b'0', b'x' | b'X', digits @ ..] = bytes else {
            return Err(LookupError::MalformedMessageId);
        };
        if digits.len() != 8 {
            return Err(LookupError::MalformedMessageId);
        }
        // One pass over the eight digits through a table, without the generality of
        // from_str_radix.
        let mut value = 0u32;
        for &digit in digits {
            let nibble = HEX_DIGITS[usize::from(digit)];
            if nibble > 0xF {
                return Err(LookupError::MalformedMessageId);
            }
            value = (value << 4) | u32::from(nibble);
        }
        MessageId::try_from(value)
    }
}

/// The value of each byte as a hex digit; 0xFF for a byte that is not one.
const HEX_DIGITS: [u8; 256] = {
    let mut table = [0xFF; 256];
    let mut i = 0;
    while i < 10 {
        table[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        table[b'a' as usize + i] = 10 + i as u8;
        table[b'A' as usize + i] = 10 + i as u8;
        i += 1;
    }
    table
};

impl TryFrom<u32> for MessageId {
    type Error = LookupError;

    fn try_from(value: u32) -> Result<Self, LookupError> {
        MessageId::from_u32(value).ok_or(LookupError::UnknownMessageId(value))
    }
}

impl From<MessageId> for u32 {
    fn from(id: MessageId) -> u32 {
        id.value()
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    use core::fmt;

    use super::{Code, MessageId};
    use serde::de::{Deserialize, Deserializer, Error, Visitor};
    use serde::ser::{Serialize, Serializer};

    /// As the reader shows it: `"001"`.
    impl Serialize for Code {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let n = self.number();
            let digits = [
                b'0' + (n / 100 % 10) as u8,
                b'0' + (n / 10 % 10) as u8,
                b'0' + (n % 10) as u8,
            ];
            serializer.serialize_str(core::str::from_utf8(&digits).unwrap_or("000"))
        }
    }

    /// As the terminal logs it: `"0x04000011"`.
    impl Serialize for MessageId {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let value = self.value();
            let mut text = *b"0x00000000";
            for (i, byte) in text[2..].iter_mut().enumerate() {
                let nibble = (value >> (28 - 4 * i)) & 0xF;
                *byte = b"0123456789ABCDEF"[nibble as usize];
            }
            serializer.serialize_str(core::str::from_utf8(&text).unwrap_or("0x00000000"))
        }
    }

    /// Parses a string through `FromStr`, borrowed or not, without allocating.
    struct Parsed<T>(core::marker::PhantomData<T>);

    impl<T: core::str::FromStr> Visitor<'_> for Parsed<T>
    where
        T::Err: fmt::Display,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a code such as \"001\" or a message ID such as \"0x04000011\"")
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<T, E> {
            text.parse().map_err(E::custom)
        }
    }

    impl<'de> Deserialize<'de> for Code {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_str(Parsed(core::marker::PhantomData))
        }
    }

    impl<'de> Deserialize<'de> for MessageId {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_str(Parsed(core::marker::PhantomData))
        }
    }
}
