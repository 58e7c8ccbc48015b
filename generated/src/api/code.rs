// `Code` as text and as a number: `Display`, `FromStr`, `TryFrom<u16>`, `From<Code>`.
// Included by `api.rs`: items only, no inner attributes.

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
