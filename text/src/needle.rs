//! Words looked for in folded texts: a word folded once into a buffer of its own
//! ([`Needle`]), and many words looked for in one text read once ([`WordSet`]). The texts
//! are folded beforehand ([`crate::fold`]); the search folds the table's texts when the
//! table is generated, and a query's words here.

use crate::fold::{folded, looked_for};

/// A word folded into a buffer of its own: the needle a folded text is searched for.
#[derive(Clone, Copy, Debug)]
pub struct Needle {
    chars: [char; Needle::CAPACITY],
    len: usize,
    /// The same characters in UTF-8, for `str::contains` over the folded texts.
    text: [u8; 4 * Needle::CAPACITY],
    text_len: usize,
    /// How much of `text` is looked for ([`looked_for`]).
    word_len: usize,
    /// Longer than the buffer: it matches nothing.
    too_long: bool,
}

impl Needle {
    /// The longest word matched, in folded characters: longer ones match nothing.
    pub const CAPACITY: usize = 128;

    /// The empty word, which matches nothing: the filler of an array of needles.
    pub const EMPTY: Needle = Needle {
        chars: ['\0'; Needle::CAPACITY],
        len: 0,
        text: [0; 4 * Needle::CAPACITY],
        text_len: 0,
        word_len: 0,
        too_long: false,
    };

    /// The word folded, at most [`Needle::CAPACITY`] characters of it.
    pub fn new(word: &str) -> Needle {
        let mut needle = Needle::EMPTY;
        needle.refold(word);
        needle
    }

    /// Another word folded into this needle's buffers, in place of its own: one needle
    /// reused for many words is not cleared for each (its buffers are a kilobyte).
    pub fn refold(&mut self, word: &str) {
        self.fill(folded(word));
    }

    /// A word folded beforehand ([`folded`], as an index keeps its texts) put in this
    /// needle's buffers without folding it again: the same needle as [`Needle::refold`] of
    /// the word.
    pub fn set_folded(&mut self, folded: &str) {
        self.fill(folded.chars());
    }

    /// The buffers filled with folded characters.
    pub(crate) fn fill(&mut self, folded: impl Iterator<Item = char>) {
        self.len = 0;
        self.text_len = 0;
        self.too_long = false;
        for c in folded {
            if self.len == Needle::CAPACITY {
                self.too_long = true;
                break;
            }
            self.chars[self.len] = c;
            self.len += 1;
            self.text_len += c.encode_utf8(&mut self.text[self.text_len..]).len();
        }
        self.word_len = self.chars()[..looked_for(self.chars())]
            .iter()
            .map(|c| c.len_utf8())
            .sum();
    }

    /// The folded characters, at most [`Needle::CAPACITY`] of them.
    pub fn chars(&self) -> &[char] {
        &self.chars[..self.len]
    }

    /// The folded characters as a text.
    pub fn text(&self) -> &str {
        // Whole characters encoded one after another: always UTF-8.
        core::str::from_utf8(&self.text[..self.text_len]).unwrap_or("")
    }

    /// Whether the word folds to nothing (blanks, long-vowel marks, invisible characters).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The word to look for in folded texts: its folded characters but a last okurigana
    /// after a kanji ([`looked_for`]), or nothing when it can match
    /// nothing (empty, or longer than the buffer).
    pub fn word(&self) -> &str {
        if self.matches_something() {
            &self.text()[..self.word_len]
        } else {
            ""
        }
    }

    /// Whether a folded text (one of the search index's, or another needle's) holds the
    /// word.
    pub fn is_in_folded(&self, folded: &str) -> bool {
        let word = self.word();
        !word.is_empty() && folded.contains(word)
    }

    /// Whether another needle's characters (a query's, cut at [`Needle::CAPACITY`]) hold
    /// the word.
    pub fn is_in_needle(&self, other: &Needle) -> bool {
        self.is_in_folded(other.text())
    }

    /// Whether the needle can match at all: not longer than the buffer (an empty one is
    /// an empty word, which [`WordSet`] and [`Needle::is_in_folded`] find nowhere).
    fn matches_something(&self) -> bool {
        !self.too_long
    }
}

