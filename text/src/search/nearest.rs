//! The words of the table nearest a word found nowhere (edit distance).

use crate::needle::{char_bits, Needle};

use crate::fold::folds_alike;

/// How alike two words are, in thousandths: 1000 less 1000 × the edit distance between
/// their folded characters over the longer's length (Levenshtein).
#[cfg(test)]
pub(super) fn similarity(word: &Needle, term: &Needle) -> u32 {
    similarity_at_least(word, term, 0).unwrap_or(0)
}

/// [`similarity`] where it is at least `least`; `None` otherwise, told as soon as a row of
/// the distances says so (each row's least distance is a bound on the whole distance), so
/// that a term far from the word costs a few rows, not its whole table.
pub(super) fn similarity_at_least(word: &Needle, term: &Needle, least: u32) -> Option<u32> {
    let (a, b) = (word.chars(), term.chars());
    if a.is_empty() || b.is_empty() {
        return (least == 0).then_some(0);
    }
    let longer = a.len().max(b.len()) as u32;
    let mut row = [0u16; Needle::CAPACITY + 1];
    for (j, cell) in row.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j as u16;
    }
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i as u16 + 1;
        let mut least_here = row[0];
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            let cost = u16::from(ca != cb);
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + cost);
            least_here = least_here.min(row[j + 1]);
            diagonal = above;
        }
        if !alike_within(u32::from(least_here), longer, least) {
            return None;
        }
    }
    let distance = u32::from(row[b.len()]).min(longer);
    Some(1000 - 1000 * distance / longer).filter(|s| *s >= least)
}

/// Whether `edits` over a word of `longer` characters leave it at least `least` alike
/// (1000 − ⌊1000 × edits / longer⌋ ≥ least), told without dividing: a term's bound is
/// told for each of the table's seven hundred terms.
pub(super) fn alike_within(edits: u32, longer: u32, least: u32) -> bool {
    1000 * edits.min(longer) < 1001u32.saturating_sub(least) * longer
}

/// What a bound on how alike a folded term is to a word needs: how many characters it has
/// and which ([`char_bits`]). Made once for each of the table's terms, it spares reading
/// into a needle the many terms too short, too long or too unlike a word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TermShape {
    pub(super) chars: u32,
    pub(super) bits: u128,
}

impl TermShape {
    /// The shape of a term's folded characters.
    pub fn of(folded: impl Iterator<Item = char>) -> TermShape {
        folded.fold(TermShape::default(), |shape, c| TermShape {
            chars: shape.chars + 1,
            bits: shape.bits | char_bits(core::iter::once(c)),
        })
    }
}

/// What a bound on how alike a term can be to one word needs of the word, made once for all
/// the table's terms: its shape, and the characters ([`char_bits`]) it has a second, a third
/// and a fourth time, so that the characters a term lacks are counted from bits.
#[derive(Clone, Copy, Debug)]
pub(super) struct WordBound {
    shape: TermShape,
    again: [u128; WordBound::AGAIN],
    /// Some character's bit is met more often than `again` tells: counted one by one.
    beyond: bool,
}

impl WordBound {
    const AGAIN: usize = 3;

    pub(super) fn of(word: &Needle) -> WordBound {
        let mut bound = WordBound {
            shape: TermShape::of(word.chars().iter().copied()),
            again: [0; WordBound::AGAIN],
            beyond: false,
        };
        let mut met = 0u128;
        for &c in word.chars() {
            let bit = char_bits(core::iter::once(c));
            if met & bit == 0 {
                met |= bit;
                continue;
            }
            match bound.again.iter_mut().find(|again| **again & bit == 0) {
                Some(again) => *again |= bit,
                None => bound.beyond = true,
            }
        }
        bound
    }

    /// The lengths of the terms whose length alone leaves them at least `least` alike:
    /// `t` where `alike_within(|w − t|, max(w, t), least)`, solved for `t` once rather
    /// than tested for each term.
    pub(super) fn lengths(&self, least: u32) -> Lengths {
        let word = self.shape.chars;
        if word == 0 {
            return Lengths::NONE;
        }
        let room = 1001u32.saturating_sub(least);
        if room >= 1000 {
            return Lengths {
                fewest: 1,
                most: u32::MAX,
            };
        }
        let shorter_than = 1000 - room;
        Lengths {
            fewest: shorter_than * word / 1000 + 1,
            most: (1000 * word - 1) / shorter_than,
        }
    }

