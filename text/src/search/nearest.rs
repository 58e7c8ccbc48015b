//! The words of the table nearest a word found nowhere (edit distance).

use crate::needle::Needle;

use crate::fold::folds_alike;

/// their folded characters over the longer's length (Levenshtein).
pub(super) fn similarity(word: &Needle, term: &Needle) -> u32 {
    let (a, b) = (word.chars(), term.chars());
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut row = [0u16; Needle::CAPACITY + 1];
    for (j, cell) in row.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j as u16;
    }
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i as u16 + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            let cost = u16::from(ca != cb);
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + cost);
            diagonal = above;
        }
    }
    let distance = u32::from(row[b.len()]);
    let longer = a.len().max(b.len()) as u32;
    1000 - 1000 * distance.min(longer) / longer
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

    pub(super) fn offer(&mut self, term: &'t str, score: u32) {
        // Less than half alike, a word helps nobody.
        if score < 500 {
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
