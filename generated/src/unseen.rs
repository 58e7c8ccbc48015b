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

/// The one list, shared with the reader and the fold (`oqs-messages-text`).
pub use oqs_messages_text::unseen::{all, unseen, Unseen, UnseenKind};

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
