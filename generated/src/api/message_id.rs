// `MessageId` as text and as a number, its order and hash by the logged value, the
// `InRange` a range variant carries, and `MessageIdText`.
// Included by `api.rs`: items only, no inner attributes.

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
