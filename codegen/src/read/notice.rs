//! What the reader did not take as published text, reported rather than refused.

use std::fmt;

use oqs_messages_table::unseen::{unseen_in, UnseenKind};

/// Something in the workbook that the reader did not take as published text: a hidden
/// sheet, row or column, struck-through text, an identifier typed full-width, a header
/// repeated for printing. Listed in the summary and the revision report; `--strict`
/// refuses a workbook that has any.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Notice {
    /// The sheet, row, column or cell: `一覧`, `一覧!A14:H14`, `一覧!I:I`, `一覧!E14`.
    pub place: String,
    /// What was seen and what the reader did with it.
    pub message: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// The notices for a text at `place` that holds characters no one can see: controls that
/// change the direction of text, and controls or invisible format characters, each named
/// (`U+001B ESC`). The text is kept as published; every message shows them escaped.
pub fn unseen_notices(place: &str, text: &str) -> Vec<Notice> {
    let found = unseen_in(text);
    let bidi: Vec<String> = found
        .iter()
        .filter(|u| u.kind == UnseenKind::Bidi)
        .map(|u| format!("U+{:04X}", u.char as u32))
        .collect();
    let others: Vec<String> = found
        .iter()
        .filter(|u| u.kind != UnseenKind::Bidi)
        .map(ToString::to_string)
        .collect();
    let mut notices = Vec::new();
    if !bidi.is_empty() {
        notices.push(Notice {
            place: place.to_owned(),
            message: format!(
                "holds invisible controls that change the direction of text ({}); kept as published in table.json, escaped in the generated Rust",
                bidi.join(", ")
            ),
        });
    }
    if !others.is_empty() {
        notices.push(Notice {
            place: place.to_owned(),
            message: format!(
                "holds characters no one can see ({}); kept as published in table.json, escaped in the generated Rust and in every message",
                others.join(", ")
            ),
        });
    }
    notices
}
