// The types of the table and the impls of the generated enums, included by `lib.rs` (and
// by the fixture crate of the UI tests, `tests/fixture`): items only, no inner attributes.

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

/// A number that is no code of the table: the error of [`Code::try_from`], carrying the
/// number (as num_enum's `TryFromPrimitiveError` does).
///
/// ```
/// use oqs_messages::Code;
///
/// let error = Code::try_from(1000).unwrap_err();
/// assert_eq!(error.number(), 1000);
/// println!("{error}"); // コード 1000 は一覧（1.25版）にありません
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownCode {
    number: u16,
}

impl UnknownCode {
    /// The number given.
    pub const fn number(&self) -> u16 {
        self.number
    }
}

impl fmt::Display for UnknownCode {
    /// In Japanese, as a help desk reads it: `コード 999 は一覧（1.25版）にありません`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "コード {:03} は一覧（{VERSION}版）にありません", self.number)
    }
}

/// A value that is no message ID of the table, exactly or in a range: the error of
/// [`MessageId::try_from`], carrying the value.
///
/// ```
/// use oqs_messages::MessageId;
///
/// let unlisted = (0..).find(|v| MessageId::from_value(*v).is_none()).unwrap();
/// let error = MessageId::try_from(unlisted).unwrap_err();
/// assert_eq!(error.value(), unlisted);
/// println!("{error}"); // メッセージID 0x00000000 は一覧（1.25版）にありません
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownMessageId {
    value: u32,
}

impl UnknownMessageId {
    /// The value given.
    pub const fn value(&self) -> u32 {
        self.value
    }
}

impl fmt::Display for UnknownMessageId {
    /// In Japanese: `メッセージID 0x12345678 は一覧（1.25版）にありません`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "メッセージID 0x{:08X} は一覧（{VERSION}版）にありません",
            self.value
        )
    }
}

/// Why a text is not a code of the table: the error of `text.parse::<Code>()`, carrying
/// the text.
///
/// ```
/// use oqs_messages::{Code, ParseCodeErrorKind};
///
/// let error = "15".parse::<Code>().unwrap_err();
/// assert_eq!(error.input(), "15");
/// assert_eq!(error.kind(), ParseCodeErrorKind::Malformed);
/// println!("{error}"); // 「15」はコードの形ではありません（3桁の数字、例: 001）
///
/// let error = "999 見出し".parse::<Code>().unwrap_err();
/// assert!(matches!(
///     error.kind(),
///     ParseCodeErrorKind::Unknown(999) | ParseCodeErrorKind::NotItsHeading(_)
/// ));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseCodeError {
    input: Excerpt,
    kind: ParseCodeErrorKind,
}

/// What is wrong with a text read as a code; see [`ParseCodeError::kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseCodeErrorKind {
    /// Not three ASCII digits (`001`), nor three digits, a space and the code's heading
    /// (what `Display` writes).
    Malformed,
    /// Three digits that are no code of the table.
    Unknown(u16),
    /// A code's number followed by a text that is not its heading.
    NotItsHeading(Code),
}

impl ParseCodeError {
    /// The text given: its first 32 bytes (cut at a character boundary) when longer.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// What is wrong with it.
    pub const fn kind(&self) -> ParseCodeErrorKind {
        self.kind
    }
}

impl fmt::Display for ParseCodeError {
    /// In Japanese, quoting the text given, its unseen characters written `\u{200B}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ParseCodeErrorKind::Malformed => write!(
                f,
                "「{}」はコードの形ではありません（3桁の数字、例: 001）",
                self.input
            ),
            ParseCodeErrorKind::Unknown(number) => UnknownCode { number }.fmt(f),
            ParseCodeErrorKind::NotItsHeading(code) => write!(
                f,
                "「{}」: コード {} の見出しは「{}」です",
                self.input,
                code.as_str(),
                code.heading()
            ),
        }
    }
}