/// How many places [`pair_place`] gives.
pub const PAIR_PLACES: usize = 4096;

/// A pair of bytes as one of [`PAIR_PLACES`] places: the low six bits of both. In the UTF-8
/// of kana and kanji the first byte of a character is one of a few and the others tell it,
/// so that the pairs of a text's characters fall in places of their own.
pub fn pair_place(a: u8, b: u8) -> usize {
    usize::from(a & 0x3F) << 6 | usize::from(b & 0x3F)
}

/// A bit for each character (of 128, by its code point): where a word's bits are not all
/// among a text's, the text cannot hold the word. A quick test before a search, where many
/// words (the callers' words, the words of `[elsewhere]`) are each looked for in one text.
pub fn char_bits(chars: impl Iterator<Item = char>) -> u128 {
    chars.fold(0, |bits, c| bits | 1 << (u32::from(c) % 128))
}

/// The most words a [`WordSet`] looks for at once.
pub const MAX_NEEDLES: usize = 32;

/// Words looked for in many texts at once, each text read once for all of them: a word is
/// compared where the text has its last two bytes (told by a table of pairs of bytes), so
/// that most places are passed over after one look. The last two: in the UTF-8 of kana and
/// kanji, the first byte of a character is one of a few, the others tell it.
#[derive(Clone, Debug)]
pub struct WordSet<'w> {
    words: &'w [&'w str],
    /// For each pair of bytes (by [`WordSet::pair`]), the words of two bytes or more
    /// that end with a pair there.
    ending: [u32; PAIR_PLACES],
    /// The words of one byte, looked for with `contains`.
    short: u32,
    /// Every word that can be found.
    all: u32,
}

