//! Every text of a table folded as the search matches it, each once, with where each
//! code's and each row's fields stand among them, and the callers' words: made once per
//! table, by codegen for `oqs_messages`' statics and by the engine for a table read as data.
//! Searching it gives owned results ([`Searched`]), so that nothing borrows the views the
//! engine makes of it for one search.

use std::collections::{HashMap, HashSet};

use oqs_messages_table::{CodeEntry, Footnote, Row, Table};
use oqs_messages_text::fold::folded;
use oqs_messages_text::needle::PAIR_PLACES;
use oqs_messages_text::search::{
    callers_word_chars, rank, terms, Field, Index, Origin, Outcome, Postings, Rank, Rows,
    SearchError, TermShape, FIELDS,
};

use crate::data::{table_texts, CallersWords};

/// Between the texts of one field (a code's tags, a row's footnotes): a character the fold
/// leaves out of every text and so of every word, which no match can run across.
pub const BETWEEN_TEXTS: &str = "\n";

/// A text as the search matches it.
pub fn fold(text: &str) -> String {
    folded(text).collect()
}

/// Several texts of one field, folded, one per line.
fn fold_all<'t>(texts: impl IntoIterator<Item = &'t str>) -> String {
    texts
        .into_iter()
        .map(fold)
        .collect::<Vec<_>>()
        .join(BETWEEN_TEXTS)
}

/// A code's heading, tags and message, folded.
fn code_fields(code: &CodeEntry) -> [String; 3] {
    [
        fold(&code.heading),
        fold_all(code.tags.iter().map(String::as_str)),
        fold(&code.message),
    ]
}

/// A row's kind, cause, remedy, contact and the footnotes it or its code cites (in the
/// table's order), folded.
fn row_fields(footnotes: &[Footnote], code: &CodeEntry, row: &Row) -> [String; 5] {
    let cited = footnotes
        .iter()
        .filter(|n| row.footnotes.contains(&n.number) || code.footnotes.contains(&n.number))
        .map(|n| n.text.as_str());
    [
        fold(&row.kind),
        fold(&row.cause),
        fold(&row.remedy),
        fold(&row.contact),
        fold_all(cited),
    ]
}

/// Every text the search reads, folded, each once (in the order first met), with where
/// each code's fields and each row's stand among them, and the callers' words.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    /// Every text searched, folded, each once.
    pub texts: Vec<String>,
    /// Each code's heading, tags and message, as places in `texts`.
    pub codes: Vec<[u32; 3]>,
    /// Each row's kind, cause, remedy, contact and footnotes, as places in `texts`.
    pub rows: Vec<[u32; 5]>,
    /// Each row's code, as a place in `codes`.
    pub row_codes: Vec<u16>,
    /// Each caller's word with the table's words it stands for.
    callers: Vec<(String, Vec<String>)>,
    /// Each caller's word folded as a query is.
    folded_callers: Vec<String>,
    /// The characters of each folded caller's word ([`callers_word_chars`]).
    callers_chars: Vec<u128>,
    /// Which texts hold each pair of bytes ([`Postings`]): where each list starts, and the
    /// lists. Empty, every text is read for every word (the same rows, found slower).
    pub postings: (Vec<u32>, Vec<u16>),
    /// The terms of the table's texts ([`terms`]), each once, in the order met, each with
    /// its fold: where the nearest words are looked for when nothing is found.
    terms: Vec<(String, String)>,
    /// The shape of each of [`SearchIndex::terms`]' folds, apart: most terms are passed
    /// over by their shape alone.
    term_shapes: Vec<TermShape>,
}

/// What a search found, owned: the words it looked for and the rows it shows, best first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Searched {
    /// The words searched for (typed, the terms of a sentence, the table's words for the
    /// callers' words, parts of terms).
    pub words: Vec<String>,
    /// Where each word comes from: `None` typed or a term, `Some(callers)` a table's word
    /// for that caller's word, as [`Origin`] says.
    pub parts: Vec<bool>,
    /// Whether the text was searched as a sentence, no row holding all its words as typed.
    pub split: bool,
    /// The terms of the sentence found nowhere.
    pub unknown: Vec<String>,
    /// Each caller's word with a table's word it was taken for, once each.
    pub taken_for: Vec<(String, String)>,
    /// The rows shown, best first.
    pub rows: Vec<SearchedRow>,
    /// When no row is shown: the table's words nearest the words searched for.
    pub nearest: Vec<String>,
}

/// A row a search shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchedRow {
    /// The row's place in the table, in document order.
    pub row: usize,
    /// Where its words are.
    pub rank: Rank,
    /// Its score.
    pub score: u32,
    /// How much of what the text asks it holds, in thousandths ([`Outcome::fit`]).
    pub fit: u32,
    /// For each field of [`Field::ALL`], which words (bit `i` for the `i`th) it holds.
    pub found: [u32; FIELDS],
}

impl SearchedRow {
    /// The fields that hold a word, in column order, with the words each holds.
    pub fn found_words<'s>(&self, words: &'s [String]) -> Vec<(Field, Vec<&'s str>)> {
        crate::answer::found_words(&self.found, words)
    }
}

