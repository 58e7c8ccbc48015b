//! Finding rows by the words a caller says (「暗証番号を3回間違えてロックされた」,
//! 「ネットワークエラー」): what [`Query::parse`](crate::Query::parse) does not read as a
//! code or an ID is searched for in the words of the table.
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
//! The offline page's script searches the same way, with the same integer arithmetic; the
//! shared cases in `tests/queries.json` and `tests/caller-sentences.json` hold the two
//! together. Nothing allocates. The engine, which depends on no table, is
//! `oqs_messages_text::search`; here it is given this table's index and rows.
//!
//! ```
//! use oqs_messages::search::Search;
//!
//! let search = Search::new("暗証番号を3回間違えてロックされた").unwrap();
//! let first = search.matches().next().unwrap();
//! assert_eq!(first.row.code.number(), 4);
//! for (callers, table) in search.taken_for() {
//!     println!("{callers} → {table}");
//! }
//! ```

use crate::{Code, Row, ROWS, ROW_COUNT};
pub use oqs_messages_text::search::{
    field_weight, terms, weight_of, Field, Origin, Rank, SearchError, MAX_TERMS, MAX_WORDS,
    SATURATION, TOGETHER,
};
use oqs_messages_text::search::{rank, Index, Outcome, Rows, FIELDS};

include!("callers_words.rs");

// `FOLDED_TEXTS`, `CODE_TEXTS`, `ROW_TEXTS`, `ROW_CODES`: every text searched, folded by
// `cargo run -p codegen`.
include!("search_index.rs");

/// This table's index, for the engine.
static INDEX: Index = Index {
    texts: &FOLDED_TEXTS,
    code_texts: &CODE_TEXTS,
    row_texts: &ROW_TEXTS,
    row_codes: &ROW_CODES,
    callers_words: CALLERS_WORDS,
    folded_callers_words: &FOLDED_CALLERS_WORDS,
    folded_callers_chars: &FOLDED_CALLERS_CHARS,
    postings: None,
};

/// A text search over the table.
#[derive(Clone, Copy, Debug)]
pub struct Search<'q> {
    outcome: Outcome<'q>,
    /// For each row, which words (bit `i` for the `i`th) each of its fields holds, its
    /// code's fields included.
    found: [[u32; FIELDS]; ROW_COUNT],
    scores: [u32; ROW_COUNT],
    /// The rows shown, best first (indexes into `ROWS`): the first `outcome.shown()`.
    order: [u16; ROW_COUNT],
}

impl<'q> Search<'q> {
    /// A search for the words of `query`: the rows that hold every word separated by
    /// blanks, when there are any; otherwise the rows that hold the most telling words of
    /// the sentence, its callers' words read as the table's.
    pub fn new(query: &'q str) -> Result<Search<'q>, SearchError> {
        let mut found = [[0; FIELDS]; ROW_COUNT];
        let mut scores = [0; ROW_COUNT];
        let mut order = [0; ROW_COUNT];
        let mut texts = [0; FOLDED_TEXTS.len()];
        let rows = Rows {
            texts: &mut texts,
            found: &mut found,
            scores: &mut scores,
            order: &mut order,
        };
        let outcome = Outcome::new(&INDEX, query, rows)?;
        Ok(Search {
            outcome,
            found,
            scores,
            order,
        })
    }

    /// The query as given.
    pub fn query(&self) -> &'q str {
        self.outcome.query()
    }

    /// The words searched for: those typed, or the terms of the sentence typed, with the
    /// table's words for its callers' words and the parts of its terms found nowhere.
    pub fn words(&self) -> &[&'q str] {
        self.outcome.words()
    }

    /// Where each word searched for comes from, as [`Search::words`] lists them.
    pub fn origins(&self) -> impl Iterator<Item = Origin<'q>> + '_ {
        self.outcome.origins()
    }