impl<'w> WordSet<'w> {
    /// The words, at most [`MAX_NEEDLES`] of them (the rest are not looked for).
    pub fn new(words: &'w [&'w str]) -> WordSet<'w> {
        let words = &words[..words.len().min(MAX_NEEDLES)];
        let mut set = WordSet {
            words,
            ending: [0; PAIR_PLACES],
            short: 0,
            all: 0,
        };
        for (i, word) in words.iter().enumerate() {
            let bit = 1 << i;
            match word.as_bytes() {
                [] => continue,
                [_] => set.short |= bit,
                [.., a, b] => set.ending[WordSet::pair(*a, *b)] |= bit,
            }
            set.all |= bit;
        }
        set
    }

    /// A pair of bytes as a place in the table: [`pair_place`].
    fn pair(a: u8, b: u8) -> usize {
        pair_place(a, b)
    }

    /// Up to this many words, each is looked for on its own with `str::contains`, whose
    /// search of one word is faster than this set's look at every byte.
    const FEW: u32 = 3;

    /// Which of the words (bit `i` for the `i`th) a folded text holds.
    pub fn found_in(&self, folded: &str) -> u32 {
        if self.all.count_ones() <= WordSet::FEW {
            return self.each_found_in(folded, self.all);
        }
        let mut found = self.each_found_in(folded, self.short);
        let bytes = folded.as_bytes();
        for (end, pair) in (2..).zip(bytes.windows(2)) {
            let candidates = self.ending[WordSet::pair(pair[0], pair[1])] & !found;
            if candidates != 0 {
                found |= self.ending_at(&bytes[..end], candidates);
                if found == self.all {
                    break;
                }
            }
        }
        found
    }

    /// Which of the given words (bits) a folded text holds, each looked for on its own.
    fn each_found_in(&self, folded: &str, mut words: u32) -> u32 {
        let mut found = 0;
        while words != 0 {
            let i = words.trailing_zeros() as usize;
            words &= words - 1;
            if folded.contains(self.words[i]) {
                found |= 1 << i;
            }
        }
        found
    }

    /// Which of the candidate words the bytes end with.
    #[cold]
    fn ending_at(&self, bytes: &[u8], mut candidates: u32) -> u32 {
        let mut found = 0;
        while candidates != 0 {
            let i = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            if bytes.ends_with(self.words[i].as_bytes()) {
                found |= 1 << i;
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(text: &str) -> ([char; 64], usize) {
        let mut chars = ['\0'; 64];
        let mut len = 0;
        for c in folded(text) {
            chars[len] = c;
            len += 1;
        }
        (chars, len)
    }

    #[test]
    fn needles_are_found_in_folded_texts() {
        let needle = Needle::new("ｶｰﾄﾞﾘｰﾀﾞ");
        assert!(needle.is_in_needle(&Needle::new("顔認証付きカードリーダーの電源")));
        assert_eq!(needle.text(), "カドリダ");
        let (chars, len) = fold("ｶｰﾄﾞﾘｰﾀﾞ");
        assert_eq!(needle.chars(), &chars[..len]);
        assert!(
            Needle::new("有効期限").is_in_needle(&Needle::new("証明書の有効\n期限が切れている"))
        );
        assert!(!Needle::new("abab").is_in_folded("abaab"));
        assert!(!Needle::new("ー").is_in_folded(""));
        assert!(Needle::new("ー").is_empty());
    }

    #[test]
    fn words_are_found_anywhere_in_a_text() {
        for (text, word, expected) in [
            ("abc", "abc", true),
            ("xabc", "abc", true),
            ("abcx", "abc", true),
            ("ab", "abc", false),
            ("abac", "ac", true),
            ("aXc", "abc", false),
            ("暗証番号", "証番", true),
            ("暗証番号", "号", true),
            ("暗証番号", "暗", true),
            ("暗証番", "番号", false),
            ("", "a", false),
            ("a", "", false),
        ] {
            let words = [word];
            assert_eq!(
                WordSet::new(&words).found_in(text) == 1,
                expected,
                "{text:?} {word:?}"
            );
        }
    }

    /// The table of pairs tells apart every pair of bytes by their low six bits, so that a
    /// word is compared only where the text ends as it does.
    #[test]
    fn the_pairs_of_bytes_fall_in_places_of_their_own() {
        let mut places = [false; 4096];
        for a in 0x80..0xC0u8 {
            for b in 0x80..0xC0u8 {
                let place = WordSet::pair(a, b);
                assert!(!places[place], "{a:02X} {b:02X}");
                places[place] = true;
            }
        }
        // `ク` (E3 82 AF) and `グ` (E3 82 B0): two places.
        assert_ne!(WordSet::pair(0x82, 0xAF), WordSet::pair(0x82, 0xB0));
    }

    #[test]
    fn a_needle_longer_than_its_buffer_matches_nothing() {
        let long = "暗".repeat(Needle::CAPACITY + 1);
        let needle = Needle::new(&long);
        assert_eq!(needle.chars().len(), Needle::CAPACITY);
        assert!(!needle.is_in_folded(&long));
        let just = Needle::new(&long[3..]);
        assert!(just.is_in_folded(&long));
        // The query cut at the buffer still holds the words of its start.
        assert!(Needle::new("暗暗").is_in_needle(&needle));
    }

    #[test]
    fn several_needles_are_found_in_one_text() {
        let needles = ["暗証番号", "ー", "ﾛｯｸ", "証明書", "ababc"].map(Needle::new);
        let needles = needles.each_ref().map(Needle::word);
        let set = WordSet::new(&needles);
        assert_eq!(set.found_in("暗証番号ガロックサレタ"), 0b101);
        assert_eq!(set.found_in("証明書ノ期限"), 0b1000);
        assert_eq!(set.found_in("abababc"), 0b10000);
        assert_eq!(set.found_in(""), 0);
        assert_eq!(WordSet::new(&[]).found_in("暗証番号"), 0);
        // Words of one byte, and words that end alike, among many.
        let words = ["3", "番号", "暗証番号", "号", "ab", "b"];
        let set = WordSet::new(&words);
        assert_eq!(set.found_in("暗証番号ヲ3回"), 0b1111);
        assert_eq!(set.found_in("番号ab"), 0b111010);
        assert_eq!(set.found_in("b"), 0b100000);
    }
}
