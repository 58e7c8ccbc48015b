//! One scan of the index's texts for many words at once, and what a row holds.

use crate::needle::{Needle, WordSet, MAX_NEEDLES};

use super::weights::Terms;
use super::{Field, Index, Postings, Rank, FIELDS, MAX_TERMS};

/// Scans the index for the words from `from` on, adding what each row holds to `found`:
/// each distinct text read once for all the words or, where the index has its lists of
/// pairs ([`Postings`]), each word looked for only in the texts of its rarest pair.
pub(super) fn scan<S: AsRef<str>, L>(
    index: &Index<'_, S, L>,
    terms: &Terms<'_>,
    from: usize,
    in_text: &mut [u32],
    found: &mut [[u32; FIELDS]],
) {
    let words = &terms.as_slice()[from..];
    if words.is_empty() {
        return;
    }
    let anywhere = match index.postings {
        Some(postings) => look_up(index.texts, postings, words, in_text),
        None => {
            // Each text once for all the words, folded.
            let mut needles = [Needle::EMPTY; MAX_TERMS];
            for (needle, word) in needles.iter_mut().zip(words) {
                needle.refold(word);
            }
            let mut folded = [""; MAX_TERMS];
            for (text, needle) in folded.iter_mut().zip(&needles[..words.len()]) {
                *text = needle.word();
            }
            let words = WordSet::new(&folded[..words.len()]);
            let mut anywhere = 0;
            for (found, text) in in_text.iter_mut().zip(index.texts) {
                *found = words.found_in(text.as_ref());
                anywhere |= *found;
            }
            anywhere
        }
    };
    // No text holds any of the words: no row holds more than it did.
    if anywhere == 0 {
        return;
    }
    // Each field by its place; a place outside the buffer holds nothing.
    let in_field = |place: &u32| in_text.get(*place as usize).copied().unwrap_or(0);
    let rows = index.row_texts.iter().zip(index.row_codes);
    for ((row_texts, code), found) in rows.zip(found) {
        let Some(code_texts) = index.code_texts.get(usize::from(*code)) else {
            continue;
        };
        let fields = code_texts.iter().chain(row_texts).map(in_field);
        // Field::ALL's order: the code's three fields, then the row's five.
        for (field, mask) in found.iter_mut().zip(fields) {
            *field |= mask << from;
        }
    }
}

/// Notes in `in_text` which of the words (bit `i` for the `i`th) each text holds, each
/// word folded and looked for only in the texts that hold its rarest pair of bytes; a word of one byte
/// in every text. Returns the words found in some text.
fn look_up(
    texts: &[impl AsRef<str>],
    postings: Postings<'_>,
    words: &[&str],
    in_text: &mut [u32],
) -> u32 {
    in_text.fill(0);
    let mut anywhere = 0;
    let mut needle = Needle::EMPTY;
    for (i, word) in words.iter().take(MAX_NEEDLES).enumerate() {
        let bit = 1 << i;
        needle.refold(word);
        let bytes = needle.word().as_bytes();
        if let [byte] = bytes {
            for (found, text) in in_text.iter_mut().zip(texts) {
                if text.as_ref().as_bytes().contains(byte) {
                    *found |= bit;
                    anywhere |= bit;
                }
            }
            continue;
        }
        let rarest = bytes
            .windows(2)
            .map(|pair| postings.texts_of(pair[0], pair[1]))
            .min_by_key(|list| list.len());
        let Some(list) = rarest else { continue };
        let finder = memchr::memmem::Finder::new(bytes);
        for place in list {
            let place = usize::from(*place);
            if let (Some(text), Some(found)) = (texts.get(place), in_text.get_mut(place)) {
                if finder.find(text.as_ref().as_bytes()).is_some() {
                    *found |= bit;
                    anywhere |= bit;
                }
            }
        }
    }
    anywhere
}

/// Every word a row holds, in any field.
pub(super) fn row_mask(fields: &[u32; FIELDS]) -> u32 {
    fields.iter().fold(0, |acc, m| acc | m)
}

/// How a row was found, by the words of each of its fields (bit `i` for the `i`th word).
pub fn rank(fields: &[u32; FIELDS]) -> Rank {
    if fields[Field::Heading as usize] != 0 {
        Rank::Heading
    } else if fields[Field::Message as usize] | fields[Field::Tags as usize] != 0 {
        Rank::CodeText
    } else {
        Rank::RowText
    }
}
