//! What people paste: a code, a message ID, both from one log line, the screen message, a
//! マイナポータル error code; full-width or not, with or without `0x`, in any case.
//!
//! [`Query::parse`] reads it the same way as `explain` and the offline page
//! (`generated/table.html`); one list of cases (`tests/queries.json`) tests all three.

use core::fmt;

/// What a pasted text asks for. Numbers are kept as typed, so that a code or an ID that
/// is not in the table can be answered with the nearest ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Query {
    /// A display code: `015`, `15`, `０１５`, or the screen message `【015：…】`.
    Code(u16),
    /// A logged value: a message ID or a received error code, `0x04000011`, `04000011`.
    Value(u32),
    /// A code and a value from one log line: `015 0x04000011`.
    Pair(u16, u32),
    /// A マイナポータル error code: `マイナポータル 005`, `portal 005`.
    Portal(u16),
}

/// Why a text is not a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QueryError {
    /// Nothing but blanks.
    Empty,
    /// No code (three digits) nor message ID (eight hex digits) in it.
    Unrecognized,
    /// Several codes or several IDs: which one is meant is not clear.
    Several,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            QueryError::Empty => "nothing to look up",
            QueryError::Unrecognized => {
                "neither a three-digit code (015) nor a message ID (0x04000011) in it"
            }
            QueryError::Several => {
                "several codes or several message IDs in it; give one code and one ID at most"
            }
        })
    }
}

#[cfg(feature = "std")]
impl std::error::Error for QueryError {}

/// Full-width ASCII (`０`, `ｘ`, `：`) as ASCII, the ideographic space as a space.
fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A run of ASCII letters and digits, at most 10 long (`0x` and eight hex digits).
#[derive(Clone, Copy)]
struct Token {
    bytes: [u8; 10],
    len: usize,
    /// Longer than 10: no code nor ID.
    too_long: bool,
}

impl Token {
    const EMPTY: Token = Token {
        bytes: [0; 10],
        len: 0,
        too_long: false,
    };

    fn push(&mut self, b: u8) {
        if self.len < self.bytes.len() {
            self.bytes[self.len] = b;
            self.len += 1;
        } else {
            self.too_long = true;
        }
    }