    /// The group of each word searched for, as [`Search::words`] lists them: a row counts
    /// each group once (a word typed and the table's words for it; a caller's word and the
    /// table's words for it; each term; each part).
    pub fn word_groups(&self) -> impl Iterator<Item = usize> + '_ {
        self.outcome.word_groups()
    }

    /// Each caller's word of the query with a table's word it was taken for
    /// (`("PIN", "暗証番号")`), as `spec/callers-words.toml` lists them.
    pub fn taken_for(&self) -> impl Iterator<Item = (&'q str, &'q str)> + '_ {
        self.outcome.taken_for()
    }

    /// Whether the text was searched as a sentence, no row holding all its words as typed.
    pub fn is_split(&self) -> bool {
        self.outcome.is_split()
    }

    /// The terms of the sentence typed that are nowhere in the table, even in part, and
    /// that no caller's word reads: they play no part in the answer.
    pub fn unknown_words(&self) -> &[&'q str] {
        self.outcome.unknown_words()
    }

    /// The rows found, best first, in table order within a score.
    pub fn matches(&self) -> Matches<'_, 'q> {
        Matches {
            search: self,
            next: 0,
        }
    }

    /// The words of the table nearest the words searched for, best first, each once: what
    /// to offer when nothing is found.
    ///
    /// ```
    /// use oqs_messages::search::Search;
    ///
    /// let search = Search::new("ﾈｯﾄﾜｰｸｴﾗｰｘ").unwrap();
    /// for word in search.nearest_words() {
    ///     println!("{word}");
    /// }
    /// assert!(search.nearest_words().len() <= 5);
    /// ```
    pub fn nearest_words(&self) -> NearestWords {
        let nearest = self.outcome.nearest_words(table_texts());
        let mut words = [""; NearestWords::CAPACITY];
        let mut len = 0;
        for (place, word) in words.iter_mut().zip(nearest.iter()) {
            *place = word;
            len += 1;
        }
        NearestWords {
            words,
            len,
            next: 0,
        }
    }
}

/// The words of the table nearest a search's words, best first, each once; see
/// [`Search::nearest_words`].
#[derive(Clone, Copy, Debug)]
pub struct NearestWords {
    words: [&'static str; NearestWords::CAPACITY],
    len: usize,
    next: usize,
}

impl NearestWords {
    /// How many words are offered at most.
    pub const CAPACITY: usize = oqs_messages_text::search::NearestWords::CAPACITY;
}

impl Iterator for NearestWords {
    type Item = &'static str;

    fn next(&mut self) -> Option<&'static str> {
        let word = *self.words[..self.len].get(self.next)?;
        self.next += 1;
        Some(word)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.len - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for NearestWords {}

impl core::iter::FusedIterator for NearestWords {}

/// Every text of the table that is searched, each once.
fn table_texts() -> impl Iterator<Item = &'static str> + Clone {
    Code::ALL
        .iter()
        .flat_map(|code| {
            [code.heading(), code.message()]
                .into_iter()
                .chain(code.tags().iter().copied())
        })
        .chain(
            crate::ROWS
                .iter()
                .flat_map(|row| [row.kind, row.cause, row.remedy, row.contact]),
        )
        .chain(crate::FOOTNOTES.iter().map(|note| note.text))
}

/// A row a search found.
#[derive(Clone, Copy, Debug)]
pub struct TextMatch<'s, 'q> {
    /// The row.
    pub row: &'static Row,
    /// Where its words are: its code's heading, its code's message or tags, or its own
    /// texts.
    pub rank: Rank,
    /// Its score: the sum, over the groups of words it holds, of the best word's weight
    /// times the weight of the best field it is in ([`field_weight`], [`weight_of`]).
    pub score: u32,
    search: &'s Search<'q>,
    found: [u32; FIELDS],
}

impl<'q> TextMatch<'_, 'q> {
    /// The words found in a field.
    pub fn words_in(&self, field: Field) -> impl Iterator<Item = &'q str> + '_ {
        let mask = self.found[field as usize];
        self.search
            .words()
            .iter()
            .enumerate()
            .filter(move |(i, _)| mask & (1 << i) != 0)
            .map(|(_, w)| *w)
    }

