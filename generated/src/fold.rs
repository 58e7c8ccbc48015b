//! What a person would not notice, folded away for matching words against the table's
//! texts (the texts themselves are always shown as published): the fold of
//! `oqs-messages-text`, which `cargo run -p codegen` also folds every text of the table
//! with, writing the folded texts the search reads. The offline page's script folds a query
//! the same way, given the same tables; the shared cases in `tests/queries.json` hold the
//! two together.
//!
//! Folded, on the query and the texts alike:
//!
//! - width, as NFKC folds it for what the table uses: full-width ASCII (`ＬＡＮ`) as ASCII,
//!   half-width katakana and its voiced marks (`ﾈｯﾄﾜｰｸ`, `ｶﾞ`) as full-width katakana,
//!   half-width `｡｢｣､･` as `。「」、・`, and a combining voiced mark joined to its kana;
//! - case (`lan`, `Smart Card`);
//! - hiragana as katakana (`ぱすわーど`);
//! - the long-vowel mark `ー`, which the table writes and omits for the same word
//!   (`カードリーダ`, `カードリーダー`): left out;
//! - blanks and line breaks (ASCII or ideographic), so that a phrase that runs across a
//!   line break matches: left out;
//! - the characters no one can see ([`crate::unseen`]): left out, so that a word with a
//!   zero-width space inside still matches;
//! - okurigana, as the table writes the same word with and without it (`問い合わせ`,
//!   `問合せ`; `読み込み`, `読込み`; `受け取り`, `受取り`): a kana of the i- or e-row
//!   between two kanji is left out (`問い合` as `問合`), and `わ` between `合` and `せ`.
//!
//! Nothing else is folded: small kana stay small (`ッ` is not `ツ`), and digits in circles
//! (`①`) stay as they are.

pub use oqs_messages_text::fold::{folded, is_kanji, looked_for, widen, Folded};