    fn text(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// Eight hex digits, with or without `0x`.
    fn value(&self) -> Option<u32> {
        if self.too_long {
            return None;
        }
        let text = self.text();
        let digits = match text {
            [b'0', b'x' | b'X', rest @ ..] => rest,
            _ => text,
        };
        hex8(digits)
    }

    /// Exactly three digits.
    fn code(&self) -> Option<u16> {
        match self.text() {
            [a, b, c] if !self.too_long && [a, b, c].iter().all(|d| d.is_ascii_digit()) => {
                Some(u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0'))
            }
            _ => None,
        }
    }
}

fn hex8(digits: &[u8]) -> Option<u32> {
    if digits.len() != 8 {
        return None;
    }
    digits.iter().try_fold(0u32, |acc, &d| {
        let v = (d as char).to_digit(16)?;
        Some(acc << 4 | v)
    })
}

/// One or two digits alone, `15`: a code when it is all that was typed.
fn short_code(text: &str) -> Option<u16> {
    let mut n = 0u16;
    let mut count = 0;
    for c in text.chars().map(fold).filter(|c| !c.is_whitespace()) {
        let d = c.to_digit(10)?;
        n = n * 10 + d as u16;
        count += 1;
        if count > 3 {
            return None;
        }
    }
    (count > 0).then_some(n)
}

/// The whole text without blanks, if it is one message ID (`0x0400 0011`).
fn spaced_value(text: &str) -> Option<u32> {
    let mut token = Token::EMPTY;
    for c in text.chars().map(fold).filter(|c| !c.is_whitespace()) {
        if !c.is_ascii_alphanumeric() {
            return None;
        }
        token.push(c as u8);
    }
    token.value()
}

/// The code of a screen message, `【015：…】`.
fn screen_code(text: &str) -> Option<u16> {
    let mut chars = text.chars().map(fold).skip_while(|&c| c != '【');
    chars.next()?;
    let mut token = Token::EMPTY;
    for c in chars.by_ref() {
        if c.is_ascii_digit() {
            token.push(c as u8);
        } else {
            return (c == ':').then(|| token.code()).flatten();
        }
    }
    None
}

impl Query {
    /// Reads what a person pasted, as `explain` and the offline page read it:
    ///
    /// - full-width characters are read as ASCII (`０１５`, `０ｘ０４０００００１１`);
    /// - the whole text is a code when it is one to three digits (`15` is 015), and a
    ///   message ID when it is eight hex digits with or without `0x`, blanks ignored;
    /// - otherwise (a log line, the screen message) its words are read: a word of three
    ///   digits is a code, a word of eight hex digits (with or without `0x`) a message ID;
    ///   the screen message's `【015：` gives the code; other words (a date, a time,
    ///   `ERROR`) are passed over;
    /// - `マイナポータル` or `portal` before a number asks for a マイナポータル error code.
    ///
    /// ```
    /// use oqs_messages::Query;
    /// assert_eq!(Query::parse("０１５"), Ok(Query::Code(15)));
    /// assert_eq!(Query::parse("04000011"), Ok(Query::Value(0x0400_0011)));
    /// assert_eq!(
    ///     Query::parse("2026/11/25 10:15 015 0x04000011"),
    ///     Ok(Query::Pair(15, 0x0400_0011))
    /// );
    /// assert_eq!(
    ///     Query::parse("【015：マイナンバーカードから顔写真の引き出し不可】"),
    ///     Ok(Query::Code(15))
    /// );
    /// assert_eq!(Query::parse("マイナポータル 005"), Ok(Query::Portal(5)));
    /// ```
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        if text.chars().map(fold).all(char::is_whitespace) {
            return Err(QueryError::Empty);
        }
        if let Some(portal) = portal_number(text) {
            return portal;
        }
        if let Some(code) = short_code(text) {
            return Ok(Query::Code(code));
        }
        if let Some(value) = spaced_value(text) {
            return Ok(Query::Value(value));
        }
        let mut code = screen_code(text);
        let mut value: Option<u32> = None;
        let mut several = false;
        let mut token = Token::EMPTY;
        let mut take = |token: &Token| {
            if let Some(v) = token.value() {
                several |= value.is_some_and(|seen| seen != v);
                value = Some(v);
            } else if let Some(c) = token.code() {
                several |= code.is_some_and(|seen| seen != c);
                code = Some(c);
            }
        };
        for c in text.chars().map(fold) {
            if c.is_ascii_alphanumeric() {
                token.push(c as u8);
            } else {
                take(&token);
                token = Token::EMPTY;
            }
        }
        take(&token);
        if several {
            return Err(QueryError::Several);
        }
        match (code, value) {
            (Some(code), Some(value)) => Ok(Query::Pair(code, value)),
            (Some(code), None) => Ok(Query::Code(code)),
            (None, Some(value)) => Ok(Query::Value(value)),
            (None, None) => Err(QueryError::Unrecognized),
        }
    }
}

/// `マイナポータル 005`, `portal 005`, `--portal 005`: the number after the word.
fn portal_number(text: &str) -> Option<Result<Query, QueryError>> {
    let lower_starts = |s: &str, word: &str| {
        s.len() >= word.len() && s.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
    };
    let trimmed = text.trim_start_matches(|c: char| fold(c).is_whitespace() || c == '-');
    let rest = if let Some(at) = text.find("マイナポータル") {
        &text[at + "マイナポータル".len()..]
    } else if lower_starts(trimmed, "portal") {
        &trimmed["portal".len()..]
    } else {
        return None;
    };
    let mut token = Token::EMPTY;
    let mut started = false;
    for c in rest.chars().map(fold) {
        if c.is_ascii_digit() {
            started = true;
            token.push(c as u8);
        } else if started {
            break;
        }
    }
    let digits = token.text();
    if !started || token.too_long || digits.len() > 3 {
        return Some(Err(QueryError::Unrecognized));
    }
    let n = digits
        .iter()
        .fold(0u16, |acc, d| acc * 10 + u16::from(d - b'0'));
    Some(Ok(Query::Portal(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_people_paste() {
        assert_eq!(Query::parse("015"), Ok(Query::Code(15)));
        assert_eq!(Query::parse(" 15 "), Ok(Query::Code(15)));
        assert_eq!(Query::parse("０１５"), Ok(Query::Code(15)));
        assert_eq!(Query::parse("0X04000011"), Ok(Query::Value(0x0400_0011)));
        assert_eq!(Query::parse("0x0400 0011"), Ok(Query::Value(0x0400_0011)));
        assert_eq!(
            Query::parse("０ｘ０４００００１１"),
            Ok(Query::Value(0x0400_0011))
        );
        assert_eq!(Query::parse("0xf0301d1c"), Ok(Query::Value(0xF030_1D1C)));
        assert_eq!(
            Query::parse("015 0x04000011"),
            Ok(Query::Pair(15, 0x0400_0011))
        );
        assert_eq!(
            Query::parse("【015：マイナンバーカードから顔写真の引き出し不可】 0x04000011"),
            Ok(Query::Pair(15, 0x0400_0011))
        );
        assert_eq!(Query::parse("portal 860"), Ok(Query::Portal(860)));
        assert_eq!(Query::parse("--portal ００５"), Ok(Query::Portal(5)));
        assert_eq!(Query::parse(""), Err(QueryError::Empty));
        assert_eq!(Query::parse("\u{3000}"), Err(QueryError::Empty));
        assert_eq!(Query::parse("hello"), Err(QueryError::Unrecognized));
        assert_eq!(Query::parse("1234"), Err(QueryError::Unrecognized));
        assert_eq!(Query::parse("015 016 0x04000011"), Err(QueryError::Several));
    }
}
