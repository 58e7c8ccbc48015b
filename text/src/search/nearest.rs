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
fn alike_within(edits: u32, longer: u32, least: u32) -> bool {
    1000 * edits.min(longer) < 1001u32.saturating_sub(least) * longer
}

/// What a bound on how alike a folded term is to a word needs: how many characters it has
/// and which ([`char_bits`]). Made once for each of the table's terms, it spares reading
/// into a needle the many terms too short, too long or too unlike a word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TermShape {
    chars: u32,
    bits: u128,
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

/// Whether a word and a term can be at least `least` alike, told from their shapes: each
/// character the longer has more is an edit, and so is each character of one that the other
/// lacks (each of the word's, and each kind of the term's). The cheapest tests first.
#[inline]
pub(super) fn may_be_alike(
    word: &Needle,
    word_shape: &TermShape,
    term: &TermShape,
    least: u32,
) -> bool {
    let (word_len, term_len) = (word_shape.chars, term.chars);
    if word_len == 0 || term_len == 0 {
        return least == 0;
    }
    let longer = word_len.max(term_len);
    let alike_within = |edits: u32| alike_within(edits, longer, least);
    if !alike_within(word_len.abs_diff(term_len)) {
        return false;
    }
    if !alike_within((term.bits & !word_shape.bits).count_ones()) {
        return false;
    }
    let lacked_by_term = word
        .chars()
        .iter()
        .filter(|&&c| char_bits(core::iter::once(c)) & term.bits == 0)
        .count() as u32;
    alike_within(lacked_by_term)
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
