//! A search's outcome: the words looked for, what became of them, how much of a text a
//! row holds.

use crate::needle::Needle;

use super::nearest::{similarity_at_least, Lengths, NearestWords, TermShape, WordBound};
use super::scan::row_mask;
use super::weights::Terms;
use super::words::{terms, Words};
use super::{Origin, FIELDS};

/// The words a search looked for and what became of them; the rows it found are in the
/// [`Rows`](super::Rows) it was given.
#[derive(Clone, Copy, Debug)]
pub struct Outcome<'q> {
    pub(super) query: &'q str,
    pub(super) terms: Terms<'q>,
    /// Whether the text was searched as a sentence, its words as typed being held by no
    /// row all together.
    pub(super) split: bool,
    /// The terms of the sentence found nowhere, nor by a caller's word, nor in part.
    pub(super) unknown: Words<'q>,
    pub(super) shown: usize,
    /// The weight of a word one row holds: what a term found nowhere counts for in
    /// [`Outcome::fit`] (the rarest word there could be).
    pub(super) rarest: u32,
}

impl<'q> Outcome<'q> {
    /// The query as given.
    pub fn query(&self) -> &'q str {
        self.query
    }

    /// How much of what the text asks a row holds, in thousandths: the weights of the
    /// groups of words it holds over the weights of every group searched, a term found
    /// nowhere counting as the rarest word would (so that a text of words the table does
    /// not hold fits no row), a part of such a term half its weight. A lone character found
    /// nowhere (a verb's stem, `言` of `言われた`, `洗` of `洗っちゃった`) counts for nothing:
    /// a caller's way of telling, not what the text asks. `fields` is what the
    /// row holds ([`Rows::found`](super::Rows::found)). Words typed that every row shown holds fit whole.
    pub fn fit(&self, fields: &[u32; FIELDS]) -> u32 {
        self.fit_beside(fields, 0)
    }

    /// [`Outcome::fit`] with `unheld` more words of the text that no row holds, each
    /// counting as the rarest word would: words the caller knows the table lacks that the
    /// search did not take as terms (`なくした`, written in hiragana).
    pub fn fit_beside(&self, fields: &[u32; FIELDS], unheld: u32) -> u32 {
        let terms = &self.terms;
        let held = row_mask(fields);
        let (mut matched, mut total, mut parts) = (0u64, 0u64, 0u64);
        for g in 0..terms.groups {
            let words = (0..terms.len)
                .filter(|&t| terms.terms[t].group == g)
                .fold(0u32, |acc, t| acc | 1 << t);
            if words == 0 {
                continue;
            }
            let weight = u64::from(terms.weights[usize::from(g)]);
            if terms.terms[words.trailing_zeros() as usize].origin == Origin::Part {
                if held & words != 0 {
                    parts += weight / 2;
                }
                continue;
            }
            if weight == 0 {
                // A term found nowhere as a whole: its parts make up for it below.
                let term = terms.texts[words.trailing_zeros() as usize];
                if term.chars().nth(1).is_some() {
                    total += u64::from(self.rarest);
                }
                continue;
            }
            total += weight;
            if held & words != 0 {
                matched += weight;
            }
        }
        // The parts of the terms found nowhere count for half of those terms at most.
        let missing = total.saturating_sub(self.found_weight());
        matched += parts.min(missing / 2);
        total += u64::from(unheld) * u64::from(self.rarest);
        if total == 0 {
            return 0;
        }
        (1000 * matched / total) as u32
    }

    /// The weights of the groups found in some row, but parts.
    pub(super) fn found_weight(&self) -> u64 {
        let terms = &self.terms;
        (0..terms.groups)
            .filter(|&g| {
                (0..terms.len)
                    .any(|t| terms.terms[t].group == g && terms.terms[t].origin != Origin::Part)
            })
            .map(|g| u64::from(terms.weights[usize::from(g)]))
            .sum()
    }

    /// How many rows are shown: the first of [`Rows::order`](super::Rows::order).
    pub fn shown(&self) -> usize {
        self.shown
    }

    /// The words searched for: those typed, or the terms of the sentence typed, with the
    /// table's words for its callers' words and the parts of its terms found nowhere.
    pub fn words(&self) -> &[&'q str] {
        self.terms.as_slice()
    }

    /// Where each word searched for comes from, as [`Outcome::words`] lists them.
    pub fn origins(&self) -> impl Iterator<Item = Origin<'q>> + '_ {
        self.terms.terms[..self.terms.len].iter().map(|t| t.origin)
    }

    /// The group of each word searched for, as [`Outcome::words`] lists them: a row counts
    /// each group once (a word typed and the table's words for it; a caller's word and the
    /// table's words for it; each term; each part).
    pub fn word_groups(&self) -> impl Iterator<Item = usize> + '_ {
        self.terms.terms[..self.terms.len]
            .iter()
            .map(|t| usize::from(t.group))
    }

    /// Each caller's word of the query with a table's word it was taken for
    /// (`("PIN", "暗証番号")`), as `spec/callers-words.toml` lists them.
    pub fn taken_for(&self) -> impl Iterator<Item = (&'q str, &'q str)> + '_ {
        self.terms.terms[..self.terms.len]
            .iter()
            .zip(self.words())
            .filter_map(|(term, word)| match term.origin {
                Origin::CallersWord(callers) => Some((callers, *word)),
                _ => None,
            })
    }

    /// Whether the text was searched as a sentence, no row holding all its words as typed.
    pub fn is_split(&self) -> bool {
        self.split
    }

    /// The terms of the sentence typed that are nowhere in the table, even in part, and
    /// that no caller's word reads: they play no part in the answer.
    pub fn unknown_words(&self) -> &[&'q str] {
        self.unknown.as_slice()
    }

    /// The words of `texts` (the table's, each split into [`terms`]) nearest the words
    /// searched for, best first, each once: what to offer when nothing is found.
    pub fn nearest_words<'t>(
        &self,
        texts: impl Iterator<Item = &'t str> + Clone,
    ) -> NearestWords<'t> {
        self.nearest_among(texts.flat_map(terms))
    }

    /// [`Outcome::nearest_words`] among terms split beforehand: the table's [`terms`] in the
    /// order met, where each may be given once (a term met again changes nothing).
    pub fn nearest_among<'t>(
        &self,
        terms: impl Iterator<Item = &'t str> + Clone,
    ) -> NearestWords<'t> {
        let shaped = terms.map(|term| (term, term, TermShape::of(crate::fold::folded(term))));
        self.nearest_by(shaped, crate::fold::folded)
    }

    /// [`Outcome::nearest_among`] the terms each with its fold ([`crate::fold::folded`])
    /// and its [`TermShape`], made once where the table's terms are kept: (term, folded
    /// term, shape of the folded term).
    pub fn nearest_among_folded<'t>(
        &self,
        terms: impl Iterator<Item = (&'t str, &'t str, TermShape)> + Clone,
    ) -> NearestWords<'t> {
        self.nearest_by(terms, str::chars)
    }

    /// [`Outcome::nearest_among_folded`] over the terms and their shapes kept apart, as an
    /// index keeps them: `terms[i]` is (term, folded term), `shapes[i]` its shape. The
    /// shapes alone are read for the many terms too short, too long or too unlike a word.
    pub fn nearest_among_shaped<'t, T: AsRef<str>>(
        &self,
        terms: &'t [(T, T)],
        shapes: &[TermShape],
    ) -> NearestWords<'t> {
        let mut nearest = Nearest::new();
        for word in self.words() {
            nearest.look_for(word);
            for ((term, folded), shape) in terms.iter().zip(shapes) {
                if nearest.lengths.contains(shape.chars) {
                    nearest.consider(term.as_ref(), shape, || folded.as_ref().chars());
                }
            }
        }
        nearest.words
    }

    fn nearest_by<'t, F: Iterator<Item = char>>(
        &self,
        terms: impl Iterator<Item = (&'t str, &'t str, TermShape)> + Clone,
        fold: impl Fn(&'t str) -> F,
    ) -> NearestWords<'t> {
        let mut nearest = Nearest::new();
        for word in self.words() {
            nearest.look_for(word);
            for (term, to_fold, shape) in terms.clone() {
                if nearest.lengths.contains(shape.chars) {
                    nearest.consider(term, &shape, || fold(to_fold));
                }
            }
        }
        nearest.words
    }
}