impl SearchIndex {
    /// The table's texts folded, with the callers' words.
    pub fn new(table: &Table, callers_words: &CallersWords) -> SearchIndex {
        let mut index = SearchIndex::default();
        let mut places: HashMap<String, u32> = HashMap::new();
        let mut place = |texts: &mut Vec<String>, text: String| {
            *places.entry(text.clone()).or_insert_with(|| {
                texts.push(text);
                (texts.len() - 1) as u32
            })
        };
        for (code_place, code) in table.codes.iter().enumerate() {
            let fields = code_fields(code).map(|text| place(&mut index.texts, text));
            index.codes.push(fields);
            for row in &code.rows {
                let fields = row_fields(&table.footnotes, code, row)
                    .map(|text| place(&mut index.texts, text));
                index.rows.push(fields);
                index.row_codes.push(code_place as u16);
            }
        }
        for (callers, words) in &callers_words.words {
            let folded_callers = oqs_messages_text::needle::Needle::new(callers)
                .word()
                .to_owned();
            index
                .callers_chars
                .push(callers_word_chars(&folded_callers));
            index.folded_callers.push(folded_callers);
            index.callers.push((callers.clone(), words.clone()));
        }
        let mut starts = vec![0; PAIR_PLACES + 1];
        let mut lists = vec![0; Postings::len_for(&index.texts)];
        if Postings::write(&index.texts, &mut starts, &mut lists).is_some() {
            index.postings = (starts, lists);
        }
        let mut met = HashSet::new();
        index.terms = table_texts(table)
            .flat_map(terms)
            .filter(|term| met.insert(*term))
            .map(|term| (term.to_owned(), fold(term)))
            .collect();
        index.term_shapes = index
            .terms
            .iter()
            .map(|(_, folded)| TermShape::of(folded.chars()))
            .collect();
        index
    }

    /// A sentence typed in hiragana alone read with the table's words of katakana it writes
    /// in hiragana (`かーど`, `えらー` of `かーどおいたのにえらー`), which its runs of kana
    /// hide (a run is searched whole): the text and those words, where it writes any. Only
    /// words lengthened by a long-vowel mark, in the table and in the text: a kana word
    /// written so is a loanword (`かど` of `かどうか` is not `カード`).
    pub fn with_loanwords_in_hiragana(&self, text: &str) -> Option<String> {
        // A long-vowel mark alone is a term of katakana: the marks left out, no term.
        if terms(text).any(|term| term.chars().any(|c| c != 'ー')) {
            return None;
        }
        let runs: Vec<String> = text
            .split(|c: char| !matches!(c, '\u{3041}'..='\u{3096}' | 'ー'))
            .filter(|run| run.contains('ー'))
            .map(fold)
            .collect();
        if runs.is_empty() {
            return None;
        }
        let mut found: Vec<&str> = Vec::new();
        for (term, folded) in &self.terms {
            let katakana = term.contains('ー')
                && term
                    .chars()
                    .all(|c| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー'));
            if katakana
                && folded.chars().count() >= 2
                && runs.iter().any(|run| run.contains(folded.as_str()))
            {
                found.push(term);
            }
        }
        // A word inside another found (`カード` of `カードリーダー`) says nothing more.
        let held = |word: &str| {
            found
                .iter()
                .any(|w| w.len() > word.len() && w.contains(word))
        };
        let words: Vec<&str> = found.iter().copied().filter(|w| !held(w)).collect();
        (!words.is_empty()).then(|| format!("{text} {}", words.join(" ")))
    }

    /// Searches the table for the words of a text, as `oqs_messages::search` does; each
    /// row's fit counts `unheld` more words of the text that no row holds
    /// ([`Outcome::fit_beside`]).
    pub fn search(&self, query: &str, unheld: u32) -> Result<Searched, SearchError> {
        // Views of the index's own vectors: nothing copied for a search.
        let index = Index {
            texts: &self.texts,
            code_texts: &self.codes,
            row_texts: &self.rows,
            row_codes: &self.row_codes,
            callers_words: &self.callers,
            folded_callers_words: &self.folded_callers,
            folded_callers_chars: &self.callers_chars,
            postings: (!self.postings.0.is_empty()).then_some(Postings {
                starts: &self.postings.0,
                texts: &self.postings.1,
            }),
        };
        let count = self.rows.len();
        let mut in_text = vec![0; self.texts.len()];
        let mut found = vec![[0; FIELDS]; count];
        let mut scores = vec![0; count];
        let mut order = vec![0; count];
        let rows = Rows {
            texts: &mut in_text,
            found: &mut found,
            scores: &mut scores,
            order: &mut order,
        };
        let outcome = Outcome::new(&index, query, rows)?;
        let owned = |words: &[&str]| words.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
        let mut taken_for: Vec<(String, String)> = Vec::new();
        for (callers, table) in outcome.taken_for() {
            let pair = (callers.to_owned(), table.to_owned());
            if !taken_for.contains(&pair) {
                taken_for.push(pair);
            }
        }
        let shown: Vec<SearchedRow> = order[..outcome.shown()]
            .iter()
            .map(|&row| {
                let row = usize::from(row);
                SearchedRow {
                    row,
                    rank: rank(&found[row]),
                    score: scores[row],
                    fit: outcome.fit_beside(&found[row], unheld),
                    found: found[row],
                }
            })
            .collect();
        let nearest = if shown.is_empty() {
            outcome
                .nearest_among_shaped(&self.terms, &self.term_shapes)
                .iter()
                .map(str::to_owned)
                .collect()
        } else {
            Vec::new()
        };
        Ok(Searched {
            words: owned(outcome.words()),
            parts: outcome.origins().map(|o| o == Origin::Part).collect(),
            split: outcome.is_split(),
            unknown: owned(outcome.unknown_words()),
            taken_for,
            rows: shown,
            nearest,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_match_runs_from_one_text_into_the_next() {
        assert_eq!(fold_all(["ＰＩＮ", "ﾛｯｸ"]), "pin\nロック");
        assert!(folded(BETWEEN_TEXTS).next().is_none());
    }
}
