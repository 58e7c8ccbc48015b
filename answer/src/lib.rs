//! What a text pasted or typed at a help desk asks, and the rows of the ministry's table
//! 「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」 that answer it: a display code,
//! a message ID, both from a log line, the screen message, a マイナポータル error code, or
//! the words a caller says.
//!
//! This is the one engine of `explain` and of the offline page (`generated/table.html`,
//! where it runs compiled to WebAssembly): the text is read with
//! `oqs_messages_text::query`, words are searched with `oqs_messages_text::search`, and the
//! answer ([`Answer`]) is assembled here, over any version of the table given as data
//! ([`TableData`], read from `table.json`), then rendered for people ([`render_text`]),
//! for programs ([`render_json`]) and for the page ([`render_page`]).
//!
//! ```
//! use oqs_answer::{CallersWords, Engine, TableData};
//!
//! let table = include_str!("../../generated/table.json");
//! let engine = Engine::new(TableData::from_json(table).unwrap(), &CallersWords::default());
//! let answer = engine.answer("015 0x04000011");
//! assert_eq!(answer.matches.len(), 1);
//! assert_eq!(answer.matches[0].shown.reference(), "015-1");
//! ```
#![deny(missing_docs)]

mod answer;
mod data;
mod denied;
mod elsewhere;
mod engine;
mod index;
pub mod json;
pub mod learned;
pub mod packed;
pub mod page;
mod prefix;
mod romaji;
pub mod say;
pub mod text;
pub mod ticket;

pub use answer::{
    read_parts, Answer, Failure, Match, Read, Reason, Shown, TextReason, Withdrawn, WordsRead,
};
pub use data::{table_texts, CallersWords, TableData};
pub use elsewhere::{
    asks_without_a_fault, is_a_name, is_hiragana, states_a_wish, Elsewhere, FoldedText, WEAK_FIT,
    WEAK_FIT_ASKING_ELSEWHERE, WEAK_FIT_NAMING_ELSEWHERE,
};
pub use engine::{detail_code_text, Engine};
pub use index::{fold, SearchIndex, Searched, SearchedRow, BETWEEN_TEXTS};
pub use json::{json_text, render_json, AnswerJson};
pub use oqs_messages_table::{CodeEntry, Footnote, ListedId, Row, Table};
pub use page::{render_page, PageAnswer};
pub use prefix::IdPrefix;
pub use say::Lang;
pub use text::render_text;
pub use ticket::{ticket, tickets};
