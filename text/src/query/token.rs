//! A run of ASCII letters and digits of a pasted text, and what it can be: an ID's eight hex
//! digits, a code's three, a half of an ID written in two.

/// A run of ASCII letters and digits, at most 10 long (`0x` and eight hex digits).
#[derive(Clone, Copy)]
pub(super) struct Token {
    pub(super) bytes: [u8; 10],
    pub(super) len: usize,
    /// Longer than 10: no code nor ID.
    pub(super) too_long: bool,
}

impl Token {
    pub(super) const EMPTY: Token = Token {
        bytes: [0; 10],
        len: 0,
        too_long: false,
    };

    pub(super) fn push(&mut self, b: u8) {
        if self.len < self.bytes.len() {
            self.bytes[self.len] = b;
            self.len += 1;
        } else {
            self.too_long = true;
        }
    }

    pub(super) fn text(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// Eight hex digits, with or without `0x`; or `0x` and seven, the leading zero left
    /// out (`0x4000011` is 0x04000011).
    pub(super) fn value(&self) -> Option<u32> {
        if self.too_long {
            return None;
        }
        match self.text() {
            [b'0', b'x' | b'X', rest @ ..] if rest.len() == 7 => hex(rest),
            [b'0', b'x' | b'X', rest @ ..] => hex8(rest),
            text => hex8(text),
        }
    }

    /// Seven decimal digits, the first not zero: an ID whose leading zero was left out
    /// (`4000011`), taken only where nothing else is an ID.
    pub(super) fn value_without_zero(&self) -> Option<u32> {
        match self.text() {
            [first, ..] if self.len == 7 && super::digits_only(self) && *first != b'0' => {
                hex(self.text())
            }
            _ => None,
        }
    }

    /// Four hex digits: the second half.
    pub(super) fn second_half(&self) -> Option<u32> {
        (self.len == 4).then(|| hex(self.text())).flatten()
    }

    /// Exactly three digits, or `E` and three digits as error codes are written (`E015`).
    pub(super) fn code(&self) -> Option<u16> {
        if self.too_long {
            return None;
        }
        let digits = match self.text() {
            [b'E' | b'e', rest @ ..] => rest,
            text => text,
        };
        match digits {
            [a, b, c] if [a, b, c].iter().all(|d| d.is_ascii_digit()) => {
                Some(u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0'))
            }
            _ => None,
        }
    }
}

/// Hex digits as a number (at most eight of them).
pub(super) fn hex(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 8 {
        return None;
    }
    digits.iter().try_fold(0u32, |acc, &d| {
        let v = (d as char).to_digit(16)?;
        Some(acc << 4 | v)
    })
}

pub(super) fn hex8(digits: &[u8]) -> Option<u32> {
    if digits.len() != 8 {
        return None;
    }
    hex(digits)
}