/// Why a text is not a message ID of the table: the error of `text.parse::<MessageId>()`,
/// carrying the text.
///
/// ```
/// use oqs_messages::{MessageId, ParseMessageIdErrorKind};
///
/// let error = "0x0400001".parse::<MessageId>().unwrap_err();
/// assert_eq!(error.input(), "0x0400001");
/// assert_eq!(error.kind(), ParseMessageIdErrorKind::Malformed);
/// println!("{error}"); // 「0x0400001」はメッセージIDの形ではありません（0x と16進8桁、例: 0x04000011）
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseMessageIdError {
    input: Excerpt,
    kind: ParseMessageIdErrorKind,
}

/// What is wrong with a text read as a message ID; see [`ParseMessageIdError::kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseMessageIdErrorKind {
    /// Not `0x` (or `0X`) and eight hex digits.
    Malformed,
    /// A value that is no message ID of the table, exactly or in a range.
    Unknown(u32),
}

impl ParseMessageIdError {
    /// The text given: its first 32 bytes (cut at a character boundary) when longer.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// What is wrong with it.
    pub const fn kind(&self) -> ParseMessageIdErrorKind {
        self.kind
    }
}

impl fmt::Display for ParseMessageIdError {
    /// In Japanese, quoting the text given, its unseen characters written `\u{200B}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ParseMessageIdErrorKind::Malformed => write!(
                f,
                "「{}」はメッセージIDの形ではありません（0x と16進8桁、例: 0x04000011）",
                self.input
            ),
            ParseMessageIdErrorKind::Unknown(value) => UnknownMessageId { value }.fmt(f),
        }
    }
}

#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
impl std::error::Error for UnknownCode {}

#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
impl std::error::Error for UnknownMessageId {}

#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
impl std::error::Error for ParseCodeError {}

#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
impl std::error::Error for ParseMessageIdError {}

/// The text a parse was given, kept without allocating: its first
/// [`Excerpt::CAPACITY`] bytes, cut at a character boundary.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Excerpt {
    bytes: [u8; Excerpt::CAPACITY],
    len: u8,
    cut: bool,
}

impl Excerpt {
    /// Enough for any code or ID, typed in full width or with a word around it.
    const CAPACITY: usize = 32;

    fn new(text: &str) -> Excerpt {
        let mut end = text.len().min(Excerpt::CAPACITY);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0; Excerpt::CAPACITY];
        bytes[..end].copy_from_slice(&text.as_bytes()[..end]);
        Excerpt {
            bytes,
            // At most CAPACITY, 32.
            len: end as u8,
            cut: end < text.len(),
        }
    }

    fn as_str(&self) -> &str {
        // A prefix of a `str` cut at a character boundary.
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl fmt::Debug for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)?;
        if self.cut {
            f.write_str("…")?;
        }
        Ok(())
    }
}

impl fmt::Display for Excerpt {
    /// The text with each character no one can see written `\u{200B}`, and `…` where it
    /// was cut.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.as_str().chars() {
            if oqs_messages_text::unseen::unseen(c).is_some() {
                write!(f, "\\u{{{:X}}}", c as u32)?;
            } else {
                write!(f, "{c}")?;
            }
        }
        if self.cut {
            f.write_str("…")?;
        }
        Ok(())
    }
}

impl fmt::Display for Code {
    /// The three digits, a space and the heading: `001 マイナンバーカードの認識不可`,
    /// honouring width, fill, alignment and precision as a `str` does. `{:#}` is the
    /// same.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.label())
    }
}

impl FromStr for Code {
    type Err = ParseCodeError;

    /// Three digits, as the reader shows them (`"001"`), or what `Display` writes (`"001
    /// マイナンバーカードの認識不可"`, the heading exactly as published).
    fn from_str(text: &str) -> Result<Self, ParseCodeError> {
        let error = |kind| ParseCodeError {
            input: Excerpt::new(text),
            kind,
        };
        let bytes = text.as_bytes();
        let digits = match bytes {
            [a, b, c] | [a, b, c, b' ', ..] => [*a, *b, *c],
            _ => return Err(error(ParseCodeErrorKind::Malformed)),
        };
        if !digits.iter().all(u8::is_ascii_digit) {
            return Err(error(ParseCodeErrorKind::Malformed));
        }
        let number = digits
            .iter()
            .fold(0u16, |acc, b| acc * 10 + u16::from(b - b'0'));
        let code = Code::from_number(number).ok_or(error(ParseCodeErrorKind::Unknown(number)))?;
        if bytes.len() > 3 && text[4..] != *code.heading() {
            return Err(error(ParseCodeErrorKind::NotItsHeading(code)));
        }
        Ok(code)
    }
}

