//! What a person would not notice, folded away for matching words against the table's
//! texts (the texts themselves are always shown as published). The offline page's script
//! folds the same way; the shared cases in `tests/queries.json` hold the two together.
//!
//! Folded, on the query and the texts alike:
//!
//! - width, as NFKC folds it for what the table uses: full-width ASCII (`ＬＡＮ`) as ASCII,
//!   half-width katakana and its voiced marks (`ﾈｯﾄﾜｰｸ`, `ｶﾞ`) as full-width katakana,
//!   half-width `｡｢｣､･` as `。「」、・`, and a combining voiced mark joined to its kana;
//! - case (`lan`, `Smart Card`);
//! - hiragana as katakana (`ぱすわーど`);
//! - the long-vowel mark `ー`, which the table writes and omits for the same word
//!   (`カードリーダ`, `カードリーダー`): left out;
//! - blanks and line breaks (ASCII or ideographic), so that a phrase that runs across a
//!   line break matches: left out;
//! - the characters no one can see ([`crate::unseen`]): left out, so that a word with a
//!   zero-width space inside still matches;
//! - okurigana, as the table writes the same word with and without it (`問い合わせ`,
//!   `問合せ`; `読み込み`, `読込み`; `受け取り`, `受取り`): a kana of the i- or e-row
//!   between two kanji is left out (`問い合` as `問合`), and `わ` between `合` and `せ`.
//!
//! Nothing else is folded: small kana stay small (`ッ` is not `ツ`), and digits in circles
//! (`①`) stay as they are.

use crate::unseen::unseen;

/// Whether a character is a kanji (CJK ideographs, their extension A and compatibility
/// forms, and the iteration mark `々`).
pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々')
}

/// The half-width katakana U+FF66–U+FF9D as full-width.
const HALF_WIDTH_KANA: [char; 56] = [
    'ヲ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ッ', 'ー', 'ア', 'イ', 'ウ', 'エ', 'オ',
    'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ', 'ソ', 'タ', 'チ', 'ツ', 'テ', 'ト', 'ナ',
    'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ', 'ホ', 'マ', 'ミ', 'ム', 'メ', 'モ', 'ヤ', 'ユ',
    'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ', 'ン',
];

/// Width and script: one character as its full-width katakana or ASCII form, the half-width
/// voiced marks as combining marks. Case and the rest are folded by [`folded`].
pub fn widen(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{FF66}'..='\u{FF9D}' => HALF_WIDTH_KANA[(c as u32 - 0xFF66) as usize],
        '\u{FF9E}' => '\u{3099}',
        '\u{FF9F}' => '\u{309A}',
        '\u{FF61}' => '。',
        '\u{FF62}' => '「',
        '\u{FF63}' => '」',
        '\u{FF64}' => '、',
        '\u{FF65}' => '・',
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A hiragana as its katakana.
fn katakana(c: char) -> char {
    match c {
        '\u{3041}'..='\u{3096}' | '\u{309D}' | '\u{309E}' => {
            char::from_u32(c as u32 + 0x60).unwrap_or(c)
        }
        _ => c,
    }
}

/// A katakana with a voiced (`゙`) or semi-voiced (`゚`) mark, composed.
fn voiced(kana: char, mark: char) -> Option<char> {
    let n = kana as u32;
    let voiceable = matches!(n, 0x30AB..=0x30C2 if n % 2 == 1)
        || matches!(n, 0x30C4 | 0x30C6 | 0x30C8)
        || matches!(n, 0x30CF | 0x30D2 | 0x30D5 | 0x30D8 | 0x30DB);
    let half = matches!(n, 0x30CF | 0x30D2 | 0x30D5 | 0x30D8 | 0x30DB);
    let composed = match mark {
        '\u{3099}' if voiceable => n + 1,
        '\u{3099}' if kana == 'ウ' => 0x30F4,
        '\u{3099}' if matches!(kana, 'ワ' | 'ヰ' | 'ヱ' | 'ヲ') => n + 8,
        '\u{309A}' if half => n + 2,
        _ => return None,
    };
    char::from_u32(composed)
}

/// The kana of okurigana that the table writes or leaves out between two kanji: the i-
/// and e-rows (`問い合`, `受け取`, `読み込`), not the particles `に`, `で`, `へ`, `て`.
fn is_okurigana(c: char) -> bool {
    matches!(
        c,
        'イ' | 'キ'
            | 'ギ'
            | 'シ'
            | 'ジ'
            | 'チ'
            | 'ヂ'
            | 'ヒ'
            | 'ビ'
            | 'ミ'
            | 'リ'
            | 'エ'
            | 'ケ'
            | 'ゲ'
            | 'セ'
            | 'ゼ'
            | 'ネ'
            | 'ベ'
            | 'メ'
            | 'レ'
    )
}

/// From the CJK radicals to the Yi syllables: no character here has a lower case.
const NO_CASE: core::ops::RangeInclusive<char> = '\u{2E80}'..='\u{A63F}';

/// The characters of a text as they are matched; see the module's documentation.
pub fn folded(text: &str) -> Folded<'_> {
    Folded {
        chars: Widened {
            chars: text.chars(),
            lower: None,
        },
        next: None,
        previous: None,
    }
}

