//! The error of a cell text that does not have the expected form, shared by the cell
//! parsers and the model's `FromStr` impls.

use std::fmt;

/// A cell text that does not have the expected form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    expected: String,
    found: String,
}

impl ParseError {
    /// An error that says what was expected and quotes what was found.
    pub fn new(expected: impl Into<String>, found: &str) -> Self {
        ParseError {
            expected: expected.into(),
            found: quote(found),
        }
    }

    /// What the cell should have held.
    pub fn expected(&self) -> &str {
        &self.expected
    }

    /// What it held, quoted (long texts are shortened).
    pub fn found(&self) -> &str {
        &self.found
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {}, found {}", self.expected, self.found)
    }
}

impl std::error::Error for ParseError {}

/// Quotes a cell text for an error message: line breaks shown as `\n`, characters no one
/// can see escaped (`\u{1B}`, see [`crate::unseen`]), long texts cut.
pub fn quote(text: &str) -> String {
    const LIMIT: usize = 60;
    if text.is_empty() {
        return "an empty cell".to_owned();
    }
    let mut shown: String = text.chars().take(LIMIT).collect();
    if text.chars().nth(LIMIT).is_some() {
        shown.push('…');
    }
    format!("\"{}\"", crate::unseen::escape(&shown).replace('\n', "\\n"))
}
