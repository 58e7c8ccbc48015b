//! What a search reads (the index of folded texts) and the caller's buffers it writes.

use super::Field;
use crate::needle::{pair_place, PAIR_PLACES};

/// The number of fields a row is searched in ([`Field::ALL`]).
pub const FIELDS: usize = Field::ALL.len();

/// What a search reads: every text searched, folded ([`crate::fold::folded`]) and each
/// once, with where each code's fields and each row's stand among them, and the callers'
/// words. `cargo run -p codegen` writes it for each version of the table as statics
/// (`&str`, the default); a table read at run time has it made from its texts, owned
/// (`oqs-answer`'s `SearchIndex`, with `String` and `Vec<String>`): its texts are `S`, each
/// caller's list of the table's words `L`.
#[derive(Debug)]
pub struct Index<'i, S = &'i str, L = &'i [&'i str]> {
    /// Every text searched, folded, each once.
    pub texts: &'i [S],
    /// For each code, where its heading, its tags (joined by line breaks) and its message
    /// are in `texts`.
    pub code_texts: &'i [[u32; 3]],
    /// For each row, where its kind, cause, remedy, contact and the footnotes it or its
    /// code cites (joined by line breaks) are in `texts`.
    pub row_texts: &'i [[u32; 5]],
    /// For each row, its code, as a place in `code_texts`.
    pub row_codes: &'i [u16],
    /// Each caller's word (`PIN`) with the table's words it stands for (`暗証番号`).
    pub callers_words: &'i [(S, L)],
    /// The callers' words folded as a query is, in the same order.
    pub folded_callers_words: &'i [S],
    /// The characters of each folded caller's word
    /// ([`callers_word_chars`](super::callers_word_chars)), in the same order: a caller's
    /// word with a character the query lacks is passed over unread.
    pub folded_callers_chars: &'i [u128],
    /// Which texts hold each pair of bytes, where the index has them made: a word is then
    /// looked for only in the texts that hold its rarest pair, not read in every text.
    pub postings: Option<Postings<'i>>,
}

// Copied as its slices are, whatever they hold.
impl<S, L> Clone for Index<'_, S, L> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S, L> Copy for Index<'_, S, L> {}

/// For each pair of bytes ([`pair_place`]), the texts of an index that hold it, as places
/// in [`Index::texts`] in order: every text that holds a word holds each of its pairs, so
/// the texts of any one pair are the only ones to look in.
#[derive(Clone, Copy, Debug)]
pub struct Postings<'i> {
    /// Where the texts of each place start in `texts`: [`PAIR_PLACES`] + 1 of them, the
    /// last the end of `texts`.
    pub starts: &'i [u32],
    /// The texts of every place, one place after the other.
    pub texts: &'i [u16],
}