/// Width, script, case and what is left out: one character at a time.
struct Widened<'a> {
    chars: core::str::Chars<'a>,
    /// The rest of a character's lower case, when it has more than one character.
    lower: Option<core::char::ToLowercase>,
}

impl Iterator for Widened<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if let Some(lower) = &mut self.lower {
            if let Some(c) = lower.next() {
                return Some(c);
            }
            self.lower = None;
        }
        loop {
            let c = self.chars.next()?;
            // Most of the table: kanji and ASCII letters, which fold to themselves or
            // their lower case.
            if is_kanji(c) {
                return Some(c);
            }
            if c.is_ascii_alphanumeric() {
                return Some(c.to_ascii_lowercase());
            }
            let c = widen(c);
            if c.is_whitespace() || unseen(c).is_some() || c == 'ー' {
                continue;
            }
            let c = katakana(c);
            if ('\u{30A1}'..='\u{30FA}').contains(&c) {
                return Some(c);
            }
            // CJK symbols, kana and ideographs have no case: spared the case tables' search.
            if NO_CASE.contains(&c) {
                return Some(c);
            }
            let mut lower = c.to_lowercase();
            let first = lower.next().unwrap_or(c);
            if lower.len() > 0 {
                self.lower = Some(lower);
            }
            return Some(first);
        }
    }
}

/// The folded characters of a text; see [`folded`].
pub struct Folded<'a> {
    chars: Widened<'a>,
    /// The next character, read ahead to tell okurigana.
    next: Option<char>,
    /// The last character given.
    previous: Option<char>,
}

impl Iterator for Folded<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        loop {
            let mut c = self.next.take().or_else(|| self.chars.next())?;
            // A kana and the voiced mark after it, with what is left out between them
            // already gone (so that folding twice changes nothing).
            if ('\u{30A1}'..='\u{30FA}').contains(&c) {
                let after = self.chars.next();
                match after.and_then(|mark| voiced(c, mark)) {
                    Some(composed) => c = composed,
                    None => self.next = after,
                }
            }
            let between_kanji = self.previous.is_some_and(is_kanji)
                && (is_okurigana(c) || (c == 'ワ' && self.previous == Some('合')));
            if between_kanji {
                if self.next.is_none() {
                    self.next = self.chars.next();
                }
                let drop = match self.next {
                    Some(next) if c == 'ワ' => next == 'セ',
                    Some(next) => is_kanji(next),
                    None => false,
                };
                if drop {
                    continue;
                }
            }
            self.previous = Some(c);
            return Some(c);
        }
    }
}

/// A word folded into a buffer of its own, with its Knuth–Morris–Pratt failure table: the
/// needle a text is searched for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Needle {
    chars: [char; Needle::CAPACITY],
    /// For each prefix, the length of its longest proper prefix that is also its suffix.
    fail: [u8; Needle::CAPACITY],
    len: usize,
    /// Longer than the buffer: it matches nothing.
    too_long: bool,
}

impl Needle {
    /// The longest word matched, in folded characters: longer ones match nothing.
    pub(crate) const CAPACITY: usize = 128;

