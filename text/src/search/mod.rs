//! The search by words over an index of the table's texts, folded beforehand
//! ([`Index`]): what a query's words are (typed, terms of a sentence, the table's words for
//! a caller's word, parts of a term), how telling each is in this table, and each row's
//! score. The rows themselves are the caller's ([`Rows`]: a buffer for each row of the
//! index); `oqs_messages::search` gives them with the table's rows and texts.
//!
//! - Words the operator separates with blanks (ASCII or ideographic) mean "all of these":
//!   when rows hold every word, each anywhere in the row or in the code it is under (the
//!   code's tags, heading and message; the row's kind, cause, remedy and contact; the
//!   footnotes cited), those rows are the answer, best first.
//! - Otherwise the text is a sentence, and rows are ranked by the words of it they hold:
//!   its terms (runs of kanji with the okurigana inside them, of katakana, of Latin letters
//!   and digits; single kanji too), the table's words for the callers' words it holds
//!   (`spec/callers-words.toml`: PIN → 暗証番号, 間違え → 誤), and, for a kanji or katakana
//!   term found nowhere, the pairs of its characters that are somewhere (`暗唱番号` by
//!   `番号`). Each word weighs by how telling it is in this table (inverse document
//!   frequency over the rows, as BM25 weighs it: カード counts little, 閉塞 much) times the
//!   field it is in (heading, tags and message 6, kind 4, cause and remedy 3, contact and
//!   footnotes 1); a row's score is the sum over the words, each word counted once, at its
//!   best field. The best rows are shown, down to half the best score.
//! - Words and texts are compared [`folded`](crate::fold): width, case, hiragana and
//!   katakana, the long-vowel mark, blanks and line breaks, invisible characters and the
//!   okurigana the table writes both ways do not count.
//!
//! `explain` and the offline page search with it through `oqs-answer`. Nothing allocates.
//!
//! One file an idea: the words of a query (`words.rs`), their weights and a row's
//! score (`weights.rs`), the index and the caller's buffers (`index.rs`), the scan of the
//! texts (`scan.rs`), the outcome and what it says (`outcome.rs`), the ranking of a typed
//! text or a sentence (`ranking.rs`), the parts of a term found nowhere (`parts.rs`) and the
//! nearest words (`nearest.rs`).

use core::fmt;

mod index;
mod nearest;
mod outcome;
mod parts;
mod ranking;
pub use ranking::{callers_word_chars, TOGETHER};
mod scan;
#[cfg(test)]
mod tests;
mod weights;
mod words;

pub use index::{Index, Postings, Rows, FIELDS};
pub use nearest::{NearestWords, TermShape};
pub use outcome::Outcome;
pub use scan::rank;
pub use weights::{field_weight, weight_of, SATURATION};
pub use words::terms;

/// The most words a query is searched by; words past them are not searched.
pub const MAX_WORDS: usize = 8;

/// Where in the table a word was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The code's heading (エラー区分の見出し).
    Heading,
    /// The code's tags (`【手順誤り】`).
    Tags,
    /// The code's message (メッセージ内容).
    Message,
    /// The row's error kind (エラー種別).
    Kind,
    /// The row's cause (原因), with the codes it lists.
    Cause,
    /// The row's remedy (対処).
    Remedy,
    /// The row's contact (問合せ先).
    Contact,
    /// A footnote the row or its code cites.
    Footnote,
}

impl Field {
    /// Every field, in the table's column order.
    pub const ALL: [Field; 8] = [
        Field::Heading,
        Field::Tags,
        Field::Message,
        Field::Kind,
        Field::Cause,
        Field::Remedy,
        Field::Contact,
        Field::Footnote,
    ];

    /// The field's name in `table.json` and in `explain --json`: `heading`, `cause`, ….
    pub const fn name(self) -> &'static str {
        match self {
            Field::Heading => "heading",
            Field::Tags => "tags",
            Field::Message => "message",
            Field::Kind => "kind",
            Field::Cause => "cause",
            Field::Remedy => "remedy",
            Field::Contact => "contact",
            Field::Footnote => "footnotes",
        }
    }

    /// Whether the field is the code's, shared by all its rows.
    pub const fn is_code_field(self) -> bool {
        matches!(self, Field::Heading | Field::Tags | Field::Message)
    }
}

/// How a row was found, in the order rows are given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rank {
    /// A word is in its code's heading.
    Heading,
    /// A word is in its code's message or tags, none in the heading.
    CodeText,
    /// The words are in the row's own texts (and perhaps its code's).
    RowText,
}

/// Why a text cannot be searched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SearchError {
    /// Nothing but blanks and characters that fold to nothing.
    Empty,
}

impl fmt::Display for SearchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("no word to search for")
    }
}

#[cfg(feature = "std")]
impl std::error::Error for SearchError {}

/// The most words a search looks for at once: a sentence's terms, the table's words for
/// its callers' words and the pairs of characters of its terms found nowhere.
pub const MAX_TERMS: usize = 24;
const _: () = assert!(MAX_TERMS <= crate::needle::MAX_NEEDLES);

/// What a word searched for stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Origin<'a> {
    /// A word typed, separated by blanks.
    Typed,
    /// A term of the sentence typed.
    Term,
    /// A table's word for a caller's word of the sentence (`spec/callers-words.toml`).
    CallersWord(&'a str),
    /// A pair of characters of a term found nowhere as a whole; counts half.
    Part,
}
