//! What the reader did not take as published text, reported rather than refused.

use std::fmt;

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