    /// Whether a term can be at least `least` alike to the word, told from their shapes:
    /// each character the longer has more is an edit, and so is each character of one
    /// that the other lacks (each of the word's, and each kind of the term's). The
    /// cheapest tests first.
    #[cfg(test)]
    pub(super) fn may_be_alike(&self, word: &Needle, term: &TermShape, least: u32) -> bool {
        let (word_len, term_len) = (self.shape.chars, term.chars);
        if word_len == 0 || term_len == 0 {
            return least == 0;
        }
        self.lengths(least).contains(term_len) && self.chars_may_be_alike(word, term, least)
    }

    /// [`WordBound::may_be_alike`] for a term whose length is in [`WordBound::lengths`].
    #[inline]
    pub(super) fn chars_may_be_alike(&self, word: &Needle, term: &TermShape, least: u32) -> bool {
        let longer = self.shape.chars.max(term.chars);
        let alike_within = |edits: u32| alike_within(edits, longer, least);
        if !alike_within((term.bits & !self.shape.bits).count_ones()) {
            return false;
        }
        alike_within(self.lacked_by(word, term))
    }

    /// How many of the word's characters a term lacks (by [`char_bits`]).
    pub(super) fn lacked_by(&self, word: &Needle, term: &TermShape) -> u32 {
        if self.beyond {
            return word
                .chars()
                .iter()
                .filter(|&&c| char_bits(core::iter::once(c)) & term.bits == 0)
                .count() as u32;
        }
        let lacked = |bits: u128| (bits & !term.bits).count_ones();
        lacked(self.shape.bits)
            + self
                .again
                .iter()
                .take_while(|again| **again != 0)
                .map(|again| lacked(*again))
                .sum::<u32>()
    }
}

/// The lengths, in characters, of the terms that can be alike enough to a word.
#[derive(Clone, Copy, Debug)]
pub(super) struct Lengths {
    fewest: u32,
    most: u32,
}

impl Lengths {
    /// No length: the bound of an empty word.
    pub(super) const NONE: Lengths = Lengths { fewest: 1, most: 0 };

    #[inline]
    pub(super) fn contains(&self, chars: u32) -> bool {
        self.fewest <= chars && chars <= self.most
    }
}

/// The words of the table nearest a search's words; see [`Outcome::nearest_words`](super::Outcome::nearest_words).
#[derive(Clone, Copy, Debug)]
pub struct NearestWords<'t> {
    /// (term, similarity), best first; empty terms are unused places.
    pub(super) words: [(&'t str, u32); NearestWords::CAPACITY],
}

impl<'t> NearestWords<'t> {
    /// How many words are offered at most.
    pub const CAPACITY: usize = 5;

    /// The least score an offer must have to change the words: half alike, and more than
    /// the last word's once there are five.
    pub(super) fn least_taken(&self) -> u32 {
        match self.words[Self::CAPACITY - 1] {
            ("", _) => Self::HALF_ALIKE,
            (_, last) => last.max(Self::HALF_ALIKE - 1) + 1,
        }
    }

    /// Less than half alike, a word helps nobody.
    const HALF_ALIKE: u32 = 500;

    pub(super) fn offer(&mut self, term: &'t str, score: u32) {
        if score < Self::HALF_ALIKE {
            return;
        }
        if let Some(i) = self.words.iter().position(|(w, _)| folds_alike(w, term)) {
            if self.words[i].1 >= score {
                return;
            }
            self.words[i] = ("", 0);
        }
        let at = self
            .words
            .iter()
            .position(|&(w, s)| w.is_empty() || s < score);
        if let Some(at) = at {
            self.words.copy_within(at..Self::CAPACITY - 1, at + 1);
            self.words[at] = (term, score);
        }
        // Keep the unused places last.
        let mut kept = [("", 0); Self::CAPACITY];
        for (n, &(w, s)) in self.words.iter().filter(|(w, _)| !w.is_empty()).enumerate() {
            kept[n] = (w, s);
        }
        self.words = kept;
    }

    /// The words, best first.
    pub fn iter(&self) -> impl Iterator<Item = &'t str> + '_ {
        self.words.iter().map(|(w, _)| *w).filter(|w| !w.is_empty())
    }
}
