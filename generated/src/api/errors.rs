// Why a number or a text is not in the table: the error types, each carrying what it
// was given (a text as an `Excerpt`, without allocating).
// Included by `api.rs`: items only, no inner attributes.

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