impl TryFrom<u16> for Code {
    type Error = UnknownCode;

    /// The code shown as this number: `1` gives `001`.
    fn try_from(number: u16) -> Result<Self, UnknownCode> {
        Code::from_number(number).ok_or(UnknownCode { number })
    }
}

impl From<Code> for u16 {
    fn from(code: Code) -> u16 {
        code.number()
    }
}

impl MessageId {
    /// `0x` and eight upper-case hex digits, as `Display` and serde write the ID, without
    /// allocating.
    pub const fn to_text(self) -> MessageIdText {
        MessageIdText::new(self.value())
    }
}

impl fmt::Display for MessageId {
    /// `0x04000011`; a range variant shows the logged value it carries. Width, fill,
    /// alignment and precision are honoured as for a `str`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.to_text().as_str())
    }
}

impl FromStr for MessageId {
    type Err = ParseMessageIdError;

    /// `0x` and eight hex digits, either case: `"0x04000011"`, `"0xf0301d1c"`.
    fn from_str(text: &str) -> Result<Self, ParseMessageIdError> {
        let error = |kind| ParseMessageIdError {
            input: Excerpt::new(text),
            kind,
        };
        let bytes = text.as_bytes();
        let [b'0', b'x' | b'X', digits @ ..] = bytes else {
            return Err(error(ParseMessageIdErrorKind::Malformed));
        };
        if digits.len() != 8 {
            return Err(error(ParseMessageIdErrorKind::Malformed));
        }
        // One pass over the eight digits through a table, without the generality of
        // from_str_radix.
        let mut value = 0u32;
        for &digit in digits {
            let nibble = HEX_DIGITS[usize::from(digit)];
            if nibble > 0xF {
                return Err(error(ParseMessageIdErrorKind::Malformed));
            }
            value = (value << 4) | u32::from(nibble);
        }
        MessageId::from_value(value).ok_or(error(ParseMessageIdErrorKind::Unknown(value)))
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
    type Error = UnknownMessageId;

    /// The message ID of a logged value, as [`MessageId::from_value`] gives it.
    fn try_from(value: u32) -> Result<Self, UnknownMessageId> {
        MessageId::from_value(value).ok_or(UnknownMessageId { value })
    }
}

impl From<MessageId> for u32 {
    fn from(id: MessageId) -> u32 {
        id.value()
    }
}

impl PartialOrd for MessageId {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for MessageId {
    /// By the logged value: `0xF0000000` (a range) before `0xF0000001` (listed exactly).
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.value().cmp(&other.value())
    }
}

impl core::hash::Hash for MessageId {
    /// As the logged value hashes: one value is one `MessageId`.
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.value().hash(state);
    }
}

/// The logged value a range variant of [`MessageId`] carries: a value from `START` to
/// `END` that no exact ID of the table takes (that value is the exact ID's own variant).
/// It is built only by a check ([`InRange::new`], [`MessageId::from_value`]), so a range
/// variant never holds a value outside its range, nor one listed exactly.
///
/// ```
/// use oqs_messages::MessageId;
///
/// // Each range stands in ALL at a value of it that no exact ID takes.
/// for id in MessageId::ALL {
///     if let Some((start, end)) = id.range() {
///         assert!((start..=end).contains(&id.value()));
///         assert_eq!(MessageId::from_value(id.value()), Some(id));
///     }
/// }
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InRange<const START: u32, const END: u32>(u32);

