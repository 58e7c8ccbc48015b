//! The ministry's table 「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」 as typed
//! Rust, generated from the official workbook by `cargo run -p codegen`.
//!
//! - [`Code`]: every three-digit display code of the face-recognition card reader, with
//!   its tags, heading and message exactly as published.
//! - [`MessageId`]: every message ID the terminal logs, named by value (`Id04000011`),
//!   and the ID ranges, which carry the logged value ([`InRange`]).
//! - [`Row`]: the kind, cause, remedy and contact for each cause of a code.
//! - [`CodeHandler`], [`CodeMap`] and [`MessageIdMap`]: exhaustive handling that stops
//!   compiling, naming the code, when a revision of the table adds or removes one (and,
//!   with the older workbook beside the new one in `spec/`, wherever a name it withdrew is
//!   still used, under `cargo check` too).
//! - [`UnknownCode`], [`UnknownMessageId`], [`ParseCodeError`], [`ParseMessageIdError`]:
//!   why a number or a text is not in the table, with what was given.
//! - [`Withdrawn`]: the codes and IDs an older version of `spec/` lists and this one does
//!   not, with the texts they last had, for the terminals that still show them.
//!
//! ```
//! use oqs_messages::{Code, MessageId, Query};
//!
//! // What a reader's log gives: the code on the screen and the message ID.
//! if let Ok(Query::Pair(number, value)) = Query::parse("015 0x04000011") {
//!     if let (Some(code), Some(id)) = (Code::from_number(number), MessageId::from_value(value)) {
//!         for row in code.rows_for(id) {
//!             println!("{}: {} → {}", row.kind, row.remedy, row.contact);
//!         }
//!         // The same ID under every code.
//!         println!("{id} is listed under {:?}", id.codes());
//!     }
//! }
//!
//! // Every code in the table's order, each with its rows.
//! for code in Code::ALL {
//!     assert_eq!(code.rows()[0].code, code);
//!     assert_eq!(code.as_str().parse(), Ok(code));
//!     assert_eq!(code.to_string().parse(), Ok(code));
//! }
//! ```
//!
//! Nothing here allocates: every text is `&'static str` and every lookup a `match` or a
//! slice of a static table.
//!
//! Features: `std` (default; without it the crate is `#![no_std]`, and only the
//! `std::error::Error` impls go) and `serde` (codes as `"001"`, IDs as `"0x04000011"`,
//! without allocating).
#![deny(missing_docs)]
#![cfg_attr(not(feature = "std"), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]

use core::fmt;
use core::str::FromStr;

pub use oqs_messages_text::query;
pub use query::{Query, QueryError};
pub mod fold;
pub mod search;
pub mod unseen;
pub mod withdrawn;
pub use withdrawn::{Withdrawn, WithdrawnCode, WithdrawnId, WithdrawnListedId, WithdrawnRow};

#[doc(hidden)]
pub mod __private {
    pub use oqs_messages_macros::check_map;
}

// The types the table is made of and their impls, shared with the fixture crate the UI
// tests use (`tests/fixture`), which expands a small table of its own with the same macro.
include!("api.rs");

// The table, expanded by `message_table!` (with the derives `CodeMap` and `MessageIdMap`,
// re-exported with examples written from it).
include!("table.rs");
