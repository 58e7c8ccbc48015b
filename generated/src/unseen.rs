//! Characters no one can see in the table's texts but that change what a text does:
//! control characters (an `ESC` that retitles a terminal, a `BEL`), invisible format
//! characters (a zero-width space that makes a word no longer match) and the controls that
//! change the direction of text.
//!
//! The texts keep them exactly as published. Before printing a text where a person or a
//! terminal reads it, show it [`escaped`]: each such character as `\u{1B}`.
//!
//! ```
//! use oqs_messages::unseen::{escaped, unseen};
//!
//! assert_eq!(unseen('\u{1B}').map(|u| u.name), Some("ESC"));
//! assert_eq!(escaped("a\u{1B}[31mb\u{200B}c").to_string(), "a\\u{1B}[31mb\\u{200B}c");
//! ```

use core::fmt;

/// What an unseen character does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnseenKind {
    /// A C0 control other than tab and line breaks, DEL, or a C1 control
    /// (U+0080–U+009F): terminals obey them.
    Control,
    /// An invisible format character (zero-width space, word joiner, a byte order mark
    /// inside text, soft hyphen, …): it changes what a search or a comparison sees.
    Format,
    /// A control that changes the direction of text.
    Bidi,
}

/// One unseen character with its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Unseen {
    /// The character.
    pub char: char,
    /// Its abbreviation (`ESC`, `NEL`) or its Unicode name (`ZERO WIDTH SPACE`).
    pub name: &'static str,
    /// What it does.
    pub kind: UnseenKind,
}

impl fmt::Display for Unseen {
    /// `U+001B ESC`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "U+{:04X} {}", self.char as u32, self.name)
    }
}

// `UNSEEN`, written by `cargo run -p codegen` from the list the reader reports by.
include!("unseen_table.rs");

/// Code points per block of [`BLOCKS_WITH_UNSEEN`].
const BLOCK: u32 = 64;

/// One bit per block of 64 code points: whether an unseen character is in it. The search
/// asks of every character of the table; almost all are in blocks with none, answered
/// without the binary search.
const BLOCKS_WITH_UNSEEN: [u64; 0x11_0000 / BLOCK as usize / 64] = {
    let mut blocks = [0u64; 0x11_0000 / BLOCK as usize / 64];
    let mut i = 0;
    while i < UNSEEN.len() {
        let block = UNSEEN[i].char as u32 / BLOCK;
        blocks[(block / 64) as usize] |= 1 << (block % 64);
        i += 1;
    }
    blocks
};

/// The character's entry, if it is one no one can see.
pub fn unseen(c: char) -> Option<Unseen> {
    let block = c as u32 / BLOCK;
    if BLOCKS_WITH_UNSEEN[(block / 64) as usize] & (1 << (block % 64)) == 0 {
        return None;
    }
    UNSEEN
        .binary_search_by(|u| u.char.cmp(&c))
        .ok()
        .map(|i| UNSEEN[i])
}

/// Every unseen character, in code point order.
pub fn all() -> impl Iterator<Item = Unseen> {
    UNSEEN.iter().copied()
}

/// A text to print: every character no one can see written `\u{1B}` (its code point in
/// hex), the rest as it is. Nothing is allocated.
pub fn escaped(text: &str) -> Escaped<'_> {
    Escaped(text)
}

/// A text shown with its unseen characters escaped; see [`escaped`].
#[derive(Clone, Copy, Debug)]
pub struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| unseen(c).is_some()) {
            f.write_str(&rest[..at])?;
            write!(f, "\\u{{{:X}}}", c as u32)?;
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blocks_answer_as_the_list_does_for_every_character() {
        let listed = |c: char| UNSEEN.iter().find(|u| u.char == c).copied();
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            assert_eq!(unseen(c), listed(c), "U+{:04X}", c as u32);
        }
    }
}
