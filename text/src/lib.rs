//! The text handling of the ministry's table
//! 「顔認証付きカードリーダー表示のメッセージID別問い合わせ先一覧」 that does not depend on
//! its version: what matching ignores ([`fold`], [`unseen`]), words looked for in folded
//! texts ([`needle`]), what a pasted text or a log line asks for ([`query`], with the
//! [`log_words`] that say what a number is) and the search by words over an index of the
//! table's texts ([`search`]).
//!
//! The typed table, [`oqs-messages`](https://docs.rs/oqs-messages), re-exports all of it
//! with the table's own index and rows; most users want that crate. Here it is a crate of
//! its own so that the generator, which must not depend on the generated table, folds the
//! texts as the search does, and so that a vendor's build compiles it beside the proc
//! macro's dependencies instead of after them.
//!
//! `no_std`, nothing allocated; one dependency, `memchr` (without `std`), for the search
//! alone. The features `query` and `search` (on by default) bring the query reader and the
//! search; without them the crate is the fold and the unseen list alone, which is all the
//! model of `oqs-messages-table` needs (so that a proc macro built on the model compiles no
//! more of this crate than that).

#![no_std]
#![deny(missing_docs)]

#[cfg(feature = "std")]
extern crate std;

/// The README's example is tested too.
#[cfg(all(doctest, feature = "query"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub mod fold;
#[cfg(feature = "query")]
pub mod log_words;
#[cfg(feature = "search")]
pub mod needle;
#[cfg(feature = "query")]
pub mod query;
#[cfg(feature = "search")]
pub mod search;
pub mod unseen;
