//! What a code or message ID from a card reader means, and whom to call: every matching
//! row of the ministry's table, each said for what it is; what a caller says, found by its
//! words.
//!
//! Queries are read by [`oqs_messages::Query::parse`], as the offline page reads them: a
//! code, a message ID, both from a log line, the screen message `【015：…】`, a
//! マイナポータル error code; full-width or not. The `explain` binary prints the answer for
//! people (labelled with the table's own column titles) or as JSON ([`Answer`]).
#![deny(missing_docs)]

mod answer;
mod asked;
mod json;
mod older;
pub mod say;
mod text;
mod withdrawn;
mod words;

pub use answer::{
    code, explain, nearest_codes, parse, row_reference, Failure, Match, Reason, TextReason,
};
pub use asked::{lookup, Asked};
pub use json::{
    failure_json, json_text, render_json, Answer, CandidateJson, FailureJson, FootnoteJson,
    FoundJson, IdJson, MatchJson, ReadAs, ReasonJson, RowJson, WithdrawnJson, WithdrawnRowJson,
    WordsJson,
};
pub use older::{OlderMatch, OlderReason, OlderTable, OlderTableError};
pub use text::{found_text, labels, render_text};
pub use withdrawn::{withdrawn, WithdrawnAnswer};
