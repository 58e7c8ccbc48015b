//! How much a word counts: its field, how telling it is in the table (BM25's inverse
//! document frequency), and a row's score over the groups of words it holds.

use super::{Field, Origin, FIELDS, MAX_TERMS};
use crate::fold::{folded, folds_alike};

/// How much a word in a field counts, times how telling the word is: the code's heading,
/// tags and message, then the row's kind, its cause and remedy, its contact and footnotes.
pub const fn field_weight(field: Field) -> u32 {
    match field {
        Field::Heading | Field::Tags | Field::Message => 6,
        Field::Kind => 4,
        Field::Cause | Field::Remedy => 3,
        Field::Contact | Field::Footnote => 1,
    }
}

/// How soon more fields holding a word stop adding to a row's score: BM25's k1, in the
/// units of [`field_weight`] (a word in a heading alone counts 6 × 7 / 12).
pub const SATURATION: u32 = 6;

/// log2(x / 2^16) in 1024ths, for x ≥ 2^16: integer steps, the same in the page's script
/// (no floating point here, `no_std`), exact to 1/1024.
pub(super) fn log2_q10(mut x: u64) -> u32 {
    const ONE: u64 = 1 << 16;
    let mut result = 0;
    while x >= 2 * ONE {
        x >>= 1;
        result += 1024;
    }
    let mut bit = 512;
    while bit > 0 {
        x = (x * x) >> 16;
        if x >= 2 * ONE {
            x >>= 1;
            result += bit;
        }
        bit >>= 1;
    }
    result
}

/// How telling a word is that `rows` of the table's `total` rows hold, in 1024ths: BM25's
/// inverse document frequency, ln(1 + (N − n + ½) / (n + ½)), taken in base 2.
pub fn weight_of(rows: usize, total: usize) -> u32 {
    if rows == 0 {
        return 0;
    }
    let ratio = (((2 * total + 2) as u64) << 16) / (2 * rows as u64 + 1);
    log2_q10(ratio)
}

/// A word searched for: the group of words it is one of (a row counts each group once, at
/// its best word) and where it comes from.
#[derive(Clone, Copy, Debug)]
pub(super) struct Term<'a> {
    pub(super) group: u8,
    pub(super) origin: Origin<'a>,
}

/// The words a search looks for, in groups, with each group's weight once the table is
/// scanned.
#[derive(Clone, Copy, Debug)]
pub(super) struct Terms<'q> {
    pub(super) texts: [&'q str; MAX_TERMS],
    pub(super) terms: [Term<'q>; MAX_TERMS],
    /// Each group's weight, by the rows that hold any word of it.
    pub(super) weights: [u32; MAX_TERMS],
    /// Each group's weight by the rows that hold its words as written, and by those that
    /// hold the table's words it is read as (`0` where the group has none).
    pub(super) written_weights: [u32; MAX_TERMS],
    pub(super) reading_weights: [u32; MAX_TERMS],
    pub(super) len: usize,
    pub(super) groups: u8,
}

impl<'q> Terms<'q> {
    pub(super) const NONE: Terms<'static> = Terms {
        texts: [""; MAX_TERMS],
        terms: [Term {
            group: 0,
            origin: Origin::Typed,
        }; MAX_TERMS],
        weights: [0; MAX_TERMS],
        written_weights: [0; MAX_TERMS],
        reading_weights: [0; MAX_TERMS],
        len: 0,
        groups: 0,
    };

    pub(super) fn as_slice(&self) -> &[&'q str] {
        &self.texts[..self.len]
    }

    /// Whether a word folds as one already searched for.
    pub(super) fn has(&self, word: &str) -> bool {
        self.as_slice().iter().any(|w| folds_alike(w, word))
    }

    /// Whether there is room for another word.
    pub(super) fn has_room(&self) -> bool {
        self.len < MAX_TERMS
    }

    /// Adds a word to the current group (opened by the first word pushed after
    /// `close_group`); a word already searched for is left out.
    pub(super) fn push(&mut self, word: &'q str, origin: Origin<'q>) -> bool {
        // A word that folds to nothing is left out (its first folded character tells).
        if self.len == MAX_TERMS || self.has(word) || folded(word).next().is_none() {
            return false;
        }
        self.texts[self.len] = word;
        self.terms[self.len] = Term {
            group: self.groups,
            origin,
        };
        self.len += 1;
        true
    }

    /// Ends the current group if it holds a word.
    pub(super) fn close_group(&mut self) {
        if self.len > 0 && self.terms[self.len - 1].group == self.groups {
            self.groups += 1;
        }
    }

    /// A row's score: for each group of words it holds, the group's weight times the
    /// weights of the fields a word of it is in, summed and saturated as BM25 saturates a
    /// term's frequency (k1 = [`SATURATION`]); half for a part of a term. A caller's word
    /// and the table's words it is read as count each by how telling it is, the better of
    /// the two: a word as written where the table holds it counts at least as much as its
    /// readings (their weight is never above the word's), so readings add rows and never
    /// outrank the word.
    ///
    /// `held` is every word the row holds, and `readings` [`Terms::readings`]: a group the
    /// row holds no word of adds nothing.
    pub(super) fn score(
        &self,
        fields: &[u32; FIELDS],
        held: u32,
        group_words: &[u32],
        readings: u32,
    ) -> u32 {
        let mut score = 0;
        for (g, &words) in group_words.iter().enumerate() {
            if held & words == 0 {
                continue;
            }
            let saturated = |weight: u32, words: u32| {
                let frequency: u32 = Field::ALL
                    .iter()
                    .filter(|f| fields[**f as usize] & words != 0)
                    .map(|f| field_weight(*f))
                    .sum();
                weight * frequency * (SATURATION + 1) / (frequency + SATURATION)
            };
            let (read, written) = (words & readings, words & !readings);
            let mut group_score = if read == 0 {
                saturated(self.weights[g], words)
            } else {
                let written_weight = self.written_weights[g];
                let reading_weight = match written_weight {
                    0 => self.reading_weights[g],
                    w => self.reading_weights[g].min(w),
                };
                saturated(written_weight, written).max(saturated(reading_weight, read))
            };
            if self.terms[words.trailing_zeros() as usize].origin == Origin::Part {
                group_score /= 2;
            }
            score += group_score;
        }
        score
    }

    /// The words that are the table's words for a caller's word (bit `i` for the `i`th).
    pub(super) fn readings(&self) -> u32 {
        self.terms[..self.len]
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t.origin, Origin::CallersWord(_)))
            .fold(0, |acc, (i, _)| acc | 1 << i)
    }
}