    pub(crate) const EMPTY: Needle = Needle {
        chars: ['\0'; Needle::CAPACITY],
        fail: [0; Needle::CAPACITY],
        len: 0,
        too_long: false,
    };

    pub(crate) fn new(word: &str) -> Needle {
        let mut needle = Needle::EMPTY;
        for c in folded(word) {
            if needle.len == Needle::CAPACITY {
                needle.too_long = true;
                break;
            }
            needle.chars[needle.len] = c;
            needle.len += 1;
        }
        let mut k = 0usize;
        for i in 1..needle.len {
            while k > 0 && needle.chars[i] != needle.chars[k] {
                k = usize::from(needle.fail[k - 1]);
            }
            if needle.chars[i] == needle.chars[k] {
                k += 1;
            }
            needle.fail[i] = k as u8;
        }
        needle
    }

    /// The folded characters, at most [`Needle::CAPACITY`] of them.
    pub(crate) fn chars(&self) -> &[char] {
        &self.chars[..self.len]
    }

    /// Whether the word folds to nothing (blanks, long-vowel marks, invisible characters).
    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether a text holds the word, both folded (Knuth–Morris–Pratt over the folded
    /// text as it streams: no buffer of the text).
    pub(crate) fn is_in(&self, text: &str) -> bool {
        if !self.matches_something() {
            return false;
        }
        let mut matched = 0;
        for c in folded(text) {
            matched = self.step(matched, c);
            if matched == self.len {
                return true;
            }
        }
        false
    }

    /// Whether folded characters (another needle's) hold the word.
    pub(crate) fn is_in_chars(&self, chars: &[char]) -> bool {
        if !self.matches_something() {
            return false;
        }
        let mut matched = 0;
        for &c in chars {
            matched = self.step(matched, c);
            if matched == self.len {
                return true;
            }
        }
        false
    }

    /// Whether the needle can match at all: neither empty nor longer than the buffer.
    fn matches_something(&self) -> bool {
        !self.too_long && self.len > 0
    }

    /// The Knuth–Morris–Pratt step: how much of the needle is matched once `c` follows
    /// `matched` characters of it.
    fn step(&self, mut matched: usize, c: char) -> usize {
        while matched > 0 && c != self.chars[matched] {
            matched = usize::from(self.fail[matched - 1]);
        }
        if c == self.chars[matched] {
            matched += 1;
        }
        matched
    }
}

/// The most needles [`found_in_text`] looks for at once.
pub(crate) const MAX_NEEDLES: usize = 32;

/// Which of the needles a text holds (bit `i` for the `i`th, at most [`MAX_NEEDLES`]),
/// the text folded once for all of them.
pub(crate) fn found_in_text(needles: &[Needle], text: &str) -> u32 {
    // For each needle, how much of it is matched; `DONE` once found or when it can match
    // nothing.
    const DONE: usize = usize::MAX;
    let needles = &needles[..needles.len().min(MAX_NEEDLES)];
    // One word, the most common search: the plain loop, without the bookkeeping.
    if let [needle] = needles {
        return u32::from(needle.is_in(text));
    }
    let mut matched = [DONE; MAX_NEEDLES];
    let mut searching = 0;
    for (m, needle) in matched.iter_mut().zip(needles) {
        if needle.matches_something() {
            *m = 0;
            searching += 1;
        }
    }
    let mut found = 0u32;
    if searching == 0 {
        return found;
    }
    for c in folded(text) {
        for (i, (m, needle)) in matched.iter_mut().zip(needles).enumerate() {
            if *m == DONE {
                continue;
            }
            *m = needle.step(*m, c);
            if *m == needle.len {
                *m = DONE;
                found |= 1 << i;
                searching -= 1;
                if searching == 0 {
                    return found;
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(text: &str) -> String {
        folded(text).collect()
    }

    #[test]
    fn what_a_person_would_not_notice_is_folded() {
        assert_eq!(fold("ﾈｯﾄﾜｰｸ"), fold("ネットワーク"));
        assert_eq!(fold("ﾈｯﾄﾜｰｸ"), "ネットワク");
        assert_eq!(fold("ｶﾞｰﾄﾞ"), "ガド");
        assert_eq!(fold("ＬＡＮ"), "lan");
        assert_eq!(fold("Smart Card"), "smartcard");
        assert_eq!(fold("ぱすわーど"), fold("パスワード"));
        assert_eq!(fold("カードリーダ"), fold("カードリーダー"));
        assert_eq!(fold("有効\n期限"), "有効期限");
        assert_eq!(fold("暗証\u{200B}番号"), "暗証番号");
        assert_eq!(fold("か\u{3099}"), "ガ");
        assert_eq!(fold("ﾊﾟ"), "パ");
        assert_eq!(fold("ｳﾞ"), "ヴ");
        // What is left out between a kana and its mark does not keep them apart, and
        // folding twice changes nothing (a fuzzing run found it did).
        assert_eq!(fold("ﾄ\u{e}\tﾞ"), "ド");
        let once = fold("0a090ﾄ\n\u{e}ﾞﾘｰﾀﾞ電源");
        assert_eq!(fold(&once), once);
    }

    /// Half-width punctuation and the ideographic space widen to their full-width forms;
    /// the rarer voiced kana compose; a semi-voiced mark composes only on the ハ row; a
    /// lower case of two characters keeps both; okurigana go only between two kanji.
    #[test]
    fn the_rarer_forms_fold_too() {
        for (half, full) in [
            ('｡', '。'),
            ('｢', '「'),
            ('｣', '」'),
            ('､', '、'),
            ('･', '・'),
        ] {
            assert_eq!(widen(half), full);
        }
        assert_eq!(widen('\u{3000}'), ' ');
        assert_eq!(fold("ﾜﾞ"), "\u{30F7}");
        assert_eq!(fold("ヲ\u{3099}"), "\u{30FA}");
        assert_eq!(fold("ｳﾞｪ"), "ヴェ");
        assert_eq!(fold("ホ\u{309A}"), "ポ");
        assert!(fold("カ\u{309A}").starts_with('カ'), "no semi-voiced カ");
        assert!(fold("ア\u{3099}").starts_with('ア'), "no voiced ア");
        assert_eq!(fold("İ"), "i\u{307}");
        assert_eq!(fold("イ号"), "イ号", "an okurigana after no kanji stays");
        assert_eq!(fold("問ワセ"), "問ワセ", "わ is left out after 合 only");
    }

    #[test]
    fn no_character_of_the_caseless_range_has_a_lower_case() {
        for c in NO_CASE {
            assert!(c.to_lowercase().eq([c]), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn okurigana_the_table_writes_both_ways() {
        assert_eq!(fold("問い合わせ"), fold("問合せ"));
        assert_eq!(fold("問合わせ"), fold("問合せ"));
        assert_eq!(fold("読み込み"), fold("読込み"));
        assert_eq!(fold("受け取った"), fold("受取った"));
        assert_eq!(fold("書き込み"), fold("書込み"));
        // Particles stay: の, に, を are words of their own.
        assert_eq!(fold("端末の再起動"), "端末ノ再起動");
        assert_eq!(fold("画面に表示"), "画面ニ表示");
    }

    #[test]
    fn needles_are_found_in_folded_texts() {
        let needle = Needle::new("ｶｰﾄﾞﾘｰﾀﾞ");
        assert!(needle.is_in("顔認証付きカードリーダーの電源"));
        assert!(Needle::new("有効期限").is_in("証明書の有効\n期限が切れている"));
        assert!(Needle::new("aab").is_in("aaab"));
        assert!(!Needle::new("abab").is_in("abaab"));
        assert!(!Needle::new("ー").is_in("ー"));
        assert!(Needle::new("ー").is_empty());
    }

    #[test]
    fn several_needles_are_found_in_one_pass() {
        let needles = [
            Needle::new("暗証番号"),
            Needle::new("ー"),
            Needle::new("ﾛｯｸ"),
            Needle::new("証明書"),
            Needle::new("ababc"),
        ];
        assert_eq!(found_in_text(&needles, "暗証番号がロックされた"), 0b101);
        assert_eq!(found_in_text(&needles, "証明書の期限"), 0b1000);
        assert_eq!(found_in_text(&needles, "abababc"), 0b10000);
        assert_eq!(found_in_text(&needles, ""), 0);
        assert_eq!(found_in_text(&[], "暗証番号"), 0);
    }
}
