//! Data model of the ministry's table
//! 「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」 and parsers for the
//! texts of its cells.
//!
//! The table lists, for each three-digit display code of the face-recognition card
//! reader (001–017, 101–103, 900–906, 950–952), what the patient or staff is told, and
//! under it one row per cause: the error kind, the message IDs the terminal logs, the
//! cause, the remedy and whom to call.
//!
//! This crate has no spreadsheet dependency: the generator (`codegen`) reads the
//! workbook with calamine and fills these types; the proc macro and other tools use
//! them through serde or directly.
#![deny(missing_docs)]

pub mod casing;
mod error;
pub mod history;

/// The parsers of cell texts (the `parse` feature, on by default; the proc macro, which
/// needs only the model and its rules, does without).
#[cfg(feature = "parse")]
pub mod parse;
mod rules;
mod table;
pub mod unseen;
mod values;

pub use error::{quote, ParseError};
pub use history::{
    CodeListing, History, IdListing, RowPlace, Withdrawal, WithdrawnCode, WithdrawnEntry,
    WithdrawnId, WithdrawnRow,
};
pub use rules::Violation;
pub use table::{CodeEntry, Detail, DetailCode, Footnote, Row, RowText, Stats, Table};
pub use values::{CodeNumber, ListedId, MessageIdValue, Version};