impl<const START: u32, const END: u32> InRange<START, END> {
    /// The value, if it is in the range and no exact ID of the table: the one way to build
    /// a range variant from a number, as [`MessageId::from_value`] does.
    pub const fn new(value: u32) -> Option<Self> {
        match MessageId::from_value(value) {
            Some(id) => match id.range() {
                Some((start, end)) if start == START && end == END => Some(InRange(value)),
                _ => None,
            },
            None => None,
        }
    }

    /// The logged value.
    pub const fn value(self) -> u32 {
        self.0
    }
}

/// The constructor `message_table!` expands `MessageId::from_value` into, for a value it
/// has checked: private to the crate (and no associated function, which the compiler
/// would offer as a fix), so that no other crate builds a range variant unchecked.
const fn in_range_unchecked<const START: u32, const END: u32>(value: u32) -> InRange<START, END> {
    InRange(value)
}

impl<const START: u32, const END: u32> fmt::Debug for InRange<START, END> {
    /// `0xF0000005`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0x{:08X}", self.0)
    }
}

impl<const START: u32, const END: u32> fmt::Display for InRange<START, END> {
    /// `0xF0000005`, as [`MessageId`] shows it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(MessageIdText::new(self.0).as_str())
    }
}

impl<const START: u32, const END: u32> From<InRange<START, END>> for u32 {
    fn from(value: InRange<START, END>) -> u32 {
        value.0
    }
}

/// A message ID as text, `0x04000011`, without allocating: see [`MessageId::to_text`].
///
/// ```
/// use oqs_messages::MessageId;
///
/// let id = MessageId::ALL[0];
/// let text = id.to_text();
/// assert_eq!(text.as_str(), id.to_string());
/// assert_eq!(text.parse::<MessageId>(), Ok(id));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MessageIdText([u8; 10]);

impl MessageIdText {
    const fn new(value: u32) -> MessageIdText {
        let mut text = *b"0x00000000";
        let mut i = 0;
        while i < 8 {
            let nibble = (value >> (28 - 4 * i)) & 0xF;
            text[2 + i] = b"0123456789ABCDEF"[nibble as usize];
            i += 1;
        }
        MessageIdText(text)
    }

    /// `"0x04000011"`.
    pub fn as_str(&self) -> &str {
        // ASCII: `0x` and hex digits.
        core::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl core::ops::Deref for MessageIdText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for MessageIdText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for MessageIdText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for MessageIdText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    use core::fmt;

    use super::{Code, MessageId, VERSION};
    use serde::de::{Deserialize, Deserializer, Error, Unexpected, Visitor};
    use serde::ser::{Serialize, Serializer};

    /// As the reader shows it: `"001"`.
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl Serialize for Code {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }

    /// As the terminal logs it: `"0x04000011"`.
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl Serialize for MessageId {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.to_text().as_str())
        }
    }

    /// Reads a code from a string, borrowed or not, without allocating.
    struct CodeVisitor;

    impl Visitor<'_> for CodeVisitor {
        type Value = Code;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "a display code of table version {VERSION} as three digits, such as \"{}\"",
                Code::ALL[0].as_str()
            )
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<Code, E> {
            text.parse()
                .map_err(|_| E::invalid_value(Unexpected::Str(text), &self))
        }
    }

    /// Reads a message ID from a string, borrowed or not, without allocating.
    struct MessageIdVisitor;

    impl Visitor<'_> for MessageIdVisitor {
        type Value = MessageId;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(
                f,
                "a message ID of table version {VERSION} as 0x and eight hex digits, such as \"{}\"",
                MessageId::ALL[0].to_text().as_str()
            )
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<MessageId, E> {
            text.parse()
                .map_err(|_| E::invalid_value(Unexpected::Str(text), &self))
        }
    }

    /// From `"001"` (or what `Display` writes).
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl<'de> Deserialize<'de> for Code {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_str(CodeVisitor)
        }
    }

    /// From `"0x04000011"`, either case.
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl<'de> Deserialize<'de> for MessageId {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_str(MessageIdVisitor)
        }
    }
}
