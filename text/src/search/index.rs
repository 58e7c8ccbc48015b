//! What a search reads (the index of folded texts) and the caller's buffers it writes.

use super::Field;

/// The number of fields a row is searched in ([`Field::ALL`]).
pub const FIELDS: usize = Field::ALL.len();

/// What a search reads: every text searched, folded ([`crate::fold::folded`]) and each
/// once, with where each code's fields and each row's stand among them, and the callers'
/// words. `cargo run -p codegen` writes it for each version of the table as statics; a
/// table read at run time has it made from its texts (`oqs-answer`'s `SearchIndex`).
#[derive(Clone, Copy, Debug)]
pub struct Index<'i> {
    /// Every text searched, folded, each once.
    pub texts: &'i [&'i str],
    /// For each code, where its heading, its tags (joined by line breaks) and its message
    /// are in `texts`.
    pub code_texts: &'i [[u32; 3]],
    /// For each row, where its kind, cause, remedy, contact and the footnotes it or its
    /// code cites (joined by line breaks) are in `texts`.
    pub row_texts: &'i [[u32; 5]],
    /// For each row, its code, as a place in `code_texts`.
    pub row_codes: &'i [u16],
    /// Each caller's word (`PIN`) with the table's words it stands for (`暗証番号`).
    pub callers_words: &'i [(&'i str, &'i [&'i str])],
    /// The callers' words folded as a query is, in the same order.
    pub folded_callers_words: &'i [&'i str],
}

impl Index<'_> {
    /// Whether the places of the index are within it and its lists agree in length. A
    /// search over an index that is not sound does not panic, but a row whose places fall
    /// outside is not found; codegen writes sound ones, and a test of each table checks it.
    pub fn is_sound(&self) -> bool {
        let within = |place: &u32| (*place as usize) < self.texts.len();
        self.code_texts.iter().flatten().all(within)
            && self.row_texts.iter().flatten().all(within)
            && self.row_codes.len() == self.row_texts.len()
            && self
                .row_codes
                .iter()
                .all(|code| usize::from(*code) < self.code_texts.len())
            && self.callers_words.len() == self.folded_callers_words.len()
            && self.row_texts.len() <= usize::from(u16::MAX)
    }

    /// How many rows the index holds: the length of [`Rows::found`], [`Rows::scores`] and
    /// [`Rows::order`].
    pub fn row_count(&self) -> usize {
        self.row_texts.len()
    }

    /// How many texts the index holds: the length of [`Rows::texts`].
    pub fn text_count(&self) -> usize {
        self.texts.len()
    }
}

/// What a search finds for each row of its index: buffers of the caller's, as long as the
/// index has rows ([`Index::row_count`]) or texts ([`Index::text_count`]), so that nothing
/// is allocated.
#[derive(Debug)]
pub struct Rows<'b> {
    /// For each text of the index, which words it holds: where a scan notes each text once
    /// before reading the fields that share it. Its content after a search is unspecified.
    pub texts: &'b mut [u32],
    /// For each row, which words (bit `i` for the `i`th of [`Outcome::words`](super::Outcome::words)) each
    /// field holds, its code's fields included, in [`Field::ALL`]'s order.
    pub found: &'b mut [[u32; FIELDS]],
    /// For each row, its score.
    pub scores: &'b mut [u32],
    /// The rows shown, best first, as places in the index: the first
    /// [`Outcome::shown`](super::Outcome::shown) of them.
    pub order: &'b mut [u16],
}