    /// The fields that hold a word, in column order.
    pub fn fields(&self) -> impl Iterator<Item = Field> + '_ {
        Field::ALL
            .into_iter()
            .filter(|f| self.found[*f as usize] != 0)
    }
}

/// The rows a search finds, best first; see [`Search::matches`].
#[derive(Clone, Debug)]
pub struct Matches<'s, 'q> {
    search: &'s Search<'q>,
    next: usize,
}

impl<'s, 'q> Iterator for Matches<'s, 'q> {
    type Item = TextMatch<'s, 'q>;

    fn next(&mut self) -> Option<TextMatch<'s, 'q>> {
        let search = self.search;
        if self.next >= search.outcome.shown() {
            return None;
        }
        let index = usize::from(search.order[self.next]);
        self.next += 1;
        let found = search.found[index];
        Some(TextMatch {
            row: &ROWS[index],
            rank: rank(&found),
            score: search.scores[index],
            search,
            found,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.search.outcome.shown() - self.next;
        (left, Some(left))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    extern crate std;
    use std::string::String;
    use std::vec::Vec;

    fn fold(text: &str) -> String {
        crate::fold::folded(text).collect()
    }

    fn fold_all<'t>(texts: impl Iterator<Item = &'t str>) -> String {
        texts.map(fold).collect::<Vec<_>>().join("\n")
    }

    /// The index codegen wrote is every text of this table folded as a query is: a fold
    /// changed without `cargo run -p codegen` fails here (and `--check` in CI).
    #[test]
    fn the_index_is_the_table_folded() {
        let mut rows = ROWS.iter();
        let text = |place: u32| FOLDED_TEXTS[place as usize];
        for (code, places) in Code::ALL.iter().zip(&CODE_TEXTS) {
            let texts = places.map(text);
            assert_eq!(texts[0], fold(code.heading()), "{code:#}");
            assert_eq!(texts[1], fold_all(code.tags().iter().copied()), "{code:#}");
            assert_eq!(texts[2], fold(code.message()), "{code:#}");
            for _ in code.rows() {
                let row = rows.next().unwrap();
                assert_eq!(row.code, *code);
                let texts = ROW_TEXTS[row_index(row)].map(text);
                assert_eq!(texts[0], fold(row.kind));
                assert_eq!(texts[1], fold(row.cause));
                assert_eq!(texts[2], fold(row.remedy));
                assert_eq!(texts[3], fold(row.contact));
                let cited = crate::FOOTNOTES.iter().filter(|note| {
                    row.footnotes.iter().any(|n| n.number == note.number)
                        || code.footnotes().iter().any(|n| n.number == note.number)
                });
                assert_eq!(texts[4], fold_all(cited.map(|note| note.text)));
            }
        }
        assert!(rows.next().is_none());
        // Each text once.
        for (i, text) in FOLDED_TEXTS.iter().enumerate() {
            assert!(!FOLDED_TEXTS[..i].contains(text), "{text:?} twice");
        }
    }

    fn row_index(row: &Row) -> usize {
        ROWS.iter().position(|r| core::ptr::eq(r, row)).unwrap()
    }

    #[test]
    fn the_index_is_sound() {
        assert!(INDEX.is_sound());
        assert_eq!(INDEX.row_count(), ROW_COUNT);
        for (row, code) in ROWS.iter().zip(ROW_CODES) {
            assert_eq!(Code::ALL[usize::from(code)], row.code);
        }
    }

    #[test]
    fn a_word_folded_as_another_is_searched_once() {
        let search = Search::new("カードリーダ ｶｰﾄﾞﾘｰﾀﾞ").unwrap();
        assert_eq!(search.words(), ["カードリーダ"]);
        // A term that folds to nothing (long-vowel marks alone) is no word.
        let search = Search::new("ーーゐゑ").unwrap();
        assert_eq!(search.matches().count(), 0);
        assert!(!search.words().contains(&"ーー"));
        assert_eq!(Search::new(" ー\u{200B} ").unwrap_err(), SearchError::Empty);
    }
}
