//! What a person would not notice, folded away for matching words against the table's
//! texts (the texts themselves are always shown as published): the fold of
//! `oqs-messages-fold`, which `cargo run -p codegen` also folds every text of the table
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

pub use oqs_messages_fold::{folded, is_kanji, widen, Folded};

/// A word folded into a buffer of its own: the needle a folded text is searched for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Needle {
    chars: [char; Needle::CAPACITY],
    len: usize,
    /// The same characters in UTF-8, for `str::contains` over the folded texts.
    text: [u8; 4 * Needle::CAPACITY],
    text_len: usize,
    /// Longer than the buffer: it matches nothing.
    too_long: bool,
}

impl Needle {
    /// The longest word matched, in folded characters: longer ones match nothing.
    pub(crate) const CAPACITY: usize = 128;

    pub(crate) const EMPTY: Needle = Needle {
        chars: ['\0'; Needle::CAPACITY],
        len: 0,
        text: [0; 4 * Needle::CAPACITY],
        text_len: 0,
        too_long: false,
    };

    pub(crate) fn new(word: &str) -> Needle {
        let mut needle = Needle::EMPTY;
        for c in folded(word) {
            if needle.len == Needle::CAPACITY {
                needle.too_long = true;
                break;
            }
            needle.chars[needle.len] = c;
            needle.len += 1;
            needle.text_len += c.encode_utf8(&mut needle.text[needle.text_len..]).len();
        }
        needle
    }

    /// The folded characters, at most [`Needle::CAPACITY`] of them.
    pub(crate) fn chars(&self) -> &[char] {
        &self.chars[..self.len]
    }

    /// The folded characters as a text.
    fn text(&self) -> &str {
        // Whole characters encoded one after another: always UTF-8.
        core::str::from_utf8(&self.text[..self.text_len]).unwrap_or("")
    }

    /// Whether the word folds to nothing (blanks, long-vowel marks, invisible characters).
    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether a folded text (one of the search index's, or another needle's) holds the
    /// word.
    pub(crate) fn is_in_folded(&self, folded: &str) -> bool {
        self.matches_something() && folded.contains(self.text())
    }

    /// Whether another needle's characters (a query's, cut at [`Needle::CAPACITY`]) hold
    /// the word.
    pub(crate) fn is_in_needle(&self, other: &Needle) -> bool {
        self.is_in_folded(other.text())
    }

    /// Whether the needle can match at all: neither empty nor longer than the buffer.
    fn matches_something(&self) -> bool {
        !self.too_long && self.len > 0
    }
}

/// The most needles [`found_in_folded`] looks for at once.
pub(crate) const MAX_NEEDLES: usize = 32;

/// Which of the needles a folded text holds (bit `i` for the `i`th, at most
/// [`MAX_NEEDLES`]).
pub(crate) fn found_in_folded(needles: &[Needle], folded: &str) -> u32 {
    needles
        .iter()
        .take(MAX_NEEDLES)
        .enumerate()
        .filter(|(_, needle)| needle.is_in_folded(folded))
        .fold(0, |found, (i, _)| found | 1 << i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(text: &str) -> ([char; 64], usize) {
        let mut chars = ['\0'; 64];
        let mut len = 0;
        for c in folded(text) {
            chars[len] = c;
            len += 1;
        }
        (chars, len)
    }

    #[test]
    fn needles_are_found_in_folded_texts() {
        let needle = Needle::new("ｶｰﾄﾞﾘｰﾀﾞ");
        assert!(needle.is_in_needle(&Needle::new("顔認証付きカードリーダーの電源")));
        assert_eq!(needle.text(), "カドリダ");
        let (chars, len) = fold("ｶｰﾄﾞﾘｰﾀﾞ");
        assert_eq!(needle.chars(), &chars[..len]);
        assert!(
            Needle::new("有効期限").is_in_needle(&Needle::new("証明書の有効\n期限が切れている"))
        );
        assert!(!Needle::new("abab").is_in_folded("abaab"));
        assert!(!Needle::new("ー").is_in_folded(""));
        assert!(Needle::new("ー").is_empty());
    }

    #[test]
    fn a_needle_longer_than_its_buffer_matches_nothing() {
        let long = "暗".repeat(Needle::CAPACITY + 1);
        let needle = Needle::new(&long);
        assert_eq!(needle.chars().len(), Needle::CAPACITY);
        assert!(!needle.is_in_folded(&long));
        let just = Needle::new(&long[3..]);
        assert!(just.is_in_folded(&long));
        // The query cut at the buffer still holds the words of its start.
        assert!(Needle::new("暗暗").is_in_needle(&needle));
    }

    #[test]
    fn several_needles_are_found_in_one_text() {
        let needles = [
            Needle::new("暗証番号"),
            Needle::new("ー"),
            Needle::new("ﾛｯｸ"),
            Needle::new("証明書"),
            Needle::new("ababc"),
        ];
        assert_eq!(found_in_folded(&needles, "暗証番号ガロックサレタ"), 0b101);
        assert_eq!(found_in_folded(&needles, "証明書ノ期限"), 0b1000);
        assert_eq!(found_in_folded(&needles, "abababc"), 0b10000);
        assert_eq!(found_in_folded(&needles, ""), 0);
        assert_eq!(found_in_folded(&[], "暗証番号"), 0);
    }
}