impl<'i> Postings<'i> {
    /// The texts that hold a pair of bytes (none where the lists are not sound).
    pub fn texts_of(&self, a: u8, b: u8) -> &'i [u16] {
        let place = pair_place(a, b);
        let start = self.starts.get(place).map_or(0, |s| *s as usize);
        let end = self.starts.get(place + 1).map_or(0, |s| *s as usize);
        self.texts.get(start..end).unwrap_or(&[])
    }

    /// How many places of texts the lists of these texts hold in all: the length of the
    /// `lists` buffer [`Postings::write`] needs.
    pub fn len_for(texts: &[impl AsRef<str>]) -> usize {
        let mut count = 0;
        each_pair_once(texts, |_, _| count += 1);
        count
    }

    /// The lists of these texts, written into the caller's buffers: `starts` of
    /// [`PAIR_PLACES`] + 1 places and `lists` of [`Postings::len_for`]; `None` (nothing
    /// written) where the buffers are not of those lengths or the texts more than a `u16`
    /// places.
    pub fn write(
        texts: &[impl AsRef<str>],
        starts: &'i mut [u32],
        lists: &'i mut [u16],
    ) -> Option<Self> {
        let lengths_agree = starts.len() == PAIR_PLACES + 1
            && lists.len() == Postings::len_for(texts)
            && texts.len() <= usize::from(u16::MAX) + 1
            && u32::try_from(lists.len()).is_ok();
        if !lengths_agree {
            return None;
        }
        // How many texts hold each pair, then where each pair's list starts.
        starts.fill(0);
        each_pair_once(texts, |_, place| starts[place + 1] += 1);
        for place in 1..starts.len() {
            starts[place] += starts[place - 1];
        }
        let mut next = [0u32; PAIR_PLACES];
        next.copy_from_slice(&starts[..PAIR_PLACES]);
        each_pair_once(texts, |text, place| {
            lists[next[place] as usize] = text as u16;
            next[place] += 1;
        });
        Some(Postings {
            starts,
            texts: lists,
        })
    }

    /// Whether the lists are well formed and name, for each pair of bytes of each text,
    /// that text (a text missing from a list would go unread for the words of that pair).
    fn is_sound(&self, texts: &[impl AsRef<str>]) -> bool {
        let formed = self.starts.len() == PAIR_PLACES + 1
            && self.starts.windows(2).all(|w| w[0] <= w[1])
            && self
                .starts
                .last()
                .is_some_and(|end| *end as usize == self.texts.len())
            && self.texts.iter().all(|t| usize::from(*t) < texts.len());
        formed
            && texts.iter().enumerate().all(|(place, text)| {
                text.as_ref().as_bytes().windows(2).all(|pair| {
                    self.texts_of(pair[0], pair[1])
                        .binary_search(&(place as u16))
                        .is_ok()
                })
            })
    }
}

impl<'i, S: AsRef<str>, L: AsRef<[S]>> Index<'i, S, L> {
    /// The places of the callers' words whose characters are all among `chars`
    /// ([`char_bits`] of the text searched), in order: their characters alone are read.
    ///
    /// [`char_bits`]: crate::needle::char_bits
    pub(super) fn callers_within(&self, chars: u128) -> impl Iterator<Item = usize> + 'i {
        self.folded_callers_chars
            .iter()
            .enumerate()
            .filter(move |(_, own)| **own & !chars == 0)
            .map(|(at, _)| at)
    }

    /// The caller's word at a place, with the table's words it stands for, its fold and
    /// its characters ([`Index::folded_callers_chars`]).
    pub(super) fn caller(&self, at: usize) -> Option<(&'i str, &'i [S], &'i str, u128)> {
        let (callers, table) = self.callers_words.get(at)?;
        let folded = self.folded_callers_words.get(at)?;
        let chars = self.folded_callers_chars.get(at)?;
        Some((callers.as_ref(), table.as_ref(), folded.as_ref(), *chars))
    }

    /// Whether the places of the index are within it and its lists agree in length. A
    /// search over an index that is not sound does not panic, but a row whose places fall
    /// outside is not found, nor a caller's word whose characters are not its own; codegen
    /// writes sound ones, and a test of each table checks it.
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
            && self.callers_words.len() == self.folded_callers_chars.len()
            && self
                .folded_callers_words
                .iter()
                .zip(self.folded_callers_chars)
                .all(|(folded, chars)| super::callers_word_chars(folded.as_ref()) == *chars)
            && self.row_texts.len() <= usize::from(u16::MAX)
            && self
                .postings
                .map_or(true, |postings| postings.is_sound(self.texts))
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

/// Calls `each` with (text, pair place) once for each pair of bytes each text holds, the
/// texts in order.
fn each_pair_once(texts: &[impl AsRef<str>], mut each: impl FnMut(usize, usize)) {
    let mut last_text = [usize::MAX; PAIR_PLACES];
    for (text, folded) in texts.iter().enumerate() {
        for pair in folded.as_ref().as_bytes().windows(2) {
            let place = pair_place(pair[0], pair[1]);
            if last_text[place] != text {
                last_text[place] = text;
                each(text, place);
            }
        }
    }
}