/// The nearest words as the terms are offered: a term is read into a needle, and its
/// distance reckoned, only where its shape leaves it alike enough to change the words
/// offered.
struct Nearest<'t> {
    words: NearestWords<'t>,
    /// The word looked for, and what bounds the terms alike to it.
    word: Needle,
    bound: WordBound,
    /// What an offer needs ([`NearestWords::least_taken`]), and the lengths of terms that
    /// can have it ([`WordBound::lengths`]).
    least: u32,
    lengths: Lengths,
    folded_term: Needle,
}

impl<'t> Nearest<'t> {
    fn new() -> Nearest<'t> {
        Nearest {
            words: NearestWords {
                words: [("", 0); NearestWords::CAPACITY],
            },
            word: Needle::EMPTY,
            bound: WordBound::of(&Needle::EMPTY),
            least: 0,
            lengths: Lengths::NONE,
            folded_term: Needle::EMPTY,
        }
    }

    fn look_for(&mut self, word: &str) {
        self.word.refold(word);
        self.bound = WordBound::of(&self.word);
        self.take_least();
    }

    fn take_least(&mut self) {
        self.least = self.words.least_taken();
        self.lengths = self.bound.lengths(self.least);
    }

    /// Offers a term whose length is in [`Nearest::lengths`], if alike enough.
    #[inline]
    fn consider<F: Iterator<Item = char>>(
        &mut self,
        term: &'t str,
        shape: &TermShape,
        folded: impl FnOnce() -> F,
    ) {
        if !self.bound.chars_may_be_alike(&self.word, shape, self.least) {
            return;
        }
        self.folded_term.fill(folded());
        if let Some(score) = similarity_at_least(&self.word, &self.folded_term, self.least) {
            self.words.offer(term, score);
            self.take_least();
        }
    }
}
